import { sql, type Kysely } from 'kysely';
import { executePrepared } from '../../db/prepared.ts';
import type { Database, RatingAuditKind } from '../../db/schema.ts';
import type { UnitLink } from '../../lib/org.ts';

export interface RatingValues {
  subjectKind: 'branch' | 'team' | 'stage' | 'officer';
  subjectRef: string;
  unitId: string;
  officerId: string | null;
  stars: number;
  reason: string | null;
  flags: string[];
}

export function findAssessmentByDeclaration(db: Kysely<Database>, declarationId: number) {
  return db.selectFrom('assessments').selectAll().where('declaration_id', '=', declarationId).executeTakeFirst();
}

/** The assessment, locked for an amendment. */
export function lockAssessmentByDeclaration(db: Kysely<Database>, declarationId: number) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('declaration_id', '=', declarationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findDeclarationNumber(db: Kysely<Database>, declarationId: number): Promise<string> {
  return (
    await db.selectFrom('declarations').select('number').where('id', '=', declarationId).executeTakeFirstOrThrow()
  ).number;
}

export interface NewAssessment {
  declarationId: number;
  enterpriseId: string;
  userId: string | null;
  /** The integration client that sends it (via 'api'). */
  apiClientId: string | null;
  via: 'link' | 'app' | 'api';
  comment: string | null;
  now: Date;
  editableUntil: Date;
  /** The Vietnam calendar day the roll-ups count it under. */
  day: string;
  channel: string;
  typeCode: string;
  ratings: RatingValues[];
  /** The declaration's office: the unit of the audit summary it is counted in. */
  officeUnitId: string;
}

export interface CreatedAssessment {
  id: number;
  comment: string | null;
  created_at: Date;
  updated_at: Date;
  editable_until: Date;
  revision: number;
  /** The inserted ratings, in input order. */
  ratings: {
    id: number;
    subject_kind: RatingValues['subjectKind'];
    unit_id: string;
    officer_id: string | null;
    flags: string[];
  }[];
  /** Each rated unit's chain up to the root, leaf first. */
  chains: Map<string, UnitLink[]>;
}

/**
 * Stores new assessments in one statement: each assessment, its ratings and its count toward
 * the office's daily audit summary (never an audit record of its own: see
 * rating_audit_pending).
 * One statement is one atomic unit of work and one commit, however many
 * submissions it carries. Answers in input order; undefined where the
 * declaration already had an assessment (then nothing is written for it).
 * `details` returns the inserted ratings and the units' chains, which only
 * opening cases needs; otherwise both come back empty.
 */
export async function insertNewAssessments(
  db: Kysely<Database>,
  values: NewAssessment[],
  options: { details: boolean },
): Promise<(CreatedAssessment | undefined)[]> {
  const input = JSON.stringify(
    values.map((v, k) => ({
      k,
      declaration_id: v.declarationId,
      enterprise_id: v.enterpriseId,
      user_id: v.userId,
      api_client_id: v.apiClientId,
      via: v.via,
      comment: v.comment,
      now: v.now.toISOString(),
      editable_until: v.editableUntil.toISOString(),
      day: v.day,
      channel: v.channel,
      type_code: v.typeCode,
      office_unit_id: v.officeUnitId,
      ratings: v.ratings.map((r, ord) => ({
        ord,
        subject_kind: r.subjectKind,
        subject_ref: r.subjectRef,
        unit_id: r.unitId,
        officer_id: r.officerId,
        stars: r.stars,
        reason: r.reason,
        flags: r.flags,
      })),
    })),
  );
  const unitIds = [...new Set(values.flatMap((v) => v.ratings.map((r) => r.unitId)))];
  const query = sql<Omit<CreatedAssessment, 'chains'> & { k: number; chains: (UnitLink & { start: string })[] }>`
    with recursive a_in as (
      select * from jsonb_to_recordset(${input}::jsonb)
        as x(k int, declaration_id bigint, enterprise_id uuid, user_id uuid, api_client_id uuid, via text, comment text, now timestamptz, editable_until timestamptz, day date, channel text, type_code text, office_unit_id uuid, ratings jsonb)
    ),
    up(start, id, kind, parent_id, depth) as (
      select id, id, kind, parent_id, 0 from units where id = any(${sql.val(unitIds)}::uuid[])
      union all
      select up.start, u.id, u.kind, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 20
    ),
    a_first as (
      -- two submissions for one declaration in the same batch: the first wins, the other is refused
      select distinct on (declaration_id) * from a_in order by declaration_id, k
    ),
    created as (
      insert into assessments (declaration_id, enterprise_id, submitted_by_user_id, submitted_api_client_id, submitted_via, comment, created_at, updated_at, editable_until)
      select declaration_id, enterprise_id, user_id, api_client_id, via, comment, now, now, editable_until from a_first order by k
      on conflict (declaration_id) do nothing
      returning id, declaration_id, comment, created_at, updated_at, editable_until, revision
    ),
    r_in as (
      select c.id as assessment_id, a.k, a.day, a.channel, a.type_code, r.*
      from created c
      join a_first a on a.declaration_id = c.declaration_id
      cross join lateral jsonb_to_recordset(a.ratings)
        as r(ord int, subject_kind text, subject_ref text, unit_id uuid, officer_id uuid, stars smallint, reason text, flags text[])
    ),
    ratings as (
      insert into assessment_ratings (assessment_id, subject_kind, subject_ref, unit_id, officer_id, stars, reason, flags)
      select assessment_id, subject_kind, subject_ref, unit_id, officer_id, stars, reason, flags from r_in order by k, ord
      returning id, assessment_id, subject_kind, unit_id, officer_id, flags
    ),
    counted as (
      insert into rating_audit_pending (day, office_unit_id, kind, via)
      select a.day, a.office_unit_id, 'submitted', a.via from created c join a_first a on a.declaration_id = c.declaration_id
    )
    select a.k, c.id, c.comment, c.created_at, c.updated_at, c.editable_until, c.revision,
           case when ${options.details}::boolean then (select coalesce(json_agg(json_build_object('id', x.id, 'subject_kind', x.subject_kind, 'unit_id', x.unit_id, 'officer_id', x.officer_id, 'flags', x.flags) order by x.id), '[]') from ratings x where x.assessment_id = c.id) else '[]' end as ratings,
           case when ${options.details}::boolean then (select coalesce(json_agg(json_build_object('start', up.start, 'id', up.id, 'kind', up.kind, 'parent_id', up.parent_id) order by up.start, up.depth), '[]')
              from up where up.start in (select (r->>'unit_id')::uuid from jsonb_array_elements(a.ratings) r)) else '[]' end as chains
    from created c join a_first a on a.declaration_id = c.declaration_id`;
  const rows = await executePrepared(db, 'assessments_insert_batch', query.compile(db));
  const answers: (CreatedAssessment | undefined)[] = values.map(() => undefined);
  for (const { k, chains: links, ...row } of rows) {
    const chains = new Map<string, UnitLink[]>();
    for (const { start, ...link } of links) chains.set(start, [...(chains.get(start) ?? []), link]);
    answers[k] = { ...row, chains };
  }
  return answers;
}

export async function insertNewAssessment(
  db: Kysely<Database>,
  values: NewAssessment,
): Promise<CreatedAssessment | undefined> {
  return (await insertNewAssessments(db, [values], { details: true }))[0];
}

/**
 * An amendment replaces the ratings; a case opened by a flag follows its subject's
 * new rating, so its handler still reads the current stars and reason.
 */
export async function relinkCases(
  db: Kysely<Database>,
  assessmentId: number,
  ratings: { id: number; subject_kind: string; unit_id: string; officer_id: string | null }[],
): Promise<void> {
  for (const rating of ratings) {
    await db
      .updateTable('flag_cases')
      .set({ rating_id: rating.id })
      .where('assessment_id', '=', assessmentId)
      .where('subject_kind', '=', rating.subject_kind)
      .where('subject_unit_id', '=', rating.unit_id)
      .where((eb) =>
        rating.officer_id === null
          ? eb('subject_officer_id', 'is', null)
          : eb('subject_officer_id', '=', rating.officer_id),
      )
      .execute();
  }
}

export async function updateAssessment(
  db: Kysely<Database>,
  id: number,
  values: { comment: string | null; now: Date },
) {
  await db
    .updateTable('assessments')
    .set({ comment: values.comment, updated_at: values.now, revision: sql`revision + 1` })
    .where('id', '=', id)
    .execute();
}

export function insertRatings(db: Kysely<Database>, assessmentId: number, ratings: RatingValues[]) {
  return db
    .insertInto('assessment_ratings')
    .values(
      ratings.map((r) => ({
        assessment_id: assessmentId,
        subject_kind: r.subjectKind,
        subject_ref: r.subjectRef,
        unit_id: r.unitId,
        officer_id: r.officerId,
        stars: r.stars,
        reason: r.reason,
        flags: r.flags,
      })),
    )
    .returning(['id', 'subject_kind', 'subject_ref', 'unit_id', 'officer_id', 'flags'])
    .execute();
}

export function findRatings(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('assessment_ratings')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
}

export async function deleteRatings(db: Kysely<Database>, assessmentId: number): Promise<void> {
  await db.deleteFrom('assessment_ratings').where('assessment_id', '=', assessmentId).execute();
}

export function findCasesForAssessment(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('flag_cases')
    .select([
      'id',
      'number',
      'kinds',
      'status',
      'subject_kind',
      'subject_unit_id',
      'subject_officer_id',
      'rating_id',
      'substantiated',
      'measure',
      'resolved_at',
      'handling_stars',
    ])
    .where('assessment_id', '=', assessmentId)
    .orderBy('opened_at')
    .execute();
}

export async function insertFlagCase(
  db: Kysely<Database>,
  values: {
    number: string;
    assessmentId: number;
    ratingId: number;
    kinds: string[];
    subjectKind: string;
    unitId: string;
    officerId: string | null;
    handlerUnitId: string;
    handlerRole: string;
    openedAt: Date;
    dueAt: Date;
  },
): Promise<string> {
  const opened = await db
    .insertInto('flag_cases')
    .values({
      number: values.number,
      assessment_id: values.assessmentId,
      rating_id: values.ratingId,
      kinds: values.kinds,
      subject_kind: values.subjectKind,
      subject_unit_id: values.unitId,
      subject_officer_id: values.officerId,
      handler_unit_id: values.handlerUnitId,
      handler_role: values.handlerRole,
      opened_at: values.openedAt,
      due_at: values.dueAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('flag_case_events')
    .values({
      case_id: opened.id,
      at: values.openedAt,
      action: 'opened',
      actor_user_id: null,
      details: JSON.stringify({ kinds: values.kinds, handlerRole: values.handlerRole }),
    })
    .execute();
  return opened.id;
}

export interface RatingActivity {
  day: string;
  officeUnitId: string;
  kind: RatingAuditKind;
  via?: 'link' | 'app' | 'api';
  caseNumber?: string;
}

/** Counts rating-side events toward their office's daily audit summary (no id, time or actor is stored). */
export async function countRatingActivity(db: Kysely<Database>, rows: RatingActivity[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rating_audit_pending')
    .values(
      rows.map((r) => ({
        day: r.day,
        office_unit_id: r.officeUnitId,
        kind: r.kind,
        via: r.via ?? null,
        case_number: r.caseNumber ?? null,
      })),
    )
    .execute();
}

/** Takes (deletes and returns) the events of the days before `before`, with each office's code. */
export async function takeRatingActivity(db: Kysely<Database>, before: string) {
  const taken = await db
    .deleteFrom('rating_audit_pending')
    .where('day', '<', before)
    .returning(['day', 'office_unit_id', 'kind', 'via', 'case_number'])
    .execute();
  const offices = [...new Set(taken.map((t) => t.office_unit_id))];
  const codes = offices.length
    ? await db.selectFrom('units').select(['id', 'code']).where('id', 'in', offices).execute()
    : [];
  const codeOf = new Map(codes.map((u) => [u.id, u.code]));
  return taken.map((t) => ({ ...t, office_code: codeOf.get(t.office_unit_id) ?? '' }));
}

// ---- Access to a sent rating: the business's registered addresses, one-time codes, grants

/** The registered addresses of the business: the active accounts of the enterprise, and of the broker that declared for it. */
export function findBusinessAddresses(
  db: Kysely<Database>,
  parties: { enterpriseId: string; declarantId: string | null },
) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.email', 'u.locale'])
    .distinct()
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([eb('u.enterprise_id', '=', parties.enterpriseId), eb('r.role', '=', 'enterprise_user')]),
        ...(parties.declarantId
          ? [eb.and([eb('u.enterprise_id', '=', parties.declarantId), eb('r.role', '=', 'broker')])]
          : []),
      ]),
    )
    .orderBy('u.email')
    .execute();
}

