// Every query of consultations. Knows nothing of HTTP or of who asks.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Article } from '../../../contracts/consultations.ts';
import type { ConsultationCommentsTable, ConsultationsTable, Database } from '../../db/schema.ts';

export type ConsultationRow = Selectable<ConsultationsTable>;
export type CommentRow = Selectable<ConsultationCommentsTable> & {
  enterprise_name: string | null;
  association_name: string | null;
};

export async function findConsultation(db: Kysely<Database>, id: string): Promise<ConsultationRow | undefined> {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findConsultations(
  db: Kysely<Database>,
  filter: { phases?: string[]; unitIds?: string[] | null; topic?: string; folded?: string; documentId?: string },
) {
  let query = db
    .selectFrom('consultations as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('consultation_comments as m')
        .whereRef('m.consultation_id', '=', 'c.id')
        .where('m.status', '=', 'active')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('comment_count'),
    )
    .orderBy('c.closes_at', 'desc')
    .limit(200);
  if (filter.phases) query = query.where('c.phase', 'in', filter.phases as ConsultationRow['phase'][]);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    query = query.where('c.owner_unit_id', 'in', filter.unitIds);
  }
  if (filter.topic) query = query.where(sql<boolean>`${filter.topic} = any(c.topics)`);
  if (filter.documentId) query = query.where('c.legal_document_id', '=', filter.documentId);
  if (filter.folded) query = query.where('c.search_text', 'like', filter.folded);
  return query.execute();
}

