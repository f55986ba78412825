// Mirrors the server's rules for a role grant (src/server/modules/accounts/policy.ts)
// so the form can say what is missing before sending.
import type { Role } from '../../../../contracts/common.ts';
import { ENTERPRISE_ROLES, isCustomsRole, requiresUnit } from '../../../../contracts/roles.ts';

export function usesUnit(role: Role | null): boolean {
  return role !== null && isCustomsRole(role);
}

export interface RoleDraft {
  key: number;
  role: Role | null;
  unitId: string | null;
}

export interface PartyDraft {
  enterpriseId: string | null;
  associationId: string | null;
}

/** Field errors (by API path) for grants that lack their unit or party. */
export function roleErrors(
  roles: RoleDraft[],
  party: PartyDraft | null,
  t: (key: string) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<Role>();
  roles.forEach((grant, index) => {
    if (!grant.role) {
      errors[`roles.${index}.role`] = t('accounts.roleRequired');
      return;
    }
    if (seen.has(grant.role)) errors[`roles.${index}.role`] = t('accounts.roleDuplicate');
    seen.add(grant.role);
    if (requiresUnit(grant.role) && !grant.unitId) errors[`roles.${index}.unitId`] = t('errors.role_scope_required');
    if (party && (ENTERPRISE_ROLES as readonly Role[]).includes(grant.role) && !party.enterpriseId)
      errors.enterpriseId = t('errors.role_party_required');
    if (party && grant.role === 'association_rep' && !party.associationId)
      errors.associationId = t('errors.role_party_required');
  });
  if (roles.length === 0) errors.roles = t('accounts.roleRequired');
  return errors;
}

export function toRoleInputs(roles: RoleDraft[]) {
  return roles.map((grant) => ({ role: grant.role, unitId: usesUnit(grant.role) ? grant.unitId : null }));
}
