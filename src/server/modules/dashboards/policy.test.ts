import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/common.ts';
import type { UserActor } from '../../lib/actor.ts';
import { canListPeriods, canViewOfficer, canViewUnit, defaultUnitFor } from './policy.ts';

const user = (role: Role, unitId: string | null, officerId: string | null = null): UserActor => ({
  kind: 'user',
  userId: 'u',
  email: 'x@test.vn',
  fullName: 'X',
  locale: 'vi',
  roles: [{ role, unitId, unitCode: null }],
  enterpriseId: null,
  associationId: null,
  officerId,
  sessionId: 's',
  csrfToken: 'c',
});
// team -> branch -> department -> country
const team = ['team', 'branch', 'dept', 'root'];

describe('dashboard policy', () => {
  it('leaders see their subtree, not above it or beside it', () => {
    expect(canViewUnit(user('branch_leader', 'branch'), team)).toBe(true);
    expect(canViewUnit(user('branch_leader', 'branch'), ['dept', 'root'])).toBe(false);
    expect(canViewUnit(user('branch_leader', 'other'), team)).toBe(false);
    expect(canViewUnit(user('gd_staff', null), team)).toBe(true);
  });

  it('an officer sees only their own results, and no unit', () => {
    const officer = user('officer', 'team', 'o1');
    expect(canViewOfficer(officer, { id: 'o1' }, team)).toBe(true);
    expect(canViewOfficer(officer, { id: 'o2' }, team)).toBe(false);
    expect(canViewUnit(officer, team)).toBe(false);
    expect(defaultUnitFor(officer)).toBeNull();
    expect(canViewUnit(null, team)).toBe(false);
  });

  it('the released periods are listed to readers of results and officers, not to businesses', () => {
    expect(canListPeriods(user('officer', 'team', 'o1'))).toBe(true);
    expect(canListPeriods(user('team_lead', 'team'))).toBe(true);
    expect(canListPeriods(user('admin', null))).toBe(true);
    expect(canListPeriods(user('enterprise_user', null))).toBe(false);
    expect(canListPeriods(user('broker', null))).toBe(false);
    expect(canListPeriods(user('association_rep', null))).toBe(false);
    expect(canListPeriods(null)).toBe(false);
  });
});
