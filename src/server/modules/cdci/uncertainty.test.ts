// The uncertainty run: seeded (recomputes to the same numbers), bands that mean
// something, ties; the sandbox reproducing a published composite; uploads.
import { describe, expect, it } from 'vitest';
import { methodSchema } from '../../../contracts/cdci.ts';
import { PCI_EXAMPLE_CSV, pciMethod as pciExample } from '../../../contracts/cdci-example.ts';
import type { CdciData } from './compute.ts';
import { DataSetError, parseDataSet, parseDepartmentScores } from './dataset.ts';
import { computeWithUncertainty, seededRandom, sensitivityVariant, tiedGroups } from './uncertainty.ts';

const surveyMethod = (seed = 7) =>
  methodSchema.parse({
    name: { vi: 'Thử' },
    minRespondents: 5,
    uncertainty: { bootstrap: 200, sensitivity: 200, seed },
    components: [
      {
        code: 'time',
        name: { vi: 'Thời gian' },
        weight: 50,
        indicators: [{ code: 'q1', name: { vi: 'q1' }, source: { kind: 'survey', question: 'q1', stat: 'mean' } }],
      },
      {
        code: 'fair',
        name: { vi: 'Bình đẳng' },
        weight: 50,
        indicators: [
          {
            code: 'q2',
            name: { vi: 'q2' },
            source: { kind: 'survey', question: 'q2', stat: 'favourable_share', favourableFrom: 4 },
          },
        ],
      },
    ],
  });

/** Branch means 4.5, 4.4 (close: tied), 3.0 and 2.0 (far apart). */
function surveyData(): CdciData {
  const random = seededRandom(1);
  const around = (centre: number, n: number) =>
    Float64Array.from({ length: n }, () => Math.min(5, Math.max(1, Math.round(centre + (random() - 0.5) * 2))));
  const centres = { A: 4.5, B: 4.4, C: 3, D: 2, E: 4 };
  const sizes = { A: 40, B: 40, C: 40, D: 40, E: 3 };
  return {
    units: Object.entries(sizes).map(([code, n]) => ({ code, name: `Chi cục ${code}`, respondents: n })),
    answers: new Map(
      Object.entries(centres).map(([code, c]) => {
        const n = sizes[code as keyof typeof sizes];
        return [code, { q1: around(c, n), q2: around(c, n) }];
      }),
    ),
    values: {},
  };
}

describe('uncertainty', () => {
  it('recomputes to the same numbers with the same seed, and differently with another', () => {
    const first = computeWithUncertainty(surveyMethod(), surveyData());
    const again = computeWithUncertainty(surveyMethod(), surveyData());
    expect(again).toEqual(first);
    const other = computeWithUncertainty(surveyMethod(99), surveyData());
    expect(other.units.map((u) => u.ci)).not.toEqual(first.units.map((u) => u.ci));
    expect(other.units.map((u) => u.composite)).toEqual(first.units.map((u) => u.composite));
  });

  it('close branches are tied, distant ones are not; the interval holds the plain score', () => {
    const { units } = computeWithUncertainty(surveyMethod(), surveyData());
    const by = Object.fromEntries(units.map((u) => [u.unit, u]));
    expect(by.A!.tiedWith).toContain('B');
    expect(by.A!.group).toBe(by.B!.group);
    expect(by.D!.tiedWith).toEqual([]);
    expect(by.D!.rankRange).toEqual([4, 4]);
    for (const u of units.filter((x) => x.scored)) {
      expect(u.ci![0]).toBeLessThanOrEqual(u.composite! + 1e-9);
      expect(u.ci![1]).toBeGreaterThanOrEqual(u.composite! - 1e-9);
    }
    expect(by.E).toMatchObject({ scored: false, rankRange: null, group: null, composite: null });
  });

  it('without draws the band is the rank itself', () => {
    const m = surveyMethod();
    const { units } = computeWithUncertainty(m, surveyData(), { bootstrap: 0, sensitivity: 0 });
    for (const u of units.filter((x) => x.scored)) expect(u.rankRange).toEqual([u.rank, u.rank]);
  });

  it('perturbed weights still add to 100', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 20; i++) {
      const v = sensitivityVariant(surveyMethod(), random);
      expect(v.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
      v.weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(50 * 0.75 * (100 / 125) - 1e-9));
    }
  });

  it('groups chain overlapping bands in order of median rank', () => {
    // bands 1–2, 1–3, 3–4, 5–5: the first three chain, the last stands alone
    expect(
      tiedGroups([
        { medianRank: 1, lo: 1, hi: 2 },
        { medianRank: 2, lo: 1, hi: 3 },
        { medianRank: 3.5, lo: 3, hi: 4 },
        { medianRank: 5, lo: 5, hi: 5 },
      ]),
    ).toEqual([1, 1, 1, 2]);
  });
});

// The PCI composite is Σ weight·sub-index / 10; the figures below are what that gives, printed to two decimals.
const PCI_CSV = PCI_EXAMPLE_CSV.split('\n').map((line) => line.split(','));
const PUBLISHED = { QNI: 75.03, HPG: 72.66, DNG: 72.17, BNH: 70.38 };
const pciMethod = methodSchema.parse(
  pciExample({ uncertainty: { bootstrap: 0, sensitivity: 100, seed: 1, weightNoise: 0.25 } }),
);

describe('sandbox', () => {
  it('reproduces a published composite from its sub-indices and weights within 0.01', () => {
    const { units } = computeWithUncertainty(pciMethod, parseDataSet(PCI_CSV, pciMethod));
    for (const [code, published] of Object.entries(PUBLISHED)) {
      const unit = units.find((u) => u.unit === code)!;
      expect(Math.abs(unit.composite! - published)).toBeLessThan(0.01);
    }
    expect(units.sort((a, b) => a.rank! - b.rank!).map((u) => u.unit)).toEqual(['QNI', 'HPG', 'DNG', 'BNH']);
  });

  it('names the row and column of every bad cell, and takes nothing from a half-valid file', () => {
    const bad = PCI_CSV.map((row) => [...row]);
    bad[1]![2] = '8,12';
    bad[2]![4] = 'bảy';
    bad[4]![0] = 'QNI';
    try {
      parseDataSet(bad, pciMethod);
      expect.unreachable();
    } catch (error) {
      expect((error as DataSetError).errors).toEqual([
        { row: 3, field: 'transparency', message: 'cdci_not_a_number' },
        { row: 5, field: 'unit', message: 'cdci_duplicate' },
      ]);
    }
  });

  it('department scores: unknown unit, unknown indicator, non-numeric value', () => {
    const rows = [
      ['unit', 'indicator', 'value'],
      ['CC01', 'd_lead', '8.5'],
      ['CC99', 'd_lead', '7'],
      ['CC01', 'd_nope', '7'],
      ['CC02', 'd_lead', 'tám'],
    ];
    expect(() => parseDepartmentScores(rows, ['CC01', 'CC02'], ['d_lead'])).toThrow(DataSetError);
    try {
      parseDepartmentScores(rows, ['CC01', 'CC02'], ['d_lead']);
    } catch (error) {
      expect((error as DataSetError).errors).toEqual([
        { row: 3, field: 'unit', message: 'cdci_unknown_unit' },
        { row: 4, field: 'indicator', message: 'cdci_unknown_indicator' },
        { row: 5, field: 'value', message: 'cdci_not_a_number' },
      ]);
    }
    expect(parseDepartmentScores(rows.slice(0, 2), ['CC01'], ['d_lead'])).toEqual([
      { unit: 'CC01', indicator: 'd_lead', value: 8.5 },
    ]);
  });
});
