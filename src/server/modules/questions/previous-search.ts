// The previous ranking of the question-bank search, kept callable to compare it
// with the relevance ranking on the same judged queries (npm run bench --
// relevance): every word must match; entries whose title holds them all come
// first, then by views; a word no entry holds is corrected from the known words.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as engine from './search-repository.ts';
import { parseQuery } from './service.ts';

export async function previousSearchIds(db: Kysely<Database>, q: string, need: number): Promise<string[]> {
  const { words, phrase } = parseQuery(q);
  if (words.length === 0) return [];
  const filter = { need, count: true };
  let found = await engine.rankedIds(db, { ...filter, words });
  if (found.total === 0 && phrase.length >= 3) {
    const fixed = await engine.correctWords(db, words, found.unknown);
    if (fixed.join(' ') !== words.join(' ')) {
      const retry = await engine.rankedIds(db, { ...filter, words: fixed });
      if (retry.total > 0) found = retry;
    }
  }
  return found.ids.slice(0, need);
}
