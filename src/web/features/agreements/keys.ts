// Query keys of cooperation agreements.
export const agreementKeys = {
  all: ['agreements'] as const,
  list: (year: number, q: string) => ['agreements', year, q] as const,
  progressAll: ['agreement-progress'] as const,
  progress: (year: number) => ['agreement-progress', year] as const,
};
