// A synthetic organization with many small groups of raters, for the attack tests
// of disclosure control: a seeded random draw of businesses rating branches, teams
// and officers over a year, kept as atoms (month × leaf node) with the
// businesses behind each. Deterministic for a seed.
/** A node of the published tree: 'unit:<id>', 'own:<id>' or 'officer:<id>@<team>'. */
export interface TableNode {
  key: string;
  parent: string | null;
}

export interface SyntheticRating {
  business: string;
  month: string;
  /** The leaf node rated: own:<unit> or officer:<officer>@<team>. */
  leaf: string;
  stars: number;
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

export interface SyntheticOrg {
  nodes: TableNode[];
  /** unit id -> its kind. */
  units: Map<string, 'general_department' | 'department' | 'branch' | 'team'>;
  teams: string[];
  officers: { id: string; team: string }[];
}

/** GD → departments → branches → teams → officers, with an own:<unit> node under each unit. */
export function syntheticOrg(shape: {
  departments: number;
  branches: number;
  teams: number;
  officers: number;
}): SyntheticOrg {
  const nodes: TableNode[] = [];
  const units = new Map<string, 'general_department' | 'department' | 'branch' | 'team'>();
  const teams: string[] = [];
  const officers: { id: string; team: string }[] = [];
  const addUnit = (
    id: string,
    parent: string | null,
    kind: 'general_department' | 'department' | 'branch' | 'team',
  ) => {
    units.set(id, kind);
    nodes.push({ key: `unit:${id}`, parent: parent ? `unit:${parent}` : null });
    nodes.push({ key: `own:${id}`, parent: `unit:${id}` });
  };
  addUnit('gd', null, 'general_department');
  for (let d = 1; d <= shape.departments; d++) {
    const dept = `d${d}`;
    addUnit(dept, 'gd', 'department');
    for (let b = 1; b <= shape.branches; b++) {
      const branch = `${dept}b${b}`;
      addUnit(branch, dept, 'branch');
      for (let t = 1; t <= shape.teams; t++) {
        const team = `${branch}t${t}`;
        addUnit(team, branch, 'team');
        teams.push(team);
        for (let o = 1; o <= shape.officers; o++) {
          const officer = `${team}o${o}`;
          officers.push({ id: officer, team });
          nodes.push({ key: `officer:${officer}@${team}`, parent: `unit:${team}` });
        }
      }
    }
  }
  return { nodes, units, teams, officers };
}

export const YEAR_MONTHS = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * Declarations by `businesses` firms over the months: each picks a team (most
 * firms stay with one), rates the branch, the team and sometimes an officer.
 * Sparse on purpose: most cells hold one to four firms.
 */
export function syntheticRatings(
  org: SyntheticOrg,
  options: { seed: number; businesses: number; declarations: number; months: readonly string[] },
): SyntheticRating[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const home = Array.from({ length: options.businesses }, () => pick(org.teams));
  const ratings: SyntheticRating[] = [];
  for (let i = 0; i < options.declarations; i++) {
    const b = Math.floor(random() ** 1.6 * options.businesses); // a few firms declare often, most rarely
    const team = random() < 0.8 ? home[b]! : pick(org.teams);
    const branch = team.replace(/t\d+$/, '');
    const month = pick(options.months);
    const business = `e${b}`;
    const stars = 1 + Math.floor(random() * 5);
    ratings.push({ business, month, leaf: `own:${branch}`, stars });
    if (random() < 0.7)
      ratings.push({ business, month, leaf: `own:${team}`, stars: Math.max(1, stars - (random() < 0.3 ? 1 : 0)) });
    if (random() < 0.6) {
      // Most declarations go through a team's first officer: some officers are rated often, others rarely.
      const officers = org.officers.filter((o) => o.team === team);
      ratings.push({
        business,
        month,
        leaf: `officer:${officers[Math.floor(random() ** 3 * officers.length)]!.id}@${team}`,
        stars,
      });
    }
  }
  return ratings;
}

/** Atom key: month × leaf node (the finest piece any figure is made of). */
export const atomKey = (month: string, leaf: string) => `${month}|${leaf}`;

export function atomsOf(ratings: readonly SyntheticRating[]): Map<string, Set<string>> {
  const atoms = new Map<string, Set<string>>();
  for (const r of ratings) {
    const key = atomKey(r.month, r.leaf);
    const set = atoms.get(key) ?? new Set<string>();
    set.add(r.business);
    atoms.set(key, set);
  }
  return atoms;
}

/** The leaf nodes under a node (itself when a leaf). */
export function leavesUnder(nodes: readonly TableNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const node of nodes)
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), node.key]);
  const memo = new Map<string, string[]>();
  const walk = (key: string): string[] => {
    const cached = memo.get(key);
    if (cached) return cached;
    const kids = children.get(key) ?? [];
    const leaves = kids.length === 0 ? [key] : kids.flatMap(walk);
    memo.set(key, leaves);
    return leaves;
  };
  for (const node of nodes) walk(node.key);
  return memo;
}

/** The atoms a node sums over the given months. */
export function atomsOfCell(leaves: readonly string[], months: readonly string[]): string[] {
  return months.flatMap((month) => leaves.map((leaf) => atomKey(month, leaf)));
}
