// Query keys of a business's declarations and of imports.
export const declarationKeys = {
  all: ['my-declarations'] as const,
  list: (show: string, offset: number) => ['my-declarations', show, offset] as const,
  one: (number: string) => ['my-declaration', number] as const,
  qr: (url: string) => ['qr', url] as const,
  importJob: (jobId: string | null) => ['import', jobId] as const,
};
