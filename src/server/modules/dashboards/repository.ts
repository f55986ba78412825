// Unit, officer and case lookups for the results pages. Figures themselves come
// from the disclosure gate (modules/disclosure/reader.ts), never from raw ratings.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export function findUnitWithChildren(db: Kysely<Database>, unitId: string) {
  return Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id'])
      .where('id', '=', unitId)
      .executeTakeFirst(),
    db
      .selectFrom('units')
      .select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id'])
      .where('parent_id', '=', unitId)
      .where('status', '=', 'active')
      .orderBy('code')
      .execute(),
    db.selectFrom('units').select('id').where('merged_into_id', '=', unitId).execute(),
  ]);
}

export function findOfficersOfUnit(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('officers')
    .select(['id', 'code', 'full_name', 'unit_id'])
    .where('unit_id', '=', unitId)
    .orderBy('code')
    .execute();
}

export function findOfficersByIds(db: Kysely<Database>, officerIds: string[]) {
  if (officerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('officers')
    .select(['id', 'code', 'full_name', 'unit_id'])
    .where('id', 'in', officerIds)
    .execute();
}

export function findOfficer(db: Kysely<Database>, officerId: string) {
  return db
    .selectFrom('officers')
    .select(['id', 'code', 'full_name', 'unit_id'])
    .where('id', '=', officerId)
    .executeTakeFirst();
}

export async function findRootUnitId(db: Kysely<Database>): Promise<string | undefined> {
  return (await db.selectFrom('units').select('id').where('kind', '=', 'general_department').executeTakeFirst())?.id;
}

export function findUnitsByIds(db: Kysely<Database>, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id'])
    .where('id', 'in', unitIds)
    .execute();
}

export interface CaseSummary {
  opened: number;
  open: number;
  inReview: number;
  resolved: number;
  substantiated: number;
  overdue: number;
}

/** Flag cases opened in [from, to) about the given units (null: every unit). Cases are few; no roll-up needed. */
export async function caseSummary(
  db: Kysely<Database>,
  unitIds: string[] | null,
  from: Date,
  to: Date,
  now: Date,
): Promise<CaseSummary> {
  let query = db
    .selectFrom('flag_cases')
    .select([
      sql<number>`count(*)::int`.as('opened'),
      sql<number>`(count(*) filter (where status = 'open'))::int`.as('open'),
      sql<number>`(count(*) filter (where status = 'in_review'))::int`.as('inReview'),
      sql<number>`(count(*) filter (where status = 'resolved'))::int`.as('resolved'),
      sql<number>`(count(*) filter (where status = 'resolved' and substantiated))::int`.as('substantiated'),
      sql<number>`(count(*) filter (where status <> 'resolved' and due_at < ${now}))::int`.as('overdue'),
    ])
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to);
  if (unitIds)
    query = query.where(
      'subject_unit_id',
      'in',
      unitIds.length > 0 ? unitIds : ['00000000-0000-0000-0000-000000000000'],
    );
  const row = await query.executeTakeFirst();
  return row ?? { opened: 0, open: 0, inReview: 0, resolved: 0, substantiated: 0, overdue: 0 };
}
