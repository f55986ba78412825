// How well an entry answers a query (pure): BM25 over weighted fields (title
// above tags above answer above legal basis), words weighed by rarity, with
// bonuses for the query's words side by side (phrase) or close together
// (proximity), and for words typed with their Vietnamese marks found as typed.
import { foldVietnamese } from '../../../contracts/questions.ts';
import type { QueryTerm } from './query.ts';

export const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1, legal: 0.5 } as const;
export type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** Typical field lengths in words (BM25 length normalisation). */
const AVERAGE_LENGTH: Record<Field, number> = { title: 22, tags: 4, body: 120, legal: 30 };
const K1 = 1.2;
const B = 0.6;
const SYNONYM_FACTOR = 0.85;
const LOOSE_FACTOR = 0.7;
const PREFIX_FACTOR = 0.6;
/** A word typed with marks ("thuê") found only with other marks ("thuế") counts this much. */
const OTHER_MARKS_FACTOR = 0.3;

export interface ScoredText {
  title: string;
  tags: string;
  body: string;
  legal: string;
}

interface FieldWords {
  /** Folded words, as the index holds them. */
  words: string[];
  /** The same words in lower case with their marks (for the exact-diacritic bonus). */
  raw: string[];
}

export interface Statistics {
  /** Published entries. */
  total: number;
  /** Entries holding each folded word. */
  df: Map<string, number>;
}

export interface Score {
  score: number;
  /** Share of the query's content weight (by rarity) the entry matches, 0..1. */
  coverage: number;
  /** Share of the query's content words the entry matches (a word found only with other marks: 0.3 of one), 0..1. */
  share: number;
  /** Every content term matched. */
  complete: boolean;
}

/** Words of a text, folded and as written: folding keeps one character per character, so both split alike. */
export function fieldWords(text: string): FieldWords {
  const folded = foldVietnamese(text);
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  const words: string[] = [];
  const raw: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}/]+/gu)) {
    words.push(match[0]);
    raw.push(aligned ? lower.slice(match.index, match.index + match[0].length) : match[0]);
  }
  return { words, raw };
}

