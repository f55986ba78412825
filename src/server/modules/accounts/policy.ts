import type { Role } from '../../../contracts/common.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import type { MessageKey } from '../../lib/messages.ts';

export function canManageAccounts(actor: Actor | null): boolean {
  return hasRole(actor, 'admin');
}

const UNIT_REQUIRED: Role[] = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'inspector'];

/** What a role grant needs besides the role: a unit for customs work, a party for businesses. */
export function roleRequirementError(
  grant: { role: Role; unitId: string | null },
  account: { enterpriseId: string | null; associationId: string | null },
): MessageKey | null {
  if (UNIT_REQUIRED.includes(grant.role) && !grant.unitId) return 'role_scope_required';
  if ((grant.role === 'enterprise_user' || grant.role === 'broker') && !account.enterpriseId) return 'role_party_required';
  if (grant.role === 'association_rep' && !account.associationId) return 'role_party_required';
  return null;
}
