// Queries of the waiting-room screens (Kysely only).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// ---- processing steps -------------------------------------------------------

/** The declaration a step belongs to, locked until the transaction ends (steps of one declaration queue up). */
export function lockDeclaration(db: Kysely<Database>, number: string) {
  return db
    .selectFrom('declarations')
    .select(['id', 'office_unit_id', 'channel', 'registered_at', 'cleared_at'])
    .where('number', '=', number)
    .forUpdate()
    .executeTakeFirst();
}

export function findTeamOfOffice(db: Kysely<Database>, officeId: string, code: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('code', '=', code)
    .where('parent_id', '=', officeId)
    .where('kind', '=', 'team')
    .executeTakeFirst();
}

export function findProgressStep(db: Kysely<Database>, declarationId: number, stage: string) {
  return db
    .selectFrom('declaration_progress')
    .select(['id', 'channel', 'counter', 'team_unit_id', 'at'])
    .where('declaration_id', '=', declarationId)
    .where('stage', '=', stage)
    .executeTakeFirst();
}

export async function upsertProgressStep(
  db: Kysely<Database>,
  values: {
    declarationId: number;
    officeId: string;
    stage: string;
    channel: 'green' | 'yellow' | 'red';
    counter: string | null;
    teamUnitId: string | null;
    at: Date;
    receivedAt: Date;
  },
): Promise<void> {
  const row = {
    declaration_id: values.declarationId,
    office_unit_id: values.officeId,
    stage: values.stage,
    channel: values.channel,
    counter: values.counter,
    team_unit_id: values.teamUnitId,
    at: values.at,
    received_at: values.receivedAt,
  };
  await db
    .insertInto('declaration_progress')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['declaration_id', 'stage']).doUpdateSet({
        office_unit_id: row.office_unit_id,
        channel: row.channel,
        counter: row.counter,
        team_unit_id: row.team_unit_id,
        at: row.at,
        received_at: row.received_at,
      }),
    )
    .execute();
}

