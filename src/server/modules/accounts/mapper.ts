import type { Account } from '../../../contracts/accounts.ts';
import type { Role } from '../../../contracts/common.ts';
import type { AccountRow, RoleRow } from './repository.ts';

export function toAccount(row: AccountRow, roles: RoleRow[]): Account {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    phone: row.phone,
    locale: row.locale,
    active: row.active,
    roles: roles
      .filter((r) => r.user_id === row.id)
      .map((r) => ({ role: r.role as Role, unitId: r.unit_id, unitCode: r.unit_code })),
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    associationId: row.association_id,
    officerId: row.officer_id,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at ? row.last_sign_in_at.toISOString() : null,
  };
}
