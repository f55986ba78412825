// Dashboards per unit (with drill-down and ranking) and per officer, from the roll-ups;
// the printable monthly report; exports of the same views.
import type { Kysely } from 'kysely';
import type { DashboardExportQuery, DashboardQuery, MonthlyReport, OfficerDashboard, UnitDashboard, UnitRef } from '../../../contracts/dashboards.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { getSubtreeIds, getUnitAncestry } from '../../lib/org.ts';
import { vietnamDay } from '../assessments/service.ts';
import { renderExport, type ExportFile } from './export.ts';
import { canViewOfficer, canViewUnit, defaultUnitFor, minimumCountFor } from './policy.ts';
import * as repo from './repository.ts';
import { bayesianScore, figuresOf } from './stats.ts';

export function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: string; to: string } {
  const to = query.to ?? vietnamDay(now);
  const from = query.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4)}`;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** First and last day of a month ('2026-11'), and the month before it. */
export function monthBounds(month: string): { from: string; to: string; previous: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const previous = m === 1 ? `${String(year - 1)}-12` : `${String(year)}-${String(m - 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, previous };
}

const trendPoint = (t: repo.Totals & { period: string }, minimum: number) => {
  const f = figuresOf(t, minimum);
  return { period: t.period, count: t.n, meanStars: f.meanStars, satisfiedShare: f.satisfiedShare };
};

type UnitRow = { id: string; code: string; kind: string; name_vi: string; name_en: string };
const ref = (u: UnitRow): UnitRef => ({ id: u.id, code: u.code, kind: u.kind, nameVi: u.name_vi, nameEn: u.name_en });

const scored = (t: repo.Totals | undefined, minimum: number, prior: number) => {
  const f = figuresOf(t, minimum);
  return { figures: f, score: f.withheld || !t || t.n === 0 ? null : bayesianScore(t, prior) };
};
const byScore = (a: { score: number | null }, b: { score: number | null }) => (b.score ?? -1) - (a.score ?? -1);

