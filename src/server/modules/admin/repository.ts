import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays, startOfVietnamDay } from '../../../contracts/vietnam-time.ts';

export function insertApiClient(
  db: Kysely<Database>,
  values: { name: string; keyPrefix: string; keyHash: string; scopes: string[]; createdBy: string | null },
) {
  return db
    .insertInto('api_clients')
    .values({
      name: values.name,
      key_prefix: values.keyPrefix,
      key_hash: values.keyHash,
      scopes: values.scopes,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findApiClients(db: Kysely<Database>) {
  return db.selectFrom('api_clients').selectAll().orderBy('created_at', 'desc').execute();
}

export function revokeApiClient(db: Kysely<Database>, id: string, now: Date) {
  return db
    .updateTable('api_clients')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function findApiClientByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('api_clients').selectAll().where('name', '=', name).executeTakeFirst();
}

export function updateApiClientKey(
  db: Kysely<Database>,
  id: string,
  values: { keyPrefix: string; keyHash: string; scopes: string[] },
) {
  return db
    .updateTable('api_clients')
    .set({ key_prefix: values.keyPrefix, key_hash: values.keyHash, scopes: values.scopes, revoked_at: null })
    .where('id', '=', id)
    .execute();
}

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function findAuditEntries(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.actor) query = query.where(sql`lower(actor_label)`, 'like', `%${filter.actor.toLowerCase()}%`);
  if (filter.from) query = query.where('at', '>=', startOfVietnamDay(filter.from));
  if (filter.to) query = query.where('at', '<', startOfVietnamDay(addDays(filter.to, 1)));
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findOutbox(db: Kysely<Database>, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('mail_outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
