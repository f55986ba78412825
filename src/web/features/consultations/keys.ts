// Query keys of consultations.
export const consultationKeys = {
  all: ['consultations'] as const,
  list: (q: string, phase: string | null, topic: string | null) => ['consultations', 'list', q, phase, topic] as const,
  managed: ['consultations', 'managed'] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
  comments: (id: string) => ['consultations', 'comments', id] as const,
  space: (id: string, associationId: string) => ['consultations', 'space', id, associationId] as const,
  review: (id: string, article: number | null, kind: string | null, status: string | null) =>
    ['consultations', 'review', id, article, kind, status] as const,
  report: (id: string) => ['consultations', 'report', id] as const,
  notices: ['consultations', 'notices'] as const,
};
