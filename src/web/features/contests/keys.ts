// Query keys of contests.
export const contestKeys = {
  all: ['contests'] as const,
  list: ['contests', 'list'] as const,
  detail: (id: string) => ['contests', 'detail', id] as const,
  statistics: (id: string) => ['contests', 'statistics', id] as const,
  leaderboard: (roundId: string) => ['contests', 'leaderboard', roundId] as const,
  hall: (roundId: string) => ['contests', 'hall', roundId] as const,
  question: (attemptId: string) => ['contests', 'question', attemptId] as const,
  result: (attemptId: string) => ['contests', 'result', attemptId] as const,
  reviewTasks: ['contests', 'review-tasks'] as const,
};
