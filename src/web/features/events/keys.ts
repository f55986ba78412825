// Query keys of events, dialogues and their follow-ups.
export const eventKeys = {
  all: ['events'] as const,
  list: (filters: object) => ['events', filters] as const,
  one: (id: string) => ['event', id] as const,
  stats: ['event-stats'] as const,
  openFollowUps: ['follow-ups', 'open'] as const,
  dialogueRequests: ['dialogue-requests'] as const,
};
