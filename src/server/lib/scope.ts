// Pure rules for "which customs units may this actor see". A grant on a unit
// covers that unit and everything under it; the General Department covers all.
import type { Role } from '../../contracts/common.ts';
import { isUser, type Actor } from './actor.ts';

export type UnitScope = 'all' | 'none' | string[];

const UNIT_ROLES: Role[] = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'inspector', 'gd_staff', 'admin'];

/** The roots of the unit subtrees the actor may read, for the given roles (default: all customs roles). */
export function unitScopeOf(actor: Actor | null, roles: Role[] = UNIT_ROLES): UnitScope {
  if (!isUser(actor)) return 'none';
  const grants = actor.roles.filter((grant) => roles.includes(grant.role));
  if (grants.length === 0) return 'none';
  if (grants.some((grant) => grant.unitId === null)) return 'all';
  return [...new Set(grants.map((grant) => grant.unitId!))];
}

/** ancestry: the unit's id followed by its parents up to the root. */
export function scopeCovers(scope: UnitScope, ancestry: readonly string[]): boolean {
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  return ancestry.some((id) => scope.includes(id));
}
