// The annual plan's queries (Kysely only).
import { sql, type Kysely, type Transaction } from 'kysely';
import { ORGANIZER_ROLES } from '../../../contracts/roles.ts';
import type { Database, PlanProgressTable } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UnitRow {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  kind: 'general_department' | 'department' | 'branch' | 'team';
  parent_id: string | null;
}

const unitColumns = ['id', 'code', 'name_vi', 'name_en', 'kind', 'parent_id'] as const;

export const findUnit = (db: Db, id: string): Promise<UnitRow | undefined> =>
  db.selectFrom('units').select(unitColumns).where('id', '=', id).executeTakeFirst();

export const findUnitsByIds = (db: Db, ids: readonly string[]): Promise<UnitRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('units')
        .select(unitColumns)
        .where('id', 'in', [...ids])
        .execute();

export const findRootUnit = (db: Db): Promise<UnitRow | undefined> =>
  db.selectFrom('units').select(unitColumns).where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();

export const findChildUnits = (db: Db, parentId: string): Promise<UnitRow[]> =>
  db
    .selectFrom('units')
    .select(unitColumns)
    .where('parent_id', '=', parentId)
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();

const planColumns = [
  'plans.id',
  'plans.unit_id',
  'plans.year',
  'plans.parent_plan_id',
  'plans.status',
  'plans.title',
  'plans.published_at',
  'plans.adopted_at',
] as const;

export type PlanRow = Awaited<ReturnType<typeof findPlan>> & {};

export const findPlan = (db: Db, id: string) =>
  db.selectFrom('plans').select(planColumns).where('id', '=', id).executeTakeFirst();

export const findPlanOf = (db: Db, unitId: string, year: number) =>
  db.selectFrom('plans').select(planColumns).where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();

export interface PlanSummaryRow {
  id: string;
  unit_id: string;
  year: number;
  parent_plan_id: string | null;
  status: 'draft' | 'published' | 'adopted';
  title: string;
  published_at: Date | null;
  adopted_at: Date | null;
  code: string;
  name_vi: string;
  name_en: string;
  kind: UnitRow['kind'];
  targets: number;
  counts: Record<string, number> | null;
}

/** Plans with their unit, target count and status counts; filtered by year, parent or units (null: all). */
export async function findPlanSummaries(
  db: Db,
  filter: { year?: number; parentPlanId?: string; ids?: string[]; unitIds?: string[] | null },
): Promise<PlanSummaryRow[]> {
  if (filter.ids?.length === 0 || filter.unitIds?.length === 0) return [];
  const result = await sql<PlanSummaryRow>`
    select p.id, p.unit_id, p.year, p.parent_plan_id, p.status, p.title, p.published_at, p.adopted_at,
      u.code, u.name_vi, u.name_en, u.kind,
      (select count(*)::int from plan_targets t where t.plan_id = p.id) as targets,
      (select jsonb_object_agg(status, n) from (select pp.status, count(*)::int as n from plan_progress pp where pp.plan_id = p.id group by pp.status) c) as counts
    from plans p join units u on u.id = p.unit_id
    where true
      ${filter.year !== undefined ? sql`and p.year = ${filter.year}` : sql``}
      ${filter.parentPlanId !== undefined ? sql`and p.parent_plan_id = ${filter.parentPlanId}` : sql``}
      ${filter.ids ? sql`and p.id = any(${sql.val(filter.ids)}::uuid[])` : sql``}
      ${filter.unitIds ? sql`and p.unit_id = any(${sql.val(filter.unitIds)}::uuid[])` : sql``}
    order by u.kind = 'general_department' desc, u.code`.execute(db);
  return result.rows;
}

