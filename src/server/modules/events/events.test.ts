import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';
import { createEventService } from './service.ts';

let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
const s: Record<string, Session> = {};
const firms: Record<string, { id: string; tax_code: string }> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url } });
  const db = platform.deps.db;
  org = await createOrg(db);
  firms.a = await createEnterprise(db, { name: 'Công ty TNHH Điện tử Hải An', managingUnitId: org['03NK'] });
  firms.b = await createEnterprise(db, { name: 'Công ty CP Thép Đình Vũ', managingUnitId: org['03NK'] });
  firms.d = await createEnterprise(db, { name: 'Công ty TNHH May Tiên Lãng', managingUnitId: org['03NK'] });
  firms.c = await createEnterprise(db, { name: 'Công ty TNHH Thương mại Móng Cái', managingUnitId: org['20BB'] });
  for (const key of ['a', 'b', 'c', 'd']) await createUser(db, { email: `dn-${key}@test.vn`, role: 'enterprise_user', enterpriseId: firms[key]!.id, fullName: `Người dùng ${key}` });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of ['dn-a@test.vn', 'dn-b@test.vn', 'dn-c@test.vn', 'dn-d@test.vn', 'leader@03nk.vn', 'leader@20.vn', 'officer@03nk.vn']) s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => platform.app.inject({ method, url, headers: as(s[who]!), ...(payload && { payload }) });
const drain = () => drainDeliveries(platform.deps);

const conference = () => ({
  kind: 'morning_coffee',
  title: 'Cà phê doanh nhân tháng 11: hoàn thuế, không thu thuế',
  agenda: '07:30 Khai mạc; 07:45 Trao đổi về hoàn thuế, phân loại mã HS; 08:45 Bế mạc',
  organizerUnitId: org['03NK'],
  place: 'Hội trường Chi cục, Khu công nghiệp Nomura, Hải Phòng',
  onlineUrl: null,
  capacity: 2,
  audience: 'branch',
  audienceUnitId: org['03NK'],
  startsAt: '2026-11-30T07:30:00+07:00',
  endsAt: '2026-11-30T09:00:00+07:00',
});

let eventId = '';
let questionId = '';

