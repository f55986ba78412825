// Query keys of the support desk.
export const supportKeys = {
  requests: ['support-requests'] as const,
  requestList: (status: string | null, mine: boolean, q: string, offset: number) =>
    ['support-requests', status, mine, q, offset] as const,
  request: (id: string) => ['support-request', id] as const,
  inbox: ['support-inbound'] as const,
  inboxList: (status: string, offset: number) => ['support-inbound', status, offset] as const,
  inboxMail: (id: string) => ['support-inbound', 'one', id] as const,
  serviceLevels: ['support-service-levels'] as const,
  teams: ['support-teams'] as const,
  cannedAnswers: ['canned-answers'] as const,
  dashboard: (from: string, to: string) => ['support-dashboard', from, to] as const,
};
