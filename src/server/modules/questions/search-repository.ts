// The question search engine: ranked full-text search over the published
// entries' word index (qa_search, qa_search_words, qa_words — kept by triggers,
// see the question-search migration), typo correction and browsing. Kysely and
// SQL only; the entries themselves are read through repository.ts.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { executePrepared } from '../../db/prepared.ts';

export interface SearchFilter {
  /** Folded query words; each must start a word of the entry (of its title, for `titleOnly`). */
  words: string[];
  category?: string | undefined;
  tag?: string | undefined;
  /** Only entries whose title holds every word (suggestions as you type). */
  titleOnly?: boolean;
  /** How many ranked ids are wanted from the top (offset + limit). */
  need: number;
  /** Whether the number of matches is wanted (suggestions skip it). */
  count: boolean;
  /** Rows of the rank order looked at first (default RANK_WINDOW, or five times `need`; tests use small ones). */
  window?: number;
}

export interface RankedIds {
  ids: string[];
  /** Exact when `totalExact`; otherwise a lower bound ("more than"). */
  total: number;
  totalExact: boolean;
  /** Query words that start no known word (nothing matched them): the ones to correct. */
  unknown: string[];
}

/** Rows of the rank order (views, then number) looked at before the indexes are asked for the rest. */
export const RANK_WINDOW = 1000;
/** Exact counts stop here: "more than 200 results". */
export const COUNT_CAP = 200;
const LOWER_BOUNDS = [1000, 500, 200, 100, 50, 20, 10];

/** A word starting more known words than this is matched as a prefix (slower index scan). */
const EXPANSION_MAX = 40;

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The known words (of published entries) each query word starts, or null when
 * there are too many to list. Listing them lets the word index use exact entries,
 * which it intersects far faster than prefix ranges.
 */
export async function expandWords(db: Kysely<Database>, words: string[]): Promise<(string[] | null)[]> {
  if (words.length === 0) return [];
  const result = await sql<{ forms: string[] }>`
    select coalesce((
      select array_agg(word) from (
        select word from qa_words
        where word ~>=~ t.q and word ~<~ (t.q || chr(1114111)) and starts_with(word, t.q)
        order by word limit ${EXPANSION_MAX + 1}) x), '{}') as forms
    from unnest(${words}::text[]) with ordinality as t(q, i) order by t.i`.execute(db);
  return result.rows.map((row) => (row.forms.length > EXPANSION_MAX ? null : row.forms));
}

/** tsquery text: every word, as one of its known forms (or as a prefix when it has too many). */
export function tsQuery(words: string[], forms: (string[] | null)[]): string {
  const terms = words.map((word, i) => {
    const known = forms[i];
    if (!known) return `${quote(word)}:*`;
    return known.length === 1 ? quote(known[0]!) : `(${known.map(quote).join(' | ')})`;
  });
  return terms.join(' & ');
}

function rankFilters(input: SearchFilter) {
  const parts = [sql`true`];
  if (input.category) parts.push(sql`r.category = ${input.category}`);
  if (input.tag) parts.push(sql`${input.tag} = any(r.tags)`);
  return sql.join(parts, sql` and `);
}

/** Rows walked in rank order at most to finish a tier, instead of asking the word indexes. */
const EXTEND_MAX = 4000;
/** A match fetched through the word indexes costs about this many rows walked (heap reads and a join). */
const INDEX_MATCH_COST = 6;

/**
 * Whether walking further down the rank order should finish a tier more cheaply
 * than the word indexes: `n` matches were seen in `walked` rows, `missing` more are
 * wanted, the table holds about `rows` entries. The walk is sized for one match
 * more than wanted (so the count can say "more than"), from a cautious density
 * (a few matches seen say little); 0 when the indexes are the better bet.
 */
export function extensionRows(n: number, walked: number, missing: number, rows: number): number {
  if (n < 2 || missing <= 0) return 0;
  const cautious = (n - Math.sqrt(n)) / walked;
  const walk = Math.ceil((1.5 * (missing + 1)) / cautious);
  return walk <= EXTEND_MAX && walk < INDEX_MATCH_COST * (n / walked) * rows ? walk : 0;
}

