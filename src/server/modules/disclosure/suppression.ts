// Cell suppression for one published table: a tree of sums (a unit is the sum of
// its own ratings, its sub-units and its officers) for one closed month. Pure.
//
// The rule, and why it is enough. Call H(P) the ratings of a shown cell P that no
// shown cell below P accounts for. Every figure an insider can compute from the
// shown cells (any sum or difference, of any length, "total minus the shown
// children" included) is, on each rating, constant over such an H(P): so it can
// single out a group only through whole H(P)'s. We therefore
//   1. withhold every cell of 1 to 4 businesses (primary suppression), and
//   2. keep every H(P) empty or of at least 5 businesses, by withholding one
//      more cell below P where it is not (secondary suppression).
// Then nothing an insider derives concerns fewer than 5 businesses. A tree has
// no other sums; crossing it with a second classification (channel, type, or
// months summed into quarters) would make the table two-dimensional, where this
// rule no longer holds: periods longer than a month are therefore computed from
// the shown months only, and other breakdowns are not offered.

export interface TreeCell {
  key: string;
  parent: string | null;
  /** Distinct businesses behind the cell (the protected unit, not rating rows). */
  businesses: number;
  /** The businesses themselves, needed only when fewer than the minimum. */
  members?: readonly string[] | undefined;
}

export type Suppression = 'primary' | 'secondary';

/** Withheld cells and why; every other cell is shown. */
export function suppressTree(cells: readonly TreeCell[], minimum: number): Map<string, Suppression> {
  const byKey = new Map(cells.map((cell) => [cell.key, cell]));
  const children = new Map<string, TreeCell[]>();
  for (const cell of cells) {
    if (cell.parent === null || !byKey.has(cell.parent)) continue;
    const list = children.get(cell.parent);
    if (list) list.push(cell);
    else children.set(cell.parent, [cell]);
  }
  const kids = (key: string) => children.get(key) ?? [];
  const withheld = new Map<string, Suppression>();
  for (const cell of cells) if (cell.businesses > 0 && cell.businesses < minimum) withheld.set(cell.key, 'primary');
  const shown = (cell: TreeCell) => !withheld.has(cell.key);

  /** The withheld leaves reached from a cell through withheld cells only: what H is made of. */
  const hiddenLeaves = (cell: TreeCell): TreeCell[] =>
    kids(cell.key).flatMap((kid) =>
      shown(kid) || kid.businesses === 0 ? [] : kids(kid.key).length === 0 ? [kid] : hiddenLeaves(kid),
    );
  const businessesOf = (leaves: readonly TreeCell[]): number => {
    const seen = new Set<string>();
    for (const leaf of leaves) {
      if (leaf.businesses >= minimum) return leaf.businesses;
      for (const member of leaf.members ?? []) seen.add(member);
    }
    return seen.size;
  };
  const smallestLeafUnder = (cell: TreeCell): TreeCell[] | null => {
    let best: TreeCell[] | null = null;
    for (const kid of kids(cell.key)) {
      if (!shown(kid) || kid.businesses === 0) continue;
      const path = kids(kid.key).length === 0 ? [kid] : ((p) => (p ? [kid, ...p] : null))(smallestLeafUnder(kid));
      if (path && (best === null || path.at(-1)!.businesses < best.at(-1)!.businesses)) best = path;
    }
    return best;
  };

  const depth = (cell: TreeCell): number =>
    cell.parent && byKey.has(cell.parent) ? 1 + depth(byKey.get(cell.parent)!) : 0;
  const internal = cells.filter((cell) => kids(cell.key).length > 0).sort((a, b) => depth(b) - depth(a));
  for (const cell of internal) {
    if (!shown(cell)) continue;
    const hidden = hiddenLeaves(cell);
    if (hidden.length === 0 || businessesOf(hidden) >= minimum) continue;
    // Hide one more shown child that brings hidden ratings of at least `minimum`
    // businesses: a leaf, or a sub-unit that already hides that many; failing
    // those, the path down to the smallest shown leaf.
    const candidates = kids(cell.key)
      .filter((kid) => shown(kid) && kid.businesses > 0)
      .filter((kid) => kids(kid.key).length === 0 || businessesOf(hiddenLeaves(kid)) >= minimum)
      .sort((a, b) => a.businesses - b.businesses);
    const path = candidates[0] ? [candidates[0]] : smallestLeafUnder(cell);
    // A shown cell always has a shown part below it, or nothing is hidden under it.
    if (!path) throw new Error(`cannot protect ${cell.key}`);
    for (const step of path) withheld.set(step.key, 'secondary');
  }
  return withheld;
}
