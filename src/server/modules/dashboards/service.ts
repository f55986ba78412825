// Dashboards per unit (with drill-down and ranking) and per officer, from the roll-ups.
import type { Kysely } from 'kysely';
import type { DashboardQuery, UnitDashboard } from '../../../contracts/dashboards.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { vietnamDay } from '../assessments/service.ts';
import { canViewOfficer, canViewUnit, defaultUnitFor, minimumCountFor } from './policy.ts';
import * as repo from './repository.ts';
import { bayesianScore, figuresOf } from './stats.ts';

export function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: string; to: string } {
  const to = query.to ?? vietnamDay(now);
  const from = query.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4)}`;
  return from <= to ? { from, to } : { from: to, to: from };
}

const trendPoint = (t: repo.Totals & { period: string }, minimum: number) => {
  const f = figuresOf(t, minimum);
  return { period: t.period, count: t.n, meanStars: f.meanStars, satisfiedShare: f.satisfiedShare };
};

export function createDashboardService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function getUnitDashboard(actor: Actor | null, unitId: string | null, query: DashboardQuery): Promise<UnitDashboard> {
    const id = unitId ?? defaultUnitFor(actor) ?? (await db.selectFrom('units').select('id').where('kind', '=', 'general_department').executeTakeFirst())?.id;
    if (!id) throw notFound();
    const ancestry = await getUnitAncestry(db, id);
    if (ancestry.length === 0) throw notFound();
    if (!canViewUnit(actor, ancestry)) throw forbidden();
    const [unit, children, merged] = await repo.findUnitWithChildren(db, id);
    if (!unit) throw notFound();
    const minimum = minimumCountFor(actor);
    const period = periodOf(query, clock.now());
    const filter = { ...period, channel: query.channel, typeCode: query.typeCode, subjectKind: query.subjectKind };
    const own = [id, ...merged.map((m) => m.id)];
    const [totals, trend, byChild] = await Promise.all([
      repo.unitTotals(db, own, filter),
      repo.unitTrend(db, own, filter, query.granularity),
      repo.totalsByUnit(db, children.map((c) => c.id), filter),
    ]);
    const prior = totals.n > 0 ? totals.stars_sum / totals.n : 4;
    let officers: UnitDashboard['officers'] = [];
    if (unit.kind === 'team') {
      const list = await repo.findOfficersOfUnit(db, id);
      const byOfficer = await repo.officerTotals(db, list.map((o) => o.id), period.from, period.to);
      officers = list
        .map((o) => {
          const t = byOfficer.get(o.id);
          const f = figuresOf(t, minimum);
          return { id: o.id, code: o.code, fullName: o.full_name, figures: f, score: f.withheld || !t ? null : bayesianScore(t, prior) };
        })
        .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    }
    const ref = (u: { id: string; code: string; kind: string; name_vi: string; name_en: string }) => ({ id: u.id, code: u.code, kind: u.kind, nameVi: u.name_vi, nameEn: u.name_en });
    return {
      unit: ref(unit),
      parentId: unit.parent_id,
      ...period,
      minimumCount: minimum,
      figures: figuresOf(totals, minimum),
      trend: trend.map((t) => trendPoint(t, minimum)),
      children: children
        .map((c) => {
          const t = byChild.get(c.id);
          const f = figuresOf(t, minimum);
          return { unit: ref(c), figures: f, score: f.withheld || !t ? null : bayesianScore(t, prior) };
        })
        .sort((a, b) => (b.score ?? -1) - (a.score ?? -1)),
      officers,
    };
  }

  async function getOfficerDashboard(actor: Actor | null, officerId: string, query: DashboardQuery) {
    const officer = await db.selectFrom('officers').select(['id', 'code', 'full_name', 'unit_id']).where('id', '=', officerId).executeTakeFirst();
    if (!officer) throw notFound();
    if (!canViewOfficer(actor, officer, await getUnitAncestry(db, officer.unit_id))) throw forbidden();
    const minimum = minimumCountFor(actor);
    const period = periodOf(query, clock.now());
    const [byOfficer, trend] = await Promise.all([
      repo.officerTotals(db, [officerId], period.from, period.to),
      repo.officerTrend(db, officerId, period.from, period.to, query.granularity),
    ]);
    const figures = figuresOf(byOfficer.get(officerId), minimum);
    const comments = figures.withheld || figures.count === 0 ? [] : await repo.officerComments(db, officerId, 20);
    return {
      officer: { id: officer.id, code: officer.code, fullName: officer.full_name, unitId: officer.unit_id },
      ...period,
      minimumCount: minimum,
      figures,
      trend: trend.map((t) => trendPoint(t, minimum)),
      comments: comments.map((c) => ({ month: c.month, stars: c.stars, reason: c.reason ?? '', flags: c.flags })),
    };
  }

  return { getUnitDashboard, getOfficerDashboard };
}
