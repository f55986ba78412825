import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { createQuestionService } from '../questions/service.ts';
import { addServiceMinutes, serviceMinutesBetween } from './calendar.ts';
import { createHandlingService } from './handling.ts';
import { nextLevel, serviceLevel } from './policy.ts';

// Each test opens the requests it works on, and the clock starts from the same
// moment for every test: any test runs alone, in any order.
const START = new Date('2026-11-23T03:00:00Z');
let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
let dataDir: string;
const s: Record<string, Session> = {};
const SECRET = 'GHI-CHU-NOI-BO: doanh nghiệp này từng bị xử phạt';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-support-'));
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url, DATA_DIR: dataDir }, now: START });
  const db = platform.deps.db;
  org = await createOrg(db);
  const mine = await createEnterprise(db, { managingUnitId: org['03NK'] });
  const other = await createEnterprise(db, { managingUnitId: org['03NK'] });
  await createUser(db, { email: 'dn@haian.vn', role: 'enterprise_user', enterpriseId: mine.id });
  await createUser(db, { email: 'dn@other.vn', role: 'enterprise_user', enterpriseId: other.id });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(db, { email: 'lead@03nk.vn', role: 'team_lead', unitId: org['03NK01'] });
  await createUser(db, { email: 'leader@hp.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'officer@20bb.vn', role: 'officer', unitId: org['20BB01'] });
  for (const email of [
    'dn@haian.vn',
    'dn@other.vn',
    'officer@03nk.vn',
    'lead@03nk.vn',
    'leader@hp.vn',
    'officer@20bb.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
// Tests that move the clock put it back: every test, and every block's set-up, starts at START.
afterEach(() => platform.clock.set(START));

const call = (who: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

function upload(who: string, url: string, fileName: string, bytes: Buffer) {
  const boundary = '----caunoi-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return platform.app.inject({
    method: 'POST',
    url,
    headers: { ...as(s[who]!), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function signInAgain() {
  for (const email of Object.keys(s)) s[email] = await signIn(platform, email, TEST_PASSWORD);
}

async function addUnit(
  code: string,
  kind: 'department' | 'branch' | 'team',
  name: string,
  parentId: string,
): Promise<string> {
  const row = await platform.deps.db
    .insertInto('units')
    .values({ code, kind, name_vi: name, name_en: name, parent_id: parentId, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addUser(email: string, values: Parameters<typeof createUser>[1]) {
  await createUser(platform.deps.db, values);
  s[email] = await signIn(platform, email, TEST_PASSWORD);
}

interface Opened {
  id: string;
  number: string;
}

/** A new request from a business, on the web. */
async function openRequest(who = 'dn@haian.vn', body: object = question): Promise<Opened> {
  const created = await call(who, 'POST', '/api/support/requests', body);
  expect(created.statusCode).toBe(201);
  return created.json() as Opened;
}

const ANSWER =
  'Hồ sơ hoàn thuế gồm công văn đề nghị, hợp đồng xuất khẩu, chứng từ thanh toán (Điều 36 NĐ 134/2016/NĐ-CP).';

/** Mail about one request (its number is in every subject). */
const about = (number: string) => (mail: { subject?: string | undefined }) =>
  mail.subject?.includes(`[${number}]`) ?? false;

const question = {
  subject: 'Hoàn thuế nguyên liệu nhập SXXK',
  body: 'Công ty nhập nguyên liệu để sản xuất hàng xuất khẩu, xin hỏi hồ sơ hoàn thuế gồm những gì?',
  category: 'tax_refund',
};

describe('service-level clock', () => {
  it('counts working hours in Vietnam time, skipping nights, weekends and public holidays', () => {
    // Friday 2026-11-20 16:00 ICT + 2 working hours = Monday 09:00 ICT.
    expect(addServiceMinutes(new Date('2026-11-20T09:00:00Z'), 120, 'working').toISOString()).toBe(
      '2026-11-23T02:00:00.000Z',
    );
    // Lunch break: 11:30 + 1 h = 13:30.
    expect(addServiceMinutes(new Date('2026-11-23T04:30:00Z'), 60, 'working').toISOString()).toBe(
      '2026-11-23T06:30:00.000Z',
    );
    // 1 September 2026 (Tuesday) and 2 September are National Day holidays.
    expect(addServiceMinutes(new Date('2026-08-31T09:30:00Z'), 60, 'working').toISOString()).toBe(
      '2026-09-03T01:30:00.000Z',
    );
    expect(addServiceMinutes(new Date('2026-11-21T10:00:00Z'), 90, '24x7').toISOString()).toBe(
      '2026-11-21T11:30:00.000Z',
    );
    expect(serviceMinutesBetween(new Date('2026-11-20T09:00:00Z'), new Date('2026-11-23T02:00:00Z'), 'working')).toBe(
      120,
    );
    expect(serviceLevel('tax_refund', 'normal')).toEqual({
      calendar: 'working',
      firstResponseMinutes: 480,
      resolutionMinutes: 2400,
    });
    expect(serviceLevel('other', 'urgent').calendar).toBe('24x7');
    const units = { teamId: 't', departmentId: 'd', generalDepartmentId: 'g' };
    expect(nextLevel(2, 'commodity_policy', units)).toEqual({ level: 3, unitId: 'g', role: 'gd_staff' });
    expect(nextLevel(2, 'procedures', units)).toBeNull();
  });
});

describe('a request on the web', () => {
  it('a business opens a request on the web; it is routed to the team at its managing branch with deadlines', async () => {
    expect((await call(null, 'POST', '/api/support/requests', question)).statusCode).toBe(401);
    const bad = await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, category: 'weather' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('category');
    expect(
      (await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, channel: 'phone' })).json().error
        .details[0].field,
    ).toBe('channel');
    const created = await call('dn@haian.vn', 'POST', '/api/support/requests', question);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'open',
      channel: 'web',
      teamCode: '03NK01',
      branchCode: '03NK',
      firstResponseDue: '2026-11-24T03:00:00.000Z',
      handling: null,
    });
    const mails = await smtp.waitForMatching(about(created.json().number));
    expect(mails.map((m) => m.subject)).toEqual([
      `[${created.json().number}] Đã tiếp nhận yêu cầu: ${question.subject}`,
    ]);
  });

  it('internal notes and internal attachments never reach the business, by any endpoint or e-mail', async () => {
    const { id, number } = await openRequest();
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: SECRET, internal: true });
    expect(
      (await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Ghi chú', internal: true }))
        .statusCode,
    ).toBe(403);
    const internalFile = await upload(
      'officer@03nk.vn',
      `/api/support/requests/${id}/attachments?internal=true`,
      'ho-so-noi-bo.pdf',
      Buffer.from('%PDF-1.4 internal'),
    );
    expect(internalFile.statusCode).toBe(201);
    const answer = await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: ANSWER });
    expect(answer.json()).toMatchObject({ status: 'in_progress', firstRespondedAt: '2026-11-23T03:00:00.000Z' });
    const seen = await call('dn@haian.vn', 'GET', `/api/support/requests/${id}`);
    expect(seen.body).not.toContain('GHI-CHU-NOI-BO');
    expect(seen.json().messages).toHaveLength(1);
    expect(seen.json().attachments).toEqual([]);
    expect(seen.json().handling).toBeNull();
    expect(
      (await call('dn@haian.vn', 'GET', `/api/support/requests/${id}/attachments/${internalFile.json().id}`))
        .statusCode,
    ).toBe(404);
    expect((await call('dn@haian.vn', 'GET', '/api/support/requests')).body).not.toContain('GHI-CHU-NOI-BO');
    const officerView = await call('officer@03nk.vn', 'GET', `/api/support/requests/${id}`);
    expect(officerView.json().messages.map((m: { kind: string }) => m.kind)).toEqual(['internal', 'public']);
    expect(
      (await call('officer@03nk.vn', 'GET', `/api/support/requests/${id}/attachments/${internalFile.json().id}`)).body,
    ).toContain('%PDF');
    const mails = await smtp.waitForMatching(about(number), 2);
    expect(mails.map((m) => m.subject).join(' ')).toContain('Hải quan trả lời');
    for (const mail of smtp.messages) expect(`${mail.subject} ${mail.text}`).not.toContain('GHI-CHU-NOI-BO');
    const outbox = await platform.deps.db.selectFrom('mail_outbox').select(['text_body']).execute();
    for (const row of outbox) expect(row.text_body).not.toContain('GHI-CHU-NOI-BO');
  });

  it('checks attachments for type and size, and keeps nothing of a refused one', async () => {
    const { id } = await openRequest();
    const stored = () =>
      new Set(
        fs.existsSync(path.join(dataDir, 'attachments')) ? fs.readdirSync(path.join(dataDir, 'attachments')) : [],
      );
    const before = stored();
    const exe = await upload(
      'dn@haian.vn',
      `/api/support/requests/${id}/attachments`,
      'invoice.pdf',
      Buffer.from('MZ\x90\x00 not a pdf'),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.details[0].field).toBe('file');
    const big = await upload(
      'dn@haian.vn',
      `/api/support/requests/${id}/attachments`,
      'big.pdf',
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024 + 10)]),
    );
    expect(big.statusCode).toBe(413);
    expect(
      (
        await upload(
          'dn@haian.vn',
          `/api/support/requests/${id}/attachments?internal=true`,
          'a.pdf',
          Buffer.from('%PDF-1.4'),
        )
      ).statusCode,
    ).toBe(403);
    const ok = await upload(
      'dn@haian.vn',
      `/api/support/requests/${id}/attachments`,
      '../../etc/hợp đồng.pdf',
      Buffer.from('%PDF-1.4 contract'),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().fileName).toBe('hợp đồng.pdf');
    // Only the accepted file was written.
    const added = [...stored()].filter((file) => !before.has(file));
    expect(added).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'attachments', added[0]!), 'utf8')).toBe('%PDF-1.4 contract');
  });

  it('waiting for the business pauses the clock; its reply resumes it with the deadline moved', async () => {
    const { id } = await openRequest();
    const before = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${id}`)).json();
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, {
      body: 'Đề nghị bổ sung hợp đồng gia công.',
      waitForBusiness: true,
    });
    platform.clock.advance(24 * 3_600_000); // one working day passes while waiting
    const resumed = (
      await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/messages`, {
        body: 'Công ty đã bổ sung hợp đồng.',
      })
    ).json();
    expect(resumed.status).toBe('in_progress');
    expect(new Date(resumed.resolutionDue).getTime() - new Date(before.resolutionDue).getTime()).toBe(24 * 3_600_000);
  });

  it('resolves only after an answer; the business rates once and can reopen within the window', async () => {
    const fresh = await openRequest('dn@haian.vn', { ...question, subject: 'Hỏi về thời hạn nộp hồ sơ hoàn thuế' });
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/requests/${fresh.id}/status`, { status: 'resolved' }))
        .statusCode,
    ).toBe(409);
    const { id } = await openRequest();
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: ANSWER });
    expect(
      (await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: true }))
        .statusCode,
    ).toBe(409);
    const resolved = await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/status`, {
      status: 'resolved',
    });
    expect(resolved.json().status).toBe('resolved');
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: false })).json()
        .rating,
    ).toEqual({ helpful: true, fast: false, comment: null });
    expect(
      (await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: true }))
        .statusCode,
    ).toBe(409);
    const reopened = await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/reopen`, {
      reason: 'Chưa rõ về thời hạn nộp hồ sơ',
    });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', rating: null });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, {
      body: 'Thời hạn nộp hồ sơ hoàn thuế là trong vòng 1 năm.',
    });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' });
    platform.clock.advance(8 * 86_400_000);
    expect(
      (await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/reopen`, { reason: 'Vẫn chưa rõ' })).statusCode,
    ).toBe(409);
  });

  it('a resolved request becomes a question-bank draft in one step', async () => {
    const { id } = await openRequest();
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: SECRET, internal: true });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: ANSWER });
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' })).json()
        .status,
    ).toBe('resolved');
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/draft-entry`)).statusCode).toBe(403);
    const draft = await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/draft-entry`);
    expect(draft.statusCode).toBe(201);
    const entry = (await call('officer@03nk.vn', 'GET', `/api/question-bank/entries/${draft.json().entryId}`)).json();
    expect(entry).toMatchObject({
      status: 'draft',
      category: 'tax_refund',
      titleVi: question.subject,
      sourceRequestId: id,
    });
    expect(entry.bodyVi).toContain('Điều 36');
    expect(entry.bodyVi).not.toContain('GHI-CHU-NOI-BO');
  });

  it('assigns, transfers with a reason and merges duplicates', async () => {
    const a = await openRequest('dn@haian.vn', { ...question, subject: 'Khai báo C/O mẫu E', category: 'origin' });
    const b = await openRequest('dn@haian.vn', {
      ...question,
      subject: 'Khai báo C/O mẫu E (gửi lại)',
      category: 'origin',
    });
    const leadId = (
      await platform.deps.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'lead@03nk.vn')
        .executeTakeFirstOrThrow()
    ).id;
    const outsider = (
      await platform.deps.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'officer@20bb.vn')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/requests/${a.id}/assign`, { userId: leadId })).statusCode,
    ).toBe(403);
    expect(
      (await call('lead@03nk.vn', 'POST', `/api/support/requests/${a.id}/assign`, { userId: outsider })).statusCode,
    ).toBe(400);
    expect(
      (await call('lead@03nk.vn', 'POST', `/api/support/requests/${a.id}/assign`, { userId: leadId })).json().handling
        .assigneeName,
    ).toBe('lead');
    const merged = await call('officer@03nk.vn', 'POST', `/api/support/requests/${b.id}/merge`, { intoId: a.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoNumber: a.number });
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/requests/${a.id}/merge`, { intoId: a.id })).statusCode,
    ).toBe(400);
    const moved = await call('officer@03nk.vn', 'POST', `/api/support/requests/${a.id}/transfer`, {
      teamId: org['03NK02'],
      reason: 'Đội 2 phụ trách C/O',
    });
    expect(moved.json().teamCode).toBe('03NK02');
    expect((await call('dn@haian.vn', 'GET', `/api/support/requests/${a.id}`)).body).not.toContain(
      'Đội 2 phụ trách C/O',
    );
  });

  it("keeps the business's rating of an answer from the handling team: not in the detail, the events, the audit details or the export", async () => {
    const asked = await openRequest('dn@haian.vn', { ...question, subject: 'Thủ tục gia hạn nộp thuế' });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${asked.id}/messages`, {
      body: 'Doanh nghiệp nộp văn bản đề nghị gia hạn theo mẫu.',
    });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${asked.id}/status`, { status: 'resolved' });
    const rated = await call('dn@haian.vn', 'POST', `/api/support/requests/${asked.id}/rating`, {
      helpful: false,
      fast: false,
      comment: 'Trả lời chậm, chưa đúng câu hỏi',
    });
    expect(rated.json().rating).toEqual({ helpful: false, fast: false, comment: 'Trả lời chậm, chưa đúng câu hỏi' }); // the business sees its own
    expect((await call('dn@haian.vn', 'GET', `/api/support/requests/${asked.id}`)).json().rating).toMatchObject({
      helpful: false,
    });
    for (const who of ['officer@03nk.vn', 'lead@03nk.vn', 'leader@hp.vn']) {
      const detail = await call(who, 'GET', `/api/support/requests/${asked.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().rating).toBeNull();
      expect(detail.body).not.toContain('Trả lời chậm');
      const events = detail.json().handling.events as { action: string; details: object }[];
      expect(events.filter((e) => e.action === 'rated')).toEqual([
        { at: expect.any(String), action: 'rated', details: {} },
      ]);
    }
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'support.rated')
      .where('entity_id', '=', asked.id)
      .execute();
    expect(audit).toEqual([{ details: { number: asked.number } }]);
    const csv = await call('leader@hp.vn', 'GET', '/api/support/requests.csv');
    const [header, ...rows] = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'so_yeu_cau,ngay_tao,linh_vuc,muc_do,kenh,trang_thai,doi,mst,han_phan_hoi,phan_hoi_luc,han_giai_quyet,giai_quyet_luc,cap_chuyen',
    );
    const row = rows.find((r) => r.startsWith(asked.number))!;
    expect(row.split(',')).toHaveLength(13);
    expect(row).not.toMatch(/true|false/);
  });
});

describe('who sees a request', () => {
  // A business of its own, managed by a branch no other test sends requests to.
  let id = '';
  beforeAll(async () => {
    const firm = await createEnterprise(platform.deps.db, { managingUnitId: org['03CE'] });
    await addUser('dn@cang3.vn', { email: 'dn@cang3.vn', role: 'enterprise_user', enterpriseId: firm.id });
    await addUser('officer@03ce.vn', { email: 'officer@03ce.vn', role: 'officer', unitId: org['03CE01'] });
    id = (await openRequest('dn@cang3.vn')).id;
  });

  it('only the business and the officers in scope see it', async () => {
    expect((await call('dn@other.vn', 'GET', `/api/support/requests/${id}`)).statusCode).toBe(404);
    expect((await call('dn@other.vn', 'GET', '/api/support/requests')).json().total).toBe(0);
    expect((await call('officer@20bb.vn', 'GET', `/api/support/requests/${id}`)).statusCode).toBe(404);
    expect((await call('officer@20bb.vn', 'GET', '/api/support/requests')).json().total).toBe(0);
    expect(
      (await call('officer@20bb.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Trả lời' })).statusCode,
    ).toBe(404);
    expect(
      (await call('dn@cang3.vn', 'GET', '/api/support/requests')).json().items.map((r: { id: string }) => r.id),
    ).toEqual([id]);
    expect(
      (await call('officer@03ce.vn', 'GET', '/api/support/requests')).json().items.map((r: { id: string }) => r.id),
    ).toEqual([id]);
    expect(
      (await call('leader@hp.vn', 'GET', '/api/support/requests?limit=200'))
        .json()
        .items.map((r: { id: string }) => r.id),
    ).toContain(id);
    expect((await call('leader@hp.vn', 'GET', `/api/support/requests/${id}`)).statusCode).toBe(200);
    expect(
      (await call('dn@cang3.vn', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' })).statusCode,
    ).toBe(403);
  });
});

describe('requests officers log, and escalation', () => {
  it('officers log phone requests; breaches escalate to the team lead, the Department, then the General Department for policy', async () => {
    const missing = await call('officer@03nk.vn', 'POST', '/api/support/requests', {
      ...question,
      requesterName: 'Ông Tùng',
    });
    expect(missing.json().error.details[0].field).toBe('channel');
    const logged = await call('officer@03nk.vn', 'POST', '/api/support/requests', {
      ...question,
      category: 'commodity_policy',
      subject: 'Chính sách nhập khẩu máy móc đã qua sử dụng',
      channel: 'phone',
      requesterName: 'Ông Tùng',
      requesterPhone: '0912 345 678',
    });
    expect(logged.statusCode).toBe(201);
    const policyId = logged.json().id;
    expect(logged.json()).toMatchObject({ channel: 'phone', handling: { escalationLevel: 0, following: true } });
    const handling = createHandlingService({
      ...platform.deps,
      publicBase: 'http://x',
      questions: createQuestionService(platform.deps),
    });
    platform.clock.advance(3 * 86_400_000);
    await handling.escalateBreaches();
    let view = (await call('leader@hp.vn', 'GET', `/api/support/requests/${policyId}`)).json();
    expect(view.handling).toMatchObject({ escalationLevel: 1, handlerRole: 'team_lead' });
    platform.clock.advance(3 * 86_400_000);
    await handling.escalateBreaches();
    platform.clock.advance(3 * 86_400_000);
    await handling.escalateBreaches();
    await signInAgain(); // the clock moved past the sessions' lifetime
    view = (await call('leader@hp.vn', 'GET', `/api/support/requests/${policyId}`)).json();
    expect(view.handling).toMatchObject({ escalationLevel: 3, handlerRole: 'gd_staff', handlerUnitCode: '00' });
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/requests/${policyId}/escalate`, { reason: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (
        await call('officer@03nk.vn', 'POST', `/api/support/requests/${policyId}/escalate`, {
          reason: 'Cần ý kiến Tổng cục',
        })
      ).statusCode,
    ).toBe(409);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'support.escalated')
      .where('entity_id', '=', policyId)
      .execute();
    expect(audit).toHaveLength(3);
  });
});

