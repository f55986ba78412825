// Uncertainty of the CDCI, pure and seeded (a published result recomputes to the
// same numbers):
// - bootstrap: each draw resamples every scored branch's respondents with
//   replacement and recomputes everything (bounds too) → the composite's 5–95 %
//   interval per branch, and a rank per draw;
// - sensitivity (COINr's uncertainty analysis): each draw perturbs every
//   component weight by a uniform factor in [1 − noise, 1 + noise] (then back to
//   100), and with probability ½ each swaps the normalisation (min–max ↔ z-score;
//   `none` → min–max) and the aggregation (arithmetic ↔ geometric) → a rank per draw.
// The rank band of a branch is the 5–95 % range of its ranks over both sets of
// draws (nearest ranks), with the median rank. Branches whose bands overlap are
// tied; a group chains overlapping bands in order of median rank.
import type { CdciMethod, CdciNormalisation, UnitResult } from '../../../contracts/cdci.ts';
import {
  computePlain,
  impute,
  nominalVariant,
  quantileSorted,
  ranks,
  rawMatrix,
  score,
  type CdciData,
  type Plan,
  type Variant,
} from './compute.ts';

/** mulberry32: small, fast, seeded; enough for resampling (not for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const otherNormalisation = (how: CdciNormalisation): CdciNormalisation => (how === 'minmax' ? 'zscore' : 'minmax');

export function sensitivityVariant(method: CdciMethod, random: () => number): Variant {
  const noise = method.uncertainty.weightNoise;
  const weights = Float64Array.from(method.components, (c) => c.weight * (1 - noise + 2 * noise * random()));
  const total = weights.reduce((sum, w) => sum + w, 0);
  for (let c = 0; c < weights.length; c++) weights[c] = total > 0 ? (100 * weights[c]!) / total : 0;
  return {
    weights,
    normalisation: random() < 0.5 ? method.normalisation : otherNormalisation(method.normalisation),
    aggregation: random() < 0.5 ? method.aggregation : method.aggregation === 'arithmetic' ? 'geometric' : 'arithmetic',
  };
}

function bootstrapPicks(plan: Plan, random: () => number): (Int32Array | null)[] {
  return plan.answers.map((answers) => {
    const n = answers.find((a) => a !== null)?.length ?? 0;
    if (n === 0) return null;
    const pick = new Int32Array(n);
    for (let i = 0; i < n; i++) pick[i] = Math.floor(random() * n);
    return pick;
  });
}

/** Groups of overlapping rank bands, in order of median rank (index → group number from 1). */
export function tiedGroups(bands: { medianRank: number; lo: number; hi: number }[]): number[] {
  const order = bands.map((_, u) => u).sort((a, b) => bands[a]!.medianRank - bands[b]!.medianRank);
  const group = new Array<number>(bands.length).fill(0);
  let current = 0;
  let reach = -Infinity;
  for (const u of order) {
    if (bands[u]!.lo > reach) current++;
    group[u] = current;
    reach = Math.max(reach, bands[u]!.hi);
  }
  return group;
}

export interface CdciResult {
  units: UnitResult[];
  seed: number;
  draws: { bootstrap: number; sensitivity: number };
}

/** The full computation: plain figures, bootstrap interval, rank band and ties. */
export function computeWithUncertainty(
  method: CdciMethod,
  data: CdciData,
  draws: { bootstrap: number; sensitivity: number } = method.uncertainty,
): CdciResult {
  const plain = computePlain(method, data);
  const { plan } = plain;
  const n = plan.units.length;
  const random = seededRandom(method.uncertainty.seed);
  const hasAnswers = plan.answers.some((row) => row.some((a) => a !== null));
  const bootstrap = hasAnswers ? draws.bootstrap : 0;
  const total = bootstrap + draws.sensitivity;
  const rankDraws = Array.from({ length: n }, () => new Int32Array(total));
  const compositeDraws = Array.from({ length: n }, () => new Float64Array(bootstrap));
  const rankBuffer = new Int32Array(n);
  const nominal = nominalVariant(method);
  for (let d = 0; d < bootstrap; d++) {
    const raw = rawMatrix(plan, data, bootstrapPicks(plan, random), plain.raw);
    impute(plan, raw);
    const { composite } = score(plan, raw, nominal);
    ranks(composite, rankBuffer);
    for (let u = 0; u < n; u++) {
      compositeDraws[u]![d] = composite[u]!;
      rankDraws[u]![d] = rankBuffer[u]!;
    }
  }
  // Sensitivity draws vary the method over the observed data (imputed once).
  const raw = plain.raw;
  for (let d = 0; d < draws.sensitivity; d++) {
    const { composite } = score(plan, raw, sensitivityVariant(method, random));
    ranks(composite, rankBuffer);
    for (let u = 0; u < n; u++) rankDraws[u]![bootstrap + d] = rankBuffer[u]!;
  }
  const bands = plain.units.slice(0, n).map((unit, u) => {
    const sorted = rankDraws[u]!.filter((r) => r > 0).sort();
    if (sorted.length === 0) return { medianRank: unit.rank ?? Infinity, lo: unit.rank ?? 0, hi: unit.rank ?? 0 };
    return {
      medianRank: quantileSorted(sorted, 0.5),
      lo: sorted[Math.floor(0.05 * (sorted.length - 1))]!,
      hi: sorted[Math.ceil(0.95 * (sorted.length - 1))]!,
    };
  });
  const groups = tiedGroups(bands);
  const units: UnitResult[] = plain.units.map((unit, u) => {
    if (u >= n) return { ...unit, ci: null, medianRank: null, rankRange: null, tiedWith: [], group: null };
    const band = bands[u]!;
    const composites = compositeDraws[u]!.filter((x) => !Number.isNaN(x)).sort();
    return {
      ...unit,
      ci: composites.length ? [quantileSorted(composites, 0.05), quantileSorted(composites, 0.95)] : null,
      medianRank: band.medianRank,
      rankRange: [band.lo, band.hi],
      tiedWith: plan.units.flatMap((other, v) =>
        v !== u && bands[v]!.lo <= band.hi && band.lo <= bands[v]!.hi ? [other.code] : [],
      ),
      group: groups[u]!,
    };
  });
  return { units, seed: method.uncertainty.seed, draws: { bootstrap, sensitivity: draws.sensitivity } };
}
