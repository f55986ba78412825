// The attacker's side of disclosure control: given everything a person can read
// (each published figure is a sum over "atoms", the finest pieces of the data, such
// as one officer's ratings on the green channel in one month), can any linear
// combination of those figures (differences, complements, chains of them, in any
// direction) be a function of the ratings of fewer than `minimum` businesses?
// Exact, over the rationals (computed modulo a large prime): a figure set leaks a
// group G of atoms when some nonzero combination of the figures is supported on G
// alone, i.e. when the directions the figures leave free (their null space) do not
// span every direction of G. Used by the attack tests; pure.

export interface AuditAtom {
  key: string;
  /** The distinct businesses whose ratings fall in the atom. */
  members: readonly string[];
}

export interface AuditAnswer {
  /** Where the figure was read (endpoint, period, cell), for the report. */
  label: string;
  /** The atoms it sums. */
  atoms: readonly string[];
}

export interface IsolatedGroup {
  businesses: string[];
  atoms: string[];
  /** One combination of answers that isolates them: coefficient per answer label. */
  combination: { label: string; coefficient: number }[];
}

// The largest prime below 2^26: products of two residues stay exact in a double.
const P = 67_108_859;
const mod = (a: number) => ((a % P) + P) % P;
const mulmod = (a: number, b: number) => (a * b) % P;

function inverse(a: number): number {
  let [r0, r1] = [P, mod(a)];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return mod(t0);
}

/** Row-reduces in place; returns the pivot column of each kept row. */
function rowReduce(rows: Float64Array[], columns: number): number[] {
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < rows.length; column++) {
    let found = -1;
    for (let r = rank; r < rows.length; r++) {
      if (rows[r]![column] !== 0) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found]!, rows[rank]!];
    const pivotRow = rows[rank]!;
    const inv = inverse(pivotRow[column]!);
    for (let c = column; c < columns; c++) pivotRow[c] = mulmod(pivotRow[c]!, inv);
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const row = rows[r]!;
      const factor = row[column]!;
      if (factor === 0) continue;
      for (let c = column; c < columns; c++) {
        if (pivotRow[c] !== 0) row[c] = mod(row[c]! - mulmod(factor, pivotRow[c]!));
      }
    }
    pivots.push(column);
    rank++;
  }
  rows.length = rank;
  return pivots;
}

function rankOf(rows: Float64Array[], columns: number): number {
  return rowReduce(
    rows.map((row) => Float64Array.from(row)),
    columns,
  ).length;
}

/**
 * Groups of businesses to test: unions of the small atoms' businesses, grown one
 * overlapping atom at a time and kept below the minimum, maximal.
 */
function candidateGroups(memberSets: readonly (readonly string[])[], minimum: number, cap: number): string[][] {
  const small = [
    ...new Map(
      memberSets.map((members) => [[...new Set(members)].sort().join('|'), [...new Set(members)].sort()]),
    ).values(),
  ];
  const byMember = new Map<string, string[][]>();
  for (const members of small)
    for (const member of members) byMember.set(member, [...(byMember.get(member) ?? []), members]);
  const seen = new Set(small.map((members) => members.join('|')));
  const groups = [...small];
  const queue = [...small];
  while (queue.length > 0) {
    const group = queue.pop()!;
    for (const other of new Set(group.flatMap((member) => byMember.get(member) ?? []))) {
      const union = [...new Set([...group, ...other])].sort();
      if (union.length >= minimum || union.length === group.length) continue;
      const key = union.join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      groups.push(union);
      queue.push(union);
      if (groups.length > cap) throw new Error(`more than ${cap} candidate groups: audit a smaller table`);
    }
  }
  const sets = groups.map((group) => new Set(group));
  const bySize = [...groups.keys()].sort((a, b) => groups[b]!.length - groups[a]!.length);
  const kept: string[][] = [];
  const keptSets: Set<string>[] = [];
  for (const i of bySize) {
    const group = groups[i]!;
    if (keptSets.some((other) => other.size > group.length && group.every((member) => other.has(member)))) continue;
    kept.push(group);
    keptSets.push(sets[i]!);
  }
  return kept;
}

/**
 * Every group of fewer than `minimum` businesses that the answers isolate. Empty
 * atoms are treated as known zeros (the attacker is assumed to know them).
 */
