import type { Selectable } from 'kysely';
import type { ApiClientsTable, AuditLogTable, MailOutboxTable } from '../../db/schema.ts';

export function toApiKey(row: Selectable<ApiClientsTable>) {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}

export function toAuditEntry(row: Selectable<AuditLogTable>) {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details,
    ip: row.ip,
  };
}

export function toOutboxEntry(row: Selectable<MailOutboxTable>) {
  return {
    id: row.id,
    toAddress: row.to_address,
    subject: row.subject,
    textBody: row.text_body,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    error: row.error,
  };
}
