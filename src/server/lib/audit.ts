// The append-only audit log. Writes take the caller's transaction so a change
// and its record commit together.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditContext {
  actor: Actor | null;
  ip?: string | null;
  /** Written by the platform itself (a job), not on anyone's behalf. */
  system?: boolean;
}

/** Entries a job writes: no actor, no address. */
export const SYSTEM_CONTEXT: AuditContext = Object.freeze({ actor: null, system: true });

function actorLabel(actor: Actor | null): string {
  if (!actor) return 'anonymous';
  return actor.kind === 'user' ? actor.email : `api:${actor.name}`;
}

/** The audit_log row for an entry, for callers that insert it inside a larger statement. */
function auditRow(context: AuditContext, entry: AuditEntry) {
  const actor = context.actor;
  return {
    actor_user_id: actor?.kind === 'user' ? actor.userId : null,
    actor_api_client_id: actor?.kind === 'api' ? actor.clientId : null,
    actor_label: context.system ? 'system' : actorLabel(actor),
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    unit_id: entry.unitId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    ip: context.ip ?? null,
  };
}

export async function writeAudit(db: Kysely<Database>, context: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(context, entry)).execute();
}
