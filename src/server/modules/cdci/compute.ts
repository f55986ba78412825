// The CDCI arithmetic, pure: raw indicator values → rescaled to 1–10 → components
// → survey and department parts → composite out of 100 → rank. Follows the PCI's
// "collect, calculate, calibrate" and the JRC/OECD handbook's steps (imputation,
// normalisation, weighting, aggregation); the names of the choices are COINr's.
//
// Choices where the method leaves room, written once here:
// - Min–max: 1 + 9·(x − lo)/(hi − lo) (higher better) or 1 + 9·(hi − x)/(hi − lo)
//   (higher worse), clamped to 1–10 (a value outside fixed bounds). When every
//   branch has the same value (hi = lo) each gets 10: nobody is behind the best.
// - z-score: 5.5 + 1.5·z, clamped to 1–10 (the alternative normalisation of the
//   sensitivity run). `none`: values already on 1–10 (a published sub-index);
//   higher worse reads 11 − x.
// - Parts: indicators from the Department's own assessment make the department
//   part; survey questions and platform data make the survey part. Each part is
//   aggregated over the components with their weights; the composite is
//   10·(s·survey + (1 − s)·department) with s the method's survey share. A part a
//   branch has no value for (reweight) leaves the other part alone at full weight.
// - Missing values: `reweight` drops the indicator (and a component without any)
//   and rescales the remaining weights; `impute_median` puts the median raw value
//   of the other scored branches in its place, marked as imputed.
// - A branch with fewer survey respondents than the minimum is not scored: it
//   is left out of the bounds, the ranking and the medians, never shown as 0.
import {
  CDCI_SCALE,
  type CdciAggregation,
  type CdciMethod,
  type CdciNormalisation,
  type IndicatorCell,
} from '../../../contracts/cdci.ts';

export interface CdciUnit {
  code: string;
  name: string;
  /** Survey respondents who answered about this branch. */
  respondents: number;
}

export interface CdciData {
  units: readonly CdciUnit[];
  /** Survey answers per branch: for each survey indicator, one value per respondent (NaN: not answered). */
  answers: ReadonlyMap<string, Readonly<Record<string, Float64Array>>>;
  /** Platform, department and data-set values per indicator and branch. */
  values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Earlier years' raw values per indicator (for bounds taken over several years). */
  history?: Readonly<Record<string, readonly number[]>>;
}

/** What a sensitivity draw may change. */
export interface Variant {
  weights: Float64Array;
  normalisation: CdciNormalisation;
  aggregation: CdciAggregation;
}

interface PlanIndicator {
  code: string;
  component: number;
  part: 0 | 1;
  weight: number;
  higherBetter: boolean;
  bounds: CdciMethod['components'][number]['indicators'][number]['bounds'];
  survey: { stat: 'mean' | 'median' | 'favourable_share'; favourableFrom: number | null } | null;
  history: readonly number[];
}

/** The method laid out for fast repeated computation over the scored branches. */
export interface Plan {
  method: CdciMethod;
  units: CdciUnit[];
  excluded: CdciUnit[];
  indicators: PlanIndicator[];
  components: number;
  /** Survey answers per scored branch and survey indicator (indicator index → answers). */
  answers: (Float64Array | null)[][];
  /** Indicator indices of each part and component: members[part][component]. */
  members: number[][][];
}

export const hasSurvey = (method: CdciMethod): boolean =>
  method.components.some((component) => component.indicators.some((indicator) => indicator.source.kind === 'survey'));

export function planOf(method: CdciMethod, data: CdciData): Plan {
  const needsRespondents = hasSurvey(method);
  const units = data.units.filter((unit) => !needsRespondents || unit.respondents >= method.minRespondents);
  const excluded = data.units.filter((unit) => !units.includes(unit));
  const indicators: PlanIndicator[] = method.components.flatMap((component, c) =>
    component.indicators.map((indicator) => ({
      code: indicator.code,
      component: c,
      part: indicator.source.kind === 'department' ? (1 as const) : (0 as const),
      weight: indicator.weight,
      higherBetter: indicator.direction === 'higher_better',
      bounds: indicator.bounds,
      survey:
        indicator.source.kind === 'survey'
          ? { stat: indicator.source.stat, favourableFrom: indicator.source.favourableFrom }
          : null,
      history: data.history?.[indicator.code] ?? [],
    })),
  );
  const answers = units.map((unit) =>
    indicators.map((indicator) => (indicator.survey ? (data.answers.get(unit.code)?.[indicator.code] ?? null) : null)),
  );
  const members = [0, 1].map((part) =>
    method.components.map((_, c) =>
      indicators.flatMap((indicator, i) => (indicator.component === c && indicator.part === part ? [i] : [])),
    ),
  );
  return { method, units, excluded, indicators, components: method.components.length, answers, members };
}

// ---- statistics ------------------------------------------------------------

