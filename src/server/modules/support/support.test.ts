import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { createQuestionService } from '../questions/service.ts';
import { addServiceMinutes, serviceMinutesBetween } from './calendar.ts';
import { createHandlingService } from './handling.ts';
import { nextLevel, serviceLevel } from './policy.ts';

let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
let dataDir: string;
const s: Record<string, Session> = {};
const SECRET = 'GHI-CHU-NOI-BO: doanh nghiệp này từng bị xử phạt';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-support-'));
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url, DATA_DIR: dataDir } });
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
  for (const email of ['dn@haian.vn', 'dn@other.vn', 'officer@03nk.vn', 'lead@03nk.vn', 'leader@hp.vn', 'officer@20bb.vn']) s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (who: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

function upload(who: string, url: string, fileName: string, bytes: Buffer) {
  const boundary = '----caunoi-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return platform.app.inject({ method: 'POST', url, headers: { ...as(s[who]!), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

async function signInAgain() {
  for (const email of Object.keys(s)) s[email] = await signIn(platform, email, TEST_PASSWORD);
}

const question = { subject: 'Hoàn thuế nguyên liệu nhập SXXK', body: 'Công ty nhập nguyên liệu để sản xuất hàng xuất khẩu, xin hỏi hồ sơ hoàn thuế gồm những gì?', category: 'tax_refund' };

describe('service-level clock', () => {
  it('counts working hours in Vietnam time, skipping nights, weekends and public holidays', () => {
    // Friday 2026-11-20 16:00 ICT + 2 working hours = Monday 09:00 ICT.
    expect(addServiceMinutes(new Date('2026-11-20T09:00:00Z'), 120, 'working').toISOString()).toBe('2026-11-23T02:00:00.000Z');
    // Lunch break: 11:30 + 1 h = 13:30.
    expect(addServiceMinutes(new Date('2026-11-23T04:30:00Z'), 60, 'working').toISOString()).toBe('2026-11-23T06:30:00.000Z');
    // 1 September 2026 (Tuesday) and 2 September are National Day holidays.
    expect(addServiceMinutes(new Date('2026-08-31T09:30:00Z'), 60, 'working').toISOString()).toBe('2026-09-03T01:30:00.000Z');
    expect(addServiceMinutes(new Date('2026-11-21T10:00:00Z'), 90, '24x7').toISOString()).toBe('2026-11-21T11:30:00.000Z');
    expect(serviceMinutesBetween(new Date('2026-11-20T09:00:00Z'), new Date('2026-11-23T02:00:00Z'), 'working')).toBe(120);
    expect(serviceLevel('tax_refund', 'normal')).toEqual({ calendar: 'working', firstResponseMinutes: 480, resolutionMinutes: 2400 });
    expect(serviceLevel('other', 'urgent').calendar).toBe('24x7');
    const units = { teamId: 't', departmentId: 'd', generalDepartmentId: 'g' };
    expect(nextLevel(2, 'commodity_policy', units)).toEqual({ level: 3, unitId: 'g', role: 'gd_staff' });
    expect(nextLevel(2, 'procedures', units)).toBeNull();
  });
});

describe('support desk', () => {
  let id = '';
  it('a business opens a request on the web; it is routed to the team at its managing branch with deadlines', async () => {
    expect((await call(null, 'POST', '/api/support/requests', question)).statusCode).toBe(401);
    const bad = await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, category: 'weather' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('category');
    expect((await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, channel: 'phone' })).json().error.details[0].field).toBe('channel');
    const created = await call('dn@haian.vn', 'POST', '/api/support/requests', question);
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'open', channel: 'web', teamCode: '03NK01', branchCode: '03NK', firstResponseDue: '2026-11-24T03:00:00.000Z', handling: null });
    const mails = await smtp.waitFor(1);
    expect(mails[0]?.subject).toContain('Đã tiếp nhận yêu cầu');
  });

  it('only the business and the officers in scope see it', async () => {
    expect((await call('dn@other.vn', 'GET', `/api/support/requests/${id}`)).statusCode).toBe(404);
    expect((await call('dn@other.vn', 'GET', '/api/support/requests')).json().total).toBe(0);
    expect((await call('officer@20bb.vn', 'GET', `/api/support/requests/${id}`)).statusCode).toBe(404);
    expect((await call('officer@20bb.vn', 'GET', '/api/support/requests')).json().total).toBe(0);
    expect((await call('officer@20bb.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Trả lời' })).statusCode).toBe(404);
    expect((await call('officer@03nk.vn', 'GET', '/api/support/requests')).json().total).toBe(1);
    expect((await call('leader@hp.vn', 'GET', '/api/support/requests')).json().total).toBe(1);
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' })).statusCode).toBe(403);
  });

  it('internal notes and internal attachments never reach the business, by any endpoint or e-mail', async () => {
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: SECRET, internal: true });
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Ghi chú', internal: true })).statusCode).toBe(403);
    const internalFile = await upload('officer@03nk.vn', `/api/support/requests/${id}/attachments?internal=true`, 'ho-so-noi-bo.pdf', Buffer.from('%PDF-1.4 internal'));
    expect(internalFile.statusCode).toBe(201);
    const answer = await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Hồ sơ hoàn thuế gồm công văn đề nghị, hợp đồng xuất khẩu, chứng từ thanh toán (Điều 36 NĐ 134/2016/NĐ-CP).' });
    expect(answer.json()).toMatchObject({ status: 'in_progress', firstRespondedAt: '2026-11-23T03:00:00.000Z' });
    const seen = await call('dn@haian.vn', 'GET', `/api/support/requests/${id}`);
    expect(seen.body).not.toContain('GHI-CHU-NOI-BO');
    expect(seen.json().messages).toHaveLength(1);
    expect(seen.json().attachments).toEqual([]);
    expect(seen.json().handling).toBeNull();
    expect((await call('dn@haian.vn', 'GET', `/api/support/requests/${id}/attachments/${internalFile.json().id}`)).statusCode).toBe(404);
    expect((await call('dn@haian.vn', 'GET', '/api/support/requests')).body).not.toContain('GHI-CHU-NOI-BO');
    const officerView = await call('officer@03nk.vn', 'GET', `/api/support/requests/${id}`);
    expect(officerView.json().messages.map((m: { kind: string }) => m.kind)).toEqual(['internal', 'public']);
    expect((await call('officer@03nk.vn', 'GET', `/api/support/requests/${id}/attachments/${internalFile.json().id}`)).body).toContain('%PDF');
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.subject).join(' ')).toContain('Hải quan trả lời');
    for (const mail of mails) expect(`${mail.subject} ${mail.text}`).not.toContain('GHI-CHU-NOI-BO');
    const outbox = await platform.deps.db.selectFrom('mail_outbox').select(['text_body']).execute();
    for (const row of outbox) expect(row.text_body).not.toContain('GHI-CHU-NOI-BO');
  });

  it('checks attachments for type and size, and keeps nothing of a refused one', async () => {
    const exe = await upload('dn@haian.vn', `/api/support/requests/${id}/attachments`, 'invoice.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.details[0].field).toBe('file');
    const big = await upload('dn@haian.vn', `/api/support/requests/${id}/attachments`, 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024 + 10)]));
    expect(big.statusCode).toBe(413);
    expect((await upload('dn@haian.vn', `/api/support/requests/${id}/attachments?internal=true`, 'a.pdf', Buffer.from('%PDF-1.4'))).statusCode).toBe(403);
    const ok = await upload('dn@haian.vn', `/api/support/requests/${id}/attachments`, '../../etc/hợp đồng.pdf', Buffer.from('%PDF-1.4 contract'));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().fileName).toBe('hợp đồng.pdf');
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toHaveLength(2);
  });

  it('waiting for the business pauses the clock; its reply resumes it with the deadline moved', async () => {
    const before = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${id}`)).json();
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Đề nghị bổ sung hợp đồng gia công.', waitForBusiness: true });
    platform.clock.advance(24 * 3_600_000); // one working day passes while waiting
    const resumed = (await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Công ty đã bổ sung hợp đồng.' })).json();
    expect(resumed.status).toBe('in_progress');
    expect(new Date(resumed.resolutionDue).getTime() - new Date(before.resolutionDue).getTime()).toBe(24 * 3_600_000);
  });

  it('resolves only after an answer; the business rates once and can reopen within the window', async () => {
    const fresh = (await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, subject: 'Hỏi về thời hạn nộp hồ sơ hoàn thuế' })).json();
    expect((await call('officer@03nk.vn', 'POST', `/api/support/requests/${fresh.id}/status`, { status: 'resolved' })).statusCode).toBe(409);
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: true })).statusCode).toBe(409);
    const resolved = await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' });
    expect(resolved.json().status).toBe('resolved');
    expect((await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: true })).statusCode).toBe(403);
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: false })).json().rating).toEqual({ helpful: true, fast: false, comment: null });
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/rating`, { helpful: true, fast: true })).statusCode).toBe(409);
    const reopened = await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/reopen`, { reason: 'Chưa rõ về thời hạn nộp hồ sơ' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', rating: null });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/messages`, { body: 'Thời hạn nộp hồ sơ hoàn thuế là trong vòng 1 năm.' });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' });
    platform.clock.advance(8 * 86_400_000);
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/reopen`, { reason: 'Vẫn chưa rõ' })).statusCode).toBe(409);
  });

  it('a resolved request becomes a question-bank draft in one step', async () => {
    expect((await call('dn@haian.vn', 'POST', `/api/support/requests/${id}/draft-entry`)).statusCode).toBe(403);
    const draft = await call('officer@03nk.vn', 'POST', `/api/support/requests/${id}/draft-entry`);
    expect(draft.statusCode).toBe(201);
    const entry = (await call('officer@03nk.vn', 'GET', `/api/question-bank/entries/${draft.json().entryId}`)).json();
    expect(entry).toMatchObject({ status: 'draft', category: 'tax_refund', titleVi: question.subject, sourceRequestId: id });
    expect(entry.bodyVi).toContain('Điều 36');
    expect(entry.bodyVi).not.toContain('GHI-CHU-NOI-BO');
  });

  it('officers log phone requests; breaches escalate to the team lead, the Department, then the General Department for policy', async () => {
    const missing = await call('officer@03nk.vn', 'POST', '/api/support/requests', { ...question, requesterName: 'Ông Tùng' });
    expect(missing.json().error.details[0].field).toBe('channel');
    const logged = await call('officer@03nk.vn', 'POST', '/api/support/requests', { ...question, category: 'commodity_policy', subject: 'Chính sách nhập khẩu máy móc đã qua sử dụng', channel: 'phone', requesterName: 'Ông Tùng', requesterPhone: '0912 345 678' });
    expect(logged.statusCode).toBe(201);
    const policyId = logged.json().id;
    expect(logged.json()).toMatchObject({ channel: 'phone', handling: { escalationLevel: 0, following: true } });
    const handling = createHandlingService({ ...platform.deps, publicBase: 'http://x', questions: createQuestionService(platform.deps) });
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
    expect((await call('officer@03nk.vn', 'POST', `/api/support/requests/${policyId}/escalate`, { reason: 'x' })).statusCode).toBe(400);
    expect((await call('officer@03nk.vn', 'POST', `/api/support/requests/${policyId}/escalate`, { reason: 'Cần ý kiến Tổng cục' })).statusCode).toBe(409);
    const audit = await platform.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'support.escalated').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('assigns, transfers with a reason, merges duplicates; the dashboard and CSV follow the scope', async () => {
    const a = (await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, subject: 'Khai báo C/O mẫu E' , category: 'origin' })).json();
    const b = (await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, subject: 'Khai báo C/O mẫu E (gửi lại)', category: 'origin' })).json();
    const leadId = (await platform.deps.db.selectFrom('users').select('id').where('email', '=', 'lead@03nk.vn').executeTakeFirstOrThrow()).id;
    const outsider = (await platform.deps.db.selectFrom('users').select('id').where('email', '=', 'officer@20bb.vn').executeTakeFirstOrThrow()).id;
    expect((await call('officer@03nk.vn', 'POST', `/api/support/requests/${a.id}/assign`, { userId: leadId })).statusCode).toBe(403);
    expect((await call('lead@03nk.vn', 'POST', `/api/support/requests/${a.id}/assign`, { userId: outsider })).statusCode).toBe(400);
    expect((await call('lead@03nk.vn', 'POST', `/api/support/requests/${a.id}/assign`, { userId: leadId })).json().handling.assigneeName).toBe('lead');
    const merged = await call('officer@03nk.vn', 'POST', `/api/support/requests/${b.id}/merge`, { intoId: a.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoNumber: a.number });
    expect((await call('officer@03nk.vn', 'POST', `/api/support/requests/${a.id}/merge`, { intoId: a.id })).statusCode).toBe(400);
    const moved = await call('officer@03nk.vn', 'POST', `/api/support/requests/${a.id}/transfer`, { teamId: org['03NK02'], reason: 'Đội 2 phụ trách C/O' });
    expect(moved.json().teamCode).toBe('03NK02');
    expect((await call('dn@haian.vn', 'GET', `/api/support/requests/${a.id}`)).body).not.toContain('Đội 2 phụ trách C/O');
    const dashboard = (await call('leader@hp.vn', 'GET', '/api/support/dashboard')).json();
    expect(dashboard.byChannel).toContainEqual({ channel: 'phone', count: 1 });
    // No month released yet: the answers' ratings are not published, and no count is given.
    expect(dashboard.satisfaction).toEqual({ period: null, published: false, monthsShown: 0, rated: null, helpful: null, fast: null });
    expect((await call('officer@20bb.vn', 'GET', '/api/support/dashboard')).json().byCategory).toEqual([]);
    expect((await call('dn@haian.vn', 'GET', '/api/support/dashboard')).statusCode).toBe(403);
    const csv = await call('leader@hp.vn', 'GET', '/api/support/requests.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('so_yeu_cau');
  });

  it("keeps the business's rating of an answer from the handling team: not in the detail, the events, the audit details or the export", async () => {
    const asked = (await call('dn@haian.vn', 'POST', '/api/support/requests', { ...question, subject: 'Thủ tục gia hạn nộp thuế' })).json();
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${asked.id}/messages`, { body: 'Doanh nghiệp nộp văn bản đề nghị gia hạn theo mẫu.' });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${asked.id}/status`, { status: 'resolved' });
    const rated = await call('dn@haian.vn', 'POST', `/api/support/requests/${asked.id}/rating`, { helpful: false, fast: false, comment: 'Trả lời chậm, chưa đúng câu hỏi' });
    expect(rated.json().rating).toEqual({ helpful: false, fast: false, comment: 'Trả lời chậm, chưa đúng câu hỏi' }); // the business sees its own
    expect((await call('dn@haian.vn', 'GET', `/api/support/requests/${asked.id}`)).json().rating).toMatchObject({ helpful: false });
    for (const who of ['officer@03nk.vn', 'lead@03nk.vn', 'leader@hp.vn']) {
      const detail = await call(who, 'GET', `/api/support/requests/${asked.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().rating).toBeNull();
      expect(detail.body).not.toContain('Trả lời chậm');
      const events = detail.json().handling.events as { action: string; details: object }[];
      expect(events.filter((e) => e.action === 'rated')).toEqual([{ at: expect.any(String), action: 'rated', details: {} }]);
    }
    const audit = await platform.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'support.rated').where('entity_id', '=', asked.id).execute();
    expect(audit).toEqual([{ details: { number: asked.number } }]);
    const csv = await call('leader@hp.vn', 'GET', '/api/support/requests.csv');
    const [header, ...rows] = csv.body.replace(/^\ufeff/, '').trim().split('\n');
    expect(header).toBe('so_yeu_cau,ngay_tao,linh_vuc,muc_do,kenh,trang_thai,doi,mst,han_phan_hoi,phan_hoi_luc,han_giai_quyet,giai_quyet_luc,cap_chuyen');
    const row = rows.find((r) => r.startsWith(asked.number))!;
    expect(row.split(',')).toHaveLength(13);
    expect(row).not.toMatch(/true|false/);
  });
});