interface Walked {
  walked: number;
  /** Matches per tier (index 1: title, 2: text only) and the best `need` of each. */
  n: [number, number, number];
  best: [string[], string[], string[]];
  /** The walk reached the end of the rank order. */
  end: boolean;
  /** Published entries, as the planner last counted them. */
  rows: number;
}

/**
 * Ranked ids of published entries holding every query word, best first: those
 * whose title holds every word, then the others; within each, most viewed
 * first, then the oldest number. Never sorts every match: the head of the rank
 * order (RANK_WINDOW rows, a narrow index walk) is checked first; a tier with too
 * few rows there is finished by walking further when its matches are dense
 * enough, otherwise fetched through the word indexes, where it is small.
 * The order is exact in every case; only the count may be a lower bound.
 */
export async function rankedIds(db: Kysely<Database>, input: SearchFilter): Promise<RankedIds> {
  if (input.words.length === 0) return { ids: [], total: 0, totalExact: true, unknown: [] };
  const forms = await expandWords(db, input.words);
  // A word that starts no known word: nothing can match.
  const unknown = input.words.filter((_, i) => forms[i]?.length === 0);
  if (unknown.length > 0) return { ids: [], total: 0, totalExact: true, unknown };
  const all = sql`${tsQuery(input.words, forms)}::tsquery`;
  // Row by row, a prefix per word is cheaper to test than a list of its known forms (which serve the word indexes).
  const each = sql`${input.words.map((word) => `${quote(word)}:*`).join(' & ')}::tsquery`;
  const filters = rankFilters(input);
  const tierConditions: Record<number, RawBuilder<unknown>> = {
    1: sql`d.title @@ ${all}`,
    2: sql`d.doc @@ ${all} and not d.title @@ ${all}`,
  };
  const tiers = input.titleOnly ? [1] : [1, 2];
  // A row's tier. The title's words are among the text's (see searchColumns), so most
  // rows, which do not match, are tested once. "offset 0" keeps the planner from
  // copying this expression into each aggregate below, which tested every row four times.
  const tierOf = input.titleOnly
    ? sql`case when title @@ ${each} then 1 else 0 end`
    : sql`case when not doc @@ ${each} then 0 when title @@ ${each} then 1 else 2 end`;
  const tierIds = (tier: number) =>
    sql`(array_agg(entry_id::text order by views desc, number) filter (where tier = ${tier}))[1:${input.need}]::text[]`;
  // One pass over a stretch of the rank order: how many rows were looked at, and
  // per tier the number of matches and the best `need` of them.
  const walk = async (offset: number, limit: number): Promise<Walked> => {
    const query = sql<{
      walked: number;
      n1: number;
      n2: number;
      ids1: string[] | null;
      ids2: string[] | null;
      rows: number;
    }>`
      select count(*)::int as walked, count(*) filter (where tier = 1)::int as n1, count(*) filter (where tier = 2)::int as n2,
        ${tierIds(1)} as ids1, ${tierIds(2)} as ids2, (select reltuples::int from pg_class where oid = 'qa_search'::regclass) as rows
      from (
        select entry_id, views, number, ${tierOf} as tier
        from (select entry_id, views, number, title, doc from qa_search r where ${filters} order by views desc, number limit ${limit} offset ${offset}) w
        offset 0
      ) x`;
    // Planned once per shape of filters: its plan is always the walk down the rank index.
    const shape = `qa_search_walk_${input.titleOnly ? 'title' : 'all'}${input.category ? '_category' : ''}${input.tag ? '_tag' : ''}`;
    const [row] = await executePrepared(db, shape, query.compile(db));
    const walked = row?.walked ?? 0;
    return {
      walked,
      n: [0, row?.n1 ?? 0, row?.n2 ?? 0],
      best: [[], row?.ids1 ?? [], row?.ids2 ?? []],
      end: walked < limit,
      rows: Math.max(row?.rows ?? 0, walked),
    };
  };
  const head = await walk(0, input.window ?? Math.max(RANK_WINDOW, input.need * 5));
  const ids: string[] = [];
  // Matches per tier, where all of them were fetched through the word indexes.
  const counted = new Map<number, number>();
  for (const tier of tiers) {
    const need = input.need - ids.length;
    if (need <= 0) break;
    const extra = head.end ? 0 : extensionRows(head.n[tier]!, head.walked, need - head.n[tier]!, head.rows);
    if (extra > 0) {
      const next = await walk(head.walked, extra);
      head.walked += next.walked;
      head.end = next.end;
      for (const t of [1, 2]) {
        head.n[t]! += next.n[t]!;
        head.best[t] = [...new Set([...head.best[t]!, ...next.best[t]!])].slice(0, input.need);
      }
    }
    if (head.end || head.n[tier]! >= need) {
      ids.push(...head.best[tier]!.slice(0, need));
      continue;
    }
    // Few of this tier near the top: the word indexes find all of them (the
    // "offset 0" fence keeps the planner from walking the rank order instead).
    const rest = await sql<{ entry_id: string; matches: number }>`
      select entry_id, (count(*) over ())::int as matches from (
        select r.entry_id, r.views, r.number from qa_search_words d join qa_search r using (entry_id)
        where ${filters} and ${tierConditions[tier]!} offset 0) t
      order by views desc, number limit ${need}`.execute(db);
    ids.push(...rest.rows.map((r) => r.entry_id));
    counted.set(tier, rest.rows[0]?.matches ?? 0);
  }
  const done = { ids, unknown: [] };
  // Every tier is counted in full when the walk reached the end or the indexes listed it.
  const matchesSeen = tiers.reduce((sum, tier) => sum + (counted.get(tier) ?? head.n[tier]!), 0);
  if (head.end || tiers.every((tier) => counted.has(tier))) return { ...done, total: matchesSeen, totalExact: true };
  // Every tier was listed in full when the page is not full.
  if (ids.length < input.need) return { ...done, total: ids.length, totalExact: true };
  if (!input.count) return { ...done, total: ids.length, totalExact: false };
  const bound = LOWER_BOUNDS.find((value) => value < matchesSeen);
  if (bound) return { ...done, total: bound, totalExact: false };
  const capped = await sql<{ n: number }>`
    select count(*)::int as n from (
      select 1 from qa_search_words d join qa_search r using (entry_id) where ${filters} and d.doc @@ ${all} limit ${COUNT_CAP + 1}) m`.execute(
    db,
  );
  const n = capped.rows[0]?.n ?? 0;
  return n > COUNT_CAP ? { ...done, total: COUNT_CAP, totalExact: false } : { ...done, total: n, totalExact: true };
}

