import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'active', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export function getPasswordHash(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
}

export async function countRecentFailures(db: Kysely<Database>, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordAttempt(db: Kysely<Database>, keys: string[], succeeded: boolean, at: Date): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values(keys.map((key) => ({ key, succeeded, at })))
    .execute();
}

export async function createSession(
  db: Kysely<Database>,
  values: { id: string; userId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: values.id,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      expires_at: values.expiresAt,
      created_at: values.now,
      last_seen_at: values.now,
      ip: values.ip,
      user_agent: values.userAgent,
    })
    .execute();
  await db.updateTable('users').set({ last_sign_in_at: values.now }).where('id', '=', values.userId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteOtherSessions(db: Kysely<Database>, userId: string, keepSessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function updatePassword(db: Kysely<Database>, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
}

export async function updateLocale(db: Kysely<Database>, userId: string, locale: 'vi' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export function findProfileParts(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .leftJoin('associations as a', 'a.id', 'u.association_id')
    .leftJoin('officers as o', 'o.id', 'u.officer_id')
    .select(['e.id as enterpriseId', 'e.tax_code', 'e.name as enterpriseName', 'a.id as associationId', 'a.name_vi as associationName', 'o.id as officerId', 'o.code as officerCode'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export function findDemoAccounts(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .leftJoin('units as un', 'un.id', 'r.unit_id')
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .leftJoin('associations as a', 'a.id', 'u.association_id')
    .select(['u.email', 'u.full_name', 'r.role', 'un.code as unitCode', 'un.name_vi as unitName', 'e.name as enterpriseName', 'a.name_vi as associationName'])
    .where('u.email', 'like', '%@demo.caunoi.vn')
    .where('u.active', '=', true)
    .orderBy('u.email')
    .execute();
}
