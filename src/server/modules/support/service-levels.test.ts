import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { serviceLevel } from './policy.ts';
import { canEditServiceLevels } from './service-levels.ts';

let platform: TestPlatform;
const s: Record<string, Session> = {};
const question = {
  subject: 'Hồ sơ hoàn thuế nguyên liệu',
  body: 'Xin hỏi hồ sơ hoàn thuế nguyên liệu nhập khẩu gồm những gì?',
  category: 'tax_refund',
};

beforeAll(async () => {
  platform = await startTestPlatform();
  const db = platform.deps.db;
  const org = await createOrg(db);
  const enterprise = await createEnterprise(db, { managingUnitId: org['03NK'] });
  await createUser(db, { email: 'dn@haian.vn', role: 'enterprise_user', enterpriseId: enterprise.id });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(db, { email: 'leader@hp.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'gd@tongcuc.vn', role: 'gd_staff', unitId: org['00'], fullName: 'Lê Văn Tổng' });
  await createUser(db, { email: 'admin@caunoi.vn', role: 'admin' });
  for (const email of ['dn@haian.vn', 'officer@03nk.vn', 'leader@hp.vn', 'gd@tongcuc.vn', 'admin@caunoi.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
});

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

describe('editable service levels', () => {
  it('are seeded from the built-in targets, one per category and priority', async () => {
    const list = (await call('officer@03nk.vn', 'GET', '/api/support/service-levels')).json();
    expect(list.items).toHaveLength(27);
    expect(list.canEdit).toBe(false);
    for (const level of list.items) {
      const expected = serviceLevel(level.category, level.priority);
      expect({
        calendar: level.calendar,
        firstResponseMinutes: level.firstResponseMinutes,
        resolutionMinutes: level.resolutionMinutes,
      }).toEqual(expected);
    }
    expect((await call('gd@tongcuc.vn', 'GET', '/api/support/service-levels')).json().canEdit).toBe(true);
    expect((await call('admin@caunoi.vn', 'GET', '/api/support/service-levels')).statusCode).toBe(200);
    expect((await call('dn@haian.vn', 'GET', '/api/support/service-levels')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/support/service-levels')).statusCode).toBe(401);
  });

  it('only the General Department changes them', async () => {
    const body = { calendar: '24x7', firstResponseMinutes: 30, resolutionMinutes: 120 };
    for (const who of ['officer@03nk.vn', 'leader@hp.vn', 'admin@caunoi.vn', 'dn@haian.vn'])
      expect((await call(who, 'PUT', '/api/support/service-levels/tax_refund/normal', body)).statusCode).toBe(403);
    expect((await call(null, 'PUT', '/api/support/service-levels/tax_refund/normal', body)).statusCode).toBe(401);
    expect(canEditServiceLevels(null)).toBe(false);
  });

  it('validates: positive, resolution not before first response, a sane upper bound', async () => {
    const put = (body: object) => call('gd@tongcuc.vn', 'PUT', '/api/support/service-levels/tax_refund/normal', body);
    const before = await put({ calendar: 'working', firstResponseMinutes: 480, resolutionMinutes: 60 });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details[0].field).toBe('resolutionMinutes');
    expect(
      (await put({ calendar: 'working', firstResponseMinutes: 0, resolutionMinutes: 60 })).json().error.details[0]
        .field,
    ).toBe('firstResponseMinutes');
    expect(
      (await put({ calendar: 'working', firstResponseMinutes: 60, resolutionMinutes: 91 * 24 * 60 })).json().error
        .details[0].field,
    ).toBe('resolutionMinutes');
    expect((await put({ calendar: 'weekly', firstResponseMinutes: 60, resolutionMinutes: 120 })).statusCode).toBe(400);
    expect(
      (
        await call('gd@tongcuc.vn', 'PUT', '/api/support/service-levels/nope/normal', {
          calendar: 'working',
          firstResponseMinutes: 60,
          resolutionMinutes: 120,
        })
      ).statusCode,
    ).toBe(400);
    expect((await put({ calendar: 'working', firstResponseMinutes: 480, resolutionMinutes: 2400 })).statusCode).toBe(
      409,
    );
  });

  it('new requests get the new targets; open requests keep their deadlines; the change is audited with old and new values', async () => {
    const old = (await call('dn@haian.vn', 'POST', '/api/support/requests', question)).json();
    const changed = await call('gd@tongcuc.vn', 'PUT', '/api/support/service-levels/tax_refund/normal', {
      calendar: '24x7',
      firstResponseMinutes: 30,
      resolutionMinutes: 120,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      calendar: '24x7',
      firstResponseMinutes: 30,
      resolutionMinutes: 120,
      updatedByName: 'Lê Văn Tổng',
    });
    const now = platform.clock.now().getTime();
    const fresh = (await call('dn@haian.vn', 'POST', '/api/support/requests', question)).json();
    expect(new Date(fresh.firstResponseDue).getTime() - now).toBe(30 * 60_000);
    expect(new Date(fresh.resolutionDue).getTime() - now).toBe(120 * 60_000);
    const kept = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${old.id}`)).json();
    expect(kept.firstResponseDue).toBe(old.firstResponseDue);
    expect(kept.resolutionDue).toBe(old.resolutionDue);
    expect(kept.handling.calendar).toBe('working');
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['actor_label', 'details'])
      .where('action', '=', 'support.service_level_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_label: 'gd@tongcuc.vn',
      details: {
        category: 'tax_refund',
        priority: 'normal',
        old: { calendar: 'working', firstResponseMinutes: 480, resolutionMinutes: 2400 },
        new: { calendar: '24x7', firstResponseMinutes: 30, resolutionMinutes: 120 },
      },
    });
  });
});
