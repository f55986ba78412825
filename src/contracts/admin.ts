import { z } from 'zod';
import { pageQuery, uuid } from './common.ts';

/** `assessments:links`: receive each declaration's rating link (for the business's own declaration software only). */
export const API_SCOPES = [
  'units:read',
  'declarations:write',
  'declarations:read',
  'assessments:write',
  'assessments:links',
  'satisfaction:read',
  /** Processing steps of declarations, as they happen (they feed the waiting-room screens). */
  'progress:write',
] as const;

export const createApiKeyBody = z.object({
  name: z.string().trim().min(2).max(100),
  scopes: z.array(z.enum(API_SCOPES)).min(1),
});

export const apiKeyResponse = z.object({
  id: uuid,
  name: z.string(),
  keyPrefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const createdApiKeyResponse = apiKeyResponse.extend({ key: z.string() });

export const auditQuery = pageQuery.extend({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditEntryResponse = z.object({
  id: z.number().int(),
  at: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export const outboxEntryResponse = z.object({
  id: uuid,
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
