// Query keys of the branch competitiveness index.
export const cdciKeys = {
  all: ['cdci'] as const,
  methods: ['cdci', 'methods'] as const,
  result: (id: string) => ['cdci', 'result', id] as const,
  published: ['cdci', 'published'] as const,
  publishedIndex: (id: string) => ['cdci', 'published', id] as const,
  branch: (id: string) => ['cdci', 'branch', id] as const,
};