export function idf(df: number, total: number): number {
  const n = Math.max(total, df, 1);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Positions where an expression starts in a field (a prefix match for a lone word with no exact form known). */
function positions(words: string[], expression: string[], prefix: boolean): number[] {
  const found: number[] = [];
  const first = expression[0]!;
  for (let i = 0; i + expression.length <= words.length; i++) {
    const head = words[i]!;
    if (head !== first && !(prefix && expression.length === 1 && head.startsWith(first))) continue;
    if (expression.every((word, j) => j === 0 || words[i + j] === word)) found.push(i);
  }
  return found;
}

/** Where a loose expression is found: the first word's positions, when every word is in the field. */
function loosePositions(words: string[], expression: string[]): number[] {
  if (!expression.every((word) => words.includes(word))) return [];
  return positions(words, [expression[0]!], false);
}

/** The rarity of an expression: that of its rarest word (a phrase is at least as rare). */
export function expressionIdf(words: string[], stats: Statistics): number {
  const df = Math.min(...words.map((word) => stats.df.get(word) ?? 0));
  return idf(df, stats.total);
}

export function termIdf(term: QueryTerm, stats: Statistics): number {
  return Math.max(...term.alternatives.map((a) => expressionIdf(a.words, stats)));
}

/**
 * The score of one entry. `prefixes`: typed words with no exact known word,
 * matched as the start of a word (a word still being typed, or cut short).
 */
export function scoreEntry(
  text: ScoredText,
  terms: QueryTerm[],
  stats: Statistics,
  prefixes: ReadonlySet<string> = new Set(),
): Score {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, fieldWords(text[f])])) as Record<Field, FieldWords>;
  let score = 0;
  let wanted = 0;
  let matched = 0;
  let termsWanted = 0;
  let termsMatched = 0;
  let complete = true;
  // Where each term was found, per field, for the phrase and proximity bonuses.
  const found: Map<Field, number[]>[] = [];
  for (const term of terms) {
    const weightOfTerm = term.weight * termIdf(term, stats);
    const at = new Map<Field, number[]>();
    let best = 0;
    // Found as typed (with the marks typed, when there were marks).
    let exact = false;
    // No entry holds the term: it cannot be matched, the result cannot be complete, and coverage ignores it.
    const known = term.alternatives.some((a) => a.words.every((word) => (stats.df.get(word) ?? 0) > 0));
    for (const alternative of term.alternatives) {
      const prefix = !alternative.synonym && prefixes.has(alternative.words.join(' '));
      let tf = 0;
      // A word typed with its marks counts fully where it is written so, less where only its folded form is.
      const marked = !alternative.synonym && alternative.words.length === 1 ? term.marked : null;
      for (const field of FIELDS) {
        const { words, raw } = fields[field];
        const hits = alternative.loose
          ? loosePositions(words, alternative.words)
          : positions(words, alternative.words, prefix);
        if (hits.length === 0) continue;
        at.set(field, [...(at.get(field) ?? []), ...hits]);
        const norm = 1 - B + (B * words.length) / AVERAGE_LENGTH[field];
        const count = marked
          ? hits.reduce((sum, p) => sum + (raw[p] === marked ? 1 : OTHER_MARKS_FACTOR), 0)
          : hits.length;
        if (!marked || hits.some((p) => raw[p] === marked)) exact = true;
        tf += (FIELD_WEIGHTS[field] * count) / norm;
      }
      if (tf === 0) continue;
      const factor =
        (alternative.synonym ? SYNONYM_FACTOR : 1) *
        (prefix ? PREFIX_FACTOR : 1) *
        (alternative.loose ? LOOSE_FACTOR : 1);
      const value = expressionIdf(alternative.words, stats) * term.weight * factor * ((tf * (K1 + 1)) / (tf + K1));
      best = Math.max(best, value);
    }
    score += best;
    found.push(at);
    if (term.weight >= 1) {
      // Counted in words typed: "hủy tờ khai" (one term, from a synonym group) is three of them.
      const typedWords = term.typed.split(' ').length;
      // A word no entry holds still counts among the words typed (it is missing from every entry).
      termsWanted += typedWords;
      if (!known) complete = false;
      else {
        wanted += weightOfTerm;
        if (best > 0) matched += exact ? weightOfTerm : OTHER_MARKS_FACTOR * weightOfTerm;
        if (best > 0) termsMatched += (exact ? 1 : OTHER_MARKS_FACTOR) * typedWords;
        if (best === 0 || !exact) complete = false;
      }
    }
  }
  // Consecutive query terms found side by side (phrase) or within a few words (proximity).
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = found[i]!;
    const b = found[i + 1]!;
    const pairIdf =
      (termIdf(terms[i]!, stats) * terms[i]!.weight + termIdf(terms[i + 1]!, stats) * terms[i + 1]!.weight) / 2;
    let bonus = 0;
    for (const field of ['title', 'body'] as const) {
      const left = a.get(field) ?? [];
      const right = new Set(b.get(field) ?? []);
      if (left.length === 0 || right.size === 0) continue;
      const lengthOfLeft = Math.max(...terms[i]!.alternatives.map((x) => x.words.length));
      const adjacent = left.some((p) => right.has(p + lengthOfLeft) || right.has(p + 1));
      const near = adjacent || left.some((p) => [...right].some((q) => Math.abs(q - p) <= 4));
      const fieldBonus = adjacent ? 0.6 : near ? 0.2 : 0;
      bonus = Math.max(bonus, fieldBonus * (field === 'title' ? 1.5 : 1));
    }
    score += bonus * pairIdf;
  }
  const coverage = wanted > 0 ? matched / wanted : score > 0 ? 1 : 0;
  // An entry matching every content word beats one matching a few of them often.
  const share = termsWanted > 0 ? termsMatched / termsWanted : coverage;
  return { score: score * (0.4 + 0.6 * coverage), coverage, share, complete: wanted > 0 ? complete : score > 0 };
}
