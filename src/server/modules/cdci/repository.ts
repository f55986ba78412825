// CDCI queries. Survey answers are read without any business: a response row
// holds a random id, the stratum and the answers, nothing else is selected.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

export async function findUnit(db: Db, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'kind', 'status', 'code', 'name_vi', 'name_en', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The active branches of a department, by code. */
export async function findBranches(db: Db, departmentId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi', 'name_en'])
    .where('parent_id', '=', departmentId)
    .where('kind', '=', 'branch')
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
}

const methodColumns = [
  'm.id',
  'm.department_id',
  'u.name_vi as department_name',
  'm.year',
  'm.version',
  'm.status',
  'm.survey_id',
  'm.method',
  'm.created_at',
  'm.published_at',
] as const;

export type MethodRow = NonNullable<Awaited<ReturnType<typeof findMethod>>>;

export async function findMethod(db: Db, id: string) {
  return db
    .selectFrom('cdci_methods as m')
    .innerJoin('units as u', 'u.id', 'm.department_id')
    .select(methodColumns)
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function findMethods(db: Db, departmentIds: readonly string[] | null) {
  let query = db
    .selectFrom('cdci_methods as m')
    .innerJoin('units as u', 'u.id', 'm.department_id')
    .select(methodColumns);
  if (departmentIds) {
    if (departmentIds.length === 0) return [];
    query = query.where('m.department_id', 'in', [...departmentIds]);
  }
  return query.orderBy('m.year', 'desc').orderBy('u.name_vi').orderBy('m.version', 'desc').execute();
}

export async function findPublishedMethods(db: Db, departmentId?: string) {
  let query = db
    .selectFrom('cdci_methods as m')
    .innerJoin('units as u', 'u.id', 'm.department_id')
    .select(methodColumns)
    .where('m.status', '=', 'published');
  if (departmentId) query = query.where('m.department_id', '=', departmentId);
  return query.orderBy('m.year', 'desc').orderBy('u.name_vi').execute();
}

export async function nextVersion(db: Db, departmentId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('cdci_methods')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function hasPublished(db: Db, departmentId: string, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('cdci_methods')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return !!row;
}

export async function insertMethod(
  db: Db,
  row: {
    department_id: string;
    year: number;
    version: number;
    survey_id: string | null;
    method: unknown;
    created_by: string | null;
    created_at: Date;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('cdci_methods')
    .values({ ...row, method: JSON.stringify(row.method) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findDepartmentScores(db: Db, methodId: string) {
  return db
    .selectFrom('cdci_department_scores')
    .select(['unit_id', 'indicator', 'value'])
    .where('method_id', '=', methodId)
    .execute();
}

export async function replaceDepartmentScores(
  db: Db,
  methodId: string,
  rows: { unit_id: string; indicator: string; value: number }[],
): Promise<void> {
  await db.deleteFrom('cdci_department_scores').where('method_id', '=', methodId).execute();
  if (rows.length)
    await db
      .insertInto('cdci_department_scores')
      .values(rows.map((row) => ({ ...row, method_id: methodId })))
      .execute();
}

/** The anonymous answers of a survey (no business, no time). */
export async function findSurveyAnswers(db: Db, surveyId: string) {
  return db
    .selectFrom('survey_responses')
    .select(['answers'])
    .where('survey_id', '=', surveyId)
    .orderBy('id')
    .execute();
}

export async function findSurveyDefinition(db: Db, surveyId: string) {
  return db
    .selectFrom('surveys')
    .select(['id', 'owner_unit_id', 'definition'])
    .where('id', '=', surveyId)
    .executeTakeFirst();
}

export async function insertResult(
  db: Db,
  row: {
    method_id: string;
    computed_at: Date;
    computed_by: string | null;
    seed: number;
    inputs: unknown;
    result: unknown;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('cdci_results')
    .values({ ...row, inputs: JSON.stringify(row.inputs), result: JSON.stringify(row.result) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findResult(db: Db, id: string) {
  return db
    .selectFrom('cdci_results')
    .select(['id', 'method_id', 'computed_at', 'seed', 'inputs', 'result', 'published'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findLatestResult(db: Db, methodId: string) {
  return db
    .selectFrom('cdci_results')
    .select(['id', 'method_id', 'computed_at', 'seed', 'result', 'published'])
    .where('method_id', '=', methodId)
    .orderBy('published', 'desc')
    .orderBy('computed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findPublishedResult(db: Db, methodId: string) {
  return db
    .selectFrom('cdci_results')
    .select(['id', 'method_id', 'computed_at', 'seed', 'result', 'published'])
    .where('method_id', '=', methodId)
    .where('published', '=', true)
    .executeTakeFirst();
}

export async function publish(db: Db, methodId: string, resultId: string, at: Date): Promise<boolean> {
  const updated = await db
    .updateTable('cdci_methods')
    .set({ status: 'published', published_at: at })
    .where('id', '=', methodId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db.updateTable('cdci_results').set({ published: true }).where('id', '=', resultId).execute();
  return true;
}

/** Published results of a department in other years (for trends and multi-year bounds). */
export async function findPublishedResultsOfDepartment(db: Db, departmentId: string) {
  return db
    .selectFrom('cdci_results as r')
    .innerJoin('cdci_methods as m', 'm.id', 'r.method_id')
    .select(['m.year', 'r.result'])
    .where('m.department_id', '=', departmentId)
    .where('r.published', '=', true)
    .orderBy('m.year')
    .execute();
}
