import { sql, type Kysely } from 'kysely';
import { DEMO_EMAIL_DOMAIN } from '../../config.ts';
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

export interface Reservation {
  key: string;
  /** The attempt got a place under the key's limit. */
  granted: boolean;
  /** Attempts refused on this key in its window, this one included (1 = this attempt started the lockout). */
  refused: number;
  window_start: Date;
}

/**
 * Takes one place on each counter, atomically: one statement per attempt, and
 * the row lock of `on conflict do update` orders concurrent attempts, in any
 * number of processes. A counter whose window has passed starts again at 1.
 * Rows go in key order so two attempts never lock the same rows in opposite order.
 */
export async function reserveAttempts(
  db: Kysely<Database>,
  keys: { key: string; limit: number }[],
  now: Date,
  windowMs: number,
): Promise<Reservation[]> {
  const since = new Date(now.getTime() - windowMs);
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const result = await sql<Reservation>`
    insert into sign_in_counters as c (key, window_start, max_attempts, attempts, granted, refused)
    values ${sql.join(sorted.map((k) => sql`(${k.key}, ${now}, ${k.limit}, 1, true, 0)`))}
    on conflict (key) do update set
      window_start = case when c.window_start <= ${since} then excluded.window_start else c.window_start end,
      max_attempts = excluded.max_attempts,
      attempts = case when c.window_start <= ${since} then 1 when c.attempts < excluded.max_attempts then c.attempts + 1 else c.attempts end,
      granted = c.window_start <= ${since} or c.attempts < excluded.max_attempts,
      refused = case when c.window_start <= ${since} then 0 when c.attempts < excluded.max_attempts then c.refused else c.refused + 1 end
    returning key, granted, refused, window_start`.execute(db);
  return result.rows.map((row) => ({ ...row, refused: Number(row.refused) }));
}

/** Gives a place back (the attempt succeeded, or was not checked), in the window it was taken in. */
export async function releaseAttempts(
  db: Kysely<Database>,
  reservations: Pick<Reservation, 'key' | 'window_start'>[],
): Promise<void> {
  for (const r of reservations) {
    await db
      .updateTable('sign_in_counters')
      .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
      .where('key', '=', r.key)
      .where('window_start', '=', r.window_start)
      .execute();
  }
}

export async function deleteStaleCounters(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_counters').where('window_start', '<', before).execute();
}

export function findUserById(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'active', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function createSignInLink(
  db: Kysely<Database>,
  values: { tokenHash: string; userId: string; now: Date; expiresAt: Date; ip: string | null },
): Promise<void> {
  await db
    .insertInto('sign_in_links')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      created_at: values.now,
      expires_at: values.expiresAt,
      ip: values.ip,
    })
    .execute();
}

/** Takes one password attempt on a link that is unused, unexpired and has attempts left; none if it has not. */
export function reserveLinkAttempt(db: Kysely<Database>, tokenHash: string, now: Date, maxAttempts: number) {
  return db
    .updateTable('sign_in_links')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', maxAttempts)
    .returning(['user_id', 'attempts'])
    .executeTakeFirst();
}

/** Marks a link used; false when another request used it first. */
export async function consumeSignInLink(db: Kysely<Database>, tokenHash: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('sign_in_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteOldSignInLinks(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_links').where('expires_at', '<', before).execute();
}

export async function createSession(
  db: Kysely<Database>,
  values: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    now: Date;
  },
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

export async function updatePassword(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
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
    .select([
      'e.id as enterpriseId',
      'e.tax_code',
      'e.name as enterpriseName',
      'a.id as associationId',
      'a.name_vi as associationName',
      'o.id as officerId',
      'o.code as officerCode',
    ])
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
    .select([
      'u.email',
      'u.full_name',
      'r.role',
      'un.code as unitCode',
      'un.name_vi as unitName',
      'e.name as enterpriseName',
      'a.name_vi as associationName',
    ])
    .where('u.email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
    .where('u.active', '=', true)
    .orderBy('u.email')
    .execute();
}
