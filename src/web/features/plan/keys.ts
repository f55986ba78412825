// Query keys of the annual plan.
export const planKeys = {
  all: ['plans'] as const,
  list: (year: number) => ['plans', 'list', year] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
};
