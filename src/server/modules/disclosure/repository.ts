// Queries of disclosure control: the raw month a release reads once, and the
// published cells every view reads afterwards.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { MIN_BUSINESSES } from '../../../contracts/periods.ts';
import { vietnamMonth } from '../../../contracts/vietnam-time.ts';
import type { DisclosureTable } from './sources.ts';

// ---- Where each table's rows come from: each row is one rated thing at a leaf
// of the unit tree (a unit itself, or an officer at a unit), with the business
// behind it, the item it belongs to (a declaration, a support request) and the
// counts it adds.

interface TableSource {
  /** Additive counts a cell holds, each summed over its rows. */
  counts: readonly string[];
  /**
   * Rows of [start, end): unit_id uuid, officer_id uuid (null unless an officer is
   * rated), business text, item text, and one numeric column per count.
   */
  rows(start: Date, end: Date): RawBuilder<unknown>;
  /** Over an item's summed rows within a cell: does the item count as satisfied? */
  satisfied: RawBuilder<unknown>;
  /** Free texts written in [start, end): unit_id, officer_id, business, text, at. */
  texts(start: Date, end: Date): RawBuilder<unknown>;
  /** The first instant with rows, to know where releases start. */
  firstAt: RawBuilder<unknown>;
}

const FLAGS = ['inconvenience', 'harassment', 'negativity', 'delay', 'error'] as const;

const serviceRatings: TableSource = {
  counts: ['ratings', 'stars_sum', 's1', 's2', 's3', 's4', 's5', ...FLAGS.map((flag) => `f_${flag}`)],
  rows: (start, end) => sql`
    select r.unit_id, case when r.subject_kind = 'officer' then r.officer_id end as officer_id,
      a.enterprise_id::text as business, a.declaration_id::text as item,
      1 as ratings, r.stars as stars_sum,
      (r.stars = 1)::int as s1, (r.stars = 2)::int as s2, (r.stars = 3)::int as s3, (r.stars = 4)::int as s4, (r.stars = 5)::int as s5,
      ${sql.join(FLAGS.map((flag) => sql`(${flag} = any(r.flags))::int as ${sql.ref(`f_${flag}`)}`))}
    from assessments a join assessment_ratings r on r.assessment_id = a.id
    where a.created_at >= ${start} and a.created_at < ${end}`,
  // A declaration is satisfied with a cell when its ratings there average 4 stars or more.
  satisfied: sql`sum(stars_sum) >= 4 * sum(ratings)`,
  texts: (start, end) => sql`
    select r.unit_id, case when r.subject_kind = 'officer' then r.officer_id end as officer_id, a.enterprise_id::text as business, r.reason as text, a.created_at as at
    from assessments a join assessment_ratings r on r.assessment_id = a.id
    where a.created_at >= ${start} and a.created_at < ${end} and r.reason is not null and r.reason <> ''
    union all
    select d.office_unit_id, null, a.enterprise_id::text, a.comment, a.created_at
    from assessments a join declarations d on d.id = a.declaration_id
    where a.created_at >= ${start} and a.created_at < ${end} and a.comment is not null and a.comment <> ''`,
  firstAt: sql`(select min(created_at) from assessments)`,
};

// A request without a business (a person at the counter) is protected as its own requester.
const requester = sql`coalesce(s.enterprise_id::text, 'mail:' || lower(s.requester_email), 'request:' || s.id::text)`;

const supportAnswers: TableSource = {
  counts: ['rated', 'helpful', 'fast'],
  rows: (start, end) => sql`
    select s.team_unit_id as unit_id, null::uuid as officer_id, ${requester} as business, s.id::text as item,
      1 as rated, coalesce(s.rating_helpful, false)::int as helpful, coalesce(s.rating_fast, false)::int as fast
    from support_requests s
    where s.rated_at >= ${start} and s.rated_at < ${end}`,
  satisfied: sql`sum(helpful) > 0`,
  texts: (start, end) => sql`
    select s.team_unit_id as unit_id, null::uuid as officer_id, ${requester} as business, s.rating_comment as text, s.rated_at as at
    from support_requests s
    where s.rated_at >= ${start} and s.rated_at < ${end} and s.rating_comment is not null and s.rating_comment <> ''`,
  firstAt: sql`(select min(rated_at) from support_requests)`,
};

const TABLE_SOURCES: Record<DisclosureTable, TableSource> = {
  service_ratings: serviceRatings,
  support_answers: supportAnswers,
};

export interface UnitTreeRow {
  id: string;
  parent_id: string | null;
  merged_into_id: string | null;
}

