import type { Role } from '../../../contracts/common.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';

const DASHBOARD_ROLES: Role[] = ['team_lead', 'branch_leader', 'department_leader', 'inspector', 'gd_staff', 'admin'];

export function canViewUnit(actor: Actor | null, ancestry: string[]): boolean {
  return scopeCovers(unitScopeOf(actor, DASHBOARD_ROLES), ancestry);
}

/** An officer sees their own results; leaders see the officers under them. */
export function canViewOfficer(actor: Actor | null, officer: { id: string }, unitAncestry: string[]): boolean {
  if (isUser(actor) && actor.officerId === officer.id) return true;
  return canViewUnit(actor, unitAncestry);
}

/** The released periods: whoever reads results, officers (their own page) included; not businesses. */
export function canListPeriods(actor: Actor | null): boolean {
  return unitScopeOf(actor, [...DASHBOARD_ROLES, 'officer']) !== 'none';
}

export function defaultUnitFor(actor: Actor | null): string | null {
  const scope = unitScopeOf(actor, DASHBOARD_ROLES);
  return Array.isArray(scope) ? (scope[0] ?? null) : null;
}
