import { describe, expect, it } from 'vitest';
import {
  atomsOf,
  atomsOfCell,
  leavesUnder,
  syntheticOrg,
  syntheticRatings,
  YEAR_MONTHS,
} from '../../../../test/synthetic-ratings.ts';
import { findIsolatedGroups, type AuditAnswer } from './auditor.ts';
import { suppressTree, type TreeCell } from './suppression.ts';

const MIN = 5;

describe('the auditor', () => {
  const atoms = [
    { key: 'a', members: ['x', 'y', 'z', 'u', 'v', 'w'] },
    { key: 'b', members: ['p', 'q', 'r', 's', 't'] },
    { key: 'c', members: ['k', 'l'] },
  ];
  it('finds a small cell behind a total minus its shown parts, and says how', () => {
    const answers: AuditAnswer[] = [
      { label: 'total', atoms: ['a', 'b', 'c'] },
      { label: 'a', atoms: ['a'] },
      { label: 'b', atoms: ['b'] },
    ];
    const found = findIsolatedGroups(atoms, answers, MIN);
    expect(found).toHaveLength(1);
    expect(found[0]!.businesses).toEqual(['k', 'l']);
    expect(found[0]!.combination).toEqual(
      expect.arrayContaining([
        { label: 'total', coefficient: 1 },
        { label: 'a', coefficient: -1 },
        { label: 'b', coefficient: -1 },
      ]),
    );
  });

  it('finds it through a chain of differences over another classification', () => {
    const answers: AuditAnswer[] = [
      { label: 'a+c', atoms: ['a', 'c'] },
      { label: 'a+b', atoms: ['a', 'b'] },
      { label: 'b', atoms: ['b'] },
    ];
    expect(findIsolatedGroups(atoms, answers, MIN).map((f) => f.businesses)).toEqual([['k', 'l']]);
  });

  it('finds nothing when the withheld cells together hold enough businesses', () => {
    const answers: AuditAnswer[] = [
      { label: 'total', atoms: ['a', 'b', 'c'] },
      { label: 'a', atoms: ['a'] },
    ];
    expect(findIsolatedGroups(atoms, answers, MIN)).toEqual([]);
  });
});

/** A year of a synthetic organization, each month's tree suppressed, and longer periods summed from shown months. */
function publishYear(seed: number, suppress: (cells: TreeCell[]) => Map<string, unknown>) {
  const org = syntheticOrg({ departments: 1, branches: 2, teams: 2, officers: 3 });
  const months = YEAR_MONTHS(2026);
  const ratings = syntheticRatings(org, { seed, businesses: 70, declarations: 420, months });
  const atoms = atomsOf(ratings);
  const leaves = leavesUnder(org.nodes);
  const answers: AuditAnswer[] = [];
  const shownMonths = new Map<string, string[]>();
  let small = 0;
  let shown = 0;
  for (const month of months) {
    const cells: TreeCell[] = org.nodes.map((node) => {
      const members = new Set(
        atomsOfCell(leaves.get(node.key) ?? [], [month]).flatMap((atom) => [...(atoms.get(atom) ?? [])]),
      );
      return {
        key: node.key,
        parent: node.parent,
        businesses: members.size,
        members: members.size < MIN ? [...members] : undefined,
      };
    });
    small += cells.filter((c) => c.businesses > 0 && c.businesses < MIN).length;
    const withheld = suppress(cells);
    for (const cell of cells) {
      if (withheld.has(cell.key)) continue;
      shown++;
      answers.push({ label: `${month}|${cell.key}`, atoms: atomsOfCell(leaves.get(cell.key) ?? [], [month]) });
      shownMonths.set(cell.key, [...(shownMonths.get(cell.key) ?? []), month]);
    }
  }
  // Quarters and the year: sums of the shown months only.
  for (const [node, list] of shownMonths) {
    for (let q = 0; q < 4; q++) {
      const inQuarter = list.filter((m) => months.indexOf(m) >= q * 3 && months.indexOf(m) < q * 3 + 3);
      if (inQuarter.length > 0)
        answers.push({ label: `2026-Q${q + 1}|${node}`, atoms: atomsOfCell(leaves.get(node) ?? [], inQuarter) });
    }
    answers.push({ label: `2026|${node}`, atoms: atomsOfCell(leaves.get(node) ?? [], list) });
  }
  return {
    answers,
    atoms: [...atoms].map(([key, members]) => ({ key, members: [...members] })),
    small,
    shown,
    total: org.nodes.length * months.length,
  };
}

describe('suppression of a month tree', () => {
  it('leaves no group of fewer than 5 businesses derivable, over a year and its quarters', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const year = publishYear(seed, (cells) => suppressTree(cells, MIN));
      expect(year.small).toBeGreaterThan(100); // the data really has many small groups
      expect(findIsolatedGroups(year.atoms, year.answers, MIN).slice(0, 1)).toEqual([]);
      expect(year.shown / year.total).toBeGreaterThan(0.25); // and still shows what is big enough
    }
  }, 120_000);

  it('primary suppression alone leaks, and the auditor says where', () => {
    const primaryOnly = (cells: TreeCell[]) =>
      new Map(cells.filter((c) => c.businesses > 0 && c.businesses < MIN).map((c) => [c.key, 'primary']));
    const leaks = findIsolatedGroups(publishYear(1, primaryOnly).atoms, publishYear(1, primaryOnly).answers, MIN);
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0]!.businesses.length).toBeLessThan(MIN);
    expect(leaks[0]!.combination.length).toBeGreaterThan(1);
  }, 120_000);

  it('hides a sibling, not the total, when one officer is below the minimum', () => {
    const cells: TreeCell[] = [
      { key: 'team', parent: null, businesses: 20 },
      { key: 'own', parent: 'team', businesses: 15 },
      { key: 'o1', parent: 'team', businesses: 2, members: ['a', 'b'] },
      { key: 'o2', parent: 'team', businesses: 9 },
      { key: 'o3', parent: 'team', businesses: 6 },
    ];
    expect([...suppressTree(cells, MIN)]).toEqual([
      ['o1', 'primary'],
      ['o3', 'secondary'],
    ]);
  });

  it('lets two small withheld officers stand together only when they hold 5 businesses', () => {
    const team = (o2: string[]): TreeCell[] => [
      { key: 'team', parent: null, businesses: 20 },
      { key: 'own', parent: 'team', businesses: 15 },
      { key: 'o1', parent: 'team', businesses: 3, members: ['a', 'b', 'c'] },
      { key: 'o2', parent: 'team', businesses: o2.length, members: o2 },
    ];
    expect(suppressTree(team(['d', 'e']), MIN).has('own')).toBe(false);
    expect(suppressTree(team(['a', 'b']), MIN).get('own')).toBe('secondary');
  });
});
