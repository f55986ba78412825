// The survey results' small-cell rule, proved by attack: for many random surveys
// full of small groups, read every view an owner (or the public page) can ask for
// — all respondents, each stratum, each stratum × business type, each branch of
// a per-branch question — and let the exact linear auditor of the disclosure
// module look for any combination isolating fewer than 5 businesses.
import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../contracts/surveys.ts';
import { findIsolatedGroups, type AuditAnswer, type AuditAtom } from '../disclosure/auditor.ts';
import { ANY_BRANCH, RESPONDENTS_ITEM, buildResults, type CountRow } from './results.ts';

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const definition: SurveyDefinition = {
  sections: [
    {
      key: 's',
      title: { vi: 'S', en: 'S' },
      questions: [
        {
          key: 'q',
          type: 'single',
          text: { vi: 'Q', en: 'Q' },
          required: true,
          options: [
            { key: 'a', label: { vi: 'A', en: 'A' } },
            { key: 'b', label: { vi: 'B', en: 'B' } },
          ],
          scaleMax: 5,
          min: null,
          max: null,
          showIf: null,
          perBranch: false,
          indicator: null,
        },
        {
          key: 'r',
          type: 'scale',
          text: { vi: 'R', en: 'R' },
          required: true,
          options: [],
          scaleMax: 5,
          min: null,
          max: null,
          showIf: null,
          perBranch: true,
          indicator: null,
        },
      ],
    },
  ],
};

interface Business {
  id: string;
  stratum: string;
  type: 'enterprise' | 'broker';
  branches: string[];
}

/** Random businesses in small strata, each rating one or two of a few branches. */
function population(random: () => number): Business[] {
  const strata = ['A', 'B', 'C', 'D'].slice(0, 2 + Math.floor(random() * 3));
  const branches = ['b1', 'b2', 'b3', 'b4'];
  const businesses: Business[] = [];
  for (const stratum of strata) {
    const size = 1 + Math.floor(random() * 12);
    for (let i = 0; i < size; i++) {
      const first = branches[Math.floor(random() * branches.length)]!;
      const second = branches[Math.floor(random() * branches.length)]!;
      businesses.push({
        id: `${stratum}${i}`,
        stratum,
        type: random() < 0.3 ? 'broker' : 'enterprise',
        branches: [...new Set(random() < 0.5 ? [first] : [first, second])],
      });
    }
  }
  return businesses;
}

/** The counts those businesses' answers leave (every answer "a" on q and 3 on each branch). */
function countsOf(businesses: readonly Business[]): CountRow[] {
  const rows = new Map<string, CountRow>();
  const add = (item: string, branch: string, b: Business, value: string, total = 0) => {
    const key = [item, branch, b.stratum, b.type, value].join('|');
    const row = rows.get(key) ?? {
      item,
      branch_id: branch,
      stratum: b.stratum,
      business_type: b.type,
      value,
      count: 0,
      total: 0,
    };
    row.count += 1;
    row.total += total;
    rows.set(key, row);
  };
  for (const b of businesses) {
    add(RESPONDENTS_ITEM, '', b, '');
    add('q', '', b, '');
    add('q', '', b, 'a');
    for (const branch of b.branches) {
      add('r', branch, b, '', 3);
      add('r', branch, b, '3');
    }
    add('r', ANY_BRANCH, b, '');
  }
  return [...rows.values()];
}

/** Every figure the views show, as sums of atoms (one atom per business and question part). */
function readEverything(businesses: readonly Business[], unsuppressed = false): AuditAnswer[] {
  const rows = countsOf(businesses);
  const strata = [...new Set(businesses.map((b) => b.stratum))];
  const filters: { stratum?: string; businessType?: 'enterprise' | 'broker' }[] = [
    {},
    ...strata.flatMap((stratum) => [
      { stratum },
      { stratum, businessType: 'enterprise' as const },
      { stratum, businessType: 'broker' as const },
    ]),
  ];
  const answers: AuditAnswer[] = [];
  for (const filter of filters) {
    const results = buildResults({
      surveyId: '00000000-0000-0000-0000-000000000000',
      title: { vi: 'T', en: 'T' },
      definition,
      rows,
      filter,
      branches: new Map(),
      texts: new Map(),
    });
    const inFilter = businesses.filter(
      (b) =>
        (!filter.stratum || b.stratum === filter.stratum) && (!filter.businessType || b.type === filter.businessType),
    );
    const label = JSON.stringify(filter);
    if ((unsuppressed || results.respondents !== null) && inFilter.length > 0)
      answers.push({ label: `${label} respondents`, atoms: inFilter.map((b) => `q:${b.id}`) });
    const q = results.questions.find((x) => x.key === 'q')!.cells[0]!;
    if ((unsuppressed || !q.withheld) && inFilter.length > 0)
      answers.push({ label: `${label} q`, atoms: inFilter.map((b) => `q:${b.id}`) });
    for (const cell of results.questions.find((x) => x.key === 'r')!.cells) {
      if ((!unsuppressed && cell.withheld) || cell.n === 0) continue;
      const branch = cell.item;
      answers.push({
        label: `${label} r ${branch ?? 'all'}`,
        atoms: businesses.flatMap((b) =>
          b.branches.filter((x) => branch === null || x === branch).map((x) => `r:${x}:${b.id}`),
        ),
      });
    }
  }
  return answers;
}

function atomsOf(businesses: readonly Business[]): AuditAtom[] {
  return businesses.flatMap((b) => [
    { key: `q:${b.id}`, members: [b.id] },
    ...b.branches.map((x) => ({ key: `r:${x}:${b.id}`, members: [b.id] })),
  ]);
}

describe('survey results under attack', () => {
  it('no combination of every view isolates fewer than 5 businesses (200 random surveys)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const businesses = population(seeded(seed));
      const leaks = findIsolatedGroups(atomsOf(businesses), readEverything(businesses), 5);
      expect(leaks, `seed ${seed}: ${JSON.stringify(leaks[0])}`).toEqual([]);
    }
  });

  it('the same auditor finds the groups the rule protects when it is left out (the test has teeth)', () => {
    let leaking = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const businesses = population(seeded(seed));
      if (findIsolatedGroups(atomsOf(businesses), readEverything(businesses, true), 5).length > 0) leaking++;
    }
    expect(leaking).toBeGreaterThan(30);
  });

  it('withholds a cell under 5 without its count, and its sibling with it', () => {
    const businesses: Business[] = [
      ...Array.from({ length: 8 }, (_, i) => ({
        id: `e${i}`,
        stratum: 'A',
        type: 'enterprise' as const,
        branches: ['b1'],
      })),
      { id: 'k0', stratum: 'A', type: 'broker', branches: ['b2'] },
    ];
    const rows = countsOf(businesses);
    const read = (filter: object) =>
      buildResults({
        surveyId: '00000000-0000-0000-0000-000000000000',
        title: { vi: 'T', en: 'T' },
        definition,
        rows,
        filter,
        branches: new Map(),
        texts: new Map(),
      });
    expect(read({}).respondents).toBe(9);
    expect(read({ stratum: 'A', businessType: 'broker' }).questions[0]!.cells[0]).toMatchObject({
      withheld: true,
      n: null,
      options: [],
    });
    expect(read({ stratum: 'A', businessType: 'enterprise' }).respondents).toBeNull();
    // Branch b2 (1 rater) is withheld; b1 (8) then also, since the total minus b1 would be b2.
    const r = read({}).questions[1]!.cells;
    expect(r.map((c) => [c.item, c.withheld])).toEqual([
      [null, false],
      ['b1', true],
      ['b2', true],
    ]);
  });
});
