// Integration API keys (shown once, stored hashed), the audit log and the
// mail outbox: what administrators look after.
import type { Kysely } from 'kysely';
import { API_SCOPES } from '../../../contracts/admin.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { toApiKey, toAuditEntry, toOutboxEntry } from './mapper.ts';
import * as repo from './repository.ts';

const isAdmin = (actor: Actor | null) => hasRole(actor, 'admin');
const keyPrefixOf = (key: string) => key.slice(0, 10);

const BOOTSTRAP_CLIENT_NAME = 'bootstrap';

/** CAUNOI_BOOTSTRAP_API_KEY: a client with that key and every integration scope exists. */
export async function ensureBootstrapApiKey(db: Kysely<Database>, key: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const existing = await repo.findApiClientByName(tx, BOOTSTRAP_CLIENT_NAME);
    const values = { keyPrefix: keyPrefixOf(key), keyHash: sha256(key), scopes: [...API_SCOPES] };
    if (existing) {
      if (
        existing.key_hash === values.keyHash &&
        existing.revoked_at === null &&
        existing.scopes.length === API_SCOPES.length
      )
        return;
      await repo.updateApiClientKey(tx, existing.id, values);
    } else {
      await repo.insertApiClient(tx, { name: BOOTSTRAP_CLIENT_NAME, ...values, createdBy: null });
    }
    await writeAudit(
      tx,
      { actor: null },
      { action: 'api_key.bootstrapped', entityType: 'api_client', details: { name: BOOTSTRAP_CLIENT_NAME } },
    );
  });
}

export function createAdminService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function createApiKey(context: AuditContext, input: { name: string; scopes: string[] }) {
    if (!isAdmin(context.actor)) throw forbidden();
    const key = `cn_${randomToken(30)}`;
    return db.transaction().execute(async (tx) => {
      const row = await repo.insertApiClient(tx, {
        name: input.name,
        keyPrefix: keyPrefixOf(key),
        keyHash: sha256(key),
        scopes: [...new Set(input.scopes)],
        createdBy: isUser(context.actor) ? context.actor.userId : null,
      });
      await writeAudit(tx, context, {
        action: 'api_key.created',
        entityType: 'api_client',
        entityId: row.id,
        details: { name: row.name, scopes: row.scopes },
      });
      return { ...toApiKey(row), key };
    });
  }

  async function listApiKeys(actor: Actor | null) {
    if (!isAdmin(actor)) throw forbidden();
    return (await repo.findApiClients(db)).map(toApiKey);
  }

  async function revokeApiKey(context: AuditContext, id: string) {
    if (!isAdmin(context.actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const row = await repo.revokeApiClient(tx, id, clock.now());
      if (!row) throw notFound();
      await writeAudit(tx, context, {
        action: 'api_key.revoked',
        entityType: 'api_client',
        entityId: id,
        details: { name: row.name },
      });
      return toApiKey(row);
    });
  }

  async function listAudit(actor: Actor | null, filter: repo.AuditFilter) {
    if (!isAdmin(actor)) throw forbidden();
    const result = await repo.findAuditEntries(db, filter);
    return { items: result.items.map(toAuditEntry), total: result.total };
  }

  async function listOutbox(actor: Actor | null, page: { limit: number; offset: number }) {
    if (!isAdmin(actor)) throw forbidden();
    const result = await repo.findOutbox(db, page);
    return { items: result.items.map(toOutboxEntry), total: result.total };
  }

  return { createApiKey, listApiKeys, revokeApiKey, listAudit, listOutbox };
}
