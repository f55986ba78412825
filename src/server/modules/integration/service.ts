import type { Kysely } from 'kysely';
import { MIN_BUSINESSES } from '../../../contracts/periods.ts';
import type { Database } from '../../db/schema.ts';
import { requireScope, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { invalidField, notFound } from '../../lib/errors.ts';
import { lastDayOfMonth } from '../../../contracts/vietnam-time.ts';
import { figuresOf } from '../dashboards/stats.ts';
import { createDisclosureReader } from '../disclosure/reader.ts';
import { toUnit } from './mapper.ts';
import * as repo from './repository.ts';

export function createIntegrationService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db } = deps;
  const gate = createDisclosureReader(deps);

  async function listUnits(actor: Actor | null) {
    requireScope(actor, 'units:read');
    return { units: (await repo.findActiveUnits(db)).map(toUnit) };
  }

  /** A unit and everything under it, over a released period, through the disclosure gate. */
  async function getSatisfaction(
    actor: Actor | null,
    code: string,
    query: { period?: string | undefined; from?: string | undefined; to?: string | undefined },
  ) {
    requireScope(actor, 'satisfaction:read');
    const unit = await repo.findUnitByCode(db, code.toUpperCase());
    if (!unit) throw notFound();
    const period = await gate.resolvePeriod('service_ratings', query.period ?? (await periodOfRange(query)));
    const months = period?.months ?? [];
    const figures = figuresOf(
      (await gate.cells('service_ratings', [`unit:${unit.id}`], months)).get(`unit:${unit.id}`),
      months.length,
    );
    return {
      unitCode: unit.code,
      period: period?.key ?? null,
      from: months[0] ? `${months[0]}-01` : null,
      to: months.at(-1) ? lastDayOfMonth(months.at(-1)!) : null,
      withheld: !figures.published,
      minimumCount: MIN_BUSINESSES,
      count: figures.ratings,
      declarations: figures.declarations,
      monthsShown: figures.monthsShown,
      meanStars: figures.meanStars,
      distribution: figures.distribution,
      satisfiedShare: figures.satisfiedShare,
      flags: figures.flags,
    };
  }

  /** `from`/`to` of version 1 callers: accepted only when they are exactly a released period's first and last day. */
  async function periodOfRange(query: {
    from?: string | undefined;
    to?: string | undefined;
  }): Promise<string | undefined> {
    if (query.from === undefined && query.to === undefined) return undefined;
    const { periods } = await gate.listPeriods('service_ratings');
    const match = periods.find(
      (p) =>
        p.kind !== 'last12' &&
        `${p.months[0] ?? ''}-01` === query.from &&
        lastDayOfMonth(p.months.at(-1) ?? '2000-01') === query.to,
    );
    if (!match) throw invalidField(query.from === undefined ? 'to' : 'from', 'period_not_released');
    return match.key;
  }

  return { listUnits, getSatisfaction };
}
