import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let admin: Session;
let branchLeader: Session;
let enterpriseId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  org = await createOrg(platform.deps.db);
  enterpriseId = (await createEnterprise(platform.deps.db, { name: 'Công ty TNHH Điện tử Hải An' })).id;
  await createUser(platform.deps.db, { email: 'admin@test.vn', role: 'admin' });
  await createUser(platform.deps.db, { email: 'leader@test.vn', role: 'branch_leader', unitId: org['03NK'] });
  admin = await signIn(platform, 'admin@test.vn', TEST_PASSWORD);
  branchLeader = await signIn(platform, 'leader@test.vn', TEST_PASSWORD);
});
afterAll(async () => platform.close());

const post = (session: Session, url: string, payload: object) =>
  platform.app.inject({ method: 'POST', url, headers: as(session), payload });

describe('accounts', () => {
  it('lets an administrator create an officer account that can then sign in, audited without the password', async () => {
    const response = await post(admin, '/api/accounts', {
      email: 'Tran.Thi.Lan@haiquan.gov.vn',
      fullName: 'Trần Thị Lan',
      password: 'CongChuc2026',
      roles: [{ role: 'officer', unitId: org['03NK02'] }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: 'tran.thi.lan@haiquan.gov.vn',
      roles: [{ role: 'officer', unitCode: '03NK02' }],
      active: true,
    });
    const session = await signIn(platform, 'tran.thi.lan@haiquan.gov.vn', 'CongChuc2026');
    expect(session.csrf).toBeTruthy();
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.created')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('CongChuc2026');
  });

  it('requires a unit for customs roles and an enterprise for business roles', async () => {
    const noUnit = await post(admin, '/api/accounts', {
      email: 'a1@test.vn',
      fullName: 'Lê Văn Bình',
      password: 'MatKhau2026',
      roles: [{ role: 'inspector', unitId: null }],
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details).toEqual([
      { field: 'roles.0.unitId', message: 'Vai trò này cần đơn vị phụ trách' },
    ]);
    const noEnterprise = await post(admin, '/api/accounts', {
      email: 'a2@test.vn',
      fullName: 'Phạm Thu Hà',
      password: 'MatKhau2026',
      roles: [{ role: 'enterprise_user' }],
    });
    expect(noEnterprise.statusCode).toBe(400);
    expect(noEnterprise.json().error.details[0].field).toBe('enterpriseId');
    const ok = await post(admin, '/api/accounts', {
      email: 'a3@test.vn',
      fullName: 'Phạm Thu Hà',
      password: 'MatKhau2026',
      enterpriseId,
      roles: [{ role: 'enterprise_user' }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().enterpriseName).toBe('Công ty TNHH Điện tử Hải An');
    const count = await platform.deps.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'in', ['a1@test.vn', 'a2@test.vn'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a duplicate email with 409', async () => {
    const response = await post(admin, '/api/accounts', {
      email: 'LEADER@test.vn',
      fullName: 'Trùng',
      password: 'MatKhau2026',
      roles: [{ role: 'gd_staff' }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].field).toBe('email');
  });

  it('changes roles and deactivates, ending sessions; every change is audited', async () => {
    const created = await post(admin, '/api/accounts', {
      email: 'doi.truong@test.vn',
      fullName: 'Hoàng Minh Tuấn',
      password: 'MatKhau2026',
      roles: [{ role: 'officer', unitId: org['03NK01'] }],
    });
    const id = created.json().id as string;
    const session = await signIn(platform, 'doi.truong@test.vn', 'MatKhau2026');
    const promoted = await platform.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${id}`,
      headers: as(admin),
      payload: { roles: [{ role: 'team_lead', unitId: org['03NK01'] }] },
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().roles).toEqual([{ role: 'team_lead', unitId: org['03NK01'], unitCode: '03NK01' }]);
    const deactivated = await platform.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${id}`,
      headers: as(admin),
      payload: { active: false },
    });
    expect(deactivated.json().active).toBe(false);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
    const actions = (
      await platform.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['account.created', 'auth.sign_in', 'account.roles_changed', 'account.deactivated']);
  });

  it('refuses account management to non-administrators', async () => {
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/accounts', headers: as(branchLeader) })).statusCode,
    ).toBe(403);
    expect(
      (
        await post(branchLeader, '/api/accounts', {
          email: 'x@test.vn',
          fullName: 'Không phép',
          password: 'MatKhau2026',
          roles: [{ role: 'admin' }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await platform.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
  });

  it('searches accounts by name without the caller knowing the exact case', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: '/api/accounts?q=HOÀNG&limit=10',
      headers: as(admin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((a: { email: string }) => a.email)).toEqual(['doi.truong@test.vn']);
  });
});
