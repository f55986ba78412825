// Pure rules of consultations: the phase at an instant, who may comment, and
// near-duplicate grouping of comments (word shingles of the folded text, MinHash
// signatures, banded locality-sensitive hashing for candidates, exact Jaccard to
// confirm, union-find for the groups).
import { DUPLICATE_THRESHOLD, type ConsultationPhase } from '../../../contracts/consultations.ts';
import { foldText } from '../../lib/search-text.ts';

/** The phase as the public sees it: an open consultation past its closing time is closed. */
export function phaseAt(row: { phase: ConsultationPhase; closes_at: Date }, now: Date): ConsultationPhase {
  if (row.phase === 'open' && now.getTime() >= row.closes_at.getTime()) return 'closed';
  return row.phase;
}

/** Comments are taken while open, between the opening and the closing time. */
export function acceptsComments(row: { phase: ConsultationPhase; opens_at: Date; closes_at: Date }, now: Date) {
  return row.phase === 'open' && now >= row.opens_at && now < row.closes_at;
}

export interface CommenterFacts {
  kind: 'enterprise' | 'association';
  enterpriseId: string | null;
  associationId: string | null;
  /** The associations the enterprise belongs to. */
  memberOf: readonly string[];
}

/** Whether this commenter is in the consultation's audience. */
export function inAudience(
  row: { audience: 'all' | 'list'; audience_association_ids: string[]; audience_enterprise_ids: string[] },
  who: CommenterFacts,
): boolean {
  if (row.audience === 'all') return true;
  if (who.kind === 'association')
    return !!who.associationId && row.audience_association_ids.includes(who.associationId);
  if (who.enterpriseId && row.audience_enterprise_ids.includes(who.enterpriseId)) return true;
  return who.memberOf.some((id) => row.audience_association_ids.includes(id));
}

/** A response is late when it is published after the day it was due, or still missing after it. */
export function responseLate(
  row: { response_due_on: string | null; published_at: Date | null },
  today: string,
  dayOf: (d: Date) => string,
): boolean {
  if (!row.response_due_on) return false;
  const day = row.published_at ? dayOf(row.published_at) : today;
  return day > row.response_due_on;
}

// ---------------------------------------------------------------- near-duplicates

/** Words of the folded text: lower case, no diacritics, no punctuation. */
export function words(text: string): string[] {
  return foldText(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const SHINGLE_WORDS = 2;
const BANDS = 20;
const ROWS = 3;
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

/** The hashed word n-grams of a text, sorted and distinct (a short text is one shingle). */
export function shingles(text: string): Uint32Array {
  const w = words(text);
  const set = new Set<number>();
  if (w.length < SHINGLE_WORDS) set.add(fnv1a(w.join(' ')));
  else for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) set.add(fnv1a(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  return Uint32Array.from(set).sort();
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 1 : both / union;
}

function signature(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const s of set)
    for (let k = 0; k < SEEDS.length; k++) {
      const h = fmix32(s ^ SEEDS[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  return sig;
}

export interface GroupInput {
  id: string;
  /** Comments group only with others on the same article (null: the whole draft). */
  articleNumber: number | null;
  text: string;
}

/**
 * Groups near-duplicate comments. Returns, for each comment, the id of its
 * group: the id of the group's first comment in the input order (a comment
 * alone is its own group).
 */
export function groupNearDuplicates(
  items: readonly GroupInput[],
  threshold = DUPLICATE_THRESHOLD,
): Map<string, string> {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const sets = items.map((item) => shingles(item.text));
  const buckets = new Map<string, number[]>();
  items.forEach((item, index) => {
    const sig = signature(sets[index]!);
    for (let band = 0; band < BANDS; band++) {
      let key = `${item.articleNumber ?? ''}|${band}`;
      for (let r = 0; r < ROWS; r++) key += `:${sig[band * ROWS + r]!}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const checked = new Set<number>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const first = bucket[0]!;
    for (let k = 1; k < bucket.length; k++) {
      const other = bucket[k]!;
      if (find(first) === find(other)) continue;
      // Compare each candidate with the bucket's first and, failing that, with its predecessor.
      for (const base of [first, bucket[k - 1]!]) {
        const pairKey = Math.min(base, other) * items.length + Math.max(base, other);
        if (checked.has(pairKey)) continue;
        checked.add(pairKey);
        if (jaccard(sets[base]!, sets[other]!) >= threshold) {
          union(base, other);
          break;
        }
      }
    }
  }
  const result = new Map<string, string>();
  items.forEach((item, index) => result.set(item.id, items[find(index)]!.id));
  return result;
}

/** Pairwise precision and recall of predicted groups against true labels. */
export function pairScores(
  predicted: ReadonlyMap<string, string>,
  truth: ReadonlyMap<string, string>,
): { precision: number; recall: number; truePairs: number; predictedPairs: number } {
  const pairs = (groups: ReadonlyMap<string, string>) => {
    const byGroup = new Map<string, string[]>();
    for (const [id, g] of groups) byGroup.set(g, [...(byGroup.get(g) ?? []), id]);
    return byGroup;
  };
  const count = (byGroup: Map<string, string[]>) =>
    [...byGroup.values()].reduce((sum, members) => sum + (members.length * (members.length - 1)) / 2, 0);
  const predictedGroups = pairs(predicted);
  let both = 0;
  for (const members of predictedGroups.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) if (truth.get(members[i]!) === truth.get(members[j]!)) both++;
  const predictedPairs = count(predictedGroups);
  const truePairs = count(pairs(truth));
  return {
    precision: predictedPairs === 0 ? 1 : both / predictedPairs,
    recall: truePairs === 0 ? 1 : both / truePairs,
    truePairs,
    predictedPairs,
  };
}
