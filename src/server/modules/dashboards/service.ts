// Results per unit (with drill-down and ranking) and per officer, the printable
// monthly report and exports of the same views. Every figure comes through the
// disclosure gate: released months only, published cells only.
import type { Kysely } from 'kysely';
import type {
  DashboardExportQuery,
  DashboardQuery,
  Figures,
  MonthlyReport,
  OfficerDashboard,
  UnitDashboard,
  UnitRef,
} from '../../../contracts/dashboards.ts';
import type { ReleasedPeriod } from '../../../contracts/periods.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { getSubtreeIds, getUnitAncestry } from '../../lib/org.ts';
import { addMonths, startOfVietnamMonth } from '../../../contracts/vietnam-time.ts';
import { createDisclosureReader, type CellRow } from '../disclosure/reader.ts';
import { renderExport, type ExportFile } from './export.ts';
import { canListPeriods, canViewOfficer, canViewUnit, defaultUnitFor } from './policy.ts';
import { toUnitRef as ref, type UnitRow } from './mapper.ts';
import * as repo from './repository.ts';
import { bayesianScore, figuresOf } from './stats.ts';

const TABLE = 'service_ratings';
const TREND_MONTHS = 12;

const byScore = (a: { score: number | null }, b: { score: number | null }) => (b.score ?? -1) - (a.score ?? -1);
const priorOf = (figures: Figures) => figures.meanStars ?? 4;
const idOf = (node: string) => node.slice(node.indexOf(':') + 1).split('@')[0]!;