/** Serializes code requests for one declaration (without blocking its assessment's key checks). */
export async function lockDeclarationForCodes(db: Kysely<Database>, declarationId: number): Promise<void> {
  await db.selectFrom('declarations').select('id').where('id', '=', declarationId).forNoKeyUpdate().execute();
}

export function findCodesSince(db: Kysely<Database>, declarationId: number, since: Date) {
  return db
    .selectFrom('rating_access_codes')
    .select('created_at')
    .where('declaration_id', '=', declarationId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .execute();
}

/** A new code replaces the ones still open: attempts cannot be multiplied by asking for more codes. */
export async function replaceAccessCode(
  db: Kysely<Database>,
  values: { id: string; declarationId: number; codeHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable('rating_access_codes')
    .set({ expires_at: values.now })
    .where('declaration_id', '=', values.declarationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', values.now)
    .execute();
  await db
    .insertInto('rating_access_codes')
    .values({
      id: values.id,
      declaration_id: values.declarationId,
      code_hash: values.codeHash,
      created_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute();
}

/** Counts one attempt against the declaration's open code, atomically; undefined when none is left to try. */
export function spendCodeAttempt(db: Kysely<Database>, declarationId: number, now: Date, maxAttempts: number) {
  return db
    .updateTable('rating_access_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('rating_access_codes')
        .select('id')
        .where('declaration_id', '=', declarationId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(1),
    )
    .where('attempts', '<', maxAttempts)
    .returning(['id', 'code_hash'])
    .executeTakeFirst();
}

/** Marks a code used; false if it already was (a code opens one grant). */
export async function useCode(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const used = await db
    .updateTable('rating_access_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
}

export async function insertGrant(
  db: Kysely<Database>,
  values: { tokenHash: string; declarationId: number; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('rating_access_grants')
    .values({ token_hash: values.tokenHash, declaration_id: values.declarationId, expires_at: values.expiresAt })
    .execute();
}

export async function hasGrant(
  db: Kysely<Database>,
  tokenHash: string,
  declarationId: number,
  now: Date,
): Promise<boolean> {
  const grant = await db
    .selectFrom('rating_access_grants')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('declaration_id', '=', declarationId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return grant !== undefined;
}

export async function deleteExpiredAccess(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('rating_access_grants').where('expires_at', '<=', now).execute();
  await db
    .deleteFrom('rating_access_codes')
    .where('expires_at', '<=', new Date(now.getTime() - 86_400_000))
    .execute();
}
