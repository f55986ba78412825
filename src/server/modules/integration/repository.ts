// Queries of the integration API (Kysely only): the customs units declaration software refers to.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Active units with their parent's code, in code order. */
export function findActiveUnits(db: Kysely<Database>) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'u.kind', 'u.name_vi', 'u.name_en', 'p.code as parent_code'])
    .where('u.status', '=', 'active')
    .orderBy('u.code')
    .execute();
}
export type UnitRow = Awaited<ReturnType<typeof findActiveUnits>>[number];

export function findUnitByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('units').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}
