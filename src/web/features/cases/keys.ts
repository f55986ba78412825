// Query keys of flag cases.
export const caseKeys = {
  all: ['cases'] as const,
  list: (status: string, limit: number) => ['cases', status, limit] as const,
  one: (id: string) => ['case', id] as const,
};
