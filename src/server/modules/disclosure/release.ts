// Releases closed months: once per table and month, after the window to amend its
// last ratings has closed, computes every cell from the raw rows, withholds what
// must be withheld, and stores only what is shown, with the comments that have
// gathered enough businesses. Any number of processes may call it.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MIN_BUSINESSES, RELEASE_DAY } from '../../../contracts/periods.ts';
import type { Database } from '../../db/schema.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import {
  addMonths,
  monthsBetween,
  startOfVietnamDay,
  startOfVietnamMonth,
  vietnamMonth,
} from '../../../contracts/vietnam-time.ts';
import * as repo from './repository.ts';
import { DISCLOSURE_TABLES, type DisclosureTable } from './sources.ts';
import { suppressTree, type TreeCell } from './suppression.ts';

/** When a month's results appear: 00:00 in Vietnam on RELEASE_DAY of the next month. */
export function releaseInstant(month: string): Date {
  return startOfVietnamDay(`${addMonths(month, 1)}-${String(RELEASE_DAY).padStart(2, '0')}`);
}

/** Comments wait at most this many months for enough businesses; older ones are never shown. */
const COMMENT_MONTHS = 12;

/** For each unit rated, the units its ratings count toward: the unit it ended in (after merges) and that unit's parents. */
function placementOf(units: readonly repo.UnitTreeRow[]): { unitId: string; nodeUnitId: string; leaf: boolean }[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const effective = (id: string) => {
    let current = id;
    for (let hops = 0; hops < units.length && byId.get(current)?.merged_into_id; hops++)
      current = byId.get(current)!.merged_into_id!;
    return current;
  };
  return units.flatMap((unit) => {
    const owner = effective(unit.id);
    const chain: { unitId: string; nodeUnitId: string; leaf: boolean }[] = [];
    for (
      let at: string | null = owner, hops = 0;
      at && hops <= units.length;
      at = byId.get(at)?.parent_id ?? null, hops++
    ) {
      chain.push({ unitId: unit.id, nodeUnitId: at, leaf: at === owner });
    }
    return chain;
  });
}

function parseNode(node: string): { kind: 'unit' | 'own' | 'officer'; unitId: string; officerId: string | null } {
  const [kind, rest = ''] = node.split(':') as ['unit' | 'own' | 'officer', string];
  if (kind === 'officer') {
    const [officerId = '', unitId = ''] = rest.split('@');
    return { kind, unitId, officerId };
  }
  return { kind, unitId: rest, officerId: null };
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function createDisclosureRelease(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** Releases one month of one table; false when it was already released (or another process is at it). */
  async function releaseMonth(table: DisclosureTable, month: string): Promise<boolean> {
    return db.transaction().execute(async (tx) => {
      if (!(await repo.tryLockReleases(tx, table))) return false;
      if ((await repo.findReleasedMonths(tx, table)).includes(month)) return false;
      const units = await repo.findUnitTree(tx);
      const placement = placementOf(units);
      const parentOf = new Map(units.map((unit) => [unit.id, unit.parent_id]));
      const range = { start: startOfVietnamMonth(month), end: startOfVietnamMonth(addMonths(month, 1)) };
      const raw = await repo.aggregateMonth(tx, table, range, placement);
      const present = new Set(raw.map((cell) => cell.node));
      const treeCells: TreeCell[] = raw.map((cell) => {
        const { kind, unitId } = parseNode(cell.node);
        const parentUnit = kind === 'unit' ? parentOf.get(unitId) : unitId;
        const parent = parentUnit && present.has(`unit:${parentUnit}`) ? `unit:${parentUnit}` : null;
        return { key: cell.node, parent, businesses: cell.businesses, members: cell.members ?? undefined };
      });
      const withheld = suppressTree(treeCells, MIN_BUSINESSES);
      const parents = new Map(treeCells.map((cell) => [cell.key, cell.parent]));
      const shown: repo.PublishedCell[] = raw
        .filter((cell) => !withheld.has(cell.node))
        .map((cell) => {
          const { kind, unitId, officerId } = parseNode(cell.node);
          return {
            node: cell.node,
            parent: parents.get(cell.node) ?? null,
            kind,
            unit_id: unitId,
            officer_id: officerId,
            businesses: cell.businesses,
            items: cell.items,
            counts: { ...cell.counts, satisfied_items: cell.satisfied_items },
          };
        });
      const batches = await commentBatches(tx, table, month, placement);
      const now = clock.now();
      await repo.insertRelease(tx, table, month, now, shown, batches, withheld.size);
      await writeAudit(
        tx,
        { actor: null },
        {
          action: 'disclosure.released',
          entityType: 'disclosure_release',
          entityId: `${table}:${month}`,
          details: { table, month, shown: shown.length, withheld: withheld.size, commentBatches: batches.length },
        },
      );
      return true;
    });
  }

  /** Each leaf's comments since its last batch; published when at least MIN_BUSINESSES businesses wrote them. */
  async function commentBatches(
    tx: Kysely<Database>,
    table: DisclosureTable,
    month: string,
    placement: { unitId: string; nodeUnitId: string; leaf: boolean }[],
  ) {
    const owner = new Map(placement.filter((p) => p.leaf).map((p) => [p.unitId, p.nodeUnitId]));
    const first = addMonths(month, 1 - COMMENT_MONTHS);
    const texts = await repo.findTexts(tx, table, {
      start: startOfVietnamMonth(first),
      end: startOfVietnamMonth(addMonths(month, 1)),
    });
    const lastBatch = await repo.findLastBatchMonths(tx, table);
    const byNode = new Map<string, { unitId: string; officerId: string | null; texts: repo.RawText[] }>();
    for (const text of texts) {
      const unitId = owner.get(text.unit_id) ?? text.unit_id;
      const node = text.officer_id ? `officer:${text.officer_id}@${unitId}` : `own:${unitId}`;
      if (text.month <= (lastBatch.get(node) ?? '')) continue;
      const entry = byNode.get(node) ?? { unitId, officerId: text.officer_id, texts: [] };
      entry.texts.push(text);
      byNode.set(node, entry);
    }
    return [...byNode]
      .filter(([, entry]) => new Set(entry.texts.map((t) => t.business)).size >= MIN_BUSINESSES)
      .map(([node, entry]) => ({
        node,
        unitId: entry.unitId,
        officerId: entry.officerId,
        firstMonth: entry.texts.reduce((min, t) => (t.month < min ? t.month : min), month),
        comments: shuffled(entry.texts.map((t) => t.text.trim().slice(0, 1000))),
      }));
  }

  /** Months whose release time has come and that are not released yet, oldest first. */
  async function dueMonths(table: DisclosureTable): Promise<string[]> {
    const first = await repo.firstActivity(db, table);
    if (!first) return [];
    const now = clock.now();
    let last = addMonths(vietnamMonth(now), -1);
    while (releaseInstant(last).getTime() > now.getTime()) last = addMonths(last, -1);
    const released = new Set(await repo.findReleasedMonths(db, table));
    return monthsBetween(vietnamMonth(first), last).filter((month) => !released.has(month));
  }

  /** Releases every due month of every table, in order; returns what it released. */
  async function releaseDue(): Promise<{ table: DisclosureTable; month: string }[]> {
    const done: { table: DisclosureTable; month: string }[] = [];
    for (const table of DISCLOSURE_TABLES) {
      for (const month of await dueMonths(table)) {
        if (await releaseMonth(table, month)) done.push({ table, month });
      }
    }
    return done;
  }

  return { releaseMonth, releaseDue, dueMonths };
}
