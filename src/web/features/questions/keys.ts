// Query keys of the question bank: the public search and entries, and the officers' editor.
export const questionKeys = {
  search: (q: string, category: string | null, tag: string | null, offset: number) =>
    ['questions', q, category, tag, offset] as const,
  similar: (subject: string) => ['questions', 'similar', subject] as const,
  suggest: (typed: string) => ['questions-suggest', typed] as const,
  entry: (id: string) => ['question', id] as const,
  editorAll: ['qa-entries'] as const,
  editorList: (status: string | null, q: string, offset: number) => ['qa-entries', status, q, offset] as const,
  editorEntry: (id: string) => ['qa-entry', id] as const,
  report: ['qa-report'] as const,
  synonyms: ['qa-synonyms'] as const,
};