export function createDashboardService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const gate = createDisclosureReader(deps);

  /** The unit to show (the caller's own when none is named), after the scope check. */
  async function openUnit(actor: Actor | null, unitId: string | null) {
    if (!isUser(actor)) throw unauthorized();
    const id = unitId ?? defaultUnitFor(actor) ?? (await repo.findRootUnitId(db));
    if (!id) throw notFound();
    const ancestry = await getUnitAncestry(db, id);
    if (ancestry.length === 0) throw notFound();
    if (!canViewUnit(actor, ancestry)) throw forbidden();
    const [unit, children] = await repo.findUnitWithChildren(db, id);
    if (!unit) throw notFound();
    return { id, unit, children, path: await pathOf(actor, ancestry) };
  }

  /** Breadcrumbs: the ancestors (leaf included) the caller may open, widest first. */
  async function pathOf(actor: Actor | null, ancestry: string[]): Promise<UnitRef[]> {
    const visible = ancestry.filter((_, i) => canViewUnit(actor, ancestry.slice(i)));
    const rows = new Map((await repo.findUnitsByIds(db, visible)).map((u) => [u.id, u]));
    return visible.reverse().flatMap((id) => (rows.get(id) ? [ref(rows.get(id)!)] : []));
  }

  /** The released months up to the end of a period, the last twelve of them (for trends). */
  async function trendMonths(period: ReleasedPeriod | null): Promise<string[]> {
    if (!period) return [];
    const last = period.months.at(-1)!;
    return (await gate.releasedMonths(TABLE)).filter((m) => m <= last).slice(-TREND_MONTHS);
  }

  function trendOf(cells: readonly CellRow[], months: readonly string[]) {
    return months.map((month) => {
      const f = figuresOf(
        cells.filter((c) => c.month === month),
        1,
      );
      return {
        month,
        published: f.published,
        declarations: f.declarations,
        meanStars: f.meanStars,
        satisfiedShare: f.satisfiedShare,
      };
    });
  }

  /** A unit's figure, its own, and each unit and officer directly under it, over the given months. */
  async function unitFigures(id: string, currentChildren: UnitRow[], months: readonly string[]) {
    const [mine, under] = await Promise.all([
      gate.cells(TABLE, [`unit:${id}`], months),
      gate.childCells(TABLE, `unit:${id}`, months),
    ]);
    const size = months.length;
    const figures = figuresOf(mine.get(`unit:${id}`), size);
    const prior = priorOf(figures);
    const childIds = new Set([
      ...currentChildren.map((c) => c.id),
      ...[...under.keys()].filter((n) => n.startsWith('unit:')).map(idOf),
    ]);
    const known = new Map(currentChildren.map((c) => [c.id, c]));
    for (const row of await repo.findUnitsByIds(
      db,
      [...childIds].filter((c) => !known.has(c)),
    ))
      known.set(row.id, row);
    const officerIds = new Set([...under.keys()].filter((n) => n.startsWith('officer:')).map(idOf));
    const officers = [
      ...(await repo.findOfficersOfUnit(db, id)),
      ...(await repo.findOfficersByIds(db, [...officerIds])),
    ];
    const uniqueOfficers = [...new Map(officers.map((o) => [o.id, o])).values()].sort((a, b) =>
      a.code.localeCompare(b.code),
    );
    const officerCells = (officerId: string) =>
      [...under].filter(([node]) => node.startsWith(`officer:${officerId}@`)).flatMap(([, rows]) => rows);
    return {
      figures,
      own: figuresOf(under.get(`own:${id}`), size),
      children: [...known.values()]
        .filter((c) => childIds.has(c.id))
        .map((c) => {
          const f = figuresOf(under.get(`unit:${c.id}`), size);
          return { unit: ref(c), figures: f, score: bayesianScore(f, prior) };
        })
        .sort(byScore),
      officers: uniqueOfficers
        .map((o) => {
          const f = figuresOf(officerCells(o.id), size);
          return { id: o.id, code: o.code, fullName: o.full_name, figures: f, score: bayesianScore(f, prior) };
        })
        .sort(byScore),
    };
  }

  async function getUnitDashboard(
    actor: Actor | null,
    unitId: string | null,
    query: DashboardQuery,
  ): Promise<UnitDashboard> {
    const { id, unit, children, path } = await openUnit(actor, unitId);
    const period = await gate.resolvePeriod(TABLE, query.period);
    const months = period?.months ?? [];
    const [view, trendRange] = await Promise.all([unitFigures(id, children, months), trendMonths(period)]);
    const [trendCells, comments] = await Promise.all([
      gate.cells(TABLE, [`unit:${id}`], trendRange),
      gate.commentBatches(TABLE, { node: `own:${id}` }, months),
    ]);
    return {
      unit: ref(unit),
      parentId: unit.parent_id,
      path,
      period,
      ...view,
      trend: trendOf(trendCells.get(`unit:${id}`) ?? [], trendRange),
      comments: comments.map((batch) => ({
        firstMonth: batch.first_month,
        month: batch.month,
        comments: batch.comments,
      })),
    };
  }

  async function getOfficerDashboard(
    actor: Actor | null,
    officerId: string,
    query: DashboardQuery,
  ): Promise<OfficerDashboard> {
    if (!isUser(actor)) throw unauthorized();
    const officer = await repo.findOfficer(db, officerId);
    if (!officer) throw notFound();
    const ancestry = await getUnitAncestry(db, officer.unit_id);
    if (!canViewOfficer(actor, officer, ancestry)) throw forbidden();
    const period = await gate.resolvePeriod(TABLE, query.period);
    const months = period?.months ?? [];
    const trendRange = await trendMonths(period);
    const [cells, trendCells, comments, path] = await Promise.all([
      gate.officerCells(TABLE, officerId, months),
      gate.officerCells(TABLE, officerId, trendRange),
      gate.commentBatches(TABLE, { officerId }, months),
      pathOf(actor, ancestry),
    ]);
    return {
      officer: { id: officer.id, code: officer.code, fullName: officer.full_name, unitId: officer.unit_id },
      path,
      period,
      figures: figuresOf(cells, months.length),
      trend: trendOf(trendCells, trendRange),
      comments: comments.map((batch) => ({
        firstMonth: batch.first_month,
        month: batch.month,
        comments: batch.comments,
      })),
    };
  }

  /** One released month of a unit against the month before: figures, ranking of what is under it, flag cases. */
  async function getMonthlyReport(
    actor: Actor | null,
    unitId: string | null,
    month: string | undefined,
  ): Promise<MonthlyReport> {
    const { id, unit, children, path } = await openUnit(actor, unitId);
    const released = await gate.releasedMonths(TABLE);
    const current = month ?? released.at(-1) ?? null;
    if (current !== null && !released.includes(current)) throw invalidField('month', 'period_not_released');
    const previous = current && released.includes(addMonths(current, -1)) ? addMonths(current, -1) : null;
    const [now, before] = await Promise.all([
      unitFigures(id, children, current ? [current] : []),
      unitFigures(id, children, previous ? [previous] : []),
    ]);
    const previousOf = <T extends { figures: Figures }>(list: T[], key: (item: T) => string, item: T) =>
      list.find((other) => key(other) === key(item))?.figures ?? figuresOf([], 1);
    let cases: MonthlyReport['cases'] = null;
    if (current && now.figures.published) {
      const scope = unit.kind === 'general_department' ? null : await getSubtreeIds(db, [id]);
      cases = await repo.caseSummary(
        db,
        scope,
        startOfVietnamMonth(current),
        startOfVietnamMonth(addMonths(current, 1)),
        clock.now(),
      );
    }
    return {
      unit: ref(unit),
      path,
      month: current,
      previousMonth: previous,
      current: now.figures,
      previous: before.figures,
      own: now.own,
      children: now.children.map((c) => ({
        unit: c.unit,
        current: c.figures,
        previous: previousOf(before.children, (x) => x.unit.id, c),
        score: c.score,
      })),
      officers: now.officers.map((o) => ({
        id: o.id,
        code: o.code,
        fullName: o.fullName,
        current: o.figures,
        previous: previousOf(before.officers, (x) => x.id, o),
        score: o.score,
      })),
      cases,
      generatedAt: clock.now().toISOString(),
    };
  }

  /** The same view as the page, as a file; the same scope and withholding, and an audit record. */
  async function exportDashboard(
    context: AuditContext,
    locale: Locale,
    target: { unitId: string } | { officerId: string },
    query: DashboardExportQuery,
  ): Promise<ExportFile> {
    const view =
      'unitId' in target
        ? {
            kind: 'unit' as const,
            data: await getUnitDashboard(context.actor, target.unitId, { period: query.period }),
          }
        : {
            kind: 'officer' as const,
            data: await getOfficerDashboard(context.actor, target.officerId, { period: query.period }),
          };
    const file = await renderExport(view, locale, clock.now(), query.format);
    await writeAudit(db, context, {
      action: 'dashboard.exported',
      entityType: view.kind === 'unit' ? 'unit' : 'officer',
      entityId: view.kind === 'unit' ? view.data.unit.id : view.data.officer.id,
      unitId: view.kind === 'unit' ? view.data.unit.id : view.data.officer.unitId,
      details: { format: query.format, period: view.data.period?.key ?? null },
    });
    return file;
  }

  async function listPeriods(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (!canListPeriods(actor)) throw forbidden();
    return gate.listPeriods(TABLE);
  }

  return { getUnitDashboard, getOfficerDashboard, getMonthlyReport, exportDashboard, listPeriods };
}
