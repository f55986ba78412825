import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const accountColumns = [
  'u.id',
  'u.email',
  'u.full_name',
  'u.phone',
  'u.locale',
  'u.active',
  'u.enterprise_id',
  'u.association_id',
  'u.officer_id',
  'u.created_at',
  'u.last_sign_in_at',
  'e.name as enterprise_name',
] as const;

export async function findAccounts(
  db: Kysely<Database>,
  filter: { q?: string | undefined; role?: string | undefined; limit: number; offset: number },
) {
  let query = db.selectFrom('users as u').leftJoin('enterprises as e', 'e.id', 'u.enterprise_id');
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(u.full_name)`, 'like', like), eb('u.email', 'like', like)]));
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    );
  }
  const [items, total] = await Promise.all([
    query.select(accountColumns).orderBy('u.email').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findAccountById(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .select(accountColumns)
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

export function findRolesFor(db: Kysely<Database>, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_roles as r')
    .leftJoin('units as un', 'un.id', 'r.unit_id')
    .select(['r.user_id', 'r.role', 'r.unit_id', 'un.code as unit_code'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.role')
    .execute();
}

export type RoleRow = Awaited<ReturnType<typeof findRolesFor>>[number];

export function emailExists(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
}

export function insertAccount(
  db: Kysely<Database>,
  values: {
    email: string;
    passwordHash: string;
    fullName: string;
    phone: string | null;
    locale: 'vi' | 'en';
    enterpriseId: string | null;
    associationId: string | null;
    officerId: string | null;
  },
) {
  return db
    .insertInto('users')
    .values({
      email: values.email,
      password_hash: values.passwordHash,
      full_name: values.fullName,
      phone: values.phone,
      locale: values.locale,
      enterprise_id: values.enterpriseId,
      association_id: values.associationId,
      officer_id: values.officerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function replaceRoles(
  db: Kysely<Database>,
  userId: string,
  roles: { role: string; unitId: string | null }[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length)
    await db
      .insertInto('user_roles')
      .values(roles.map((r) => ({ user_id: userId, role: r.role, unit_id: r.unitId })))
      .execute();
}

export async function updateAccount(
  db: Kysely<Database>,
  id: string,
  values: { full_name?: string; phone?: string | null; active?: boolean; password_hash?: string },
  now: Date,
) {
  await db
    .updateTable('users')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function existingIds(
  db: Kysely<Database>,
  table: 'units' | 'enterprises' | 'associations' | 'officers',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}
