// The relevance engine's queries: word statistics (how many entries hold each
// word), the candidates worth scoring and their texts. Scoring itself is pure
// (scoring.ts); the previous engine (rank by views within "every word" tiers)
// stays in search-repository.ts, callable for comparison (npm run relevance).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A word with more known continuations than this is not expanded as a prefix. */
const PREFIX_FORMS_MAX = 40;

export interface WordStats {
  /** Published entries (the planner's count once analysed, else counted). */
  total: number;
  /** Entries holding each known word asked about (exact words and prefix forms). */
  df: Map<string, number>;
  /** For each word with no exact known form: the known words it starts (at most PREFIX_FORMS_MAX). */
  prefixForms: Map<string, string[]>;
}

export async function wordStats(db: Kysely<Database>, words: string[]): Promise<WordStats> {
  const unique = [...new Set(words)];
  if (unique.length === 0) return { total: await publishedCount(db), df: new Map(), prefixForms: new Map() };
  // The published count rides along on every row (and alone on a row of nulls when no word is known).
  const rows = await sql<{
    q: string | null;
    word: string | null;
    df: number | null;
    exact: boolean | null;
    total: number;
  }>`
    select t.q, w.word, w.df, w.word = t.q as exact, (${PUBLISHED_COUNT}) as total
    from (select 1) one left join (unnest(${unique}::text[]) as t(q)
    cross join lateral (
      select word, df from qa_words where word = t.q and df > 0
      union all
      select * from (
        select word, df from qa_words
        where not exists (select 1 from qa_words e where e.word = t.q and e.df > 0)
          and length(t.q) >= 2 and word ~>=~ t.q and word ~<~ (t.q || chr(1114111)) and starts_with(word, t.q) and df > 0
        order by df desc limit ${PREFIX_FORMS_MAX}) p
    ) w) on true`.execute(db);
  const df = new Map<string, number>();
  const prefixForms = new Map<string, string[]>();
  for (const row of rows.rows) {
    if (row.q === null || row.word === null) continue;
    df.set(row.word, row.df ?? 0);
    if (!row.exact) prefixForms.set(row.q, [...(prefixForms.get(row.q) ?? []), row.word]);
  }
  return { total: rows.rows[0]?.total ?? 0, df, prefixForms };
}

/** Published entries: the planner's count once analysed (a large bank), else counted. */
const PUBLISHED_COUNT = sql`select case when reltuples >= 5000 then reltuples::int else (select count(*)::int from qa_search) end
    from pg_class where oid = 'qa_search'::regclass`;

async function publishedCount(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ n: number }>`select (${PUBLISHED_COUNT}) as n`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** A term as the index sees it: its expressions, each a list of words, each word a list of known forms. */
export interface IndexTerm {
  expressions: string[][][];
  /** Weight in the coarse score (rarity times the term's weight). */
  weight: number;
  /** Entries holding it, at most (the sum over its expressions of their rarest word). */
  df: number;
}

export const tsTerm = (term: IndexTerm) =>
  `(${term.expressions
    .map(
      (words) =>
        `(${words.map((forms) => (forms.length === 1 ? quote(forms[0]!) : `(${forms.map(quote).join(' | ')})`)).join(' & ')})`,
    )
    .join(' | ')})`;

export interface CandidateInput {
  terms: IndexTerm[];
  /** Published entries (from wordStats). */
  total: number;
  category?: string | undefined;
  tag?: string | undefined;
  /** Candidates returned, best by the coarse score first. */
  limit: number;
}

/** The head of the popularity order always looked at (covers a small bank whole). */
export const HEAD_ROWS = 200;
/** Rare terms are fetched through the word index while their entries add up to no more than this. */
export const RARE_ROWS = 2500;
/** Entries holding every term, fetched through the word index, at most. */
const ALL_ROWS = 200;
/** The head is expected to hold this many entries with every term: no need to ask the word index for more. */
const DENSE_HEAD = 20;

