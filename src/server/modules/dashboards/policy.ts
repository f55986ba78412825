import { RESULTS_ROLES, RESULTS_UNIT_ROLES } from '../../../contracts/roles.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';

export function canViewUnit(actor: Actor | null, ancestry: string[]): boolean {
  return scopeCovers(unitScopeOf(actor, RESULTS_UNIT_ROLES), ancestry);
}

/** An officer sees their own results; leaders see the officers under them. */
export function canViewOfficer(actor: Actor | null, officer: { id: string }, unitAncestry: string[]): boolean {
  if (isUser(actor) && actor.officerId === officer.id) return true;
  return canViewUnit(actor, unitAncestry);
}

/** The released periods: whoever reads results, officers (their own page) included; not businesses. */
export function canListPeriods(actor: Actor | null): boolean {
  return unitScopeOf(actor, RESULTS_ROLES) !== 'none';
}

export function defaultUnitFor(actor: Actor | null): string | null {
  const scope = unitScopeOf(actor, RESULTS_UNIT_ROLES);
  return Array.isArray(scope) ? (scope[0] ?? null) : null;
}
