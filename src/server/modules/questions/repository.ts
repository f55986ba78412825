// Question-bank queries: entries, versions, search over the folded columns
// (pg_trgm indexes serve LIKE and word similarity), feedback and reports.
import { sql, type Kysely, type Selectable } from 'kysely';
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

export async function findVersions(db: Kysely<Database>, entryId: string) {
  return db.selectFrom('qa_entry_versions').select(['version', 'status', 'actor_user_id', 'note', 'at']).where('entry_id', '=', entryId).orderBy('id', 'desc').limit(100).execute();
}

export async function addVersion(db: Kysely<Database>, row: EntryRow, actorUserId: string | null, note: string | null): Promise<void> {
  const snapshot = {
    category: row.category,
    tags: row.tags,
    titleVi: row.title_vi,
    bodyVi: row.body_vi,
    titleEn: row.title_en,
    bodyEn: row.body_en,
    legalBasis: row.legal_basis,
  };
  await db.insertInto('qa_entry_versions').values({ entry_id: row.id, version: row.version, status: row.status, snapshot: JSON.stringify(snapshot), actor_user_id: actorUserId, note, at: new Date() }).execute();
}

export interface SearchFilter {
  words: string[];
  phrase: string;
  category?: string | undefined;
  tag?: string | undefined;
  limit: number;
  offset: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

function filters(input: SearchFilter) {
  const parts = [sql`status = 'published'`];
  if (input.category) parts.push(sql`category = ${input.category}`);
  if (input.tag) parts.push(sql`${input.tag} = any(tags)`);
  return parts;
}

export interface SearchRow {
  id: string;
  number: number;
  category: string;
  tags: string[];
  title_vi: string;
  body_vi: string;
  last_reviewed_at: Date | null;
  total: number;
}

/** Every word must appear (as typed, without diacritics); title matches and whole-phrase matches first. */
export async function searchStrict(db: Kysely<Database>, input: SearchFilter): Promise<SearchRow[]> {
  const where = filters(input);
  for (const word of input.words) where.push(sql`search_text like ${`%${escapeLike(word)}%`}`);
  const phrase = `%${escapeLike(input.phrase)}%`;
  const titleAll = input.words.length ? sql.join(input.words.map((word) => sql`search_title like ${`%${escapeLike(word)}%`}`), sql` and `) : sql`true`;
  const order = input.words.length
    ? sql`(search_title like ${phrase}) desc, (${titleAll}) desc, (search_text like ${phrase}) desc, views desc, number`
    : sql`views desc, number`;
  const result = await sql<SearchRow>`
    select id, number, category, tags, title_vi, body_vi, last_reviewed_at, count(*) over () as total
    from qa_entries where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${input.limit} offset ${input.offset}`.execute(db);
  return result.rows;
}

/** Typo tolerance: the query resembles a stretch of a title (trigram word similarity; titles keep it fast). */
export async function searchFuzzy(db: Kysely<Database>, input: SearchFilter): Promise<SearchRow[]> {
  const where = filters(input);
  where.push(sql`${input.phrase} <% search_title`);
  const result = await sql<SearchRow>`
    select id, number, category, tags, title_vi, body_vi, last_reviewed_at, count(*) over () as total
    from qa_entries where ${sql.join(where, sql` and `)}
    order by word_similarity(${input.phrase}, search_title) desc, views desc, number
    limit ${input.limit} offset ${input.offset}`.execute(db);
  return result.rows;
}

export async function suggestTitles(db: Kysely<Database>, phrase: string, limit: number) {
  const like = `%${escapeLike(phrase)}%`;
  const strict = await sql<{ id: string; number: number; title_vi: string }>`
    select id, number, title_vi from qa_entries
    where status = 'published' and search_title like ${like}
    order by (search_title like ${`${escapeLike(phrase)}%`}) desc, views desc, number limit ${limit}`.execute(db);
  if (strict.rows.length > 0 || phrase.length < 4) return strict.rows;
  const fuzzy = await sql<{ id: string; number: number; title_vi: string }>`
    select id, number, title_vi from qa_entries
    where status = 'published' and ${phrase} <% search_title
    order by word_similarity(${phrase}, search_title) desc, views desc limit ${limit}`.execute(db);
  return fuzzy.rows;
}

export async function logSearch(db: Kysely<Database>, query: string, normalized: string, results: number, at: Date): Promise<void> {
  await db.insertInto('qa_searches').values({ query: query.slice(0, 200), normalized, results, at }).execute();
}

export async function categoryCounts(db: Kysely<Database>) {
  return db.selectFrom('qa_entries').select(['category', sql<number>`count(*)::int`.as('count')]).where('status', '=', 'published').groupBy('category').orderBy('category').execute();
}

export async function findOfficerList(db: Kysely<Database>, input: { words: string[]; status?: string | undefined; category?: string | undefined; limit: number; offset: number }) {
  let query = db.selectFrom('qa_entries');
  if (input.status) query = query.where('status', '=', input.status as EntryRow['status']);
  if (input.category) query = query.where('category', '=', input.category);
  for (const word of input.words) query = query.where('search_text', 'like', `%${escapeLike(word)}%`);
  const [rows, total] = await Promise.all([
    query.select(['id', 'number', 'category', 'status', 'title_vi', 'version', 'updated_at', 'views']).orderBy('updated_at', 'desc').orderBy('number', 'desc').limit(input.limit).offset(input.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function findPublishedForExport(db: Kysely<Database>) {
  return db.selectFrom('qa_entries').selectAll().where('status', '=', 'published').orderBy('category').orderBy('number').limit(20_000).execute();
}

export async function mostViewed(db: Kysely<Database>, limit: number) {
  return db.selectFrom('qa_entries').select(['id', 'number', 'title_vi', 'views', 'helpful_yes', 'helpful_no']).where('status', '=', 'published').orderBy('views', 'desc').orderBy('number').limit(limit).execute();
}

export async function emptySearches(db: Kysely<Database>, since: Date, limit: number) {
  return db
    .selectFrom('qa_searches')
    .select(['normalized', sql<string>`min(query)`.as('query'), sql<number>`count(*)::int`.as('count'), sql<Date>`max(at)`.as('last_at')])
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
  const row = await db.selectFrom('qa_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return Number(row.n);
}