describe('the support dashboard and export', () => {
  // A department of its own, so its figures hold only what this block sends.
  let requestId = '';
  beforeAll(async () => {
    const department = await addUnit('21', 'department', 'Cục Hải quan tỉnh Thử nghiệm', org['00']);
    const branch = await addUnit('21AA', 'branch', 'Chi cục Hải quan Thử nghiệm', department);
    const team = await addUnit('21AA01', 'team', 'Đội Thủ tục Thử nghiệm', branch);
    const firm = await createEnterprise(platform.deps.db, { managingUnitId: branch });
    await addUser('dn@21aa.vn', { email: 'dn@21aa.vn', role: 'enterprise_user', enterpriseId: firm.id });
    await addUser('officer@21aa.vn', { email: 'officer@21aa.vn', role: 'officer', unitId: team });
    await addUser('leader@21.vn', { email: 'leader@21.vn', role: 'department_leader', unitId: department });
    requestId = (await openRequest('dn@21aa.vn')).id;
    await openRequest('officer@21aa.vn', {
      ...question,
      category: 'origin',
      channel: 'phone',
      requesterName: 'Bà Lan',
      requesterPhone: '0903 111 222',
    });
    // And one elsewhere, that the leader of department 21 must not count.
    await openRequest('officer@03nk.vn', { ...question, channel: 'phone', requesterName: 'Ông Hải' });
  });

  it('counts the requests in the leader’s scope by channel, publishes no rating before a month is released, and refuses businesses', async () => {
    const dashboard = (await call('leader@21.vn', 'GET', '/api/support/dashboard')).json();
    expect(dashboard.byChannel).toContainEqual({ channel: 'phone', count: 1 });
    expect(dashboard.byChannel).toContainEqual({ channel: 'web', count: 1 });
    // No month released yet: the answers' ratings are not published, and no count is given.
    expect(dashboard.satisfaction).toEqual({
      period: null,
      published: false,
      monthsShown: 0,
      rated: null,
      helpful: null,
      fast: null,
    });
    expect((await call('officer@20bb.vn', 'GET', '/api/support/dashboard')).json().byCategory).toEqual([]);
    expect((await call('dn@haian.vn', 'GET', '/api/support/dashboard')).statusCode).toBe(403);
  });

  it('exports the requests in the leader’s scope as CSV', async () => {
    const csv = await call('leader@21.vn', 'GET', '/api/support/requests.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('so_yeu_cau');
    const number = (await call('leader@21.vn', 'GET', `/api/support/requests/${requestId}`)).json().number as string;
    expect(lines.slice(1)).toHaveLength(2); // the web request and the phone request
    expect(lines.slice(1).some((line) => line.startsWith(number))).toBe(true);
  });
});
