import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './common.ts';
import {
  BUSINESS_ROLES,
  CUSTOMS_ROLES,
  ENTERPRISE_ROLES,
  holdsRole,
  isBusiness,
  isEnterpriseUser,
  isSupportStaff,
  LEAD_ROLES,
  mayOrganize,
  ORGANIZER_ROLES,
  STAFF_ROLES,
  SUPPORT_ROLES,
  UNIT_REQUIRED_ROLES,
} from './roles.ts';

const user = (...roles: Role[]) => ({ roles: roles.map((role) => ({ role, unitId: null, unitCode: null })) });

describe('role sets and rules', () => {
  it('split every role into customs or business, once', () => {
    expect([...CUSTOMS_ROLES, ...BUSINESS_ROLES].sort()).toEqual([...ROLES].sort());
    for (const set of [STAFF_ROLES, LEAD_ROLES, ORGANIZER_ROLES, UNIT_REQUIRED_ROLES])
      for (const role of set) expect(CUSTOMS_ROLES).toContain(role);
    for (const role of ENTERPRISE_ROLES) expect(BUSINESS_ROLES).toContain(role);
    for (const role of LEAD_ROLES) expect(STAFF_ROLES).toContain(role);
    expect([...SUPPORT_ROLES].sort()).toEqual([...STAFF_ROLES, ...BUSINESS_ROLES].sort());
  });

  it('answer for a user, an integration client and nobody', () => {
    expect(isBusiness(user('association_rep'))).toBe(true);
    expect(isEnterpriseUser(user('association_rep'))).toBe(false);
    expect(isEnterpriseUser(user('broker'))).toBe(true);
    expect(isSupportStaff(user('inspector'))).toBe(false);
    expect(mayOrganize(user('officer', 'branch_leader'))).toBe(true);
    expect(holdsRole({ kind: 'api' }, CUSTOMS_ROLES)).toBe(false);
    expect(holdsRole(null, CUSTOMS_ROLES)).toBe(false);
    expect(holdsRole(undefined, CUSTOMS_ROLES)).toBe(false);
  });
});