export function findIsolatedGroups(
  atoms: readonly AuditAtom[],
  answers: readonly AuditAnswer[],
  minimum: number,
  cap = 200_000,
): IsolatedGroup[] {
  const live = atoms.filter((atom) => atom.members.length > 0);
  const column = new Map(live.map((atom, index) => [atom.key, index]));
  const n = live.length;
  const distinct = new Map<string, AuditAnswer>();
  for (const answer of answers) {
    const cols = [...new Set(answer.atoms.flatMap((key) => (column.has(key) ? [column.get(key)!] : [])))].sort(
      (a, b) => a - b,
    );
    if (cols.length > 0) distinct.set(cols.join(','), answer);
  }
  const answerList = [...distinct.values()];
  const rows = answerList.map((answer) => {
    const row = new Float64Array(n);
    for (const key of answer.atoms) {
      const c = column.get(key);
      if (c !== undefined) row[c] = 1;
    }
    return row;
  });
  const reduced = rows.map((row) => Float64Array.from(row));
  const pivots = rowReduce(reduced, n);
  const pivotSet = new Set(pivots);
  const free = Array.from({ length: n }, (_, c) => c).filter((c) => !pivotSet.has(c));
  // Null space basis (the directions the answers leave free): one vector per free column.
  const nullBasis = Array.from({ length: n }, () => new Float64Array(free.length));
  free.forEach((f, k) => {
    nullBasis[f]![k] = 1;
    pivots.forEach((p, r) => {
      const value = reduced[r]![f]!;
      if (value !== 0) nullBasis[p]![k] = mod(-value);
    });
  });

  // W: what the answers reveal about small atoms alone (combinations orthogonal to
  // every free direction, supported on atoms of fewer than `minimum` businesses).
  const small = live.flatMap((atom, index) => (atom.members.length < minimum ? [index] : []));
  const k = free.length;
  const augmented = small.map((c, i) => {
    const out = new Float64Array(k + small.length);
    out.set(nullBasis[c]!);
    out[k + i] = 1;
    return out;
  });
  rowReduce(augmented, k + small.length);
  const revealed = augmented
    .filter((row) => row.subarray(0, k).every((value) => value === 0))
    .map((row) => row.slice(k));
  if (revealed.length === 0) return [];
  const touched = small.filter((_, i) => revealed.some((row) => row[i] !== 0));

  const findings: IsolatedGroup[] = [];
  const groups = candidateGroups(
    touched.map((c) => live[c]!.members),
    minimum,
    cap,
  );
  for (const group of groups) {
    const inGroup = new Set(group);
    const cols = small.filter((c) => live[c]!.members.every((member) => inGroup.has(member)));
    const sub = cols.map((c) => nullBasis[c]!);
    // The free directions span every direction of the group: nothing about it alone is revealed.
    if (rankOf(sub, k) === cols.length) continue;
    findings.push({
      businesses: group,
      atoms: cols.map((c) => live[c]!.key),
      combination: explain(rows, answerList, cols, sub, k, n),
    });
  }
  return findings;
}

/** A combination of answers whose sum is supported on the given atoms (for the report). */
function explain(
  rows: Float64Array[],
  answers: readonly AuditAnswer[],
  cols: number[],
  sub: Float64Array[],
  k: number,
  n: number,
) {
  // v_G with sub^T v_G = 0: the left null space of `sub`.
  const augmented = sub.map((row, i) => {
    const out = new Float64Array(k + cols.length);
    out.set(row);
    out[k + i] = 1;
    return out;
  });
  const reduced = augmented.map((row) => Float64Array.from(row));
  rowReduce(reduced, k + cols.length);
  const zeroRow = reduced.find((row) => row.subarray(0, k).every((value) => value === 0));
  if (!zeroRow) return [];
  const target = new Float64Array(n);
  cols.forEach((c, i) => (target[c] = zeroRow[k + i]!));
  // Solve y · rows = target: reduce [rows^T | target].
  const m = rows.length;
  const system = Array.from({ length: n }, (_, c) => {
    const out = new Float64Array(m + 1);
    for (let r = 0; r < m; r++) out[r] = rows[r]![c]!;
    out[m] = target[c]!;
    return out;
  });
  const pivots = rowReduce(system, m + 1);
  const y = new Float64Array(m);
  pivots.forEach((p, r) => {
    if (p < m) y[p] = system[r]![m]!;
  });
  const signed = (value: number) => (value > P / 2 ? value - P : value);
  return answers.flatMap((answer, r) => (y[r] !== 0 ? [{ label: answer.label, coefficient: signed(y[r]!) }] : []));
}
