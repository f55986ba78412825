// Hand-computed examples for every step of the CDCI arithmetic.
import { describe, expect, it } from 'vitest';
import { methodSchema, type CdciMethodInput } from '../../../contracts/cdci.ts';
import { aggregate, computePlain, median, normalise, ranks, surveyStat, type CdciData } from './compute.ts';

const f = (...xs: number[]) => Float64Array.from(xs);
const close = (actual: ArrayLike<number>, expected: number[]) =>
  expected.forEach((x, i) => (Number.isNaN(x) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(x, 6)));

describe('normalisation to 1–10', () => {
  it('min–max over the observed values, higher better and higher worse', () => {
    // lo 2, hi 6: 1 + 9·(x − 2)/4
    close(normalise(f(2, 4, 6), 'minmax', true, { lo: 2, hi: 6 }), [1, 5.5, 10]);
    close(normalise(f(2, 4, 6), 'minmax', false, { lo: 2, hi: 6 }), [10, 5.5, 1]);
  });
  it('fixed bounds clamp values outside them', () => {
    // 1 + 9·2/10 = 2.8; 12 lies above the bound: 10; −1 below: 1
    close(normalise(f(2, 12, -1), 'minmax', true, { lo: 0, hi: 10 }), [2.8, 10, 1]);
  });
  it('equal values all get 10; a missing value stays missing', () => {
    close(normalise(f(3, 3, NaN), 'minmax', true, { lo: 3, hi: 3 }), [10, 10, NaN]);
  });
  it('z-score: 5.5 + 1.5·z', () => {
    // mean 2, sd 1 → z = −1, 0, 1
    close(normalise(f(1, 2, 3), 'zscore', true, null), [4, 5.5, 7]);
    close(normalise(f(1, 2, 3), 'zscore', false, null), [7, 5.5, 4]);
  });
  it('none: already on 1–10; higher worse reads 11 − x', () => {
    close(normalise(f(7.5, 2), 'none', false, null), [3.5, 9]);
  });
});

describe('aggregation and statistics', () => {
  it('weighted arithmetic and geometric means', () => {
    expect(aggregate([4, 9], [1, 3], 'arithmetic')).toBeCloseTo(7.75, 9); // (4 + 27)/4
    expect(aggregate([4, 9], [1, 3], 'geometric')).toBeCloseTo(7.348469, 6); // 4^¼ · 9^¾
  });
  it('a missing value is left out and the weights rescaled', () => {
    expect(aggregate([NaN, 6], [1, 1], 'arithmetic')).toBe(6);
    expect(aggregate([NaN], [1], 'arithmetic')).toBeNaN();
  });
  it('survey statistics: mean, median, share of favourable answers', () => {
    expect(surveyStat(f(5, 4, 3), 'mean', null)).toBe(4);
    expect(surveyStat(f(5, 4, 3, NaN), 'median', null)).toBe(4);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(surveyStat(f(5, 4, 3), 'favourable_share', 4)).toBeCloseTo(66.6667, 3);
    expect(surveyStat(f(NaN), 'mean', null)).toBeNaN();
  });
  it('competition ranks: ties share a rank, unranked is 0', () => {
    expect(Array.from(ranks(f(5, 9, 5, NaN, 1)))).toEqual([2, 1, 2, 0, 4]);
  });
});

// Three scored branches, one under the respondent minimum.
// time (60 %): survey mean q_time and the Department's d_time; info (40 %): platform p_info, higher worse.
const method = (over: Partial<CdciMethodInput> = {}) =>
  methodSchema.parse({
    name: { vi: 'Thử' },
    minRespondents: 2,
    surveyShare: 70,
    components: [
      {
        code: 'time',
        name: { vi: 'Thời gian' },
        weight: 60,
        indicators: [
          { code: 'q_time', name: { vi: 'Q' }, source: { kind: 'survey', question: 'q_time', stat: 'mean' } },
          { code: 'd_time', name: { vi: 'D' }, source: { kind: 'department' } },
        ],
      },
      {
        code: 'info',
        name: { vi: 'Thông tin' },
        weight: 40,
        indicators: [
          {
            code: 'p_info',
            name: { vi: 'P' },
            source: { kind: 'platform', measure: 'overdue' },
            direction: 'higher_worse',
          },
        ],
      },
    ],
    ...over,
  });
