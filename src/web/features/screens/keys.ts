// Query keys of the waiting-room screens.
export const screenKeys = {
  all: ['screens'] as const,
  list: ['screens', 'list'] as const,
  board: (key: string) => ['screens', 'board', key] as const,
  following: (office: string | null) => ['screens', 'following', office] as const,
  followed: (token: string) => ['screens', 'followed', token] as const,
  questions: ['screens', 'questions'] as const,
  documents: ['screens', 'documents'] as const,
};