export async function insertConsultation(
  db: Kysely<Database>,
  values: Omit<
    ConsultationRow,
    'id' | 'phase' | 'extensions' | 'response_summary' | 'grouped_at' | 'published_at' | 'legal_document_id'
  >,
  articles: Article[],
): Promise<string> {
  const row = await db
    .insertInto('consultations')
    .values({
      ...values,
      questions: JSON.stringify(values.questions),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceArticles(db, row.id, 1, articles);
  return row.id;
}

export async function updateConsultation(db: Kysely<Database>, id: string, values: Partial<ConsultationRow>) {
  const { questions, extensions, ...rest } = values;
  return db
    .updateTable('consultations')
    .set({
      ...rest,
      ...(questions !== undefined && { questions: JSON.stringify(questions) }),
      ...(extensions !== undefined && { extensions: JSON.stringify(extensions) }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function replaceArticles(db: Kysely<Database>, id: string, version: 1 | 2, articles: Article[]) {
  await db
    .deleteFrom('consultation_articles')
    .where('consultation_id', '=', id)
    .where('version', '=', version)
    .execute();
  if (articles.length > 0)
    await db
      .insertInto('consultation_articles')
      .values(
        articles.map((a) => ({ consultation_id: id, version, number: a.number, heading: a.heading, body: a.body })),
      )
      .execute();
}

export async function findArticles(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('consultation_articles')
    .select(['version', 'number', 'heading', 'body'])
    .where('consultation_id', '=', id)
    .orderBy('version')
    .orderBy('number')
    .execute();
}

export async function findUnit(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('units').select(['id', 'kind', 'status']).where('id', '=', unitId).executeTakeFirst();
}

export async function findUnitName(db: Kysely<Database>, unitId: string) {
  return (await db.selectFrom('units').select('name_vi').where('id', '=', unitId).executeTakeFirst())?.name_vi ?? '';
}

function commentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('consultation_comments as m')
    .leftJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .leftJoin('associations as a', 'a.id', 'm.association_id')
    .selectAll('m')
    .select(['e.name as enterprise_name', 'a.name_vi as association_name']);
}

export async function findComments(
  db: Kysely<Database>,
  id: string,
  filter: {
    article?: number | null;
    kind?: 'enterprise' | 'association';
    associationId?: string;
    status?: 'pending' | 'answered';
    activeOnly?: boolean;
  } = {},
): Promise<CommentRow[]> {
  let query = commentQuery(db).where('m.consultation_id', '=', id);
  if (filter.article !== undefined)
    query =
      filter.article === null
        ? query.where('m.article_number', 'is', null)
        : query.where('m.article_number', '=', filter.article);
  if (filter.kind) query = query.where('m.kind', '=', filter.kind);
  if (filter.associationId)
    query = query.where((eb) =>
      eb.or([
        eb('m.association_id', '=', filter.associationId!),
        eb(
          'm.enterprise_id',
          'in',
          eb
            .selectFrom('association_members')
            .select('enterprise_id')
            .where('association_id', '=', filter.associationId!),
        ),
      ]),
    );
  if (filter.status === 'pending') query = query.where('m.disposition', 'is', null);
  if (filter.status === 'answered') query = query.where('m.disposition', 'is not', null);
  if (filter.activeOnly) query = query.where('m.status', '=', 'active');
  return query.orderBy('m.article_number').orderBy('m.created_at').orderBy('m.id').execute();
}

export async function findComment(db: Kysely<Database>, commentId: string): Promise<CommentRow | undefined> {
  return commentQuery(db).where('m.id', '=', commentId).executeTakeFirst();
}

/** Per article: active comments and those still without a disposition. */
export async function countByArticle(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('consultation_comments')
    .select((eb) => [
      'article_number',
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('disposition', 'is', null).as('pending'),
    ])
    .where('consultation_id', '=', id)
    .where('status', '=', 'active')
    .groupBy('article_number')
    .orderBy('article_number')
    .execute();
}

export async function insertComment(
  db: Kysely<Database>,
  values: Omit<
    Selectable<ConsultationCommentsTable>,
    'id' | 'status' | 'group_id' | 'disposition' | 'reason' | 'disposed_by' | 'disposed_at' | 'answers'
  > & { answers: string },
) {
  return (await db.insertInto('consultation_comments').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateComment(
  db: Kysely<Database>,
  commentId: string,
  values: Partial<Selectable<ConsultationCommentsTable>>,
) {
  const { answers, ...rest } = values;
  await db
    .updateTable('consultation_comments')
    .set({ ...rest, ...(answers !== undefined && { answers: JSON.stringify(answers) }) })
    .where('id', '=', commentId)
    .execute();
}

export async function setDispositions(
  db: Kysely<Database>,
  id: string,
  commentIds: string[],
  values: {
    disposition: NonNullable<CommentRow['disposition']>;
    reason: string;
    disposed_by: string;
    disposed_at: Date;
  },
): Promise<number> {
  const result = await db
    .updateTable('consultation_comments')
    .set(values)
    .where('consultation_id', '=', id)
    .where('id', 'in', commentIds)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countPending(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('consultation_comments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consultation_id', '=', id)
    .where('status', '=', 'active')
    .where('disposition', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findGroupingInput(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('consultation_comments')
    .select(['id', 'article_number', 'body', 'proposed_wording'])
    .where('consultation_id', '=', id)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Writes the groups in one statement per chunk (id → group id). */
export async function writeGroups(db: Kysely<Database>, id: string, groups: Map<string, string>) {
  const entries = [...groups.entries()];
  for (let i = 0; i < entries.length; i += 2000) {
    const chunk = entries.slice(i, i + 2000);
    await sql`
      update consultation_comments as m set group_id = v.g::uuid
      from (select unnest(${sql.val(chunk.map((e) => e[0]))}::text[]) as id, unnest(${sql.val(chunk.map((e) => e[1]))}::text[]) as g) as v
      where m.id = v.id::uuid and m.consultation_id = ${id}
    `.execute(db);
  }
}

export async function findChangeLinks(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('consultation_change_links')
    .select(['article_number', 'comment_id'])
    .where('consultation_id', '=', id)
    .execute();
}

export async function replaceChangeLinks(
  db: Kysely<Database>,
  id: string,
  articleNumber: number,
  commentIds: string[],
) {
  await db
    .deleteFrom('consultation_change_links')
    .where('consultation_id', '=', id)
    .where('article_number', '=', articleNumber)
    .execute();
  if (commentIds.length > 0)
    await db
      .insertInto('consultation_change_links')
      .values(commentIds.map((comment_id) => ({ consultation_id: id, article_number: articleNumber, comment_id })))
      .execute();
}

export async function countCommentsIn(db: Kysely<Database>, id: string, commentIds: string[]): Promise<number> {
  if (commentIds.length === 0) return 0;
  const row = await db
    .selectFrom('consultation_comments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consultation_id', '=', id)
    .where('id', 'in', commentIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMemberships(db: Kysely<Database>, enterpriseId: string): Promise<string[]> {
  return (
    await db
      .selectFrom('association_members')
      .select('association_id')
      .where('enterprise_id', '=', enterpriseId)
      .execute()
  ).map((r) => r.association_id);
}

export async function findAssociationMembers(db: Kysely<Database>, associationId: string, ids?: string[]) {
  let query = db
    .selectFrom('association_members as am')
    .innerJoin('enterprises as e', 'e.id', 'am.enterprise_id')
    .select(['e.id', 'e.name'])
    .where('am.association_id', '=', associationId)
    .orderBy('e.name');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('e.id', 'in', ids);
  } else query = query.limit(500);
  return query.execute();
}

export async function findEnterpriseNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findMemberViews(db: Kysely<Database>, id: string, associationId: string) {
  return db
    .selectFrom('consultation_member_views as v')
    .innerJoin('enterprises as e', 'e.id', 'v.enterprise_id')
    .select(['v.id', 'v.article_number', 'v.body', 'v.enterprise_id', 'e.name as enterprise_name', 'v.created_at'])
    .where('v.consultation_id', '=', id)
    .where('v.association_id', '=', associationId)
    .orderBy('v.article_number')
    .orderBy('v.created_at')
    .execute();
}

export async function insertMemberView(
  db: Kysely<Database>,
  values: {
    consultation_id: string;
    association_id: string;
    enterprise_id: string;
    author_user_id: string;
    article_number: number | null;
    body: string;
    created_at: Date;
  },
) {
  return (await db.insertInto('consultation_member_views').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Users subscribed to any of the topics (active subscriptions), with their address and language. */
export async function findTopicSubscribers(db: Kysely<Database>, topics: string[]) {
  if (topics.length === 0) return [];
  return db
    .selectFrom('topic_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('s.active', '=', true)
    .where('u.active', '=', true)
    .where(sql<boolean>`s.topics && ${sql.val(topics)}::text[]`)
    .distinct()
    .execute();
}

export async function findCommenterUsers(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('consultation_comments as m')
    .innerJoin('users as u', 'u.id', 'm.author_user_id')
    .select(['m.id as comment_id', 'm.anonymous', 'u.id as user_id', 'u.email', 'u.locale'])
    .where('m.consultation_id', '=', id)
    .where('m.status', '=', 'active')
    .execute();
}

export async function insertNotices(
  db: Kysely<Database>,
  rows: { user_id: string; consultation_id: string; comment_id: string | null; created_at: Date }[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('consultation_notices')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function findNotices(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('consultation_notices as n')
    .innerJoin('consultations as c', 'c.id', 'n.consultation_id')
    .leftJoin('consultation_comments as m', 'm.id', 'n.comment_id')
    .select(['n.id', 'n.consultation_id', 'c.title', 'n.comment_id', 'm.disposition', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();
}

export async function findLegalDocument(db: Kysely<Database>, documentId: string) {
  return db.selectFrom('legal_documents').select(['id']).where('id', '=', documentId).executeTakeFirst();
}
