// The one gate through which rated parties' results leave: released periods only,
// published cells only. Views (dashboards, reports, exports, the integration API,
// the support desk) read here and nowhere else.
import type { Kysely } from 'kysely';
import { MIN_BUSINESSES, parsePeriod, type PeriodsResponse, type ReleasedPeriod } from '../../../contracts/periods.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { invalidField } from '../../lib/errors.ts';
import { addMonths, vietnamMonth } from '../../../contracts/vietnam-time.ts';
import { releaseInstant } from './release.ts';
import * as repo from './repository.ts';
import type { DisclosureTable } from './sources.ts';

export type { CellRow } from './repository.ts';

/** The periods offered over a set of released months, the default (the last twelve months) first. */
function offeredPeriods(released: readonly string[]): ReleasedPeriod[] {
  if (released.length === 0) return [];
  const have = new Set(released);
  const latest = released.at(-1)!;
  const months = [...released].reverse();
  const quarters = [
    ...new Set(months.map((m) => `${m.slice(0, 4)}-Q${String(Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1)}`)),
  ];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const complete = (key: string) => parsePeriod(key).months.every((m) => have.has(m));
  return [`last12-${latest}`, ...months, ...quarters.filter(complete), ...years.filter(complete)].map((key) => {
    const parsed = parsePeriod(key);
    return { key, kind: parsed.kind, months: parsed.months.filter((m) => have.has(m)) };
  });
}

export function createDisclosureReader(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function listPeriods(table: DisclosureTable): Promise<PeriodsResponse> {
    const released = await repo.findReleasedMonths(db, table);
    const next = released.length > 0 ? addMonths(released.at(-1)!, 1) : addMonths(vietnamMonth(clock.now()), -1);
    return {
      periods: offeredPeriods(released),
      next: { month: next, releasesAt: releaseInstant(next).toISOString() },
      minimumBusinesses: MIN_BUSINESSES,
    };
  }

  /** The period asked for (the default when none), or a field error naming `period` when it is not released. */
  async function resolvePeriod(
    table: DisclosureTable,
    key: string | undefined,
    field = 'period',
  ): Promise<ReleasedPeriod | null> {
    const offered = offeredPeriods(await repo.findReleasedMonths(db, table));
    if (key === undefined) return offered[0] ?? null;
    const found =
      offered.find((period) => period.key === key) ??
      (key.startsWith('last12-') ? offeredLast12(offered, key) : undefined);
    if (!found) throw invalidField(field, 'period_not_released');
    return found;
  }

  function offeredLast12(offered: ReleasedPeriod[], key: string): ReleasedPeriod | undefined {
    const end = key.slice('last12-'.length);
    if (!offered.some((period) => period.kind === 'month' && period.key === end)) return undefined;
    const released = new Set(offered.filter((period) => period.kind === 'month').map((period) => period.key));
    return { key, kind: 'last12', months: parsePeriod(key).months.filter((m) => released.has(m)) };
  }

  const group = (rows: repo.CellRow[]) => {
    const byNode = new Map<string, repo.CellRow[]>();
    for (const row of rows) byNode.set(row.node, [...(byNode.get(row.node) ?? []), row]);
    return byNode;
  };

  return {
    listPeriods,
    resolvePeriod,
    releasedMonths: (table: DisclosureTable) => repo.findReleasedMonths(db, table),
    /** Published cells of the nodes, by node (a node absent: nothing published). */
    cells: async (table: DisclosureTable, nodes: string[], months: readonly string[]) =>
      group(await repo.findCells(db, table, nodes, [...months])),
    childCells: async (table: DisclosureTable, parent: string, months: readonly string[]) =>
      group(await repo.findChildCells(db, table, parent, [...months])),
    officerCells: (table: DisclosureTable, officerId: string, months: readonly string[]) =>
      repo.findOfficerCells(db, table, officerId, [...months]),
    commentBatches: (table: DisclosureTable, by: { node: string } | { officerId: string }, months: readonly string[]) =>
      repo.findCommentBatches(db, table, by, [...months]),
  };
}

export type DisclosureReader = ReturnType<typeof createDisclosureReader>;