export interface Candidates {
  ids: string[];
  /** Candidates that matched any term (of those looked at). */
  seen: number;
  /** Every entry holding a term was looked at (so `seen` counts them all). */
  complete: boolean;
}

/**
 * Entries worth scoring: among the most viewed (a fixed head), those holding
 * the rarest terms (fetched whole through the word index while they are few) and
 * some holding every term; ordered by a coarse score (the rarity of the terms
 * each holds, in the title counting double) and then by views.
 */
export async function candidateIds(db: Kysely<Database>, input: CandidateInput): Promise<Candidates> {
  const terms = input.terms.filter((term) => term.expressions.length > 0);
  if (terms.length === 0) return { ids: [], seen: 0, complete: true };
  const any = terms.map(tsTerm).join(' | ');
  const all = terms.map(tsTerm).join(' & ');
  const byRarity = [...terms].sort((a, b) => a.df - b.df);
  const rare: IndexTerm[] = [];
  let rareRows = 0;
  for (const term of byRarity) {
    if (rareRows + term.df > RARE_ROWS) break;
    rare.push(term);
    rareRows += term.df;
  }
  const parts = [sql`true`];
  if (input.category) parts.push(sql`r.category = ${input.category}`);
  if (input.tag) parts.push(sql`${input.tag} = any(r.tags)`);
  const filters = sql.join(parts, sql` and `);
  const rareSource = rare.length
    ? sql`union select entry_id from qa_search_words d where d.doc @@ ${rare.map(tsTerm).join(' | ')}::tsquery`
    : sql``;
  const coarse = sql.join(
    terms.map((term) => {
      const q = tsTerm(term);
      return sql`(case when r.title @@ ${q}::tsquery then ${2 * term.weight}::float8 when r.doc @@ ${q}::tsquery then ${term.weight}::float8 else 0 end)`;
    }),
    sql` + `,
  );
  // Asked as a plain join, the planner preferred testing every entry's words (a scan of the bank).
  // Expected entries holding every term in the head (terms taken as independent): when many, the head suffices.
  const total = input.total;
  const density = terms.reduce((share, term) => share * Math.min(1, term.df / Math.max(total, 1)), 1);
  const allSource =
    HEAD_ROWS * density >= DENSE_HEAD
      ? sql``
      : sql`union (select entry_id from qa_search_words d where d.doc @@ ${all}::tsquery limit ${ALL_ROWS})`;
  // The pool's ids first (each source through its own index), then their words by primary key.
  const result = await sql<{ entry_id: string; seen: number }>`
    with pool as materialized (
      (select entry_id from qa_search r where ${filters} order by views desc, number limit ${HEAD_ROWS})
      ${rareSource}
      ${allSource}
    )
    select entry_id, (count(*) over ())::int as seen from (
      select r.entry_id, r.views, r.number, ${coarse} as coarse
      from qa_search r
      where r.entry_id = any(array(select entry_id from pool)) and ${filters} and r.doc @@ ${any}::tsquery
      offset 0) x
    order by coarse desc, views desc, number limit ${input.limit}`.execute(db);
  const seen = result.rows[0]?.seen ?? 0;
  // Complete when the head covers the bank, or every term was fetched whole (and the "every term" list was not cut).
  const complete = total <= HEAD_ROWS || rare.length === terms.length;
  return { ids: result.rows.map((row) => row.entry_id), seen, complete };
}

export interface EntryText {
  id: string;
  number: number;
  category: string;
  tags: string[];
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  legal_basis: { document: string; article: string; effectiveDate: string | null }[];
  views: number;
  last_reviewed_at: Date | null;
}

/** The texts of candidate entries (published only), for scoring and for the results. */
export async function entryTexts(db: Kysely<Database>, ids: string[]): Promise<EntryText[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('qa_entries')
    .select([
      'id',
      'number',
      'category',
      'tags',
      'title_vi',
      'title_en',
      'body_vi',
      'body_en',
      'legal_basis',
      'views',
      'last_reviewed_at',
    ])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
}