const data: CdciData = {
  units: [
    { code: 'A', name: 'A', respondents: 3 },
    { code: 'B', name: 'B', respondents: 2 },
    { code: 'C', name: 'C', respondents: 4 },
    { code: 'D', name: 'D', respondents: 1 },
  ],
  answers: new Map([
    ['A', { q_time: f(5, 4, 3) }],
    ['B', { q_time: f(2, 2) }],
    ['C', { q_time: f(3, 3, 3, 3) }],
    ['D', { q_time: f(5) }],
  ]),
  values: { p_info: { A: 30, B: 10, C: 20, D: 0 }, d_time: { A: 8, B: 6 } },
};

describe('a whole method by hand', () => {
  it('70/30 split, missing department score reweighted, respondent minimum', () => {
    const { units } = computePlain(method(), data);
    const by = Object.fromEntries(units.map((u) => [u.unit, u]));
    // q_time means 4, 2, 3 → 10, 1, 5.5; p_info (worse) 30, 10, 20 → 1, 10, 5.5; d_time 8, 6 → 10, 1.
    // survey part A = .6·10 + .4·1 = 6.4, B = 4.6, C = 5.5; department part A 10, B 1, C none.
    expect(by.A!.surveyPart).toBeCloseTo(6.4, 9);
    expect(by.A!.departmentPart).toBeCloseTo(10, 9);
    expect(by.A!.composite).toBeCloseTo(74.8, 9); // 10·(.7·6.4 + .3·10)
    expect(by.B!.composite).toBeCloseTo(35.2, 9); // 10·(.7·4.6 + .3·1)
    expect(by.C!.composite).toBeCloseTo(55, 9); // survey part alone
    expect(by.C!.departmentPart).toBeNull();
    expect(by.A!.components).toEqual({ time: 10, info: 1 });
    expect([by.A!.rank, by.C!.rank, by.B!.rank]).toEqual([1, 2, 3]);
    // D has one respondent: not scored, not zero, and kept out of the bounds (its p_info 0 would move them).
    expect(by.D).toMatchObject({ scored: false, reason: 'too_few_respondents', composite: null, rank: null });
  });

  it('median imputation fills the missing department score and marks it', () => {
    const { units } = computePlain(method({ missing: 'impute_median' }), data);
    const c = units.find((u) => u.unit === 'C')! as {
      indicators: Record<string, unknown>;
      departmentPart: number | null;
    };
    expect(c.indicators['d_time']).toEqual({ raw: 7, score: 5.5, imputed: true }); // median(8, 6) → 1 + 9·½
    expect(c.departmentPart).toBeCloseTo(5.5, 9);
  });

  it('geometric aggregation', () => {
    const { units } = computePlain(method({ aggregation: 'geometric' }), data);
    expect(units[0]!.surveyPart).toBeCloseTo(10 ** 0.6, 9); // 10^.6 · 1^.4
  });

  it('bounds over several years', () => {
    const m = method();
    m.components[0]!.indicators[0]!.bounds = { kind: 'years', years: [2023] };
    const { units } = computePlain(m, { ...data, history: { q_time: [1, 5] } });
    // lo 1, hi 5: means 4, 2, 3 → 7.75, 3.25, 5.5
    expect(units.map((u) => (u.indicators as Record<string, { score: number | null }>)['q_time']?.score)).toEqual([
      7.75,
      3.25,
      5.5,
      undefined,
    ]);
  });

  it('a department-only split and a survey-only split', () => {
    const surveyOnly = computePlain(method({ surveyShare: 100 }), data).units[0]!;
    expect(surveyOnly.composite).toBeCloseTo(64, 9);
    const departmentOnly = computePlain(method({ surveyShare: 0 }), data).units[0]!;
    expect(departmentOnly.composite).toBeCloseTo(100, 9);
  });
});

describe('method validation names the field', () => {
  it('weights not adding to 100, a favourable share without its threshold, an indicator without a source', () => {
    const bad = {
      name: { vi: 'x' },
      components: [
        {
          code: 'a',
          name: { vi: 'a' },
          weight: 50,
          indicators: [
            { code: 'i', name: { vi: 'i' }, source: { kind: 'survey', question: 'q', stat: 'favourable_share' } },
            { code: 'j', name: { vi: 'j' } },
          ],
        },
      ],
    };
    const issues = methodSchema.safeParse(bad).error!.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['components.0.indicators.1.source']);
    const fixed = { ...bad, components: [{ ...bad.components[0]!, indicators: [bad.components[0]!.indicators[0]!] }] };
    expect(methodSchema.safeParse(fixed).error!.issues.map((i) => `${i.path.join('.')} ${i.message}`)).toEqual([
      'components msg:cdci_weights_sum',
      'components.0.indicators.0.source.favourableFrom msg:cdci_favourable_from',
    ]);
  });
});
