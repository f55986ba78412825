import type { UnitKind } from '../../../contracts/common.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';

const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  general_department: null,
  department: 'general_department',
  branch: 'department',
  team: 'branch',
};

export function canManageOrganization(actor: Actor | null): boolean {
  return hasRole(actor, 'admin');
}

/** A unit sits directly under the level above it: team → branch → department → General Department. */
export function isValidParent(kind: UnitKind, parentKind: UnitKind | null): boolean {
  return PARENT_KIND[kind] === parentKind;
}