export function findUnitTree(db: Kysely<Database>): Promise<UnitTreeRow[]> {
  return db.selectFrom('units').select(['id', 'parent_id', 'merged_into_id']).execute();
}

/** A cell computed from the raw rows of a month, before suppression. */
export interface RawCell {
  node: string;
  businesses: number;
  items: number;
  satisfied_items: number;
  counts: Record<string, number>;
  /** The businesses, when fewer than the minimum. */
  members: string[] | null;
}

/**
 * Every cell of a month: one per unit (its whole subtree), per unit's own ratings
 * and per officer at a unit. `placement` lists, for each unit rated, the units
 * its ratings count toward (itself, or the unit it was merged into, and their
 * parents), marking the one that owns them as a leaf.
 */
export async function aggregateMonth(
  db: Kysely<Database>,
  table: DisclosureTable,
  range: { start: Date; end: Date },
  placement: { unitId: string; nodeUnitId: string; leaf: boolean }[],
): Promise<RawCell[]> {
  const source = TABLE_SOURCES[table];
  if (placement.length === 0) return [];
  const sums = sql.join(source.counts.map((count) => sql`sum(${sql.ref(count)})::int as ${sql.ref(count)}`));
  const counts = sql.join(source.counts.map((count) => sql`${count}::text, sum(${sql.ref(count)})`));
  const result = await sql<{
    node: string;
    businesses: number;
    items: number;
    satisfied_items: number;
    counts: Record<string, number>;
    members: string[] | null;
  }>`
    with placement as (
      select * from unnest(${placement.map((p) => p.unitId)}::uuid[], ${placement.map((p) => p.nodeUnitId)}::uuid[], ${placement.map((p) => p.leaf)}::bool[]) as m(unit_id, node_unit, leaf)
    ),
    source as (${source.rows(range.start, range.end)}),
    placed as (
      select 'unit:' || m.node_unit as node, s.* from source s join placement m on m.unit_id = s.unit_id
      union all
      select case when s.officer_id is not null then 'officer:' || s.officer_id || '@' || m.node_unit else 'own:' || m.node_unit end, s.*
      from source s join placement m on m.unit_id = s.unit_id and m.leaf
    ),
    per_item as (
      select node, item, business, ${sums}, (${source.satisfied})::int as satisfied
      from placed group by node, item, business
    )
    select node, count(distinct business)::int as businesses, count(*)::int as items, sum(satisfied)::int as satisfied_items,
      jsonb_build_object(${counts}) as counts,
      case when count(distinct business) < ${MIN_BUSINESSES} then array_agg(distinct business) end as members
    from per_item group by node`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    counts: Object.fromEntries(Object.entries(row.counts).map(([key, value]) => [key, Number(value)])),
  }));
}

export interface RawText {
  unit_id: string;
  officer_id: string | null;
  business: string;
  text: string;
  month: string;
}

/** Free texts written in [start, end), with the Vietnam month each was written in. */
export async function findTexts(
  db: Kysely<Database>,
  table: DisclosureTable,
  range: { start: Date; end: Date },
): Promise<RawText[]> {
  const source = TABLE_SOURCES[table];
  const rows = await sql<Omit<RawText, 'month'> & { at: Date }>`${source.texts(range.start, range.end)}`.execute(db);
  return rows.rows.map(({ at, ...row }) => ({ ...row, month: vietnamMonth(at) }));
}

export async function firstActivity(db: Kysely<Database>, table: DisclosureTable): Promise<Date | null> {
  const row = await sql<{ at: Date | null }>`select ${TABLE_SOURCES[table].firstAt} as at`.execute(db);
  return row.rows[0]?.at ?? null;
}

export async function findReleasedMonths(db: Kysely<Database>, table: DisclosureTable): Promise<string[]> {
  const rows = await db
    .selectFrom('disclosure_releases')
    .select(sql<string>`to_char(month, 'YYYY-MM')`.as('month'))
    .where('table_name', '=', table)
    .orderBy('month')
    .execute();
  return rows.map((row) => row.month);
}

/** Serializes releases of one table across processes; false when another holds it. */
export async function tryLockReleases(db: Kysely<Database>, table: DisclosureTable): Promise<boolean> {
  const row = await sql<{
    ok: boolean;
  }>`select pg_try_advisory_xact_lock(hashtext(${`caunoi:disclosure:${table}`})) as ok`.execute(db);
  return row.rows[0]?.ok === true;
}

