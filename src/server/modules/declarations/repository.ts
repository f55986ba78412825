import { CompiledQuery, sql, type Kysely, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { executePrepared } from '../../db/prepared.ts';
import type { Database, ImportJobsTable } from '../../db/schema.ts';

export function findUnitsByCodes(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'code', 'kind', 'status', 'parent_id', 'name_vi', 'name_en'])
    .where('code', 'in', codes)
    .execute();
}

export function findOfficersByCodes(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('officers').select(['id', 'code', 'unit_id', 'full_name']).where('code', 'in', codes).execute();
}

/** Finds an enterprise by tax code, creating it from the name the declaration carries. */
export async function ensureEnterprise(
  db: Kysely<Database>,
  taxCode: string,
  name: string,
  isBroker: boolean,
  managingUnitId: string | null,
): Promise<string> {
  const inserted = await db
    .insertInto('enterprises')
    .values({ tax_code: taxCode, name, is_broker: isBroker, managing_unit_id: managingUnitId })
    .onConflict((oc) => oc.column('tax_code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('enterprises')
    .select(['id', 'is_broker'])
    .where('tax_code', '=', taxCode)
    .executeTakeFirstOrThrow();
  if (isBroker && !existing.is_broker)
    await db.updateTable('enterprises').set({ is_broker: true }).where('id', '=', existing.id).execute();
  return existing.id;
}

export function findDeclarationByNumber(db: Kysely<Database>, number: string) {
  return db.selectFrom('declarations').selectAll().where('number', '=', number).executeTakeFirst();
}

/** The declaration's parties, locked until the transaction ends (a replacement checks them against its assessment). */
export function lockDeclarationParties(db: Kysely<Database>, number: string) {
  return db
    .selectFrom('declarations')
    .select(['id', 'enterprise_id', 'declarant_id'])
    .where('number', '=', number)
    .forUpdate()
    .executeTakeFirst();
}

/** Read after the declaration's row lock, so an assessment committed meanwhile is seen. */
export async function isAssessed(db: Kysely<Database>, declarationId: number): Promise<boolean> {
  return (
    (await db.selectFrom('assessments').select('id').where('declaration_id', '=', declarationId).executeTakeFirst()) !==
    undefined
  );
}

export function findDeclarationByToken(db: Kysely<Database>, token: string) {
  return db.selectFrom('declarations').selectAll().where('rating_token', '=', token).executeTakeFirst();
}

export interface DeclarationValues {
  number: string;
  typeCode: string;
  enterpriseId: string;
  declarantId: string | null;
  officeUnitId: string;
  channel: 'green' | 'yellow' | 'red';
  registeredAt: Date;
  clearedAt: Date | null;
  status: string;
}

export async function upsertDeclaration(db: Kysely<Database>, values: DeclarationValues, token: string, now: Date) {
  const row = {
    number: values.number,
    type_code: values.typeCode,
    enterprise_id: values.enterpriseId,
    declarant_id: values.declarantId,
    office_unit_id: values.officeUnitId,
    channel: values.channel,
    registered_at: values.registeredAt,
    cleared_at: values.clearedAt,
    status: values.status,
    rating_token: token,
    updated_at: now,
  };
  // xmax = 0 tells a fresh insert from an update in one round trip.
  return db
    .insertInto('declarations')
    .values({ ...row, created_at: now })
    .onConflict((oc) =>
      oc.column('number').doUpdateSet({
        type_code: row.type_code,
        declarant_id: row.declarant_id,
        office_unit_id: row.office_unit_id,
        channel: row.channel,
        registered_at: row.registered_at,
        cleared_at: row.cleared_at,
        status: row.status,
        updated_at: now,
        // a new enterprise gets a new link: the old one was bound to the old enterprise
        rating_token: sql<string>`case when declarations.enterprise_id = excluded.enterprise_id then declarations.rating_token else excluded.rating_token end`,
        enterprise_id: row.enterprise_id,
      }),
    )
    .returning(['id', 'rating_token', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
}

export async function replaceSteps(
  db: Kysely<Database>,
  declarationId: number,
  steps: {
    stage: string;
    teamUnitId: string | null;
    officerId: string | null;
    startedAt: Date;
    finishedAt: Date | null;
  }[],
): Promise<void> {
  await db.deleteFrom('declaration_steps').where('declaration_id', '=', declarationId).execute();
  await db
    .insertInto('declaration_steps')
    .values(
      steps.map((s, i) => ({
        declaration_id: declarationId,
        seq: i + 1,
        stage: s.stage,
        team_unit_id: s.teamUnitId,
        officer_id: s.officerId,
        started_at: s.startedAt,
        finished_at: s.finishedAt,
      })),
    )
    .execute();
}

export function findStepsWithCodes(db: Kysely<Database>, declarationId: number) {
  return db
    .selectFrom('declaration_steps as s')
    .leftJoin('units as t', 't.id', 's.team_unit_id')
    .leftJoin('officers as o', 'o.id', 's.officer_id')
    .select([
      's.seq',
      's.stage',
      's.team_unit_id',
      's.officer_id',
      's.started_at',
      's.finished_at',
      't.code as team_code',
      't.name_vi as team_name',
      'o.code as officer_code',
      'o.full_name as officer_name',
      'o.unit_id as officer_unit_id',
    ])
    .where('s.declaration_id', '=', declarationId)
    .orderBy('s.seq')
    .execute();
}

export type StepRow = Awaited<ReturnType<typeof findStepsWithCodes>>[number];

export type DeclarationKey = { id: number } | { number: string } | { token: string };

export function findDeclarationView(db: Kysely<Database>, key: number | DeclarationKey) {
  const by: DeclarationKey = typeof key === 'number' ? { id: key } : key;
  return db
    .selectFrom('declarations as d')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .leftJoin('enterprises as b', 'b.id', 'd.declarant_id')
    .innerJoin('units as o', 'o.id', 'd.office_unit_id')
    .leftJoin('assessments as a', 'a.declaration_id', 'd.id')
    .select([
      'd.id',
      'd.number',
      'd.type_code',
      'd.channel',
      'd.registered_at',
      'd.cleared_at',
      'd.status',
      'd.rating_token',
      'd.enterprise_id',
      'd.declarant_id',
      'd.office_unit_id',
      'e.tax_code as enterprise_tax_code',
      'e.name as enterprise_name',
      'b.tax_code as declarant_tax_code',
      'b.name as declarant_name',
      'o.code as office_code',
      'o.name_vi as office_name_vi',
      'o.name_en as office_name_en',
      'a.id as assessment_id',
    ])
    .where((eb) =>
      'id' in by
        ? eb('d.id', '=', by.id)
        : 'number' in by
          ? eb('d.number', '=', by.number)
          : eb('d.rating_token', '=', by.token),
    )
    .executeTakeFirst();
}

export type DeclarationView = NonNullable<Awaited<ReturnType<typeof findDeclarationView>>>;

/** Who took part in a declaration's processing, in step order: what an assessment may rate. */
export interface ParticipantStep {
  stage: string;
  team_unit_id: string | null;
  officer_id: string | null;
  team_code: string | null;
  team_name: string | null;
  officer_code: string | null;
  officer_name: string | null;
  officer_unit_id: string | null;
}

/** The declaration view and its steps' participants in one round trip (the rating path runs this per submission). */
export function findDeclarationForRating(db: Kysely<Database>, key: DeclarationKey) {
  return declarationsForRating(db)
    .where((eb) =>
      'id' in key
        ? eb('d.id', '=', key.id)
        : 'number' in key
          ? eb('d.number', '=', key.number)
          : eb('d.rating_token', '=', key.token),
    )
    .executeTakeFirst();
}

/** The same for many declarations by number, in one round trip (batched submissions). */
let forRatingByNumbers: string | undefined;

export async function findDeclarationsForRating(db: Kysely<Database>, numbers: string[]): Promise<RatingDeclaration[]> {
  // Built once: on the submission path, building the query cost more than running it.
  forRatingByNumbers ??= declarationsForRating(db)
    .where(sql<boolean>`d.number = any(${sql.val([])}::text[])`)
    .compile().sql;
  return executePrepared(
    db,
    'declarations_for_rating',
    CompiledQuery.raw(forRatingByNumbers, [numbers]) as CompiledQuery<RatingDeclaration>,
  );
}

function declarationsForRating(db: Kysely<Database>) {
  return db
    .selectFrom('declarations as d')
    .innerJoin('units as o', 'o.id', 'd.office_unit_id')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .leftJoin('assessments as a', 'a.declaration_id', 'd.id')
    .select((eb) => [
      'd.id',
      'd.number',
      'd.type_code',
      'd.channel',
      'd.registered_at',
      'd.enterprise_id',
      'd.declarant_id',
      'd.office_unit_id',
      'e.name as enterprise_name',
      'o.code as office_code',
      'o.name_vi as office_name_vi',
      'o.name_en as office_name_en',
      'a.id as assessment_id',
      jsonArrayFrom(
        eb
          .selectFrom('declaration_steps as s')
          .leftJoin('units as t', 't.id', 's.team_unit_id')
          .leftJoin('officers as f', 'f.id', 's.officer_id')
          .select([
            's.stage',
            's.team_unit_id',
            's.officer_id',
            't.code as team_code',
            't.name_vi as team_name',
            'f.code as officer_code',
            'f.full_name as officer_name',
            'f.unit_id as officer_unit_id',
          ])
          .whereRef('s.declaration_id', '=', 'd.id')
          .orderBy('s.seq'),
      ).as('steps'),
    ]);
}

/** Declarations of these enterprises, and declared by these brokers. */
export async function findDeclarationsForParties(
  db: Kysely<Database>,
  parties: { enterpriseIds: string[]; declarantIds: string[] },
  page: { limit: number; offset: number; onlyUnrated: boolean },
) {
  const none = ['00000000-0000-0000-0000-000000000000'];
  let query = db
    .selectFrom('declarations as d')
    .innerJoin('units as o', 'o.id', 'd.office_unit_id')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .leftJoin('assessments as a', 'a.declaration_id', 'd.id')
    .where((eb) =>
      eb.or([
        eb('d.enterprise_id', 'in', parties.enterpriseIds.length ? parties.enterpriseIds : none),
        eb('d.declarant_id', 'in', parties.declarantIds.length ? parties.declarantIds : none),
      ]),
    );
  if (page.onlyUnrated) query = query.where('a.id', 'is', null);
  const [items, total] = await Promise.all([
    query
      .select([
        'd.number',
        'd.type_code',
        'd.channel',
        'd.registered_at',
        'd.cleared_at',
        'd.status',
        'd.rating_token',
        'o.code as office_code',
        'o.name_vi as office_name_vi',
        'o.name_en as office_name_en',
        'e.name as enterprise_name',
        'a.id as assessment_id',
        'a.editable_until',
      ])
      .orderBy('d.registered_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type RatingDeclaration = NonNullable<Awaited<ReturnType<typeof findDeclarationForRating>>>;

// ---- Import jobs (import-service.ts)

export async function insertImportJob(
  db: Kysely<Database>,
  values: { fileName: string; createdBy: string; total: number },
): Promise<string> {
  const row = await db
    .insertInto('import_jobs')
    .values({ kind: 'declarations', file_name: values.fileName, created_by: values.createdBy, total: values.total })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateImportJob(
  db: Kysely<Database>,
  id: string,
  values: Updateable<ImportJobsTable>,
): Promise<void> {
  await db.updateTable('import_jobs').set(values).where('id', '=', id).execute();
}

export function findImportJob(db: Kysely<Database>, id: string) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof findImportJob>>>;