export function createDashboardService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** The unit to show (the caller's own when none is named), after the scope check. */
  async function openUnit(actor: Actor | null, unitId: string | null) {
    const id = unitId ?? defaultUnitFor(actor) ?? (await db.selectFrom('units').select('id').where('kind', '=', 'general_department').executeTakeFirst())?.id;
    if (!id) throw notFound();
    const ancestry = await getUnitAncestry(db, id);
    if (ancestry.length === 0) throw notFound();
    if (!canViewUnit(actor, ancestry)) throw forbidden();
    const [unit, children, merged] = await repo.findUnitWithChildren(db, id);
    if (!unit) throw notFound();
    return { id, ancestry, unit, children, own: [id, ...merged.map((m) => m.id)], path: await pathOf(actor, ancestry) };
  }

  /** Breadcrumbs: the ancestors (leaf included) the caller may open, widest first. */
  async function pathOf(actor: Actor | null, ancestry: string[]): Promise<UnitRef[]> {
    const visible = ancestry.filter((_, i) => canViewUnit(actor, ancestry.slice(i)));
    const rows = new Map((await repo.findUnitsByIds(db, visible)).map((u) => [u.id, u]));
    return visible
      .reverse()
      .flatMap((id) => {
        const row = rows.get(id);
        return row ? [ref(row)] : [];
      });
  }

  async function getUnitDashboard(actor: Actor | null, unitId: string | null, query: DashboardQuery): Promise<UnitDashboard> {
    const { id, unit, children, own, path } = await openUnit(actor, unitId);
    const minimum = minimumCountFor(actor);
    const period = periodOf(query, clock.now());
    const filter = { ...period, channel: query.channel, typeCode: query.typeCode, subjectKind: query.subjectKind, stage: query.stage };
    const [totals, trend, byChild, stages] = await Promise.all([
      repo.unitTotals(db, own, filter),
      repo.unitTrend(db, own, filter, query.granularity),
      repo.totalsByUnit(db, children.map((c) => c.id), filter),
      repo.ratedStages(db, own, period.from, period.to),
    ]);
    const prior = totals.n > 0 ? totals.stars_sum / totals.n : 4;
    let officers: UnitDashboard['officers'] = [];
    if (unit.kind === 'team') {
      const list = await repo.findOfficersOfUnit(db, id);
      const byOfficer = await repo.officerTotals(db, list.map((o) => o.id), period.from, period.to);
      officers = list.map((o) => ({ id: o.id, code: o.code, fullName: o.full_name, ...scored(byOfficer.get(o.id), minimum, prior) })).sort(byScore);
    }
    return {
      unit: ref(unit),
      parentId: unit.parent_id,
      path,
      ...period,
      minimumCount: minimum,
      figures: figuresOf(totals, minimum),
      trend: trend.map((t) => trendPoint(t, minimum)),
      children: children.map((c) => ({ unit: ref(c), ...scored(byChild.get(c.id), minimum, prior) })).sort(byScore),
      officers,
      stages,
    };
  }

  async function getOfficerDashboard(actor: Actor | null, officerId: string, query: DashboardQuery): Promise<OfficerDashboard> {
    const officer = await db.selectFrom('officers').select(['id', 'code', 'full_name', 'unit_id']).where('id', '=', officerId).executeTakeFirst();
    if (!officer) throw notFound();
    const ancestry = await getUnitAncestry(db, officer.unit_id);
    if (!canViewOfficer(actor, officer, ancestry)) throw forbidden();
    const minimum = minimumCountFor(actor);
    const period = periodOf(query, clock.now());
    const [byOfficer, trend, path] = await Promise.all([
      repo.officerTotals(db, [officerId], period.from, period.to),
      repo.officerTrend(db, officerId, period.from, period.to, query.granularity),
      pathOf(actor, ancestry),
    ]);
    const figures = figuresOf(byOfficer.get(officerId), minimum);
    const comments = figures.withheld || figures.count === 0 ? [] : await repo.officerComments(db, officerId, 20, period.from, period.to);
    return {
      officer: { id: officer.id, code: officer.code, fullName: officer.full_name, unitId: officer.unit_id },
      path,
      ...period,
      minimumCount: minimum,
      figures,
      trend: trend.map((t) => trendPoint(t, minimum)),
      comments: comments.map((c) => ({ month: c.month, stars: c.stars, reason: c.reason ?? '', flags: c.flags })),
    };
  }

  /** One month of a unit against the month before: figures, ranking of what is under it, flag cases. */
  async function getMonthlyReport(actor: Actor | null, unitId: string | null, month: string | undefined): Promise<MonthlyReport> {
    const { id, unit, children, own, path } = await openUnit(actor, unitId);
    const minimum = minimumCountFor(actor);
    const now = clock.now();
    const current = monthBounds(month ?? vietnamDay(now).slice(0, 7));
    const before = monthBounds(current.previous);
    const childIds = children.map((c) => c.id);
    const officerList = unit.kind === 'team' ? await repo.findOfficersOfUnit(db, id) : [];
    const officerIds = officerList.map((o) => o.id);
    const [totals, previousTotals, byChild, byChildBefore, byOfficer, byOfficerBefore] = await Promise.all([
      repo.unitTotals(db, own, current),
      repo.unitTotals(db, own, before),
      repo.totalsByUnit(db, childIds, current),
      repo.totalsByUnit(db, childIds, before),
      repo.officerTotals(db, officerIds, current.from, current.to),
      repo.officerTotals(db, officerIds, before.from, before.to),
    ]);
    const figures = figuresOf(totals, minimum);
    const prior = totals.n > 0 ? totals.stars_sum / totals.n : 4;
    let cases: MonthlyReport['cases'] = null;
    if (!figures.withheld) {
      const scope = unit.kind === 'general_department' ? null : await getSubtreeIds(db, [id]);
      const start = new Date(`${current.from}T00:00:00+07:00`);
      const end = new Date(`${nextMonth(current.from.slice(0, 7))}-01T00:00:00+07:00`);
      cases = await repo.caseSummary(db, scope, start, end, now);
    }
    return {
      unit: ref(unit),
      path,
      month: current.from.slice(0, 7),
      previousMonth: current.previous,
      minimumCount: minimum,
      current: figures,
      previous: figuresOf(previousTotals, minimum),
      children: children
        .map((c) => ({ unit: ref(c), current: figuresOf(byChild.get(c.id), minimum), previous: figuresOf(byChildBefore.get(c.id), minimum), score: scored(byChild.get(c.id), minimum, prior).score }))
        .sort(byScore),
      officers: officerList
        .map((o) => ({
          id: o.id,
          code: o.code,
          fullName: o.full_name,
          current: figuresOf(byOfficer.get(o.id), minimum),
          previous: figuresOf(byOfficerBefore.get(o.id), minimum),
          score: scored(byOfficer.get(o.id), minimum, prior).score,
        }))
        .sort(byScore),
      cases,
      generatedAt: now.toISOString(),
    };
  }

  /** The same view as the page, as a file; the same scope and withholding, and an audit record. */
  async function exportDashboard(
    context: AuditContext,
    locale: Locale,
    target: { unitId: string } | { officerId: string },
    query: DashboardExportQuery,
  ): Promise<ExportFile> {
    const view = 'unitId' in target ? { kind: 'unit' as const, data: await getUnitDashboard(context.actor, target.unitId, query) } : { kind: 'officer' as const, data: await getOfficerDashboard(context.actor, target.officerId, query) };
    const file = await renderExport(view, query, locale);
    const unitId = view.kind === 'unit' ? view.data.unit.id : view.data.officer.unitId;
    const { format, from, to, channel, typeCode, subjectKind, stage, granularity } = query;
    await writeAudit(db, context, {
      action: 'dashboard.exported',
      entityType: view.kind === 'unit' ? 'unit' : 'officer',
      entityId: view.kind === 'unit' ? view.data.unit.id : view.data.officer.id,
      unitId,
      details: { format, from: view.data.from, to: view.data.to, requested: { from, to }, channel, typeCode, subjectKind, stage, granularity },
    });
    return file;
  }

  return { getUnitDashboard, getOfficerDashboard, getMonthlyReport, exportDashboard };
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(year + 1)}-01` : `${String(year)}-${String(m + 1).padStart(2, '0')}`;
}