/** Without query words: the most viewed published entries, with a capped count. */
export async function browseIds(
  db: Kysely<Database>,
  input: Omit<SearchFilter, 'words'> & { offset: number; limit: number },
): Promise<RankedIds> {
  const filters = rankFilters({ ...input, words: [] });
  const rows = await sql<{ entry_id: string }>`
    select entry_id from qa_search r where ${filters} order by views desc, number limit ${input.limit} offset ${input.offset}`.execute(
    db,
  );
  const counted = await sql<{
    n: number;
  }>`select count(*)::int as n from (select 1 from qa_search r where ${filters} limit ${COUNT_CAP + 1}) m`.execute(db);
  const n = counted.rows[0]?.n ?? 0;
  return {
    ids: rows.rows.map((r) => r.entry_id),
    total: Math.min(n, COUNT_CAP),
    totalExact: n <= COUNT_CAP,
    unknown: [],
  };
}

/**
 * Typo correction: each query word that starts no known word (of published
 * entries; `unknown` when the search already knows them) is replaced by the
 * most similar known word (trigram similarity), when one is similar enough.
 * Words with digits or slashes are kept.
 */
export async function correctWords(db: Kysely<Database>, words: string[], unknownWords?: string[]): Promise<string[]> {
  const candidates =
    unknownWords ?? (await expandWords(db, words)).flatMap((forms, i) => (forms?.length === 0 ? [words[i]!] : []));
  const unknown = candidates.filter((word) => word.length >= 3 && !/[0-9/]/.test(word));
  if (unknown.length === 0) return words;
  const result = await sql<{ q: string; nearest: string | null }>`
    select q, (select word from qa_words where word !~ '[0-9/]' and word % q order by similarity(word, q) desc, word limit 1) as nearest
    from unnest(${unknown}::text[]) as t(q)`.execute(db);
  const nearest = new Map(result.rows.map((row) => [row.q, row.nearest]));
  return words.map((word) => nearest.get(word) ?? word);
}
