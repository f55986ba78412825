import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';
import { createEventService } from './service.ts';

// Each test publishes the events it works on, with a title of its own; blocks whose
// figures must be exact use a branch no other test organizes for. The clock is back
// at START after every test: any test runs alone, in any order.
const START = new Date('2026-11-23T03:00:00Z');
let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
const s: Record<string, Session> = {};
const firms: Record<string, { id: string; tax_code: string }> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url }, now: START });
  const db = platform.deps.db;
  org = await createOrg(db);
  firms.a = await createEnterprise(db, { name: 'Công ty TNHH Điện tử Hải An', managingUnitId: org['03NK'] });
  firms.b = await createEnterprise(db, { name: 'Công ty CP Thép Đình Vũ', managingUnitId: org['03NK'] });
  firms.d = await createEnterprise(db, { name: 'Công ty TNHH May Tiên Lãng', managingUnitId: org['03NK'] });
  firms.c = await createEnterprise(db, { name: 'Công ty TNHH Thương mại Móng Cái', managingUnitId: org['20BB'] });
  firms.e = await createEnterprise(db, { name: 'Công ty TNHH Nông sản Hải Hà', managingUnitId: org['20BB'] });
  for (const key of ['a', 'b', 'c', 'd', 'e'])
    await createUser(db, {
      email: `dn-${key}@test.vn`,
      role: 'enterprise_user',
      enterpriseId: firms[key]!.id,
      fullName: `Người dùng ${key}`,
    });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of [
    'dn-a@test.vn',
    'dn-b@test.vn',
    'dn-c@test.vn',
    'dn-d@test.vn',
    'dn-e@test.vn',
    'leader@03nk.vn',
    'leader@20.vn',
    'officer@03nk.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});
afterEach(() => platform.clock.set(START));

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: as(s[who]!), ...(payload && { payload }) });
const drain = () => drainDeliveries(platform.deps);

/** The mail queued under a key prefix (`event:<id>:invite:`), to whom. */
async function queuedTo(keyPrefix: string): Promise<string[]> {
  const rows = await platform.deps.db
    .selectFrom('mail_deliveries')
    .select('to_address')
    .where('key', 'like', `${keyPrefix}%`)
    .execute();
  return rows.map((row) => row.to_address).sort();
}

const subjectIs = (subject: string) => (mail: { subject?: string | undefined }) => mail.subject === subject;

/** A new event organized by `who`, with its invitations sent. */
async function publish(
  overrides: Record<string, unknown>,
  who = 'leader@03nk.vn',
): Promise<{ id: string; title: string }> {
  const created = await call(who, 'POST', '/api/events', { ...conference(), ...overrides });
  expect(created.statusCode).toBe(201);
  await drain();
  return created.json() as { id: string; title: string };
}

async function register(eventId: string, who: string, attendeeName: string): Promise<void> {
  expect((await call(who, 'POST', `/api/events/${eventId}/registrations`, { attendeeName })).statusCode).toBe(201);
}

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

describe('publishing an event', () => {
  it('refuses organizers outside their unit, officers, businesses and bad input', async () => {
    const events = async () =>
      (await platform.deps.db.selectFrom('events').select('id').execute()).map((row) => row.id).sort();
    const before = await events();
    expect((await call('officer@03nk.vn', 'POST', '/api/events', conference())).statusCode).toBe(403);
    expect((await call('dn-a@test.vn', 'POST', '/api/events', conference())).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/events', conference())).statusCode).toBe(403);
    const reversed = await call('leader@03nk.vn', 'POST', '/api/events', {
      ...conference(),
      endsAt: '2026-11-30T07:00:00+07:00',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0]).toEqual({
      field: 'endsAt',
      message: 'Thời gian kết thúc phải sau thời gian bắt đầu',
    });
    const noUnit = await call('leader@03nk.vn', 'POST', '/api/events', { ...conference(), audienceUnitId: null });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details[0].field).toBe('audienceUnitId');
    const past = await call('leader@03nk.vn', 'POST', '/api/events', {
      ...conference(),
      startsAt: '2026-11-01T07:30:00+07:00',
      endsAt: '2026-11-01T09:00:00+07:00',
    });
    expect(past.json().error.details[0].field).toBe('startsAt');
    expect(await events()).toEqual(before);
  });

  it('publishes an event and invites the branch businesses by e-mail with a calendar file', async () => {
    const created = await call('leader@03nk.vn', 'POST', '/api/events', conference());
    expect(created.statusCode).toBe(201);
    const eventId = created.json().id as string;
    expect(created.json()).toMatchObject({ canManage: true, registered: 0, status: 'published' });
    expect(await queuedTo(`event:${eventId}:invite:`)).toEqual(['dn-a@test.vn', 'dn-b@test.vn', 'dn-d@test.vn']); // a, b and d are managed by 03NK; c is not
    await drain();
    const subject = 'Thư mời: Cà phê doanh nhân tháng 11: hoàn thuế, không thu thuế';
    const mails = (await smtp.waitForMatching(subjectIs(subject), 3)).filter((m) =>
      m.attachments.some((a) => a.content.toString('utf8').includes(`UID:event-${eventId}@`)),
    );
    expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual([
      'dn-a@test.vn',
      'dn-b@test.vn',
      'dn-d@test.vn',
    ]);
    const mail = mails[0]!;
    expect(mail.subject).toBe(subject);
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
    expect(series.json().map((e: { startsAt: string }) => e.startsAt)).toEqual([
      '2027-01-25T00:30:00.000Z',
      '2027-02-22T00:30:00.000Z',
      '2027-03-29T00:30:00.000Z',
    ]);
    const events = createEventService({
      db: platform.deps.db,
      clock: platform.clock,
      publicBase: 'http://x',
      mailFrom: 'x <no-reply@x.vn>',
    });
    expect(await events.queueDueMail()).toEqual({ invited: 0, reminded: 0 });
    platform.clock.set(new Date('2027-01-05T03:00:00Z'));
    expect((await events.queueDueMail()).invited).toBe(3);
    expect((await events.queueDueMail()).invited).toBe(0);
    const january = (series.json() as { id: string }[])[0]!.id;
    expect(await queuedTo(`event:${january}:invite:`)).toEqual(['dn-a@test.vn', 'dn-b@test.vn', 'dn-d@test.vn']);
  });
});

