// The measures as a signed-in leader reads them: the catalogue, and one unit's
// value with the records behind it (the unit must be in the caller's scope).
import type { Kysely } from 'kysely';
import type { MeasureCode, MeasureDefinition, MeasurePeriod, MeasureRecords } from '../../../contracts/measures.ts';
import { mayViewMeasures } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, invalidField, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { canViewMeasuresOf } from './policy.ts';
import { createMeasureService } from './service.ts';

export function createMeasureViews(deps: { db: Kysely<Database>; clock: Clock }) {
  const measures = createMeasureService(deps);

  function listMeasures(actor: Actor | null): MeasureDefinition[] {
    if (!isUser(actor)) throw unauthorized();
    if (!mayViewMeasures(actor)) throw forbidden();
    return measures.listMeasures();
  }

  async function getMeasureRecords(
    actor: Actor | null,
    code: MeasureCode,
    unitId: string,
    period: MeasurePeriod,
  ): Promise<MeasureRecords> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayViewMeasures(actor)) throw forbidden();
    const ancestry = await getUnitAncestry(deps.db, unitId);
    if (ancestry.length === 0) throw invalidField('querystring.unitId', 'not_found');
    if (!canViewMeasuresOf(actor, ancestry)) throw forbidden();
    return measures.measureRecords(code, unitId, period);
  }

  return { listMeasures, getMeasureRecords };
}
