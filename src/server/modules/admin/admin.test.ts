import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

const BOOTSTRAP_KEY = 'bootstrap-key-for-tests-0123456789';
let platform: TestPlatform;
let admin: Session;
let inspector: Session;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY } });
  const org = await createOrg(platform.deps.db);
  await createUser(platform.deps.db, { email: 'admin@test.vn', role: 'admin' });
  await createUser(platform.deps.db, { email: 'inspector@test.vn', role: 'inspector', unitId: org['03'] });
  admin = await signIn(platform, 'admin@test.vn', TEST_PASSWORD);
  inspector = await signIn(platform, 'inspector@test.vn', TEST_PASSWORD);
});
afterAll(async () => platform.close());

describe('integration API keys', () => {
  it('the bootstrap key reads the organization tree', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units',
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
    });
    expect(response.statusCode).toBe(200);
    const units = response.json().units as {
      code: string;
      kind: string;
      parentCode: string | null;
      names: { vi: string };
    }[];
    expect(units.find((u) => u.code === '03NK')).toMatchObject({
      kind: 'branch',
      parentCode: '03',
      names: { vi: 'Chi cục Hải quan KCX và KCN Hải Phòng' },
    });
  });

  it('an administrator creates a key, shown once and stored hashed; revoking it locks it out', async () => {
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: as(admin),
      payload: { name: 'ECUS5 — Thái Sơn', scopes: ['units:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json() as { key: string; id: string };
    const stored = await platform.deps.db
      .selectFrom('api_clients')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = await platform.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: as(admin) });
    expect(JSON.stringify(listed.json())).not.toContain(key);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/units', headers: { authorization: `Bearer ${key}` } }))
        .statusCode,
    ).toBe(200);
    const revoked = await platform.app.inject({
      method: 'POST',
      url: `/api/admin/api-keys/${id}/revoke`,
      headers: as(admin),
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units',
      headers: { authorization: `Bearer ${key}`, 'accept-language': 'en' },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({ code: 'unauthorized', message: 'The API key is invalid or revoked' });
  });

  it('refuses the integration API without a key, with a wrong key, and with a key lacking the scope', async () => {
    expect((await platform.app.inject({ method: 'GET', url: '/api/v1/units' })).statusCode).toBe(401);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/units', headers: { authorization: 'Bearer nope' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/units', headers: { authorization: 'Basic abc' } }))
        .statusCode,
    ).toBe(401);
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: as(admin),
      payload: { name: 'Chỉ đọc mức hài lòng', scopes: ['satisfaction:read'] },
    });
    const key = (created.json() as { key: string }).key;
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/units', headers: { authorization: `Bearer ${key}` } }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses key management to non-administrators', async () => {
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: as(inspector) })).statusCode,
    ).toBe(403);
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: '/api/admin/api-keys',
          headers: as(inspector),
          payload: { name: 'x-key', scopes: ['units:read'] },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('audit log', () => {
  it('administrators read it, filtered; others cannot', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=api_key&limit=50',
      headers: as(admin),
    });
    expect(response.statusCode).toBe(200);
    const actions = (response.json().items as { action: string }[]).map((i) => i.action);
    expect(actions).toContain('api_key.created');
    expect(actions).toContain('api_key.revoked');
    expect(actions.every((a) => a.startsWith('api_key'))).toBe(true);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/admin/audit', headers: as(inspector) })).statusCode,
    ).toBe(403);
  });

  it('no one can edit or delete it, not even with SQL', async () => {
    await expect(sql`update audit_log set action = 'tampered'`.execute(platform.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(platform.deps.db)).rejects.toThrow(/append-only/);
    const count = await platform.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'tampered')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('administrators read the mail outbox', async () => {
    await platform.deps.mailer.send({ to: 'dn@example.vn', subject: 'Thư thử nghiệm', text: 'Xin chào' });
    const response = await platform.app.inject({ method: 'GET', url: '/api/admin/outbox', headers: as(admin) });
    expect(response.json().items[0]).toMatchObject({
      toAddress: 'dn@example.vn',
      subject: 'Thư thử nghiệm',
      sentAt: null,
    });
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/admin/outbox', headers: as(inspector) })).statusCode,
    ).toBe(403);
  });
});
