import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnterprise,
  createOfficer,
  createOrg,
  createUser,
  TEST_PASSWORD,
  type OrgCodes,
} from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

let platform: TestPlatform;
let org: Record<OrgCodes, string>;
const ids: Record<string, string> = {};
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform();
  const db = platform.deps.db;
  org = await createOrg(db);
  ids.own = (await createEnterprise(db, { name: 'Công ty Cổ phần Thép Hải Phòng' })).id;
  ids.other = (await createEnterprise(db, { name: 'Công ty TNHH May mặc Quảng Ninh' })).id;
  ids.broker = (
    await createEnterprise(db, { name: 'Công ty TNHH Dịch vụ Khai thuê Hải quan Minh Long', isBroker: true })
  ).id;
  await db.insertInto('broker_clients').values({ broker_id: ids.broker, enterprise_id: ids.own }).execute();
  await createOfficer(db, org['03NK01'], 'Nguyễn Văn An');
  await createOfficer(db, org['20BB01'], 'Trần Thị Bích');
  await createUser(db, { email: 'dn@test.vn', role: 'enterprise_user', enterpriseId: ids.own });
  await createUser(db, { email: 'broker@test.vn', role: 'broker', enterpriseId: ids.broker });
  await createUser(db, { email: 'lead@test.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'admin@test.vn', role: 'admin' });
  for (const email of ['dn@test.vn', 'broker@test.vn', 'lead@test.vn', 'admin@test.vn'])
    sessions[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const get = (email: string, url: string) => platform.app.inject({ method: 'GET', url, headers: as(sessions[email]!) });

describe('enterprise scope', () => {
  it('an enterprise user sees only its own enterprise; another is "not found"', async () => {
    const list = await get('dn@test.vn', '/api/enterprises');
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([ids.own]);
    expect((await get('dn@test.vn', `/api/enterprises/${ids.other}`)).statusCode).toBe(404);
    expect((await get('dn@test.vn', `/api/enterprises/${ids.own}`)).statusCode).toBe(200);
  });

  it('a broker sees itself and its clients only', async () => {
    const list = await get('broker@test.vn', '/api/enterprises');
    expect(
      list
        .json()
        .items.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual([ids.own, ids.broker].sort());
    expect((await get('broker@test.vn', `/api/enterprises/${ids.other}`)).statusCode).toBe(404);
  });

  it('customs staff search the directory; anonymous callers cannot', async () => {
    const list = await get('lead@test.vn', '/api/enterprises?q=thép');
    expect(list.json().items.map((e: { name: string }) => e.name)).toEqual(['Công ty Cổ phần Thép Hải Phòng']);
    expect((await platform.app.inject({ method: 'GET', url: '/api/enterprises' })).statusCode).toBe(401);
  });
});

describe('registering an enterprise', () => {
  const post = (email: string, payload: Record<string, unknown>) =>
    platform.app.inject({ method: 'POST', url: '/api/enterprises', headers: as(sessions[email]!), payload });

  it('only an administrator registers an enterprise', async () => {
    const denied = await post('lead@test.vn', { taxCode: '0100109106', name: 'Tập đoàn Viettel' });
    expect(denied.statusCode).toBe(403);
    expect((await post('dn@test.vn', { taxCode: '0100109106', name: 'Tập đoàn Viettel' })).statusCode).toBe(403);
    const created = await post('admin@test.vn', { taxCode: '0100109106-001', name: 'Chi nhánh Tập đoàn Viettel' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ taxCode: '0100109106001', name: 'Chi nhánh Tập đoàn Viettel' });
    expect((await get('admin@test.vn', `/api/enterprises/${created.json().id as string}`)).json()).toMatchObject({
      taxCode: '0100109106001',
    });
  });

  it('the tax code is validated: its format, its check digit, and that no enterprise has it yet', async () => {
    const format = await post('admin@test.vn', { taxCode: '01-00', name: 'Công ty TNHH Sai Định Dạng' });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.details.map((d: { field: string }) => d.field)).toEqual(['taxCode']);
    const checksum = await post('admin@test.vn', { taxCode: '0100109107', name: 'Công ty TNHH Sai Số Kiểm Tra' });
    expect(checksum.statusCode).toBe(400);
    expect(checksum.json().error.details.map((d: { field: string }) => d.field)).toEqual(['taxCode']);
    const taken = (
      await platform.deps.db
        .selectFrom('enterprises')
        .select('tax_code')
        .where('id', '=', ids.other!)
        .executeTakeFirstOrThrow()
    ).tax_code;
    const duplicate = await post('admin@test.vn', { taxCode: taken, name: 'Công ty TNHH Trùng Mã Số Thuế' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details).toEqual([expect.objectContaining({ field: 'taxCode' })]);
    const names = await platform.deps.db
      .selectFrom('enterprises')
      .select('name')
      .where('name', 'like', 'Công ty TNHH %Sai%')
      .execute();
    expect(names).toEqual([]);
  });
});

describe('officer scope', () => {
  it('a branch leader sees the officers of its branch, not of another department', async () => {
    const list = await get('lead@test.vn', '/api/officers');
    expect(list.json().items.map((o: { fullName: string }) => o.fullName)).toEqual(['Nguyễn Văn An']);
    expect((await get('lead@test.vn', `/api/officers?unitId=${org['20BB01']}`)).statusCode).toBe(403);
    expect((await get('dn@test.vn', '/api/officers')).statusCode).toBe(403);
  });
});
