// Reads of the roll-ups only: no dashboard scans raw assessments.
import { sql, type Kysely } from 'kysely';
import type { Database, RollupCounts } from '../../db/schema.ts';
import { splitPeriod, type DayRange } from './periods.ts';

export interface RollupFilter {
  from: string;
  to: string;
  channel?: string | undefined;
  typeCode?: string | undefined;
  subjectKind?: string | undefined;
  stage?: string | undefined;
}

/** Sums of roll-up rows: the same counts a row holds. */
export type Totals = RollupCounts;

const COLUMNS = ['n', 'stars_sum', 's1', 's2', 's3', 's4', 's5', 'f_inconvenience', 'f_harassment', 'f_negativity', 'f_delay', 'f_error'] as const;
const TOTALS = COLUMNS.map((column) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::int`.as(column));

const hasDimensions = (filter: RollupFilter) => Boolean(filter.channel ?? filter.typeCode ?? filter.subjectKind ?? filter.stage);
/** A stage alone (or with its own subject kind) reads the per-stage roll-ups, one row per unit, stage and day or month. */
const stageOnly = (filter: RollupFilter) => Boolean(filter.stage) && !filter.channel && !filter.typeCode && (!filter.subjectKind || filter.subjectKind === 'stage');

/** Unfiltered views read the totals; a stage alone the per-stage roll-up; a channel, type or subject filter the dimensioned one. */
function fromRollup(db: Kysely<Database>, filter: RollupFilter, range: DayRange = filter, grain: 'day' | 'month' = 'day') {
  if (stageOnly(filter)) {
    const table = `rollup_unit_stage_${grain}` as 'rollup_unit_stage_day';
    const q = db.selectFrom(table).where('stage', '=', filter.stage ?? '').where(grain as 'day', '>=', range.from).where(grain as 'day', '<=', range.to);
    return q as unknown as ReturnType<typeof db.selectFrom<'rollup_unit_day_total'>>;
  }
  const table = `rollup_unit_${grain}${hasDimensions(filter) ? '' : '_total'}` as 'rollup_unit_day';
  let q = db.selectFrom(table).where(grain as 'day', '>=', range.from).where(grain as 'day', '<=', range.to);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (filter.typeCode) q = q.where('type_code', '=', filter.typeCode);
  if (filter.subjectKind) q = q.where('subject_kind', '=', filter.subjectKind);
  if (filter.stage) q = q.where('subject_kind', '=', 'stage').where('stage', '=', filter.stage);
  return q as unknown as ReturnType<typeof db.selectFrom<'rollup_unit_day_total'>>;
}

/** The counts of the units over the period: whole months from the monthly roll-ups, the ends from the daily ones. */
function periodRows(db: Kysely<Database>, unitIds: string[], filter: RollupFilter) {
  const { months, days } = splitPeriod(filter.from, filter.to);
  const parts = [...days.map((range) => fromRollup(db, filter, range)), ...(months ? [fromRollup(db, filter, months, 'month')] : [])].map((part) =>
    part.select(['unit_id', ...COLUMNS]).where('unit_id', 'in', unitIds),
  );
  const [first, ...rest] = parts as [(typeof parts)[number], ...typeof parts];
  return db.selectFrom(rest.reduce((union, part) => union.unionAll(part), first).as('r'));
}

export async function unitTotals(db: Kysely<Database>, unitIds: string[], filter: RollupFilter): Promise<Totals> {
  const row = await periodRows(db, unitIds, filter).select(TOTALS).executeTakeFirst();
  return row as unknown as Totals;
}

/** Totals per unit for several units at once (drill-down and rankings). */
export async function totalsByUnit(db: Kysely<Database>, unitIds: string[], filter: RollupFilter): Promise<Map<string, Totals>> {
  if (unitIds.length === 0) return new Map();
  const rows = await periodRows(db, unitIds, filter)
    .select(['r.unit_id', ...TOTALS])
    .groupBy('r.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r as unknown as Totals]));
}

/** Stage names rated at the units in the period (whole months, so the list is cheap). */
export async function ratedStages(db: Kysely<Database>, unitIds: string[], from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rollup_unit_stage_month')
    .select('stage')
    .distinct()
    .where('unit_id', 'in', unitIds)
    .where('month', '>=', `${from.slice(0, 7)}-01`)
    .where('month', '<=', to)
    .orderBy('stage')
    .execute();
  return rows.map((r) => r.stage);
}

export async function unitTrend(db: Kysely<Database>, unitIds: string[], filter: RollupFilter, granularity: 'week' | 'month') {
  const period = sql<string>`to_char(date_trunc(${sql.lit(granularity)}, day::timestamp), 'YYYY-MM-DD')`;
  const rows = await fromRollup(db, filter)
    .select([period.as('period'), ...TOTALS])
    .where('unit_id', 'in', unitIds)
    .groupBy(period)
    .orderBy(period)
    .execute();
  return rows as unknown as (Totals & { period: string })[];
}

export async function officerTotals(db: Kysely<Database>, officerIds: string[], from: string, to: string): Promise<Map<string, Totals>> {
  if (officerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rollup_officer_day')
    .select(['officer_id', ...TOTALS])
    .where('officer_id', 'in', officerIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('officer_id')
    .execute();
  return new Map(rows.map((r) => [r.officer_id, r as unknown as Totals]));
}

export async function officerTrend(db: Kysely<Database>, officerId: string, from: string, to: string, granularity: 'week' | 'month') {
  const period = sql<string>`to_char(date_trunc(${sql.lit(granularity)}, day::timestamp), 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom('rollup_officer_day')
    .select([period.as('period'), ...TOTALS])
    .where('officer_id', '=', officerId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(period)
    .orderBy(period)
    .execute();
  return rows as unknown as (Totals & { period: string })[];
}

/** Recent reasons written about an officer in a period (Vietnam days): text and month only, never who wrote them. */
export function officerComments(db: Kysely<Database>, officerId: string, limit: number, from: string, to: string) {
  return db
    .selectFrom('assessment_ratings as r')
    .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
    .select(['r.stars', 'r.reason', 'r.flags', sql<string>`to_char(a.created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`.as('month')])
    .where('r.officer_id', '=', officerId)
    .where('r.subject_kind', '=', 'officer')
    .where('r.reason', 'is not', null)
    .where('a.created_at', '>=', new Date(`${from}T00:00:00+07:00`))
    .where('a.created_at', '<', new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000))
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

export function findUnitWithChildren(db: Kysely<Database>, unitId: string) {
  return Promise.all([
    db.selectFrom('units').select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id']).where('id', '=', unitId).executeTakeFirst(),
    db.selectFrom('units').select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id']).where('parent_id', '=', unitId).where('status', '=', 'active').orderBy('code').execute(),
    db.selectFrom('units').select('id').where('merged_into_id', '=', unitId).execute(),
  ]);
}

export function findOfficersOfUnit(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('officers').select(['id', 'code', 'full_name', 'unit_id']).where('unit_id', '=', unitId).orderBy('code').execute();
}

export function findUnitsByIds(db: Kysely<Database>, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id']).where('id', 'in', unitIds).execute();
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
export async function caseSummary(db: Kysely<Database>, unitIds: string[] | null, from: Date, to: Date, now: Date): Promise<CaseSummary> {
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
  if (unitIds) query = query.where('subject_unit_id', 'in', unitIds.length > 0 ? unitIds : ['00000000-0000-0000-0000-000000000000']);
  const row = await query.executeTakeFirst();
  return row ?? { opened: 0, open: 0, inReview: 0, resolved: 0, substantiated: 0, overdue: 0 };
}
