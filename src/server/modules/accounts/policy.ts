import type { Role } from '../../../contracts/common.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { ENTERPRISE_ROLES, requiresUnit } from '../../../contracts/roles.ts';

export function canManageAccounts(actor: Actor | null): boolean {
  return hasRole(actor, 'admin');
}

/** What a role grant needs besides the role: a unit for customs work, a party for businesses. */
export function roleRequirementError(
  grant: { role: Role; unitId: string | null },
  account: { enterpriseId: string | null; associationId: string | null },
): MessageKey | null {
  if (requiresUnit(grant.role) && !grant.unitId) return 'role_scope_required';
  if ((ENTERPRISE_ROLES as readonly Role[]).includes(grant.role) && !account.enterpriseId) return 'role_party_required';
  if (grant.role === 'association_rep' && !account.associationId) return 'role_party_required';
  return null;
}
