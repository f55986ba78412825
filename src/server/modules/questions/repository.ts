// Question-bank queries: entries, versions, feedback, reports and exports. The
// search engine (ranked full-text search over the word index) is in
// search-repository.ts.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, QaEntriesTable } from '../../db/schema.ts';

export type EntryRow = Selectable<QaEntriesTable>;

export async function findEntry(db: Kysely<Database>, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('qa_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEntryForUpdate(db: Kysely<Database>, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('qa_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function userNames(db: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

export async function insertEntry(db: Kysely<Database>, values: Insertable<QaEntriesTable>): Promise<EntryRow> {
  return db.insertInto('qa_entries').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateEntry(
  db: Kysely<Database>,
  id: string,
  values: Updateable<QaEntriesTable>,
): Promise<EntryRow> {
  return db.updateTable('qa_entries').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A published entry, its view counted. */
export async function viewPublished(db: Kysely<Database>, id: string): Promise<EntryRow | undefined> {
  return db
    .updateTable('qa_entries')
    .set((eb) => ({ views: eb('views', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'published')
    .returningAll()
    .executeTakeFirst();
}

/** "Was this helpful?" on a published entry; the counts after it (undefined: no such published entry). */
export async function addFeedback(db: Kysely<Database>, id: string, helpful: boolean) {
  return db
    .updateTable('qa_entries')
    .set((eb) => (helpful ? { helpful_yes: eb('helpful_yes', '+', 1) } : { helpful_no: eb('helpful_no', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'published')
    .returning(['helpful_yes', 'helpful_no'])
    .executeTakeFirst();
}

export async function findVersions(db: Kysely<Database>, entryId: string) {
  return db
    .selectFrom('qa_entry_versions')
    .select(['version', 'status', 'actor_user_id', 'note', 'at'])
    .where('entry_id', '=', entryId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

export async function addVersion(
  db: Kysely<Database>,
  row: EntryRow,
  actorUserId: string | null,
  note: string | null,
  at: Date,
): Promise<void> {
  const snapshot = {
    category: row.category,
    tags: row.tags,
    titleVi: row.title_vi,
    bodyVi: row.body_vi,
    titleEn: row.title_en,
    bodyEn: row.body_en,
    legalBasis: row.legal_basis,
  };
  await db
    .insertInto('qa_entry_versions')
    .values({
      entry_id: row.id,
      version: row.version,
      status: row.status,
      snapshot: JSON.stringify(snapshot),
      actor_user_id: actorUserId,
      note,
      at,
    })
    .execute();
}

export interface SearchRow {
  id: string;
  number: number;
  category: string;
  tags: string[];
  title_vi: string;
  body_vi: string;
  last_reviewed_at: Date | null;
}

/** The entries for ranked ids, in the given order. */
export async function entriesByIds(db: Kysely<Database>, ids: string[]): Promise<SearchRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('qa_entries')
    .select(['id', 'number', 'category', 'tags', 'title_vi', 'body_vi', 'last_reviewed_at'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is SearchRow => Boolean(row));
}

export async function logSearch(
  db: Kysely<Database>,
  query: string,
  normalized: string,
  results: number,
  at: Date,
): Promise<number> {
  const row = await db
    .insertInto('qa_searches')
    .values({ query: query.slice(0, 200), normalized, results, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A search whose results someone opened (first time only; a day at most after it ran). */
export async function markSearchOpened(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db
    .updateTable('qa_searches')
    .set({ opened_at: at })
    .where('id', '=', id)
    .where('opened_at', 'is', null)
    .where('results', '>', 0)
    .where('at', '>=', new Date(at.getTime() - 86_400_000))
    .execute();
}

/** Searches that found entries none of which was opened, most frequent first. */
export async function unopenedSearches(db: Kysely<Database>, since: Date, limit: number) {
  return db
    .selectFrom('qa_searches')
    .select([
      'normalized',
      sql<string>`min(query)`.as('query'),
      sql<number>`count(*)::int`.as('count'),
      sql<Date>`max(at)`.as('last_at'),
    ])
    .where('results', '>', 0)
    .where('at', '>=', since)
    .groupBy('normalized')
    .having(sql<boolean>`count(opened_at) = 0`)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`max(at)`, 'desc')
    .limit(limit)
    .execute();
}

export async function categoryCounts(db: Kysely<Database>) {
  return db
    .selectFrom('qa_entries')
    .select(['category', sql<number>`count(*)::int`.as('count')])
    .where('status', '=', 'published')
    .groupBy('category')
    .orderBy('category')
    .execute();
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function findOfficerList(
  db: Kysely<Database>,
  input: { words: string[]; status?: string | undefined; category?: string | undefined; limit: number; offset: number },
) {
  let query = db.selectFrom('qa_entries');
  if (input.status) query = query.where('status', '=', input.status as EntryRow['status']);
  if (input.category) query = query.where('category', '=', input.category);
  for (const word of input.words) query = query.where('search_text', 'like', `%${escapeLike(word)}%`);
  const [rows, total] = await Promise.all([
    query
      .select(['id', 'number', 'category', 'status', 'title_vi', 'version', 'updated_at', 'views'])
      .orderBy('updated_at', 'desc')
      .orderBy('number', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function findPublishedForExport(db: Kysely<Database>) {
  return db
    .selectFrom('qa_entries')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('category')
    .orderBy('number')
    .limit(20_000)
    .execute();
}

export async function mostViewed(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('qa_entries')
    .select(['id', 'number', 'title_vi', 'views', 'helpful_yes', 'helpful_no'])
    .where('status', '=', 'published')
    .orderBy('views', 'desc')
    .orderBy('number')
    .limit(limit)
    .execute();
}

export async function emptySearches(db: Kysely<Database>, since: Date, limit: number) {
  return db
    .selectFrom('qa_searches')
    .select([
      'normalized',
      sql<string>`min(query)`.as('query'),
      sql<number>`count(*)::int`.as('count'),
      sql<Date>`max(at)`.as('last_at'),
    ])
    .where('results', '=', 0)
    .where('at', '>=', since)
    .groupBy('normalized')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`max(at)`, 'desc')
    .limit(limit)
    .execute();
}

/** Published entries of one category in number order, a batch at a time (keyset, so each batch costs the same). */
export async function* publishedBatches(db: Kysely<Database>, category: string, size = 500) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('qa_entries')
      .select(['number', 'category', 'title_vi', 'body_vi', 'legal_basis', 'last_reviewed_at'])
      .where('status', '=', 'published')
      .where('category', '=', category)
      .where('number', '>', after)
      .orderBy('number')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.number;
    if (rows.length < size) return;
  }
}

export async function countPublished(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('qa_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