describe('dialogues and meetings', () => {
  it('refuses organizers outside their unit, officers, businesses and bad input', async () => {
    expect((await call('officer@03nk.vn', 'POST', '/api/events', conference())).statusCode).toBe(403);
    expect((await call('dn-a@test.vn', 'POST', '/api/events', conference())).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/events', conference())).statusCode).toBe(403);
    const reversed = await call('leader@03nk.vn', 'POST', '/api/events', { ...conference(), endsAt: '2026-11-30T07:00:00+07:00' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0]).toEqual({ field: 'endsAt', message: 'Thời gian kết thúc phải sau thời gian bắt đầu' });
    const noUnit = await call('leader@03nk.vn', 'POST', '/api/events', { ...conference(), audienceUnitId: null });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details[0].field).toBe('audienceUnitId');
    const past = await call('leader@03nk.vn', 'POST', '/api/events', { ...conference(), startsAt: '2026-11-01T07:30:00+07:00', endsAt: '2026-11-01T09:00:00+07:00' });
    expect(past.json().error.details[0].field).toBe('startsAt');
    expect(await platform.deps.db.selectFrom('events').select('id').execute()).toEqual([]);
  });

  it('publishes an event and invites the branch businesses by e-mail with a calendar file', async () => {
    const created = await call('leader@03nk.vn', 'POST', '/api/events', conference());
    expect(created.statusCode).toBe(201);
    eventId = created.json().id;
    expect(created.json()).toMatchObject({ canManage: true, registered: 0, status: 'published' });
    expect(await drain()).toBe(3); // a, b and d are managed by 03NK; c is not
    const mails = await smtp.waitFor(3);
    expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(['dn-a@test.vn', 'dn-b@test.vn', 'dn-d@test.vn']);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Thư mời: Cà phê doanh nhân tháng 11: hoàn thuế, không thu thuế');
    expect(mail.text).toContain('trân trọng kính mời Quý doanh nghiệp');
    expect(mail.text).toContain('Thứ Hai, 30/11/2026, 07:30–09:00');
    const ics = mail.attachments.find((a) => a.filename === 'su-kien.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const text = ics!.content.toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('DTSTART:20261130T003000Z\r\n');
    expect(text).toContain('DTEND:20261130T020000Z\r\n');
    expect(text).toContain(`UID:event-${eventId}@caunoi.customs.gov.vn`);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Cà phê doanh nhân tháng 11: hoàn thuế\\, không thu thuế\r\n');
    expect(unfolded).toContain('LOCATION:Hội trường Chi cục\\, Khu công nghiệp Nomura\\, Hải Phòng');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    smtp.messages.length = 0;
  });

  it('lets only the audience see and register, once each, within capacity', async () => {
    expect((await call('dn-c@test.vn', 'GET', `/api/events/${eventId}`)).statusCode).toBe(404);
    expect((await call('dn-c@test.vn', 'GET', '/api/events')).json()).toEqual([]);
    expect((await call('dn-c@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Trần Văn C' })).statusCode).toBe(404);
    expect((await call('leader@20.vn', 'GET', `/api/events/${eventId}`)).statusCode).toBe(404);
    const listed = (await call('dn-a@test.vn', 'GET', '/api/events?q=ca phe doanh nhan')).json() as { id: string }[];
    expect(listed.map((e) => e.id)).toEqual([eventId]);
    const a = await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Nguyễn Thị Hoa' });
    expect(a.statusCode).toBe(201);
    expect(a.json().registration.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Nguyễn Thị Hoa' })).json().error.code).toBe('conflict');
    expect((await call('dn-b@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Lê Văn Bình' })).statusCode).toBe(201);
    const full = await call('dn-d@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Phạm Thu' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe('Sự kiện đã đủ số lượng đăng ký');
    expect(await drain()).toBe(2);
    const confirmations = await smtp.waitFor(2);
    expect(confirmations[0]?.subject).toMatch(/^Xác nhận đăng ký: /);
    expect(confirmations[0]?.text).toContain('mã điểm danh');
    smtp.messages.length = 0;
  });

  it('takes questions in advance and one vote per other business', async () => {
    const asked = await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/questions`, { text: 'Hồ sơ hoàn thuế nhập khẩu nguyên liệu sản xuất xuất khẩu cần những chứng từ gì?' });
    expect(asked.statusCode).toBe(201);
    questionId = asked.json().questions[0].id;
    expect((await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/questions`, { text: 'ngắn' })).statusCode).toBe(400);
    expect((await call('dn-a@test.vn', 'POST', `/api/event-questions/${questionId}/votes`)).json().error.message).toBe('Không thể bình chọn câu hỏi của chính doanh nghiệp mình');
    const voted = await call('dn-b@test.vn', 'POST', `/api/event-questions/${questionId}/votes`);
    expect(voted.statusCode).toBe(200);
    expect(voted.json().questions[0]).toMatchObject({ votes: 1, myVote: true, mine: false, enterpriseName: null });
    expect((await call('dn-b@test.vn', 'POST', `/api/event-questions/${questionId}/votes`)).statusCode).toBe(409);
    expect((await call('dn-c@test.vn', 'POST', `/api/event-questions/${questionId}/votes`)).statusCode).toBe(404);
    expect((await call('leader@03nk.vn', 'POST', `/api/event-questions/${questionId}/votes`)).statusCode).toBe(403);
  });

  it('checks in by QR token or from the list, once, only by the organizer', async () => {
    const token = (await call('dn-a@test.vn', 'GET', `/api/events/${eventId}`)).json().registration.token as string;
    expect((await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/check-in`, { token })).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', `/api/events/${eventId}/check-in`, { token })).statusCode).toBe(404);
    const checked = await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/check-in`, { token });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().checkedIn).toBe(1);
    expect((await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/check-in`, { token })).statusCode).toBe(409);
    expect((await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/check-in`, { token: 'x'.repeat(24) })).statusCode).toBe(404);
    const audit = await platform.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'event.checked_in').execute();
    expect(audit.map((r) => r.details.by)).toEqual(['qr']);
  });

  it('records minutes after the event; every question becomes a follow-up; the answer reaches the participants', async () => {
    const early = await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/minutes`, { minutes: 'Biên bản hội nghị' });
    expect(early.json().error.code).toBe('conflict');
    platform.clock.set(new Date('2026-11-30T03:00:00Z'));
    const raised = await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/questions`, { text: 'Doanh nghiệp đề nghị kéo dài giờ làm việc tại cảng vào cuối tuần', taxCode: firms.b!.tax_code });
    expect(raised.statusCode).toBe(201);
    const minutes = await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/minutes`, { minutes: 'Chi cục đã giải đáp 5 vướng mắc; 2 kiến nghị cần trả lời bằng văn bản.', dueDays: 3 });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.json().status).toBe('held');
    expect(minutes.json().questions.every((q: { followUp: { dueAt: string } | null }) => q.followUp?.dueAt === '2026-12-03T03:00:00.000Z')).toBe(true);
    const open = (await call('leader@03nk.vn', 'GET', '/api/follow-ups')).json() as { id: string; ownerUnit: { code: string } }[];
    expect(open).toHaveLength(2);
    expect(open[0]?.ownerUnit.code).toBe('03NK');
    expect((await call('leader@20.vn', 'GET', '/api/follow-ups')).json()).toEqual([]);
    expect((await call('dn-a@test.vn', 'GET', '/api/follow-ups')).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', `/api/follow-ups/${questionId}/answer`, { answer: 'Không phải việc của Quảng Ninh' })).statusCode).toBe(404);

    const linked = await call('leader@03nk.vn', 'POST', `/api/follow-ups/${questionId}/link`, { kind: 'question_bank', ref: null });
    expect(linked.json().link).toEqual({ kind: 'question_bank', ref: null, status: 'requested' });
    const answered = await call('leader@03nk.vn', 'POST', `/api/follow-ups/${questionId}/answer`, { answer: 'Theo Điều 36 Thông tư 38/2015/TT-BTC, hồ sơ gồm công văn đề nghị hoàn thuế và hợp đồng xuất khẩu.' });
    expect(answered.statusCode).toBe(200);
    expect((await call('leader@03nk.vn', 'POST', `/api/follow-ups/${questionId}/answer`, { answer: 'Trả lời lần hai' })).statusCode).toBe(409);
    expect(await drain()).toBe(2);
    const mails = await smtp.waitFor(2);
    expect(mails[0]?.subject).toBe('Trả lời kiến nghị: Cà phê doanh nhân tháng 11: hoàn thuế, không thu thuế');
    expect(mails[0]?.text).toContain('Thông tư 38/2015/TT-BTC');
    const seen = (await call('dn-a@test.vn', 'GET', `/api/events/${eventId}`)).json();
    expect(seen.questions.find((q: { id: string }) => q.id === questionId).answer).toContain('Điều 36');
    expect(seen.minutes).toContain('5 vướng mắc');

    platform.clock.set(new Date('2026-12-04T03:00:00Z'));
    const overdue = (await call('leader@03nk.vn', 'GET', '/api/follow-ups?status=overdue')).json() as { overdue: boolean }[];
    expect(overdue).toHaveLength(1);
    const stats = (await call('leader@03nk.vn', 'GET', '/api/events/stats')).json();
    expect(stats.rows).toEqual([{ unit: { id: org['03NK'], code: '03NK', name: 'Chi cục Hải quan KCX và KCN Hải Phòng' }, kind: 'morning_coffee', events: 1, held: 1, registrations: 2, attended: 1 }]);
    expect(stats.followUps).toEqual({ open: 1, overdue: 1, answered: 1 });
    const actions = await platform.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'event.%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toContain('event.follow_up_answered');
  });

  it('generates the monthly morning coffee on the last Monday and invites each occurrence once, three weeks ahead', async () => {
    const series = await call('leader@03nk.vn', 'POST', '/api/events/series', {
      ...conference(),
      title: 'Cà phê doanh nhân',
      capacity: 60,
      fromMonth: '2027-01',
      months: 3,
      startTime: '07:30',
      durationMinutes: 90,
    });
    expect(series.statusCode).toBe(201);
    expect(series.json().map((e: { startsAt: string }) => e.startsAt)).toEqual(['2027-01-25T00:30:00.000Z', '2027-02-22T00:30:00.000Z', '2027-03-29T00:30:00.000Z']);
    const events = createEventService({ db: platform.deps.db, clock: platform.clock, publicBase: 'http://x', mailFrom: 'x <no-reply@x.vn>' });
    expect(await events.queueDueMail()).toEqual({ invited: 0, reminded: 0 });
    platform.clock.set(new Date('2027-01-05T03:00:00Z'));
    expect((await events.queueDueMail()).invited).toBe(3);
    expect((await events.queueDueMail()).invited).toBe(0);
  });

  it('handles a dialogue an enterprise requests: decline needs a reason; a proposed time can be taken up', async () => {
    platform.clock.set(new Date('2026-12-04T03:00:00Z'));
    const request = await call('dn-c@test.vn', 'POST', '/api/dialogue-requests', { unitId: org['20BB'], subject: 'Vướng mắc kiểm tra chuyên ngành hàng nông sản', description: 'Doanh nghiệp đề nghị đối thoại trực tiếp về thời gian kiểm tra chuyên ngành.' });
    expect(request.statusCode).toBe(201);
    const id = request.json().id as string;
    expect((await call('leader@03nk.vn', 'POST', `/api/dialogue-requests/${id}/decision`, { decision: 'decline', reason: 'Không thuộc thẩm quyền' })).statusCode).toBe(404);
    expect((await call('dn-c@test.vn', 'POST', `/api/dialogue-requests/${id}/decision`, { decision: 'decline', reason: 'Tự từ chối' })).statusCode).toBe(403);
    const noReason = await call('leader@20.vn', 'POST', `/api/dialogue-requests/${id}/decision`, { decision: 'decline' });
    expect(noReason.json().error.details[0].field).toBe('reason');
    const proposed = await call('leader@20.vn', 'POST', `/api/dialogue-requests/${id}/decision`, { decision: 'propose', proposedAt: '2026-12-18T14:00:00+07:00', place: 'Phòng họp Chi cục Hải quan cửa khẩu Móng Cái' });
    expect(proposed.json().status).toBe('proposed');
    expect((await call('leader@20.vn', 'POST', `/api/dialogue-requests/${id}/decision`, { decision: 'decline', reason: 'Đổi ý kiến' })).statusCode).toBe(409);
    const accepted = await call('dn-c@test.vn', 'POST', `/api/dialogue-requests/${id}/accept-proposal`);
    expect(accepted.json().status).toBe('accepted');
    const event = (await call('dn-c@test.vn', 'GET', `/api/events/${accepted.json().eventId}`)).json();
    expect(event).toMatchObject({ kind: 'enterprise_dialogue', audience: 'invited', startsAt: '2026-12-18T07:00:00.000Z', myRegistration: true });
    expect((await call('dn-a@test.vn', 'GET', `/api/events/${accepted.json().eventId}`)).statusCode).toBe(404);
    await drain();
    const mails = await smtp.waitFor(1);
    expect(mails.some((m) => m.subject === 'Đề nghị đối thoại: Vướng mắc kiểm tra chuyên ngành hàng nông sản')).toBe(true);
  });
});
