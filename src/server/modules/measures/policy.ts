// Who may read a unit's measures and the records behind them (pure).
import { MEASURE_VIEWER_ROLES } from '../../../contracts/roles.ts';
import type { Actor } from '../../lib/actor.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';

/** ancestry: the unit's id, then its parents' up to the root. */
export function canViewMeasuresOf(actor: Actor | null, ancestry: readonly string[]): boolean {
  return ancestry.length > 0 && scopeCovers(unitScopeOf(actor, MEASURE_VIEWER_ROLES), ancestry);
}
