// The synonym groups as searches use them, folded once and kept a few seconds:
// read on every search, they change rarely. A change made through this process
// is seen at once (the editors' service forgets the cache); another process sees
// it within SYNONYM_TTL_MS.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { foldSynonyms, type SynonymGroup } from './query.ts';
import { synonymTerms } from './synonym-repository.ts';

export const SYNONYM_TTL_MS = 10_000;

export interface SynonymCache {
  groups: () => Promise<SynonymGroup[]>;
  forget: () => void;
}

export function createSynonymCache(deps: { db: Kysely<Database>; clock: Clock }): SynonymCache {
  let loaded: { at: number; groups: Promise<SynonymGroup[]> } | null = null;
  return {
    groups() {
      const now = deps.clock.now().getTime();
      if (!loaded || now - loaded.at > SYNONYM_TTL_MS || now < loaded.at) {
        const groups = synonymTerms(deps.db).then(foldSynonyms);
        loaded = { at: now, groups };
        // A failed read is not kept.
        groups.catch(() => {
          if (loaded?.groups === groups) loaded = null;
        });
      }
      return loaded.groups;
    },
    forget() {
      loaded = null;
    },
  };
}
