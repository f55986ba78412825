// Survey queries. The answer side never reads or writes a business id next to an
// answer: markAnswered touches the invitation, insertResponse, addCounts and
// insertTexts the answer, and none of them returns or takes the other's id.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CountRow } from './results.ts';

type Db = Kysely<Database>;

export async function findUnit(db: Db, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'kind', 'status', 'code', 'name_vi'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const surveyColumns = [
  's.id',
  's.owner_unit_id',
  'u.name_vi as owner_unit_name',
  's.title_vi',
  's.title_en',
  's.description_vi',
  's.description_en',
  's.status',
  's.version',
  's.frozen',
  's.published',
  's.closes_on',
  's.targeting',
  's.definition',
] as const;

function surveysWithCounts(db: Db) {
  return db
    .selectFrom('surveys as s')
    .innerJoin('units as u', 'u.id', 's.owner_unit_id')
    .select(surveyColumns)
    .select((eb) => [
      eb
        .selectFrom('survey_invitations as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.survey_id', '=', 's.id')
        .as('invited'),
      eb
        .selectFrom('survey_invitations as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.survey_id', '=', 's.id')
        .where('i.answered', '=', true)
        .as('answered'),
    ]);
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function findSurvey(db: Db, id: string) {
  return surveysWithCounts(db).where('s.id', '=', id).executeTakeFirst();
}

/** Surveys owned by these units (all when null). */
export async function findSurveys(db: Db, unitIds: readonly string[] | null) {
  let query = surveysWithCounts(db);
  if (unitIds !== null) {
    if (unitIds.length === 0) return [];
    query = query.where('s.owner_unit_id', 'in', unitIds);
  }
  return query.orderBy('s.created_at', 'desc').limit(200).execute();
}

/** Closed surveys whose results are published, the latest first. */
export async function findPublishedSurveys(db: Db, limit: number) {
  return surveysWithCounts(db)
    .where('s.published', '=', true)
    .where('s.status', '=', 'closed')
    .orderBy('s.updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertSurvey(
  db: Db,
  values: {
    owner_unit_id: string;
    title_vi: string;
    title_en: string;
    description_vi: string;
    description_en: string;
    closes_on: string | null;
    definition: string;
    created_by: string;
    now: Date;
  },
): Promise<string> {
  const { now, ...rest } = values;
  const row = await db
    .insertInto('surveys')
    .values({ ...rest, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a form that has no answer yet; false when it has one (or is closed). */
export async function updateSurvey(
  db: Db,
  id: string,
  values: {
    owner_unit_id: string;
    title_vi: string;
    title_en: string;
    description_vi: string;
    description_en: string;
    closes_on: string | null;
    definition: string;
    now: Date;
  },
): Promise<boolean> {
  const { now, ...rest } = values;
  const rows = await db
    .updateTable('surveys')
    .set({ ...rest, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('frozen', '=', false)
    .where('status', '<>', 'closed')
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function setStatus(
  db: Db,
  id: string,
  from: 'draft' | 'open',
  to: 'open' | 'closed',
  now: Date,
): Promise<boolean> {
  const rows = await db
    .updateTable('surveys')
    .set({ status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function setPublished(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('surveys').set({ published: true, updated_at: now }).where('id', '=', id).execute();
}

export async function setTargeting(db: Db, id: string, targeting: string, now: Date): Promise<void> {
  await db.updateTable('surveys').set({ targeting, updated_at: now }).where('id', '=', id).execute();
}

// Targeting

export async function findAllEnterpriseIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('enterprises').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

export async function findEnterprisesByTaxCodes(db: Db, taxCodes: readonly string[]) {
  if (taxCodes.length === 0) return [];
  return db.selectFrom('enterprises').select(['id', 'tax_code']).where('tax_code', 'in', taxCodes).execute();
}

/** Declarations per business and branch (the declaring office, or the branch above a team). */
export async function findDeclarationVolumes(
  db: Db,
  filter: { branchIds: readonly string[] | null; enterpriseIds?: readonly string[]; from: Date; to: Date },
) {
  let query = db
    .selectFrom('declarations as d')
    .innerJoin('units as u', 'u.id', 'd.office_unit_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([
      'd.enterprise_id as enterpriseId',
      sql<string>`case when u.kind = 'team' then p.id else u.id end`.as('branchId'),
      sql<string>`case when u.kind = 'team' then p.code else u.code end`.as('branchCode'),
      sql<number>`count(*)::int`.as('declarations'),
    ])
    .where('d.registered_at', '>=', filter.from)
    .where('d.registered_at', '<', filter.to)
    .groupBy(['d.enterprise_id', sql`2`, sql`3`]);
  if (filter.branchIds !== null) {
    if (filter.branchIds.length === 0) return [];
    const ids = filter.branchIds;
    query = query.where((eb) => eb.or([eb('u.id', 'in', ids), eb('u.parent_id', 'in', ids)]));
  }
  if (filter.enterpriseIds) {
    if (filter.enterpriseIds.length === 0) return [];
    query = query.where('d.enterprise_id', 'in', filter.enterpriseIds);
  }
  return query.execute();
}

export async function replaceInvitations(
  db: Db,
  surveyId: string,
  rows: readonly { enterpriseId: string; stratum: string; branchIds: readonly string[] }[],
): Promise<void> {
  await db.deleteFrom('survey_invitations').where('survey_id', '=', surveyId).execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('survey_invitations')
      .values(
        rows.slice(i, i + 1000).map((row) => ({
          survey_id: surveyId,
          enterprise_id: row.enterpriseId,
          stratum: row.stratum,
          branch_ids: sql<string[]>`${`{${row.branchIds.join(',')}}`}::uuid[]`,
        })),
      )
      .execute();
  }
}

/** Invitations not yet answered, with the active accounts of each business (who gets the mail). */
export async function findUnansweredRecipients(db: Db, surveyId: string) {
  return db
    .selectFrom('survey_invitations as i')
    .leftJoin('users as us', (join) =>
      join.onRef('us.enterprise_id', '=', 'i.enterprise_id').on('us.active', '=', true),
    )
    .select(['i.id', 'us.email', 'us.locale'])
    .where('i.survey_id', '=', surveyId)
    .where('i.answered', '=', false)
    .orderBy('i.id')
    .execute();
}

export async function insertTokens(db: Db, rows: readonly { token_hash: string; invitation_id: string }[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('survey_invitation_tokens')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function markInvited(db: Db, surveyId: string, day: string, reminder: boolean): Promise<void> {
  await db
    .updateTable('survey_invitations')
    .set(reminder ? { reminded_on: day } : { invited_on: day })
    .where('survey_id', '=', surveyId)
    .where('answered', '=', false)
    .execute();
}

// Answering

const invitationColumns = [
  'i.id',
  'i.survey_id',
  'i.enterprise_id',
  'i.stratum',
  'i.branch_ids',
  'i.answered',
  'i.draft',
  'e.is_broker',
] as const;

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export async function findInvitation(db: Db, id: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .select(invitationColumns)
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function findInvitationByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('survey_invitation_tokens as t')
    .innerJoin('survey_invitations as i', 'i.id', 't.invitation_id')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .select(invitationColumns)
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findInvitationsOfEnterprise(db: Db, enterpriseId: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('surveys as s', 's.id', 'i.survey_id')
    .select([
      'i.id',
      'i.survey_id',
      'i.answered',
      sql<boolean>`i.draft is not null`.as('has_draft'),
      's.title_vi',
      's.title_en',
      's.status',
      's.closes_on',
    ])
    .where('i.enterprise_id', '=', enterpriseId)
    .where('s.status', '<>', 'draft')
    .orderBy('s.created_at', 'desc')
    .execute();
}

export async function findBranches(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(['id', 'code', 'name_vi']).where('id', 'in', ids).execute();
}

/** Keeps an unfinished answer with the invitation (it is the business's until sent); false once answered. */
export async function saveDraft(db: Db, invitationId: string, draft: string): Promise<boolean> {
  const rows = await db
    .updateTable('survey_invitations')
    .set({ draft })
    .where('id', '=', invitationId)
    .where('answered', '=', false)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/**
 * The one gate of "one answer per business": the invitation turns answered at
 * most once (a row lock makes a concurrent or replayed submission wait, then
 * find it answered). Its draft goes; only the day is kept.
 */
export async function markAnswered(db: Db, invitationId: string, day: string): Promise<boolean> {
  const rows = await db
    .updateTable('survey_invitations')
    .set({ answered: true, answered_on: day, draft: null })
    .where('id', '=', invitationId)
    .where('answered', '=', false)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** The answer: a random id, no business, no invitation, no time; nothing returned. */
export async function insertResponse(
  db: Db,
  values: {
    survey_id: string;
    version: number;
    stratum: string;
    business_type: 'enterprise' | 'broker';
    answers: string;
  },
): Promise<void> {
  await db.insertInto('survey_responses').values(values).execute();
}

export async function addCounts(
  db: Db,
  surveyId: string,
  rows: readonly {
    item: string;
    branch_id: string;
    stratum: string;
    business_type: string;
    value: string;
    total: number;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  // One statement, keys in a fixed order: concurrent answers lock the counters in the same order.
  const merged = new Map<string, (typeof rows)[number] & { count: number }>();
  for (const row of rows) {
    const key = [row.item, row.branch_id, row.stratum, row.business_type, row.value].join('\u0000');
    const found = merged.get(key);
    if (found) {
      found.count += 1;
      found.total += row.total;
    } else merged.set(key, { ...row, count: 1 });
  }
  const values = [...merged]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => ({ survey_id: surveyId, ...row }));
  await db
    .insertInto('survey_counts')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['survey_id', 'item', 'branch_id', 'stratum', 'business_type', 'value']).doUpdateSet({
        count: sql`survey_counts.count + excluded.count`,
        total: sql`survey_counts.total + excluded.total`,
      }),
    )
    .execute();
}

export async function insertTexts(db: Db, surveyId: string, texts: readonly { item: string; body: string }[]) {
  if (texts.length === 0) return;
  await db
    .insertInto('survey_texts')
    .values(texts.map((text) => ({ survey_id: surveyId, item: text.item, body: text.body })))
    .execute();
}

/**
 * Freezes the form an answer was checked against, if it is still open and at that
 * version (its row lock orders the answer after any concurrent change or closing).
 */
export async function freezeForAnswer(db: Db, surveyId: string, version: number): Promise<boolean> {
  const rows = await db
    .updateTable('surveys')
    .set({ frozen: true })
    .where('id', '=', surveyId)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return rows.length > 0;
}

/**
 * Writes every answer and answered mark of a survey again, in one transaction:
 * their row versions then all carry the same transaction id, so the storage no
 * longer says which answer was written with which mark.
 */
export async function rewriteAnswerRows(db: Db, surveyId: string): Promise<void> {
  await db
    .updateTable('survey_responses')
    .set({ version: sql<number>`version` })
    .where('survey_id', '=', surveyId)
    .execute();
  await db
    .updateTable('survey_invitations')
    .set({ answered: sql<boolean>`answered` })
    .where('survey_id', '=', surveyId)
    .execute();
}

// Reading

export async function findParticipation(db: Db, surveyId: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .select(['e.tax_code', 'e.name', 'i.stratum', 'i.answered'])
    .where('i.survey_id', '=', surveyId)
    .orderBy('i.stratum')
    .orderBy('e.name')
    .execute();
}

export async function findCounts(db: Db, surveyId: string): Promise<CountRow[]> {
  const rows = await db
    .selectFrom('survey_counts')
    .select(['item', 'branch_id', 'stratum', 'business_type', 'value', 'count', 'total'])
    .where('survey_id', '=', surveyId)
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Free text in a random order (never the order it arrived in): a random sample of at most `perItem` per question. */
export async function findTexts(db: Db, surveyId: string, perItem = 50) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('survey_texts')
        .select(['item', 'body', sql<number>`row_number() over (partition by item order by random())`.as('pick')])
        .where('survey_id', '=', surveyId)
        .as('t'),
    )
    .select(['item', 'body'])
    .where('pick', '<=', perItem)
    .execute();
}

/** Answers in the order of their random ids (unrelated to when they arrived). */
export async function findResponses(db: Db, surveyId: string) {
  return db
    .selectFrom('survey_responses')
    .select(['stratum', 'business_type', 'answers'])
    .where('survey_id', '=', surveyId)
    .orderBy('id')
    .execute();
}

/** A closed survey's stored results for one view, as served (JSON); undefined until first computed. */
export async function findResultView(db: Db, surveyId: string, viewKey: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('survey_result_views')
    .select('body')
    .where('survey_id', '=', surveyId)
    .where('view_key', '=', viewKey)
    .executeTakeFirst();
  return row?.body;
}

/** Stores a view once; a reader computing the same view at the same moment keeps the first. */
export async function insertResultView(db: Db, surveyId: string, viewKey: string, body: string): Promise<void> {
  await db
    .insertInto('survey_result_views')
    .values({ survey_id: surveyId, view_key: viewKey, body })
    .onConflict((oc) => oc.columns(['survey_id', 'view_key']).doNothing())
    .execute();
}

// Associations

/** Open surveys that invite at least one member of the association, with when it forwarded each. */
export async function findSurveysForAssociation(db: Db, associationId: string) {
  return db
    .selectFrom('surveys as s')
    .innerJoin('units as u', 'u.id', 's.owner_unit_id')
    .leftJoin('survey_forwards as f', (join) =>
      join.onRef('f.survey_id', '=', 's.id').on('f.association_id', '=', associationId),
    )
    .select(['s.id', 'u.name_vi as owner_unit_name', 's.title_vi', 's.title_en', 's.closes_on', 'f.forwarded_at'])
    .where('s.status', '=', 'open')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('survey_invitations as i')
          .innerJoin('association_members as m', 'm.enterprise_id', 'i.enterprise_id')
          .select('i.id')
          .whereRef('i.survey_id', '=', 's.id')
          .where('m.association_id', '=', associationId),
      ),
    )
    .orderBy('s.created_at', 'desc')
    .limit(100)
    .execute();
}

/** The members' invitations not yet answered, with each member's active users (one row per user). */
export async function findUnansweredMemberRecipients(db: Db, surveyId: string, associationId: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('association_members as m', 'm.enterprise_id', 'i.enterprise_id')
    .innerJoin('users as us', (join) =>
      join.onRef('us.enterprise_id', '=', 'i.enterprise_id').on('us.active', '=', true),
    )
    .select(['i.id', 'us.email', 'us.locale'])
    .where('i.survey_id', '=', surveyId)
    .where('m.association_id', '=', associationId)
    .where('i.answered', '=', false)
    .orderBy('i.id')
    .execute();
}

/** Records the forward; false when the association had already forwarded this survey. */
export async function insertForward(
  db: Db,
  values: { survey_id: string; association_id: string; forwarded_by: string; forwarded_at: Date; message: string },
): Promise<boolean> {
  const rows = await db
    .insertInto('survey_forwards')
    .values(values)
    .onConflict((oc) => oc.columns(['survey_id', 'association_id']).doNothing())
    .returning('survey_id')
    .execute();
  return rows.length > 0;
}

export async function findAssociationName(db: Db, id: string) {
  return db.selectFrom('associations').select(['name_vi', 'name_en']).where('id', '=', id).executeTakeFirst();
}
