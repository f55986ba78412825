// The question-bank search by relevance: a query's terms (query.ts, synonyms
// applied), the candidates worth scoring (ranking-repository.ts), each scored
// (scoring.ts) and ordered. When no entry holds every content word, entries
// holding most of them are returned and the answer says so (`approximate`).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseTerms, type ParsedQuery, type SynonymGroup } from './query.ts';
import {
  candidateIds,
  entryTexts,
  HEAD_ROWS,
  wordStats,
  type EntryText,
  type IndexTerm,
} from './ranking-repository.ts';
import { idf, scoreEntry, type Statistics } from './scoring.ts';

/** Entries scored per query at most (the head of the coarse order). */
export const SCORED_MAX = 40;
/** An entry missing some content words is shown only when it holds more than this share of them (most of them). */
export const MIN_COVERAGE = 0.5;

export interface RankedEntry {
  row: EntryText;
  score: number;
  complete: boolean;
}

export interface Relevant {
  entries: RankedEntry[];
  /** Exact when `totalExact`; otherwise a lower bound. */
  total: number;
  totalExact: boolean;
  /** No entry holds every content word: these hold most of them. */
  approximate: boolean;
  /** Content words that no published entry holds, nor any word they start (to correct). */
  unknown: string[];
  parsed: ParsedQuery;
}

export interface RelevanceInput {
  q: string;
  synonyms: SynonymGroup[];
  category?: string | undefined;
  tag?: string | undefined;
  /** Ranked entries wanted from the top (offset + limit). */
  need: number;
}

export async function searchByRelevance(db: Kysely<Database>, input: RelevanceInput): Promise<Relevant> {
  const parsed = parseTerms(input.q, input.synonyms);
  const empty = { entries: [], total: 0, totalExact: true, approximate: false, parsed };
  if (parsed.terms.length === 0) return { ...empty, unknown: [] };
  const words = parsed.terms.flatMap((term) => term.alternatives.flatMap((a) => a.words));
  const known = await wordStats(db, words);
  const formsOf = (word: string, synonym: boolean): string[] =>
    known.df.has(word) ? [word] : synonym ? [] : (known.prefixForms.get(word) ?? []);
  const stats: Statistics = { total: known.total, df: new Map(known.df) };
  const prefixes = new Set<string>();
  for (const [word, forms] of known.prefixForms) {
    prefixes.add(word);
    stats.df.set(
      word,
      Math.min(
        known.total,
        forms.reduce((sum, form) => sum + (known.df.get(form) ?? 0), 0),
      ),
    );
  }
  const content = parsed.terms.some((term) => term.weight >= 1)
    ? parsed.terms.filter((term) => term.weight >= 1)
    : parsed.terms;
  const unknown: string[] = [];
  const indexTerms: IndexTerm[] = [];
  for (const term of content) {
    const expressions = term.alternatives
      .map((a) => a.words.map((word) => formsOf(word, a.synonym)))
      .filter((forms) => forms.every((f) => f.length > 0));
    if (expressions.length === 0) {
      if (term.weight >= 1) unknown.push(term.typed);
      continue;
    }
    const dfOf = (forms: string[][]) =>
      Math.min(...forms.map((f) => f.reduce((sum, form) => sum + (known.df.get(form) ?? 0), 0)));
    const df = Math.min(
      known.total,
      expressions.reduce((sum, forms) => sum + dfOf(forms), 0),
    );
    indexTerms.push({ expressions, df, weight: Number((term.weight * idf(df, known.total)).toFixed(4)) });
  }
  if (indexTerms.length === 0) return { ...empty, unknown };
  // A small bank (the head covers it) is scored whole, so its count is exact.
  const limit = known.total <= HEAD_ROWS ? HEAD_ROWS : Math.min(Math.max(SCORED_MAX, input.need + 20), 1000);
  const candidates = await candidateIds(db, {
    terms: indexTerms,
    total: known.total,
    category: input.category,
    tag: input.tag,
    limit,
  });
  const rows = await entryTexts(db, candidates.ids);
  const scored = rows
    .map((row) => {
      const text = {
        title: `${row.title_vi} ${row.title_en}`,
        tags: row.tags.join(' '),
        body: `${row.body_vi} ${row.body_en}`,
        legal: row.legal_basis.map((l) => `${l.document} ${l.article}`).join(' '),
      };
      return { row, ...scoreEntry(text, parsed.terms, stats, prefixes) };
    })
    .filter((entry) => entry.score > 0 && (entry.complete || entry.share > MIN_COVERAGE))
    .sort((a, b) => b.score - a.score || b.row.views - a.row.views || a.row.number - b.row.number);
  const approximate = scored.length > 0 && !scored.some((entry) => entry.complete);
  // Every candidate was scored and every entry holding a term was a candidate: the count is exact.
  const exact = candidates.complete && candidates.seen <= limit;
  return {
    entries: scored.slice(0, input.need).map(({ row, score, complete }) => ({ row, score, complete })),
    total: scored.length,
    totalExact: exact || scored.length === 0,
    approximate,
    unknown,
    parsed,
  };
}