export const insertPlan = (
  db: Db,
  values: {
    unit_id: string;
    year: number;
    parent_plan_id: string | null;
    status: 'draft' | 'adopted';
    title: string;
    adopted_at: Date | null;
    created_by: string | null;
    now: Date;
  },
) =>
  db
    .insertInto('plans')
    .values({
      unit_id: values.unit_id,
      year: values.year,
      parent_plan_id: values.parent_plan_id,
      status: values.status,
      title: values.title,
      adopted_at: values.adopted_at,
      created_by: values.created_by,
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const markPublished = (db: Db, id: string, now: Date) =>
  db
    .updateTable('plans')
    .set({ status: 'published', published_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();

const targetColumns = [
  'id',
  'plan_id',
  'unit_id',
  'content',
  'goal',
  'title',
  'measure_code',
  'target_value',
  sql<string>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline'),
  'level',
  'source_target_id',
  'owner_name',
] as const;

export type TargetRow = Awaited<ReturnType<typeof findTargets>>[number];

export const findTargets = (db: Db, planId: string) =>
  db
    .selectFrom('plan_targets')
    .select(targetColumns)
    .where('plan_id', '=', planId)
    .orderBy('content')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findTarget = (db: Db, id: string) =>
  db.selectFrom('plan_targets').select(targetColumns).where('id', '=', id).executeTakeFirst();

export const findTargetsBySource = (db: Db, sourceIds: readonly string[]) =>
  sourceIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('plan_targets')
        .select(targetColumns)
        .where('source_target_id', 'in', [...sourceIds])
        .execute();

export interface TargetValues {
  plan_id: string;
  unit_id: string;
  content: string;
  goal: string;
  title: string;
  measure_code: string | null;
  target_value: number;
  deadline: string;
  level: UnitRow['kind'];
  source_target_id: string | null;
  owner_name: string;
}

export const insertTargets = (db: Db, rows: TargetValues[], now: Date) =>
  rows.length === 0
    ? Promise.resolve([])
    : db
        .insertInto('plan_targets')
        .values(rows.map((row) => ({ ...row, created_at: now, updated_at: now })))
        .returning('id')
        .execute();

export const updateTargetValue = (db: Db, id: string, value: number, now: Date) =>
  db.updateTable('plan_targets').set({ target_value: value, updated_at: now }).where('id', '=', id).execute();

/** Every target of a year's plans, with the kind of its unit (for progress). */
export const findYearTargets = (db: Db, year: number) =>
  db
    .selectFrom('plan_targets as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select([
      't.id',
      't.plan_id',
      't.unit_id',
      'u.kind as unit_kind',
      't.measure_code',
      't.target_value',
      sql<string>`to_char(t.deadline, 'YYYY-MM-DD')`.as('deadline'),
      't.level',
      't.source_target_id',
    ])
    .where('p.year', '=', year)
    .execute();

export const findProgress = (db: Db, targetIds: readonly string[]) =>
  targetIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('plan_progress')
        .selectAll()
        .where('target_id', 'in', [...targetIds])
        .execute();

export const findYearProgress = (db: Db, year: number) =>
  db
    .selectFrom('plan_progress as pp')
    .innerJoin('plans as p', 'p.id', 'pp.plan_id')
    .select(['pp.target_id', 'pp.status', 'pp.value'])
    .where('p.year', '=', year)
    .execute();

export async function upsertProgress(db: Db, rows: PlanProgressTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('plan_progress')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.column('target_id').doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          expected: eb.ref('excluded.expected'),
          projected: eb.ref('excluded.projected'),
          progress: eb.ref('excluded.progress'),
          status: eb.ref('excluded.status'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}

export const insertAlerts = (
  db: Db,
  rows: {
    target_id: string;
    plan_id: string;
    unit_id: string;
    status: string;
    value: number | null;
    expected: number | null;
    created_at: Date;
  }[],
) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('plan_alerts')
        .values(rows)
        .execute()
        .then(() => undefined);

export const findAlerts = (db: Db, unitIds: readonly string[], year: number) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('plan_alerts as a')
        .innerJoin('plan_targets as t', 't.id', 'a.target_id')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .innerJoin('units as u', 'u.id', 'a.unit_id')
        .select([
          'a.id',
          'a.target_id',
          't.title',
          'a.status',
          'a.value',
          'a.expected',
          'a.created_at',
          'u.id as unit_id',
          'u.code',
          'u.name_vi',
          'u.name_en',
          'u.kind',
        ])
        .where('a.unit_id', 'in', [...unitIds])
        .where('p.year', '=', year)
        .orderBy('a.created_at', 'desc')
        .limit(20)
        .execute();

/** Latest accepted reported value of each manual target. */
export async function findAcceptedValues(db: Db, targetIds: readonly string[]): Promise<Map<string, number>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_reports')
    .select(['target_id', 'value'])
    .distinctOn('target_id')
    .where('target_id', 'in', [...targetIds])
    .where('review_status', '=', 'accepted')
    .orderBy('target_id')
    .orderBy('reported_at', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.target_id, row.value]));
}

export const findReports = (db: Db, targetIds: readonly string[]) =>
  targetIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('plan_reports as r')
        .leftJoin('users as u', 'u.id', 'r.reported_by')
        .select([
          'r.id',
          'r.target_id',
          'r.value',
          'r.evidence',
          'r.evidence_url',
          'r.reported_at',
          'u.full_name as reporter',
          'r.review_status',
          'r.review_comment',
          'r.reviewed_at',
        ])
        .where('r.target_id', 'in', [...targetIds])
        .orderBy('r.reported_at', 'desc')
        .execute();

export const findReport = (db: Db, id: string) =>
  db.selectFrom('plan_reports').selectAll().where('id', '=', id).executeTakeFirst();

export const insertReport = (
  db: Db,
  values: {
    target_id: string;
    value: number;
    evidence: string;
    evidence_url: string | null;
    reported_by: string;
    reported_at: Date;
  },
) => db.insertInto('plan_reports').values(values).returning('id').executeTakeFirstOrThrow();

export const reviewReport = (
  db: Db,
  id: string,
  values: { review_status: 'accepted' | 'rejected'; review_comment: string; reviewed_by: string; reviewed_at: Date },
) =>
  db
    .updateTable('plan_reports')
    .set(values)
    .where('id', '=', id)
    .where('review_status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();

export const findActivities = (db: Db, planId: string) =>
  db
    .selectFrom('plan_activities')
    .select([
      'id',
      'plan_id',
      'content',
      'title',
      'owner_name',
      sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('starts_on'),
      sql<string>`to_char(ends_on, 'YYYY-MM-DD')`.as('ends_on'),
      'status',
    ])
    .where('plan_id', '=', planId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();

export const findActivity = (db: Db, id: string) =>
  db.selectFrom('plan_activities').select(['id', 'plan_id', 'status']).where('id', '=', id).executeTakeFirst();

export const insertActivity = (
  db: Db,
  values: {
    plan_id: string;
    content: string;
    title: string;
    owner_name: string;
    starts_on: string;
    ends_on: string;
    status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  },
  now: Date,
) =>
  db
    .insertInto('plan_activities')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateActivityStatus = (
  db: Db,
  id: string,
  status: 'planned' | 'in_progress' | 'done' | 'cancelled',
  now: Date,
) => db.updateTable('plan_activities').set({ status, updated_at: now }).where('id', '=', id).execute();

/** Organizers (branch and department leaders, with the General Department's staff for the root) of the units, with their language. */
export const findOrganizers = (db: Db, unitIds: readonly string[], includeNational: boolean) =>
  db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.full_name', 'r.unit_id'])
    .where('u.active', '=', true)
    .where('r.role', 'in', [...ORGANIZER_ROLES])
    .where((eb) =>
      eb.or([
        ...(unitIds.length > 0 ? [eb('r.unit_id', 'in', [...unitIds])] : []),
        ...(includeNational ? [eb('r.unit_id', 'is', null)] : []),
        eb.val(false),
      ]),
    )
    .execute();
