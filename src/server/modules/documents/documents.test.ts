import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';
import { createNewsletterService } from './newsletter.ts';

let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://caunoi.test' } });
  const db = platform.deps.db;
  org = await createOrg(db);
  const a = await createEnterprise(db, { name: 'Công ty TNHH Điện tử Hải An', managingUnitId: org['03NK'] });
  const b = await createEnterprise(db, { name: 'Công ty CP Thép Đình Vũ', managingUnitId: org['03NK'] });
  const association = await db
    .insertInto('associations')
    .values({ code: 'VCCI-HP', name_vi: 'VCCI Hải Phòng', name_en: 'VCCI Hai Phong' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('association_members').values({ association_id: association.id, enterprise_id: b.id }).execute();
  await createUser(db, { email: 'dn-a@test.vn', role: 'enterprise_user', enterpriseId: a.id });
  await createUser(db, { email: 'dn-b@test.vn', role: 'enterprise_user', enterpriseId: b.id });
  await createUser(db, { email: 'hiephoi@test.vn', role: 'association_rep', associationId: association.id });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'tonghop@gd.vn', role: 'gd_staff', unitId: org['00'] });
  for (const email of [
    'dn-a@test.vn',
    'dn-b@test.vn',
    'hiephoi@test.vn',
    'leader@03nk.vn',
    'leader@20.vn',
    'tonghop@gd.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

const refund = {
  number: '18/2021/NĐ-CP',
  docType: 'decree',
  issuer: 'Chính phủ',
  title: 'Nghị định sửa đổi, bổ sung Nghị định 134/2016/NĐ-CP về thuế xuất khẩu, thuế nhập khẩu',
  issuedOn: '2021-03-11',
  effectiveOn: '2021-04-25',
  summaryVi:
    'Sửa đổi hồ sơ, thủ tục hoàn thuế, không thu thuế đối với nguyên liệu nhập khẩu để sản xuất hàng xuất khẩu.',
  summaryEn: 'Amends the refund and non-collection procedures for imported materials used to make exports.',
  topics: ['tax_refund', 'processing_export'],
};
const procedures = {
  ...refund,
  summaryVi: 'Sửa đổi quy định về khai hải quan, kiểm tra hồ sơ, giám sát hải quan.',
  summaryEn: 'Amends declaration, document checks and supervision rules.',
  number: '39/2018/TT-BTC',
  docType: 'circular',
  issuer: 'Bộ Tài chính',
  title: 'Thông tư sửa đổi Thông tư 38/2015/TT-BTC về thủ tục hải quan',
  issuedOn: '2018-04-20',
  effectiveOn: '2018-06-05',
  topics: ['procedures'],
};

describe('information to businesses', () => {
  it('keeps the library: officers add, anyone reads and searches without diacritics', async () => {
    expect((await call(null, 'POST', '/api/documents', refund)).statusCode).toBe(401);
    expect((await call('dn-a@test.vn', 'POST', '/api/documents', refund)).statusCode).toBe(403);
    expect(
      (await call('leader@03nk.vn', 'POST', '/api/documents', { ...refund, topics: [] })).json().error.details[0].field,
    ).toBe('topics');
    expect((await call('leader@03nk.vn', 'POST', '/api/documents', refund)).statusCode).toBe(201);
    expect((await call('leader@03nk.vn', 'POST', '/api/documents', refund)).json().error.details[0].field).toBe(
      'number',
    );
    expect((await call('leader@03nk.vn', 'POST', '/api/documents', procedures)).statusCode).toBe(201);
    const found = (await call(null, 'GET', '/api/documents?q=hoan thue')).json() as { number: string }[];
    expect(found.map((d) => d.number)).toEqual(['18/2021/NĐ-CP']);
    expect(
      ((await call(null, 'GET', '/api/documents?topic=procedures')).json() as { number: string }[]).map(
        (d) => d.number,
      ),
    ).toEqual(['39/2018/TT-BTC']);
  });

  it('takes subscriptions from businesses and from associations for their members', async () => {
    expect((await call('leader@03nk.vn', 'PUT', '/api/subscriptions/me', { topics: ['procedures'] })).statusCode).toBe(
      403,
    );
    expect(
      (await call('dn-a@test.vn', 'PUT', '/api/subscriptions/me', { topics: ['tax_refund', 'nonsense'] })).statusCode,
    ).toBe(400);
    expect((await call('dn-a@test.vn', 'PUT', '/api/subscriptions/me', { topics: ['tax_refund'] })).json()).toEqual({
      kind: 'enterprise',
      topics: ['tax_refund'],
      active: true,
      members: null,
    });
    expect((await call('hiephoi@test.vn', 'PUT', '/api/subscriptions/me', { topics: ['procedures'] })).json()).toEqual({
      kind: 'association',
      topics: ['procedures'],
      active: true,
      members: 1,
    });
  });

  it('drafts the monthly email, an officer reviews and sends it once, with a one-click unsubscribe that works', async () => {
    expect((await call('dn-a@test.vn', 'POST', '/api/newsletters', { month: '2026-11' })).statusCode).toBe(403);
    const service = createNewsletterService({
      db: platform.deps.db,
      clock: platform.clock,
      publicBase: 'https://caunoi.test',
    });
    await platform.deps.db
      .insertInto('qa_entries')
      .values({
        category: 'tax_refund',
        tags: ['hoàn thuế'],
        status: 'published',
        title_vi: 'Hồ sơ hoàn thuế nhập khẩu nguyên liệu gồm những gì?',
        body_vi: 'Hồ sơ gồm công văn đề nghị hoàn thuế, hợp đồng xuất khẩu và chứng từ thanh toán.',
        title_en: 'What is in an import duty refund dossier?',
        body_en: 'A refund request, the export contract and payment documents.',
        legal_basis: JSON.stringify([{ document: '134/2016/NĐ-CP', article: 'Điều 36', effectiveDate: '2016-09-01' }]),
        search_title: 'ho so hoan thue nhap khau nguyen lieu gom nhung gi',
        search_text: 'ho so hoan thue nhap khau nguyen lieu',
        published_at: new Date('2026-11-20T03:00:00Z'),
      })
      .execute();
    platform.clock.set(new Date('2026-12-01T02:00:00Z'));
    const draftId = await service.draftPreviousMonth();
    expect(draftId).not.toBeNull();
    expect(await service.draftPreviousMonth()).toBeNull();
    // The job's draft is the General Department's national issue: a branch cannot see it.
    expect((await call('leader@03nk.vn', 'GET', `/api/newsletters/${draftId}`)).statusCode).toBe(404);
    expect((await call('leader@03nk.vn', 'GET', '/api/newsletters')).json()).toEqual([]);
    const draft = (await call('tonghop@gd.vn', 'GET', `/api/newsletters/${draftId}`)).json();
    expect(draft).toMatchObject({ month: '2026-11', status: 'draft' });
    expect(draft.items).toHaveLength(3);
    expect(draft.items.find((i: { kind: string }) => i.kind === 'question')).toMatchObject({ topics: ['tax_refund'] });
    const reviewed = await call('tonghop@gd.vn', 'POST', `/api/newsletters/${draftId}/review`, {
      introVi: 'Kính gửi Quý doanh nghiệp, Cục Hải quan Hải Phòng gửi bản tin tháng 11/2026.',
    });
    expect(reviewed.statusCode).toBe(200);
    const sent = await call('tonghop@gd.vn', 'POST', `/api/newsletters/${draftId}/send`);
    expect(sent.json()).toMatchObject({ status: 'sent', recipients: 3, delivery: { pending: 3 } });
    expect((await call('tonghop@gd.vn', 'POST', `/api/newsletters/${draftId}/send`)).statusCode).toBe(409);
    expect(await drainDeliveries(platform.deps)).toBe(3);
    const mails = await smtp.waitFor(3);
    const to = (m: (typeof mails)[number]) => (m.to && 'text' in m.to ? m.to.text : '');
    expect(mails.map(to).sort()).toEqual(['dn-a@test.vn', 'dn-b@test.vn', 'hiephoi@test.vn']);
    const mailA = mails.find((m) => to(m) === 'dn-a@test.vn')!;
    expect(mailA.subject).toBe('Bản tin hải quan tháng 11/2026');
    expect(mailA.text).toContain('Cục Hải quan Hải Phòng gửi bản tin tháng 11/2026');
    expect(mailA.text).toContain('18/2021/NĐ-CP');
    expect(mailA.text).not.toContain('39/2018/TT-BTC'); // not in its topics
    expect(mailA.text).toContain('HỎI ĐÁP MỚI\n• Hồ sơ hoàn thuế nhập khẩu nguyên liệu gồm những gì?');
    expect(mails.find((m) => to(m) === 'dn-b@test.vn')!.text).toContain('39/2018/TT-BTC');
    const raw = (key: string) => mailA.headerLines.find((l) => l.key === key)?.line ?? '';
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const listHeader = raw('list-unsubscribe');
    const url = /https:\/\/caunoi\.test(\/api\/newsletter\/unsubscribe\/[A-Za-z0-9_-]+)/.exec(listHeader)?.[1];
    expect(url).toBeDefined();
    expect(mailA.text).toContain(`https://caunoi.test/huy-dang-ky/${url!.split('/').pop()}`);
    expect((await platform.app.inject({ method: 'GET', url: url! })).json()).toEqual({
      email: 'dn••@test.vn',
      unsubscribed: false,
    });
    const oneClick = await platform.app.inject({
      method: 'POST',
      url: url!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json()).toEqual({ email: 'dn••@test.vn', unsubscribed: true });
    expect((await call('dn-a@test.vn', 'GET', '/api/subscriptions/me')).json()).toMatchObject({ active: false });
    expect(
      (await platform.app.inject({ method: 'POST', url: '/api/newsletter/unsubscribe/' + 'x'.repeat(24) })).statusCode,
    ).toBe(404);

    // Next month: the unsubscribed address is left out.
    await call('leader@03nk.vn', 'POST', '/api/documents', {
      ...refund,
      number: '08/2015/NĐ-CP-test',
      topics: ['tax_refund', 'procedures'],
    });
    const next = await call('leader@03nk.vn', 'POST', '/api/newsletters', { month: '2026-12' });
    expect(next.statusCode).toBe(201);
    const second = await call('leader@03nk.vn', 'POST', `/api/newsletters/${next.json().id}/send`);
    expect(second.json().recipients).toBe(2);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'newsletter.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'newsletter.drafted',
      'newsletter.reviewed',
      'newsletter.sent',
      'newsletter.unsubscribed',
      'newsletter.drafted',
      'newsletter.sent',
    ]);
  });

  it('publishes announcements for a unit’s businesses on the public home page', async () => {
    const body = {
      unitId: org['03NK'],
      title: 'Thông báo lịch làm thủ tục dịp Tết Dương lịch 2027',
      body: 'Chi cục bố trí công chức làm thủ tục xuyên suốt ngày 1/1/2027 đối với hàng xuất khẩu.',
      expiresOn: '2027-01-05',
    };
    expect((await call('leader@20.vn', 'POST', '/api/announcements', body)).statusCode).toBe(403);
    expect((await call('dn-a@test.vn', 'POST', '/api/announcements', body)).statusCode).toBe(403);
    expect((await call('leader@03nk.vn', 'POST', '/api/announcements', body)).statusCode).toBe(201);
    expect(
      ((await call(null, 'GET', '/api/announcements?unit=03NK')).json() as { title: string }[]).map((a) => a.title),
    ).toEqual([body.title]);
    expect((await call(null, 'GET', '/api/announcements?unit=20BB')).json()).toEqual([]);
    platform.clock.set(new Date('2027-01-06T03:00:00Z'));
    expect((await call(null, 'GET', '/api/announcements')).json()).toEqual([]);
  });
});
