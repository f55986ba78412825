// Query keys of the administration pages. Each list's keys start with its root, so invalidating
// the root refreshes every page and filter of it.
export { unitKeys } from '../../lib/units.ts';

export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: { q: string; role: string | null; offset: number }) => ['accounts', filters] as const,
  associations: ['associations'] as const,
};

export const apiKeyKeys = { all: ['api-keys'] as const };

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: object, offset: number) => ['audit', filters, offset] as const,
};

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (offset: number) => ['outbox', offset] as const,
};