export interface PublishedCell {
  node: string;
  parent: string | null;
  kind: 'unit' | 'own' | 'officer';
  unit_id: string;
  officer_id: string | null;
  businesses: number;
  items: number;
  counts: Record<string, number>;
}

export async function insertRelease(
  db: Kysely<Database>,
  table: DisclosureTable,
  month: string,
  at: Date,
  cells: PublishedCell[],
  batches: { node: string; unitId: string; officerId: string | null; firstMonth: string; comments: string[] }[],
  withheld: number,
): Promise<void> {
  const day = `${month}-01`;
  for (let i = 0; i < cells.length; i += 1000) {
    await db
      .insertInto('disclosure_cells')
      .values(
        cells
          .slice(i, i + 1000)
          .map((cell) => ({ table_name: table, month: day, ...cell, counts: JSON.stringify(cell.counts) })),
      )
      .execute();
  }
  if (batches.length > 0) {
    await db
      .insertInto('disclosure_comment_batches')
      .values(
        batches.map((batch) => ({
          table_name: table,
          node: batch.node,
          unit_id: batch.unitId,
          officer_id: batch.officerId,
          first_month: `${batch.firstMonth}-01`,
          month: day,
          comments: JSON.stringify(batch.comments),
        })),
      )
      .execute();
  }
  await db
    .insertInto('disclosure_releases')
    .values({ table_name: table, month: day, released_at: at, shown: cells.length, withheld })
    .execute();
}

/** The month after which each leaf's comments are still waiting (its last batch). */
export async function findLastBatchMonths(db: Kysely<Database>, table: DisclosureTable): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('disclosure_comment_batches')
    .select(['node', sql<string>`to_char(max(month), 'YYYY-MM')`.as('month')])
    .where('table_name', '=', table)
    .groupBy('node')
    .execute();
  return new Map(rows.map((row) => [row.node, row.month]));
}

export type CellRow = PublishedCell & { month: string };

const cellColumns = [
  'node',
  'parent',
  'kind',
  'unit_id',
  'officer_id',
  'businesses',
  'items',
  'counts',
  sql<string>`to_char(month, 'YYYY-MM')`.as('month'),
] as const;

/** Published cells of the given nodes in the given months. */
export async function findCells(
  db: Kysely<Database>,
  table: DisclosureTable,
  nodes: string[],
  months: string[],
): Promise<CellRow[]> {
  if (nodes.length === 0 || months.length === 0) return [];
  return await db
    .selectFrom('disclosure_cells')
    .select([...cellColumns])
    .where('table_name', '=', table)
    .where('node', 'in', nodes)
    .where(
      'month',
      'in',
      months.map((m) => `${m}-01`),
    )
    .execute();
}

/** Published cells directly under a node in the given months. */
export async function findChildCells(
  db: Kysely<Database>,
  table: DisclosureTable,
  parent: string,
  months: string[],
): Promise<CellRow[]> {
  if (months.length === 0) return [];
  return await db
    .selectFrom('disclosure_cells')
    .select([...cellColumns])
    .where('table_name', '=', table)
    .where('parent', '=', parent)
    .where(
      'month',
      'in',
      months.map((m) => `${m}-01`),
    )
    .execute();
}

/** Published cells of an officer (at any unit) in the given months. */
export async function findOfficerCells(
  db: Kysely<Database>,
  table: DisclosureTable,
  officerId: string,
  months: string[],
): Promise<CellRow[]> {
  if (months.length === 0) return [];
  return await db
    .selectFrom('disclosure_cells')
    .select([...cellColumns])
    .where('table_name', '=', table)
    .where('officer_id', '=', officerId)
    .where(
      'month',
      'in',
      months.map((m) => `${m}-01`),
    )
    .execute();
}

/** Comment batches published with the given months, for leaves of a unit or of an officer. */
export async function findCommentBatches(
  db: Kysely<Database>,
  table: DisclosureTable,
  by: { node: string } | { officerId: string },
  months: string[],
) {
  if (months.length === 0) return [];
  let query = db
    .selectFrom('disclosure_comment_batches')
    .select([
      'id',
      'comments',
      sql<string>`to_char(first_month, 'YYYY-MM')`.as('first_month'),
      sql<string>`to_char(month, 'YYYY-MM')`.as('month'),
    ])
    .where('table_name', '=', table)
    .where(
      'month',
      'in',
      months.map((m) => `${m}-01`),
    );
  query = 'node' in by ? query.where('node', '=', by.node) : query.where('officer_id', '=', by.officerId);
  return query.orderBy('month', 'desc').orderBy('id').execute();
}