export async function updateDeclarationFromStep(
  db: Kysely<Database>,
  id: number,
  values: { channel: 'green' | 'yellow' | 'red'; clearedAt?: Date; now: Date },
): Promise<void> {
  await db
    .updateTable('declarations')
    .set({
      channel: values.channel,
      updated_at: values.now,
      ...(values.clearedAt && { cleared_at: values.clearedAt, status: 'cleared' }),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertScreenEvent(db: Kysely<Database>, officeId: string, declarationId: number, now: Date) {
  return (
    await db
      .insertInto('screen_events')
      .values({ office_unit_id: officeId, declaration_id: declarationId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

// ---- board rows -------------------------------------------------------------

/** A declaration's current state at its office, as a board shows it (before masking). */
function boardRowsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('declaration_progress as p')
    .innerJoin('declarations as d', 'd.id', 'p.declaration_id')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .leftJoin('units as t', 't.id', 'p.team_unit_id')
    .select([
      'p.declaration_id',
      'p.office_unit_id',
      'p.stage',
      'p.channel',
      'p.counter',
      'p.at',
      'd.number',
      'e.name as company',
      't.name_vi as team_vi',
      't.name_en as team_en',
    ])
    .distinctOn('p.declaration_id')
    .orderBy('p.declaration_id')
    .orderBy(
      sql`array_position(array['registered','documents_checked','goods_inspected','awaiting_payment','cleared'], p.stage)`,
      'desc',
    );
}
export type BoardRowRecord = Awaited<ReturnType<ReturnType<typeof boardRowsQuery>['execute']>>[number];

/** Declarations with a step at the office since `since`, each at its furthest stage. */
export function findBoardRows(db: Kysely<Database>, officeId: string, since: Date) {
  return boardRowsQuery(db).where('p.office_unit_id', '=', officeId).where('p.at', '>=', since).execute();
}

/** The current rows of these declarations (events just received). */
export function findBoardRowsOf(db: Kysely<Database>, declarationIds: number[]) {
  if (declarationIds.length === 0) return Promise.resolve([]);
  return boardRowsQuery(db).where('p.declaration_id', 'in', declarationIds).execute();
}

// ---- screen events (the polled sequence) ------------------------------------

export function findLatestEventId(db: Kysely<Database>) {
  return db
    .selectFrom('screen_events')
    .select(sql<string>`coalesce(max(id), 0)`.as('id'))
    .executeTakeFirstOrThrow();
}

export function findEventsAfter(db: Kysely<Database>, after: number, limit: number) {
  return db
    .selectFrom('screen_events')
    .select(['id', 'office_unit_id', 'declaration_id'])
    .where('id', '>', String(after))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function findOfficeEventsAfter(db: Kysely<Database>, officeId: string, after: number, limit: number) {
  return db
    .selectFrom('screen_events')
    .select(['id', 'declaration_id'])
    .where('office_unit_id', '=', officeId)
    .where('id', '>', String(after))
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- screens ----------------------------------------------------------------

export function findOffice(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi', 'name_en'])
    .where('code', '=', code)
    .where('kind', '=', 'branch')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

function screensQuery(db: Kysely<Database>) {
  return db
    .selectFrom('screens as s')
    .innerJoin('units as o', 'o.id', 's.office_unit_id')
    .select([
      's.id',
      's.office_unit_id',
      's.name',
      's.stages',
      's.rotation',
      's.language',
      's.number_digits',
      's.company_names',
      's.question_ids',
      's.document_ids',
      's.announcements',
      's.opening_hours',
      's.key_prefix',
      's.updated_at',
      'o.code as office_code',
      'o.name_vi as office_vi',
      'o.name_en as office_en',
    ])
    .where('s.revoked_at', 'is', null);
}
export type ScreenRecord = Awaited<ReturnType<ReturnType<typeof screensQuery>['execute']>>[number];

export function findScreens(db: Kysely<Database>, officeIds: string[] | 'all') {
  if (officeIds !== 'all' && officeIds.length === 0) return Promise.resolve([]);
  let query = screensQuery(db).orderBy('o.code').orderBy('s.name');
  if (officeIds !== 'all') query = query.where('s.office_unit_id', 'in', officeIds);
  return query.execute();
}

export function findScreen(db: Kysely<Database>, id: string) {
  return screensQuery(db).where('s.id', '=', id).executeTakeFirst();
}

export function findScreenByKeyHash(db: Kysely<Database>, keyHash: string) {
  return screensQuery(db).where('s.key_hash', '=', keyHash).executeTakeFirst();
}

export interface ScreenValues {
  office_unit_id: string;
  name: string;
  stages: string[];
  rotation: string[];
  language: 'vi' | 'en' | 'both';
  number_digits: number;
  company_names: 'hidden' | 'masked';
  question_ids: string[];
  document_ids: string[];
  announcements: string;
  opening_hours: string;
}

export async function insertScreen(
  db: Kysely<Database>,
  values: ScreenValues & {
    key_hash: string;
    key_prefix: string;
    pairing_code_hash: string;
    pairing_expires_at: Date;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
  },
) {
  return (await db.insertInto('screens').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateScreen(db: Kysely<Database>, id: string, values: ScreenValues, now: Date) {
  await db
    .updateTable('screens')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function replaceScreenKey(
  db: Kysely<Database>,
  id: string,
  values: {
    key_hash: string;
    key_prefix: string;
    pairing_code_hash: string | null;
    pairing_expires_at: Date | null;
    now: Date;
  },
) {
  await db
    .updateTable('screens')
    .set({
      key_hash: values.key_hash,
      key_prefix: values.key_prefix,
      pairing_code_hash: values.pairing_code_hash,
      pairing_expires_at: values.pairing_expires_at,
      updated_at: values.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function revokeScreen(db: Kysely<Database>, id: string, now: Date) {
  await db.updateTable('screens').set({ revoked_at: now, updated_at: now }).where('id', '=', id).execute();
}

/** Takes a pairing code once: the screen's id while the code is valid, and the code is spent. */
export async function takePairingCode(db: Kysely<Database>, codeHash: string, now: Date) {
  return db
    .updateTable('screens')
    .set({ pairing_code_hash: null, pairing_expires_at: null })
    .where('pairing_code_hash', '=', codeHash)
    .where('pairing_expires_at', '>', now)
    .where('revoked_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

export function findPublishedQuestions(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('qa_entries')
    .select(['id', 'title_vi', 'title_en', 'body_vi', 'body_en'])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
}

export function findDocuments(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('legal_documents')
    .select(['id', 'number', 'title', 'summary_vi', 'summary_en'])
    .where('id', 'in', ids)
    .execute();
}

// ---- following --------------------------------------------------------------

export function findFollowedByToken(db: Kysely<Database>, token: string) {
  return followQuery(db).where('d.rating_token', '=', token).executeTakeFirst();
}

/** The enterprise's declarations (as declarant or as broker) with a step in the last day, at an office if given. */
export function findFollowedOfEnterprise(
  db: Kysely<Database>,
  enterpriseId: string,
  since: Date,
  officeId: string | null,
) {
  let query = followQuery(db)
    .where((eb) => eb.or([eb('d.enterprise_id', '=', enterpriseId), eb('d.declarant_id', '=', enterpriseId)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('declaration_progress as p')
          .select('p.id')
          .whereRef('p.declaration_id', '=', 'd.id')
          .where('p.at', '>=', since),
      ),
    )
    .orderBy('d.registered_at', 'desc')
    .limit(50);
  if (officeId) query = query.where('d.office_unit_id', '=', officeId);
  return query.execute();
}

function followQuery(db: Kysely<Database>) {
  return db
    .selectFrom('declarations as d')
    .innerJoin('units as o', 'o.id', 'd.office_unit_id')
    .select(['d.id', 'd.number', 'd.channel', 'd.rating_token', 'o.name_vi', 'o.name_en']);
}

export function findProgressOf(db: Kysely<Database>, declarationIds: number[]) {
  if (declarationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('declaration_progress')
    .select(['declaration_id', 'stage', 'at', 'counter'])
    .where('declaration_id', 'in', declarationIds)
    .orderBy('at')
    .execute();
}
