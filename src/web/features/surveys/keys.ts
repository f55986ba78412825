// Query keys of surveys.
export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  participation: (id: string) => ['surveys', 'participation', id] as const,
  results: (id: string, stratum: string | null, type: string | null, published: boolean) =>
    ['surveys', 'results', id, stratum, type, published] as const,
  mine: ['surveys', 'mine'] as const,
  published: ['surveys', 'published'] as const,
  association: ['surveys', 'association'] as const,
  form: (ref: string) => ['surveys', 'form', ref] as const,
};
