import { describe, expect, it } from 'vitest';
import { roleErrors, toRoleInputs, usesUnit, type RoleDraft } from './roleRules.ts';

const t = (key: string) => `<${key}>`;
const UNIT = '0b6f1c2e-9a4d-4f4e-8a52-1f1d7f0e2a11';
const draft = (role: RoleDraft['role'], unitId: string | null = null, key = 0): RoleDraft => ({ key, role, unitId });

describe('role grants in the account form', () => {
  it('gives customs roles a unit and business roles none', () => {
    expect(usesUnit('officer')).toBe(true);
    expect(usesUnit('admin')).toBe(true);
    expect(usesUnit('enterprise_user')).toBe(false);
    expect(usesUnit(null)).toBe(false);
  });

  it('sends a unit only with a customs role, whatever the form still holds', () => {
    expect(toRoleInputs([draft('officer', UNIT), draft('broker', UNIT, 1), draft('gd_staff', null, 2)])).toEqual([
      { role: 'officer', unitId: UNIT },
      { role: 'broker', unitId: null },
      { role: 'gd_staff', unitId: null },
    ]);
  });

  it('names the missing role, the duplicate and the missing unit by their API paths', () => {
    expect(roleErrors([draft(null), draft('officer', UNIT, 1), draft('officer', null, 2)], null, t)).toEqual({
      'roles.0.role': '<accounts.roleRequired>',
      'roles.2.role': '<accounts.roleDuplicate>',
      'roles.2.unitId': '<errors.role_scope_required>',
    });
  });

  it('asks for at least one role', () => {
    expect(roleErrors([], null, t)).toEqual({ roles: '<accounts.roleRequired>' });
  });

  it('asks for the enterprise or association a business role speaks for', () => {
    const none = { enterpriseId: null, associationId: null };
    expect(roleErrors([draft('broker'), draft('association_rep', null, 1)], none, t)).toEqual({
      enterpriseId: '<errors.role_party_required>',
      associationId: '<errors.role_party_required>',
    });
    expect(roleErrors([draft('enterprise_user')], { enterpriseId: UNIT, associationId: null }, t)).toEqual({});
    // A General Department role needs no unit.
    expect(roleErrors([draft('gd_staff')], none, t)).toEqual({});
  });
});
