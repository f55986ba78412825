// Query keys of the library: documents, announcements, newsletters and subscriptions.
export const documentKeys = {
  all: ['documents'] as const,
  list: (q: string, topic: string | null) => ['documents', q, topic] as const,
  announcements: ['announcements'] as const,
  newsletters: ['newsletters'] as const,
  deliveriesOf: (id: string) => ['newsletter-deliveries', id] as const,
  deliveries: (id: string, status: string | null, offset: number) =>
    ['newsletter-deliveries', id, status, offset] as const,
  subscription: ['subscription'] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};
