import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { drainDeliveries, flushDeliveries, queueDeliveries } from '../../lib/deliveries.ts';

let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let newsletterId: string;
const s: Record<string, Session> = {};

// A real SMTP server that refuses some mailboxes (as a full or unknown mailbox would).
const refused = new Set<string>();
const received: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refused.has(address.address)) {
      const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
const to = (m: ParsedMail) => (m.to && 'text' in m.to ? m.to.text : '');

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  platform = await startTestPlatform({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://caunoi.test' },
  });
  const db = platform.deps.db;
  org = await createOrg(db);
  for (const [email, unit] of [
    ['dn-a@test.vn', '03NK'],
    ['dn-b@test.vn', '03NK'],
    ['dn-c@test.vn', '03CE'],
    ['dn-d@test.vn', '20BB'],
  ] as const) {
    const firm = await createEnterprise(db, { managingUnitId: org[unit] });
    const user = await createUser(db, { email, role: 'enterprise_user', enterpriseId: firm.id });
    await db
      .insertInto('topic_subscriptions')
      .values({
        kind: 'enterprise',
        user_id: user.id,
        enterprise_id: firm.id,
        topics: ['procedures'],
        updated_at: new Date(),
      })
      .execute();
  }
  await db.insertInto('newsletter_optouts').values({ email: 'dn-c@test.vn' }).execute();
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03.vn', role: 'officer', unitId: org['03'] });
  for (const email of ['dn-a@test.vn', 'leader@03.vn', 'leader@03nk.vn', 'leader@20.vn', 'officer@03.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

describe('newsletter delivery log', () => {
  it('sends a unit’s issue to its own businesses and records who was skipped', async () => {
    const document = await call('leader@03.vn', 'POST', '/api/documents', {
      number: '39/2018/TT-BTC',
      docType: 'circular',
      issuer: 'Bộ Tài chính',
      title: 'Thông tư sửa đổi Thông tư 38/2015/TT-BTC về thủ tục hải quan',
      issuedOn: '2026-11-10',
      summaryVi: 'Sửa đổi quy định về khai hải quan, kiểm tra hồ sơ, giám sát hải quan.',
      topics: ['procedures'],
    });
    expect(document.statusCode).toBe(201);
    expect(
      (await call('leader@03nk.vn', 'POST', '/api/newsletters', { month: '2026-11', unitId: org['20'] })).statusCode,
    ).toBe(403);
    const draft = await call('leader@03.vn', 'POST', '/api/newsletters', { month: '2026-11' });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().unit).toMatchObject({ code: '03' });
    newsletterId = draft.json().id;
    // Another unit may have its own issue for the same month.
    expect((await call('leader@20.vn', 'POST', '/api/newsletters', { month: '2026-11' })).statusCode).toBe(201);
    expect((await call('leader@03.vn', 'POST', '/api/newsletters', { month: '2026-11' })).statusCode).toBe(409);
    const sent = await call('leader@03.vn', 'POST', `/api/newsletters/${newsletterId}/send`);
    expect(sent.json()).toMatchObject({ status: 'sent', recipients: 2 });

    const log = (await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).json();
    expect(log.counts).toEqual({ total: 3, pending: 2, sending: 0, sent: 0, failed: 0, uncertain: 0, skipped: 1 });
    expect(log.running).toBe(true);
    expect(log.rows.map((r: { email: string; status: string }) => [r.email, r.status])).toEqual([
      ['dn-a@test.vn', 'pending'],
      ['dn-b@test.vn', 'pending'],
      ['dn-c@test.vn', 'skipped'],
    ]);
  });

  it('shows an officer only their unit’s newsletters', async () => {
    expect((await call(null, 'GET', `/api/newsletters/${newsletterId}/deliveries`)).statusCode).toBe(401);
    expect((await call('dn-a@test.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).statusCode).toBe(403);
    expect((await call('officer@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).statusCode).toBe(404);
    expect((await call('leader@20.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries.csv`)).statusCode).toBe(404);
    expect((await call('leader@20.vn', 'POST', `/api/newsletters/${newsletterId}/retry`)).statusCode).toBe(404);
    expect((await call('leader@20.vn', 'GET', `/api/newsletters/${newsletterId}`)).statusCode).toBe(404);
    expect(
      ((await call('leader@20.vn', 'GET', '/api/newsletters')).json() as { unit: { code: string } }[]).map(
        (n) => n.unit.code,
      ),
    ).toEqual(['20']);
    // The branch does not see its department's issue; the department sees its own.
    expect((await call('leader@03nk.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).statusCode).toBe(404);
    expect(
      ((await call('leader@03.vn', 'GET', '/api/newsletters')).json() as { id: string }[]).map((n) => n.id),
    ).toEqual([newsletterId]);
  });

  it('records a failure with its error, filters and exports, and a retry resends only the failed copy', async () => {
    refused.add('dn-b@test.vn');
    for (let attempt = 0; attempt < 3; attempt++) await flushDeliveries(platform.deps);
    const log = (await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).json();
    expect(log.counts).toMatchObject({ total: 3, pending: 0, sent: 1, failed: 1, skipped: 1 });
    expect(log.running).toBe(false);
    const failed = (
      await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries?status=failed`)
    ).json();
    expect(failed.matched).toBe(1);
    expect(failed.rows).toEqual([
      {
        email: 'dn-b@test.vn',
        status: 'failed',
        error: expect.stringContaining('550'),
        attempts: 3,
        sentAt: null,
        unsubscribedAt: null,
      },
    ]);
    expect(
      (await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries?status=bogus`)).statusCode,
    ).toBe(400);
    expect(received.map(to)).toEqual(['dn-a@test.vn']);

    const csv = await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('nhat-ky-gui-ban-tin-2026-11.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Email,Trạng thái,Mã trạng thái,Lỗi,Số lần gửi,Gửi lúc (UTC),Hủy đăng ký lúc (UTC)');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^dn-b@test\.vn,Lỗi,failed,.*550.*,3,,$/);
    expect(lines[3]).toBe('dn-c@test.vn,Bỏ qua (đã hủy đăng ký),skipped,,0,,');
    const onlyFailed = (
      await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries.csv?status=failed`)
    ).body
      .trim()
      .split('\r\n');
    expect(onlyFailed).toHaveLength(2);

    // Queuing the same copies again is a no-op: the key is per newsletter and address.
    expect(
      await queueDeliveries(platform.deps.db, [
        { key: `newsletter:${newsletterId}:dn-a@test.vn`, to: 'dn-a@test.vn', subject: 'x', text: 'x' },
      ]),
    ).toBe(0);

    refused.clear();
    expect((await call('dn-a@test.vn', 'POST', `/api/newsletters/${newsletterId}/retry`)).statusCode).toBe(403);
    expect((await call('leader@03.vn', 'POST', `/api/newsletters/${newsletterId}/retry`)).json()).toEqual({
      retried: 1,
    });
    expect((await call('leader@03.vn', 'POST', `/api/newsletters/${newsletterId}/retry`)).json()).toEqual({
      retried: 0,
    });
    expect((await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).json()).toMatchObject({
      running: true,
      counts: { pending: 1, sent: 1, failed: 0 },
    });
    expect(await drainDeliveries(platform.deps)).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(received.map(to)).toEqual(['dn-a@test.vn', 'dn-b@test.vn']);
    expect(received[1]!.subject).toBe('Bản tin hải quan tháng 11/2026');
    const after = (await call('leader@03.vn', 'GET', `/api/newsletters/${newsletterId}/deliveries`)).json();
    expect(after.counts).toMatchObject({ sent: 2, failed: 0, skipped: 1 });
    expect(after.rows.find((r: { email: string }) => r.email === 'dn-b@test.vn')).toMatchObject({
      status: 'sent',
      error: null,
      attempts: 1,
    });

    // An uncertain copy (a crash between hand-off and record) is never retried by itself.
    await platform.deps.db
      .updateTable('mail_deliveries')
      .set({ status: 'uncertain' })
      .where('key', '=', `newsletter:${newsletterId}:dn-a@test.vn`)
      .execute();
    expect((await call('leader@03.vn', 'POST', `/api/newsletters/${newsletterId}/retry`)).json()).toEqual({
      retried: 0,
    });
    expect(await drainDeliveries(platform.deps)).toBe(0);
    expect(received).toHaveLength(2);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id', 'details'])
      .where('action', '=', 'newsletter.retried')
      .execute();
    expect(audit).toEqual([
      { action: 'newsletter.retried', unit_id: org['03'], details: { month: '2026-11', retried: 1 } },
    ]);
  });
});