describe('registering for an event', () => {
  const title = 'Hội thảo hướng dẫn thủ tục hải quan điện tử';
  let eventId = '';
  beforeAll(async () => {
    eventId = (await publish({ title })).id;
  });

  it('lets only the audience see and register, once each, within capacity', async () => {
    expect((await call('dn-c@test.vn', 'GET', `/api/events/${eventId}`)).statusCode).toBe(404);
    expect((await call('dn-c@test.vn', 'GET', '/api/events')).json()).toEqual([]);
    expect(
      (await call('dn-c@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Trần Văn C' }))
        .statusCode,
    ).toBe(404);
    expect((await call('leader@20.vn', 'GET', `/api/events/${eventId}`)).statusCode).toBe(404);
    const listed = (await call('dn-a@test.vn', 'GET', '/api/events?q=hoi thao huong dan')).json() as { id: string }[];
    expect(listed.map((e) => e.id)).toEqual([eventId]);
    const a = await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/registrations`, {
      attendeeName: 'Nguyễn Thị Hoa',
    });
    expect(a.statusCode).toBe(201);
    expect(a.json().registration.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(
      (
        await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Nguyễn Thị Hoa' })
      ).json().error.code,
    ).toBe('conflict');
    expect(
      (await call('dn-b@test.vn', 'POST', `/api/events/${eventId}/registrations`, { attendeeName: 'Lê Văn Bình' }))
        .statusCode,
    ).toBe(201);
    const full = await call('dn-d@test.vn', 'POST', `/api/events/${eventId}/registrations`, {
      attendeeName: 'Phạm Thu',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe('Sự kiện đã đủ số lượng đăng ký');
    expect(await queuedTo(`event:${eventId}:registered:`)).toEqual(['dn-a@test.vn', 'dn-b@test.vn']);
    await drain();
    const confirmations = await smtp.waitForMatching(subjectIs(`Xác nhận đăng ký: ${title}`), 2);
    expect(confirmations).toHaveLength(2);
    expect(confirmations[0]?.text).toContain('mã điểm danh');
  });
});

describe('questions and check-in at an event', () => {
  let eventId = '';
  beforeAll(async () => {
    eventId = (await publish({ title: 'Đối thoại doanh nghiệp về hoàn thuế' })).id;
    await register(eventId, 'dn-a@test.vn', 'Nguyễn Thị Hoa');
    await register(eventId, 'dn-b@test.vn', 'Lê Văn Bình');
  });

  it('takes questions in advance and one vote per other business', async () => {
    const asked = await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/questions`, {
      text: 'Hồ sơ hoàn thuế nhập khẩu nguyên liệu sản xuất xuất khẩu cần những chứng từ gì?',
    });
    expect(asked.statusCode).toBe(201);
    const questionId = asked.json().questions[0].id as string;
    expect((await call('dn-a@test.vn', 'POST', `/api/events/${eventId}/questions`, { text: 'ngắn' })).statusCode).toBe(
      400,
    );
    expect((await call('dn-a@test.vn', 'POST', `/api/event-questions/${questionId}/votes`)).json().error.message).toBe(
      'Không thể bình chọn câu hỏi của chính doanh nghiệp mình',
    );
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
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/events/${eventId}/check-in`, { token: 'x'.repeat(24) })).statusCode,
    ).toBe(404);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'event.checked_in')
      .where('entity_id', '=', eventId)
      .execute();
    expect(audit.map((r) => r.details.by)).toEqual(['qr']);
  });
});

describe('after an event', () => {
  // Organized by 03CE, a branch no other test organizes for, so its figures are exact.
  const title = 'Cà phê doanh nhân cảng Hải Phòng khu vực III';
  let eventId = '';
  let questionId = '';
  let taxCodeF = '';
  beforeAll(async () => {
    const db = platform.deps.db;
    const e = await createEnterprise(db, { name: 'Công ty TNHH Logistics Cảng Xanh', managingUnitId: org['03CE'] });
    const f = await createEnterprise(db, { name: 'Công ty CP Vận tải Biển Đông', managingUnitId: org['03CE'] });
    taxCodeF = f.tax_code;
    await createUser(db, { email: 'dn-ce-e@test.vn', role: 'enterprise_user', enterpriseId: e.id });
    await createUser(db, { email: 'dn-ce-f@test.vn', role: 'enterprise_user', enterpriseId: f.id });
    await createUser(db, { email: 'leader@03ce.vn', role: 'branch_leader', unitId: org['03CE'] });
    for (const email of ['dn-ce-e@test.vn', 'dn-ce-f@test.vn', 'leader@03ce.vn'])
      s[email] = await signIn(platform, email, TEST_PASSWORD);
    eventId = (await publish({ title, organizerUnitId: org['03CE'], audienceUnitId: org['03CE'] }, 'leader@03ce.vn'))
      .id;
    await register(eventId, 'dn-ce-e@test.vn', 'Đỗ Minh Châu');
    await register(eventId, 'dn-ce-f@test.vn', 'Vũ Thị Lan');
    const asked = await call('dn-ce-e@test.vn', 'POST', `/api/events/${eventId}/questions`, {
      text: 'Hồ sơ hoàn thuế nhập khẩu nguyên liệu sản xuất xuất khẩu cần những chứng từ gì?',
    });
    questionId = asked.json().questions[0].id as string;
    const token = (await call('dn-ce-e@test.vn', 'GET', `/api/events/${eventId}`)).json().registration.token as string;
    expect((await call('leader@03ce.vn', 'POST', `/api/events/${eventId}/check-in`, { token })).statusCode).toBe(200);
    // And one elsewhere, that 03CE's figures must not count.
    await publish({ title: 'Hội nghị doanh nghiệp KCX Hải Phòng' });
    await drain();
  });

  it('records minutes after the event; every question becomes a follow-up; the answer reaches the participants', async () => {
    const early = await call('leader@03ce.vn', 'POST', `/api/events/${eventId}/minutes`, {
      minutes: 'Biên bản hội nghị',
    });
    expect(early.json().error.code).toBe('conflict');
    platform.clock.set(new Date('2026-11-30T03:00:00Z'));
    const raised = await call('leader@03ce.vn', 'POST', `/api/events/${eventId}/questions`, {
      text: 'Doanh nghiệp đề nghị kéo dài giờ làm việc tại cảng vào cuối tuần',
      taxCode: taxCodeF,
    });
    expect(raised.statusCode).toBe(201);
    const minutes = await call('leader@03ce.vn', 'POST', `/api/events/${eventId}/minutes`, {
      minutes: 'Chi cục đã giải đáp 5 vướng mắc; 2 kiến nghị cần trả lời bằng văn bản.',
      dueDays: 3,
    });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.json().status).toBe('held');
    expect(
      minutes
        .json()
        .questions.every(
          (q: { followUp: { dueAt: string } | null }) => q.followUp?.dueAt === '2026-12-03T03:00:00.000Z',
        ),
    ).toBe(true);
    const open = (await call('leader@03ce.vn', 'GET', '/api/follow-ups')).json() as {
      id: string;
      ownerUnit: { code: string };
    }[];
    expect(open).toHaveLength(2);
    expect(open[0]?.ownerUnit.code).toBe('03CE');
    expect((await call('leader@20.vn', 'GET', '/api/follow-ups')).json()).toEqual([]);
    expect((await call('dn-ce-e@test.vn', 'GET', '/api/follow-ups')).statusCode).toBe(403);
    expect(
      (
        await call('leader@20.vn', 'POST', `/api/follow-ups/${questionId}/answer`, {
          answer: 'Không phải việc của Quảng Ninh',
        })
      ).statusCode,
    ).toBe(404);

    const linked = await call('leader@03ce.vn', 'POST', `/api/follow-ups/${questionId}/link`, {
      kind: 'question_bank',
      ref: null,
    });
    expect(linked.json().link).toEqual({ kind: 'question_bank', ref: null, status: 'requested' });
    const answered = await call('leader@03ce.vn', 'POST', `/api/follow-ups/${questionId}/answer`, {
      answer: 'Theo Điều 36 Thông tư 38/2015/TT-BTC, hồ sơ gồm công văn đề nghị hoàn thuế và hợp đồng xuất khẩu.',
    });
    expect(answered.statusCode).toBe(200);
    expect(
      (await call('leader@03ce.vn', 'POST', `/api/follow-ups/${questionId}/answer`, { answer: 'Trả lời lần hai' }))
        .statusCode,
    ).toBe(409);
    expect(await queuedTo(`event:${eventId}:answer:`)).toEqual(['dn-ce-e@test.vn', 'dn-ce-f@test.vn']);
    await drain();
    const mails = await smtp.waitForMatching(subjectIs(`Trả lời kiến nghị: ${title}`), 2);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.text).toContain('Thông tư 38/2015/TT-BTC');
    const seen = (await call('dn-ce-e@test.vn', 'GET', `/api/events/${eventId}`)).json();
    expect(seen.questions.find((q: { id: string }) => q.id === questionId).answer).toContain('Điều 36');
    expect(seen.minutes).toContain('5 vướng mắc');

    platform.clock.set(new Date('2026-12-04T03:00:00Z'));
    const overdue = (await call('leader@03ce.vn', 'GET', '/api/follow-ups?status=overdue')).json() as {
      overdue: boolean;
    }[];
    expect(overdue).toHaveLength(1);
    const stats = (await call('leader@03ce.vn', 'GET', '/api/events/stats')).json();
    expect(stats.rows).toEqual([
      {
        unit: { id: org['03CE'], code: '03CE', name: 'Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực III' },
        kind: 'morning_coffee',
        events: 1,
        held: 1,
        registrations: 2,
        attended: 1,
      },
    ]);
    expect(stats.followUps).toEqual({ open: 1, overdue: 1, answered: 1 });
    const actions = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'event.%')
      .where('entity_id', '=', questionId)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toContain('event.follow_up_answered');
  });
});

describe('dialogues a business asks for', () => {
  it('handles a dialogue an enterprise requests: decline needs a reason; a proposed time can be taken up', async () => {
    platform.clock.set(new Date('2026-12-04T03:00:00Z'));
    const request = await call('dn-e@test.vn', 'POST', '/api/dialogue-requests', {
      unitId: org['20BB'],
      subject: 'Vướng mắc kiểm tra chuyên ngành hàng nông sản',
      description: 'Doanh nghiệp đề nghị đối thoại trực tiếp về thời gian kiểm tra chuyên ngành.',
    });
    expect(request.statusCode).toBe(201);
    const id = request.json().id as string;
    expect(
      (
        await call('leader@03nk.vn', 'POST', `/api/dialogue-requests/${id}/decision`, {
          decision: 'decline',
          reason: 'Không thuộc thẩm quyền',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('dn-e@test.vn', 'POST', `/api/dialogue-requests/${id}/decision`, {
          decision: 'decline',
          reason: 'Tự từ chối',
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await call('leader@20.vn', 'POST', `/api/dialogue-requests/${id}/decision`, {
      decision: 'decline',
    });
    expect(noReason.json().error.details[0].field).toBe('reason');
    const proposed = await call('leader@20.vn', 'POST', `/api/dialogue-requests/${id}/decision`, {
      decision: 'propose',
      proposedAt: '2026-12-18T14:00:00+07:00',
      place: 'Phòng họp Chi cục Hải quan cửa khẩu Móng Cái',
    });
    expect(proposed.json().status).toBe('proposed');
    expect(
      (
        await call('leader@20.vn', 'POST', `/api/dialogue-requests/${id}/decision`, {
          decision: 'decline',
          reason: 'Đổi ý kiến',
        })
      ).statusCode,
    ).toBe(409);
    const accepted = await call('dn-e@test.vn', 'POST', `/api/dialogue-requests/${id}/accept-proposal`);
    expect(accepted.json().status).toBe('accepted');
    const event = (await call('dn-e@test.vn', 'GET', `/api/events/${accepted.json().eventId}`)).json();
    expect(event).toMatchObject({
      kind: 'enterprise_dialogue',
      audience: 'invited',
      startsAt: '2026-12-18T07:00:00.000Z',
      myRegistration: true,
    });
    expect((await call('dn-a@test.vn', 'GET', `/api/events/${accepted.json().eventId}`)).statusCode).toBe(404);
    expect((await call('dn-c@test.vn', 'GET', `/api/events/${accepted.json().eventId}`)).statusCode).toBe(404);
    await drain();
    const mails = await smtp.waitForMatching(
      subjectIs('Đề nghị đối thoại: Vướng mắc kiểm tra chuyên ngành hàng nông sản'),
    );
    expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toContain('dn-e@test.vn');
  });
});
