import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  org = await createOrg(platform.deps.db);
  await createUser(platform.deps.db, { email: 'admin@test.vn', role: 'admin' });
  await createUser(platform.deps.db, { email: 'officer@test.vn', role: 'officer', unitId: org['03NK01'] });
  admin = await signIn(platform, 'admin@test.vn', TEST_PASSWORD);
  officer = await signIn(platform, 'officer@test.vn', TEST_PASSWORD);
});
afterAll(async () => platform.close());

const inject = (session: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  platform.app.inject({
    method,
    url,
    headers: session ? as(session) : {},
    ...(payload !== undefined && { payload: payload as object }),
  });

describe('units', () => {
  it('lists the active tree to anyone', async () => {
    const response = await inject(null, 'GET', '/api/units');
    expect(response.statusCode).toBe(200);
    const codes = (response.json() as { code: string }[]).map((u) => u.code);
    expect(codes).toContain('03NK');
  });

  it('lets an administrator create a branch under a department, and audits it', async () => {
    const response = await inject(admin, 'POST', '/api/units', {
      code: '03pl',
      kind: 'branch',
      nameVi: 'Chi cục Hải quan Hải Phòng khu vực mới',
      nameEn: 'New Hai Phong branch',
      parentId: org['03'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: '03PL', kind: 'branch', parentId: org['03'], status: 'active' });
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'unit.created')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_label).toBe('admin@test.vn');
  });

  it('refuses a unit placed at the wrong level, naming the field', async () => {
    const response = await inject(admin, 'POST', '/api/units', {
      code: '03ZZ01',
      kind: 'team',
      nameVi: 'Đội sai chỗ',
      nameEn: 'Misplaced team',
      parentId: org['03'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ field: 'parentId', message: 'Đơn vị cấp trên không phù hợp' }]);
    expect(
      await platform.deps.db.selectFrom('units').select('id').where('code', '=', '03ZZ01').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a duplicate code with 409', async () => {
    const response = await inject(admin, 'POST', '/api/units', {
      code: '03NK',
      kind: 'branch',
      nameVi: 'Trùng mã',
      nameEn: 'Duplicate',
      parentId: org['03'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].field).toBe('code');
  });

  it('refuses organization changes to anyone but an administrator', async () => {
    const body = {
      code: '03XX',
      kind: 'branch',
      nameVi: 'Không được phép',
      nameEn: 'Not allowed',
      parentId: org['03'],
    };
    expect((await inject(officer, 'POST', '/api/units', body)).statusCode).toBe(403);
    expect((await inject(null, 'POST', '/api/units', body)).statusCode).toBe(401);
    expect(
      (await inject(officer, 'PATCH', `/api/units/${org['03NK']}`, { nameVi: 'Đổi tên trái phép' })).statusCode,
    ).toBe(403);
    expect((await inject(officer, 'POST', `/api/units/${org['03CE']}/merge`, { intoId: org['03NK'] })).statusCode).toBe(
      403,
    );
    expect((await inject(officer, 'GET', `/api/units/${org['03NK']}/history`)).statusCode).toBe(403);
  });

  it('renames and moves without changing identity, keeping history', async () => {
    const renamed = await inject(admin, 'PATCH', `/api/units/${org['20BB']}`, {
      nameVi: 'Chi cục Hải quan cửa khẩu quốc tế Móng Cái',
    });
    expect(renamed.statusCode).toBe(200);
    const moved = await inject(admin, 'PATCH', `/api/units/${org['20BB01']}`, { parentId: org['03CE'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().id).toBe(org['20BB01']);
    const history = (await inject(admin, 'GET', `/api/units/${org['20BB']}/history`)).json() as {
      action: string;
      before: { nameVi: string };
    }[];
    expect(history.map((h) => h.action)).toEqual(['renamed']);
    expect(history[0]?.before.nameVi).toBe('Chi cục Hải quan cửa khẩu Móng Cái');
  });

  it('merges a department into another: records keep their unit, children move, the source closes', async () => {
    const enterprise = await createEnterprise(platform.deps.db, { managingUnitId: org['20BB'] });
    const merged = await inject(admin, 'POST', `/api/units/${org['20']}/merge`, { intoId: org['03'] });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: org['03'] });
    const branch = await platform.deps.db
      .selectFrom('units')
      .select(['parent_id'])
      .where('id', '=', org['20BB'])
      .executeTakeFirstOrThrow();
    expect(branch.parent_id).toBe(org['03']);
    const kept = await platform.deps.db
      .selectFrom('enterprises')
      .select('managing_unit_id')
      .where('id', '=', enterprise.id)
      .executeTakeFirstOrThrow();
    expect(kept.managing_unit_id).toBe(org['20BB']);
    const active = (await inject(null, 'GET', '/api/units')).json() as { code: string }[];
    expect(active.map((u) => u.code)).not.toContain('20');
    const all = (await inject(admin, 'GET', '/api/units?includeInactive=true')).json() as { code: string }[];
    expect(all.map((u) => u.code)).toContain('20');
    const again = await inject(admin, 'POST', `/api/units/${org['20']}/merge`, { intoId: org['03'] });
    expect(again.statusCode).toBe(409);
  });

  it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
    expect((await inject(admin, 'GET', '/api/units/7b0c2a8e-9f1d-4a6b-8c3e-2d5f7a9b1c4e')).statusCode).toBe(404);
    const bad = await inject(admin, 'GET', '/api/units/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.id');
  });
});
