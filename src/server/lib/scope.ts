// Pure rules for "which customs units may this actor see". A grant on a unit
// covers that unit and everything under it; the General Department covers all.
import type { Role } from '../../contracts/common.ts';
import { CUSTOMS_ROLES, ORGANIZER_ROLES } from '../../contracts/roles.ts';
import { isUser, type Actor } from './actor.ts';

export type UnitScope = 'all' | 'none' | string[];

/** The roots of the unit subtrees the actor may read, for the given roles (default: all customs roles). */
export function unitScopeOf(actor: Actor | null, roles: readonly Role[] = CUSTOMS_ROLES): UnitScope {
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

/** The units whose partnership work the actor organizes. */
export const organizerScopeOf = (actor: Actor | null): UnitScope => unitScopeOf(actor, ORGANIZER_ROLES);

/** Organizes for this unit (given with its parents). */
export function canOrganize(actor: Actor | null, unitAncestry: readonly string[]): boolean {
  return scopeCovers(organizerScopeOf(actor), unitAncestry);
}
