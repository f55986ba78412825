import type { Kysely } from 'kysely';
import { MIN_COUNT_FOR_RATED } from '../../../contracts/assessments.ts';
import type { Database } from '../../db/schema.ts';
import { hasScope, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { periodOf } from '../dashboards/service.ts';
import { unitTotals } from '../dashboards/repository.ts';
import { figuresOf } from '../dashboards/stats.ts';

export function requireScope(actor: Actor | null, scope: string): void {
  if (!actor || actor.kind !== 'api') throw unauthorized();
  if (!hasScope(actor, scope)) throw forbidden();
}

export function createIntegrationService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function listUnits(actor: Actor | null) {
    requireScope(actor, 'units:read');
    const rows = await db
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'u.kind', 'u.name_vi', 'u.name_en', 'p.code as parent_code'])
      .where('u.status', '=', 'active')
      .orderBy('u.code')
      .execute();
    return { units: rows.map((row) => ({ code: row.code, kind: row.kind, names: { vi: row.name_vi, en: row.name_en }, parentCode: row.parent_code })) };
  }

  /** A unit and everything under it (and units merged into it), from the roll-ups. */
  async function getSatisfaction(actor: Actor | null, code: string, query: { from?: string | undefined; to?: string | undefined }) {
    requireScope(actor, 'satisfaction:read');
    const unit = await db.selectFrom('units').select(['id', 'code']).where('code', '=', code.toUpperCase()).executeTakeFirst();
    if (!unit) throw notFound();
    const merged = await db.selectFrom('units').select('id').where('merged_into_id', '=', unit.id).execute();
    const period = periodOf(query, clock.now());
    const figures = figuresOf(await unitTotals(db, [unit.id, ...merged.map((m) => m.id)], period), MIN_COUNT_FOR_RATED);
    return {
      unitCode: unit.code,
      from: period.from,
      to: period.to,
      withheld: figures.withheld,
      minimumCount: MIN_COUNT_FOR_RATED,
      count: figures.count,
      meanStars: figures.meanStars,
      distribution: figures.distribution,
      satisfiedShare: figures.satisfiedShare,
      flags: figures.flags,
    };
  }

  return { listUnits, getSatisfaction };
}