export function median(values: readonly number[] | Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Linear-interpolation quantile (R's type 7) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A survey statistic over answers, NaN when nobody answered. `pick` resamples (the bootstrap). */
export function surveyStat(
  answers: Float64Array,
  stat: 'mean' | 'median' | 'favourable_share',
  favourableFrom: number | null,
  pick?: Int32Array,
): number {
  const n = pick ? pick.length : answers.length;
  let count = 0;
  let sum = 0;
  let favourable = 0;
  const kept = stat === 'median' ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    const value = answers[pick ? pick[i]! : i]!;
    if (Number.isNaN(value)) continue;
    if (kept) kept[count] = value;
    count++;
    sum += value;
    if (favourableFrom !== null && value >= favourableFrom) favourable++;
  }
  if (count === 0) return NaN;
  if (stat === 'mean') return sum / count;
  if (stat === 'favourable_share') return (100 * favourable) / count;
  return median(kept!.subarray(0, count));
}

// ---- the steps ---------------------------------------------------------------

const clampScale = (x: number) => Math.min(CDCI_SCALE.max, Math.max(CDCI_SCALE.min, x));

/** Rescales one indicator's raw values (NaN: missing) to 1–10; missing stays NaN. */
export function normalise(
  raw: Float64Array,
  how: CdciNormalisation,
  higherBetter: boolean,
  bounds: { lo: number; hi: number } | null,
): Float64Array {
  const out = new Float64Array(raw.length);
  if (how === 'none') {
    for (let u = 0; u < raw.length; u++) out[u] = higherBetter ? raw[u]! : 11 - raw[u]!;
    return out;
  }
  if (how === 'zscore') {
    let n = 0;
    let sum = 0;
    for (const x of raw)
      if (!Number.isNaN(x)) {
        n++;
        sum += x;
      }
    const mean = sum / n;
    let ss = 0;
    for (const x of raw) if (!Number.isNaN(x)) ss += (x - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    for (let u = 0; u < raw.length; u++) {
      const z = sd > 0 ? (raw[u]! - mean) / sd : 0;
      out[u] = clampScale(5.5 + 1.5 * (higherBetter ? z : -z));
    }
    for (let u = 0; u < raw.length; u++) if (Number.isNaN(raw[u]!)) out[u] = NaN;
    return out;
  }
  const { lo, hi } = bounds ?? { lo: NaN, hi: NaN };
  for (let u = 0; u < raw.length; u++) {
    const x = raw[u]!;
    if (Number.isNaN(x)) out[u] = NaN;
    else if (!(hi > lo)) out[u] = CDCI_SCALE.max;
    else {
      const t = higherBetter ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
      out[u] = clampScale(CDCI_SCALE.min + (CDCI_SCALE.max - CDCI_SCALE.min) * t);
    }
  }
  return out;
}

/** Weighted arithmetic or geometric mean of the values present (NaN skipped, weights rescaled); NaN if none. */
export function aggregate(values: ArrayLike<number>, weights: ArrayLike<number>, how: CdciAggregation): number {
  let total = 0;
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const w = weights[i]!;
    if (Number.isNaN(v) || !(w > 0)) continue;
    total += w;
    acc += how === 'geometric' ? w * Math.log(v) : w * v;
  }
  if (total === 0) return NaN;
  return how === 'geometric' ? Math.exp(acc / total) : acc / total;
}

function boundsOf(indicator: PlanIndicator, raw: Float64Array): { lo: number; hi: number } {
  if (indicator.bounds.kind === 'fixed') return { lo: indicator.bounds.min, hi: indicator.bounds.max };
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of raw)
    if (!Number.isNaN(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  if (indicator.bounds.kind === 'years')
    for (const x of indicator.history) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  return { lo, hi };
}

/** Raw values [indicator][scored branch] (NaN: missing), from the data or a bootstrap resample. */
export function rawMatrix(
  plan: Plan,
  data: CdciData,
  picks?: (Int32Array | null)[],
  fixed?: Float64Array[],
): Float64Array[] {
  return plan.indicators.map((indicator, i) => {
    if (fixed && !indicator.survey) return Float64Array.from(fixed[i]!);
    const row = new Float64Array(plan.units.length);
    plan.units.forEach((unit, u) => {
      if (indicator.survey) {
        const answers = plan.answers[u]![i];
        row[u] = answers
          ? surveyStat(answers, indicator.survey.stat, indicator.survey.favourableFrom, picks?.[u] ?? undefined)
          : NaN;
      } else {
        const value = data.values[indicator.code]?.[unit.code];
        row[u] = typeof value === 'number' && Number.isFinite(value) ? value : NaN;
      }
    });
    return row;
  });
}

/** Median imputation in place; returns which cells were imputed. */
export function impute(plan: Plan, raw: Float64Array[]): boolean[][] {
  return raw.map((row) => {
    const present = Array.from(row).filter((x) => !Number.isNaN(x));
    const fill = present.length ? median(present) : NaN;
    return Array.from(row, (x, u) => {
      if (!Number.isNaN(x) || plan.method.missing !== 'impute_median' || Number.isNaN(fill)) return false;
      row[u] = fill;
      return true;
    });
  });
}

export interface Scores {
  indicators: Float64Array[];
  /** [part][component][branch] */
  parts: [Float64Array[], Float64Array[]];
  partTotals: [Float64Array, Float64Array];
  composite: Float64Array;
}

/** Everything after imputation: rescale, aggregate components and parts, combine the parts. */
export function score(plan: Plan, raw: Float64Array[], variant: Variant): Scores {
  const n = plan.units.length;
  const indicators = plan.indicators.map((indicator, i) =>
    normalise(
      raw[i]!,
      variant.normalisation,
      indicator.higherBetter,
      variant.normalisation === 'minmax' ? boundsOf(indicator, raw[i]!) : null,
    ),
  );
  const parts = ([0, 1] as const).map((part) =>
    Array.from({ length: plan.components }, (_, c) => {
      const members = plan.members[part]![c]!;
      const out = new Float64Array(n).fill(NaN);
      if (members.length === 0) return out;
      const weights = members.map((i) => plan.indicators[i]!.weight);
      const values = new Float64Array(members.length);
      for (let u = 0; u < n; u++) {
        members.forEach((i, k) => (values[k] = indicators[i]![u]!));
        out[u] = aggregate(values, weights, variant.aggregation);
      }
      return out;
    }),
  ) as [Float64Array[], Float64Array[]];
  const share = plan.method.surveyShare / 100;
  const partTotals = parts.map((components) => {
    const out = new Float64Array(n);
    const values = new Float64Array(plan.components);
    for (let u = 0; u < n; u++) {
      for (let c = 0; c < plan.components; c++) values[c] = components[c]![u]!;
      out[u] = aggregate(values, variant.weights, variant.aggregation);
    }
    return out;
  }) as [Float64Array, Float64Array];
  const composite = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const s = partTotals[0][u]!;
    const d = partTotals[1][u]!;
    const combined = Number.isNaN(d) ? s : Number.isNaN(s) ? d : share * s + (1 - share) * d;
    composite[u] = 10 * combined;
  }
  return { indicators, parts, partTotals, composite };
}

/** Competition ranks (1, 2, 2, 4), highest first; NaN unranked (0). */
export function ranks(values: Float64Array, out = new Int32Array(values.length)): Int32Array {
  const order = Array.from(values.keys())
    .filter((u) => !Number.isNaN(values[u]!))
    .sort((a, b) => values[b]! - values[a]!);
  out.fill(0);
  order.forEach((u, k) => {
    const prev = order[k - 1];
    out[u] = prev !== undefined && values[prev] === values[u] ? out[prev]! : k + 1;
  });
  return out;
}

export const nominalVariant = (method: CdciMethod): Variant => ({
  weights: Float64Array.from(method.components.map((component) => component.weight)),
  normalisation: method.normalisation,
  aggregation: method.aggregation,
});

/** One plain computation: every branch's indicators, components, parts, composite and rank. */
export function computePlain(method: CdciMethod, data: CdciData) {
  const plan = planOf(method, data);
  const raw = rawMatrix(plan, data);
  const original = raw.map((row) => Float64Array.from(row));
  const imputed = impute(plan, raw);
  const scores = score(plan, raw, nominalVariant(method));
  const rank = ranks(scores.composite);
  const share = method.surveyShare / 100;
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const scored = plan.units.map((unit, u) => {
    const indicators: Record<string, IndicatorCell> = {};
    plan.indicators.forEach((indicator, i) => {
      indicators[indicator.code] = {
        raw: num(original[i]![u]!) ?? (imputed[i]![u] ? num(raw[i]![u]!) : null),
        score: num(scores.indicators[i]![u]!),
        imputed: imputed[i]![u]!,
      };
    });
    const components: Record<string, number | null> = {};
    method.components.forEach((component, c) => {
      const s = scores.parts[0][c]![u]!;
      const d = scores.parts[1][c]![u]!;
      components[component.code] = num(Number.isNaN(d) ? s : Number.isNaN(s) ? d : share * s + (1 - share) * d);
    });
    return {
      unit: unit.code,
      name: unit.name,
      scored: true,
      reason: null,
      respondents: unit.respondents,
      indicators,
      components,
      surveyPart: num(scores.partTotals[0][u]!),
      departmentPart: num(scores.partTotals[1][u]!),
      composite: num(scores.composite[u]!),
      rank: rank[u]! || null,
    };
  });
  const notScored = plan.excluded.map((unit) => ({
    unit: unit.code,
    name: unit.name,
    scored: false,
    reason: 'too_few_respondents' as const,
    respondents: unit.respondents,
    indicators: {},
    components: {},
    surveyPart: null,
    departmentPart: null,
    composite: null,
    rank: null,
  }));
  return { plan, raw, scores, units: [...scored, ...notScored] };
}
