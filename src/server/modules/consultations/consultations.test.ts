import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationDetail, GroupedView, PublicComment } from '../../../contracts/consultations.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

// 22:00 on 1 December 2026, Vietnam time.
const START = new Date('2026-12-01T15:00:00Z');
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let associationId: string;
const firms: { id: string; name: string }[] = [];
const s: Record<string, Session> = {};

const DRAFT = [
  'THÔNG TƯ sửa đổi quy định về hoàn thuế',
  'Điều 1. Phạm vi điều chỉnh',
  'Thông tư này quy định hồ sơ hoàn thuế nhập khẩu.',
  'Điều 2. Hồ sơ hoàn thuế',
  '1. Công văn đề nghị hoàn thuế.',
  '2. Bản chụp hợp đồng xuất khẩu.',
  'Điều 3. Thời hạn giải quyết',
  'Cơ quan hải quan giải quyết trong 10 ngày làm việc.',
].join('\n');

beforeAll(async () => {
  platform = await startTestPlatform({ now: START });
  const db = platform.deps.db;
  org = await createOrg(db);
  associationId = (
    await db
      .insertInto('associations')
      .values({ code: 'VASEP', name_vi: 'Hiệp hội Thủy sản', name_en: 'VASEP' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (let i = 0; i < 4; i++) {
    const firm = await createEnterprise(db, { name: `Công ty Thủy sản Số ${i}` });
    firms.push(firm);
    await createUser(db, { email: `dn${i}@test.vn`, role: 'enterprise_user', enterpriseId: firm.id });
    if (i < 3)
      await db
        .insertInto('association_members')
        .values({ association_id: associationId, enterprise_id: firm.id })
        .execute();
  }
  await createUser(db, { email: 'rep@vasep.vn', role: 'association_rep', associationId });
  await createUser(db, { email: 'gd@tchq.vn', role: 'gd_staff', unitId: org['00'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of [
    'gd@tchq.vn',
    'leader@20.vn',
    'officer@03nk.vn',
    'rep@vasep.vn',
    'dn0@test.vn',
    'dn1@test.vn',
    'dn2@test.vn',
    'dn3@test.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
  // dn3 follows tax refunds.
  const dn3 = await db.selectFrom('users').select('id').where('email', '=', 'dn3@test.vn').executeTakeFirstOrThrow();
  await db
    .insertInto('topic_subscriptions')
    .values({
      kind: 'enterprise',
      user_id: dn3.id,
      enterprise_id: firms[3]!.id,
      topics: ['tax_refund'],
      updated_at: new Date(),
    })
    .execute();
});
afterAll(async () => {
  await platform.close();
});

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

const body = (over: object = {}) => ({
  ownerUnitId: org['00'],
  title: 'Dự thảo Thông tư sửa đổi quy định về hoàn thuế',
  summary: 'Lấy ý kiến doanh nghiệp về hồ sơ hoàn thuế',
  docType: 'circular',
  draftText: DRAFT,
  topics: ['tax_refund'],
  opensAt: '2026-12-01T08:00',
  closesAt: '2026-12-10T17:00',
  responseDueOn: '2026-12-20',
  questions: [{ key: 'q1', text: 'Thời hạn 10 ngày có phù hợp?' }],
  ...over,
});

describe('consultations', () => {
  let id: string;
  const comments: Record<string, PublicComment> = {};

  it('splits the draft into articles, refuses a draft without them, naming the field', async () => {
    const bad = await call('gd@tchq.vn', 'POST', '/api/consultations', body({ draftText: 'Không có điều nào' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('draftText');
    expect(bad.json().error.details[0].message).toContain('Điều N.');
    const order = await call('gd@tchq.vn', 'POST', '/api/consultations', body({ closesAt: '2026-11-30T08:00' }));
    expect(order.json().error.details[0].field).toBe('closesAt');
    expect((await call('dn0@test.vn', 'POST', '/api/consultations', body())).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/consultations', body())).statusCode).toBe(403);
    const created = await call('gd@tchq.vn', 'POST', '/api/consultations', body());
    expect(created.statusCode).toBe(201);
    const detail = created.json() as ConsultationDetail;
    id = detail.id;
    expect(detail.phase).toBe('draft');
    expect(detail.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(detail.articles[1]!.body).toContain('Bản chụp hợp đồng');
    // A hidden draft: 404 to the public and to businesses.
    expect((await call(null, 'GET', `/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await call('dn0@test.vn', 'GET', `/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/consultations')).json()).toEqual([]);
  });

  it('reads a DOCX and splits it, and names the file when it cannot', async () => {
    const zip = new JSZip();
    const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    zip.file('word/document.xml', `<w:document><w:body>${DRAFT.split('\n').map(para).join('')}</w:body></w:document>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const upload = (name: string, content: Buffer) => {
      const boundary = 'x-boundary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return platform.app.inject({
        method: 'POST',
        url: '/api/consultations/docx-text',
        headers: { ...as(s['gd@tchq.vn']!), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const ok = await upload('du-thao.docx', bytes);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().articles).toHaveLength(3);
    const pdf = await upload('du-thao.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.json().error.details[0]).toMatchObject({ field: 'file' });
    const broken = await upload('du-thao.docx', Buffer.from('not a zip'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0].field).toBe('file');
  });

  it('opens, telling topic subscribers; the public browses and searches without diacritics', async () => {
    expect((await call('leader@20.vn', 'POST', `/api/consultations/${id}/open`)).statusCode).toBe(404);
    const opened = await call('gd@tchq.vn', 'POST', `/api/consultations/${id}/open`);
    expect(opened.json().phase).toBe('open');
    const mail = await platform.deps.db
      .selectFrom('mail_deliveries')
      .select(['to_address', 'subject'])
      .where('key', 'like', 'consultation-open:%')
      .execute();
    expect(mail).toEqual([{ to_address: 'dn3@test.vn', subject: expect.stringContaining('Lấy ý kiến dự thảo') }]);
    const found = await call(null, 'GET', '/api/consultations?q=hoan%20thue');
    expect(found.json().map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await call(null, 'GET', '/api/consultations?q=xuat%20xu')).json()).toEqual([]);
  });

  it('takes comments: named by field when bad, anonymous hidden from every public answer', async () => {
    const empty = await call('dn0@test.vn', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 2,
      body: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toMatchObject({ field: 'body', message: 'Ý kiến không được để trống' });
    const long = await call('dn0@test.vn', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 2,
      body: 'x'.repeat(5001),
    });
    expect(long.json().error.details[0].field).toBe('body');
    const noArticle = await call('dn0@test.vn', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 9,
      body: 'Ý kiến',
    });
    expect(noArticle.json().error.details[0].field).toBe('articleNumber');
    expect((await call(null, 'POST', `/api/consultations/${id}/comments`, { body: 'x' })).statusCode).toBe(401);
    expect((await call('officer@03nk.vn', 'POST', `/api/consultations/${id}/comments`, { body: 'x' })).statusCode).toBe(
      403,
    );
    const text = 'Đề nghị bỏ yêu cầu bản chụp hợp đồng xuất khẩu vì đã có trên hệ thống VNACCS của hải quan';
    for (const [who, t, anonymous] of [
      ['dn0@test.vn', text, true],
      [
        'dn1@test.vn',
        'De nghi bo yeu cau ban chup hop dong xuat khau vi da co tren he thong VNACCS cua hai quan',
        false,
      ],
      ['dn2@test.vn', 'Thời hạn 10 ngày là quá dài, đề nghị rút xuống 5 ngày làm việc', false],
    ] as const) {
      const r = await call(who, 'POST', `/api/consultations/${id}/comments`, {
        articleNumber: who === 'dn2@test.vn' ? 3 : 2,
        clause: who === 'dn2@test.vn' ? null : 'Khoản 2',
        body: t,
        proposedWording: who === 'dn0@test.vn' ? '2. Số hợp đồng xuất khẩu.' : null,
        anonymous,
        answers: { q1: 'Không' },
      });
      expect(r.statusCode).toBe(201);
      comments[who] = r.json();
    }
    const list = await call(null, 'GET', `/api/consultations/${id}/comments`);
    const anon = list.json().find((c: PublicComment) => c.id === comments['dn0@test.vn']!.id);
    expect(anon.commenter).toBeNull();
    const raw = list.body + (await call('dn1@test.vn', 'GET', `/api/consultations/${id}/comments.csv`)).body;
    expect(raw).not.toContain(firms[0]!.name);
    expect(raw).not.toContain(firms[0]!.id);
    expect(raw).toContain(firms[1]!.name);
    expect(raw).toContain('Một doanh nghiệp');
  });

  it('lets a business edit or withdraw only its own comment, until the close', async () => {
    const mine = comments['dn2@test.vn']!;
    const other = await call('dn1@test.vn', 'PUT', `/api/consultation-comments/${mine.id}`, {
      articleNumber: 3,
      body: 'Sửa trộm',
    });
    expect(other.statusCode).toBe(403);
    expect((await call('rep@vasep.vn', 'POST', `/api/consultation-comments/${mine.id}/withdraw`)).statusCode).toBe(403);
    const edited = await call('dn2@test.vn', 'PUT', `/api/consultation-comments/${mine.id}`, {
      articleNumber: 3,
      body: 'Thời hạn 10 ngày là quá dài, đề nghị rút xuống 5 ngày làm việc.',
      proposedWording: 'Cơ quan hải quan giải quyết trong 05 ngày làm việc.',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().proposedWording).toContain('05 ngày');
  });

  it('keeps an association’s member views private and takes its consolidated position', async () => {
    const space = `/api/consultations/${id}/associations/${associationId}`;
    expect(
      (await call('dn0@test.vn', 'POST', `${space}/views`, { articleNumber: 3, body: 'Nên 5 ngày' })).statusCode,
    ).toBe(200);
    expect(
      (await call('dn1@test.vn', 'POST', `${space}/views`, { articleNumber: 3, body: 'Đồng ý 5 ngày' })).statusCode,
    ).toBe(200);
    expect((await call('dn3@test.vn', 'GET', space)).statusCode).toBe(403); // not a member
    expect((await call('gd@tchq.vn', 'GET', space)).statusCode).toBe(403);
    expect((await call(null, 'GET', space)).statusCode).toBe(401);
    const read = await call('rep@vasep.vn', 'GET', space);
    expect(read.json().views).toHaveLength(2);
    expect(
      read
        .json()
        .contributors.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([firms[0]!.id, firms[1]!.id].sort());
    const outsider = await call('rep@vasep.vn', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 3,
      body: 'Hiệp hội đề nghị 5 ngày',
      cosignerIds: [firms[3]!.id],
    });
    expect(outsider.json().error.details[0].field).toBe('cosignerIds');
    const position = await call('rep@vasep.vn', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 3,
      body: 'Hiệp hội đề nghị rút thời hạn xuống 5 ngày làm việc',
      representedCount: 120,
      cosignerIds: [firms[0]!.id, firms[1]!.id],
    });
    expect(position.statusCode).toBe(201);
    expect(position.json()).toMatchObject({
      kind: 'association',
      commenter: 'Hiệp hội Thủy sản',
      representedCount: 120,
    });
    // The co-signer list names members; firm 0 co-signed with its name, its own anonymous comment stays anonymous.
    expect(position.json().cosigners).toHaveLength(2);
    comments.rep = position.json();
  });

  it('refuses comments after the close, groups near-duplicates and takes dispositions from the drafting unit only', async () => {
    platform.clock.set(new Date('2026-12-10T10:30:00Z')); // 17:30 in Vietnam: closed
    const late = await call('dn3@test.vn', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 1,
      body: 'Muộn',
    });
    expect(late.statusCode).toBe(409);
    expect(
      (await call('dn2@test.vn', 'POST', `/api/consultation-comments/${comments['dn2@test.vn']!.id}/withdraw`))
        .statusCode,
    ).toBe(409);
    expect((await call('gd@tchq.vn', 'POST', `/api/consultations/${id}/group`)).json()).toEqual({
      comments: 4,
      groups: 3,
    });
    const view = (await call('gd@tchq.vn', 'GET', `/api/consultations/${id}/review?article=2`)).json() as GroupedView;
    expect(view.groups).toHaveLength(1);
    expect(view.groups[0]!.size).toBe(2);
    // The drafting unit sees who the anonymous business is.
    expect(view.groups[0]!.comments.map((c) => c.enterpriseName)).toContain(firms[0]!.name);
    expect((await call('dn0@test.vn', 'GET', `/api/consultations/${id}/review`)).statusCode).toBe(404);
    const ids = view.groups[0]!.comments.map((c) => c.id);
    const denied = await call('dn0@test.vn', 'POST', `/api/consultations/${id}/dispositions`, {
      commentIds: ids,
      disposition: 'accepted',
      reason: 'Tự chấm',
    });
    expect(denied.statusCode).toBe(404);
    const given = await call('gd@tchq.vn', 'POST', `/api/consultations/${id}/dispositions`, {
      commentIds: ids,
      disposition: 'accepted',
      reason: 'Bỏ yêu cầu bản chụp hợp đồng',
    });
    expect(given.json()).toEqual({ updated: 2, pending: 2 });
  });

  it('refuses to publish while a comment has no disposition, then publishes, tells every commenter', async () => {
    const refused = await call('gd@tchq.vn', 'POST', `/api/consultations/${id}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conflict');
    const rest = [comments['dn2@test.vn']!.id, comments.rep!.id];
    await call('gd@tchq.vn', 'POST', `/api/consultations/${id}/dispositions`, {
      commentIds: rest,
      disposition: 'partly',
      reason: 'Rút xuống 7 ngày',
    });
    const revised = DRAFT.replace('2. Bản chụp hợp đồng xuất khẩu.\n', '').replace('10 ngày', '07 ngày');
    expect(
      (await call('gd@tchq.vn', 'PUT', `/api/consultations/${id}/revision`, { revisedText: 'Không có điều' })).json()
        .error.details[0].field,
    ).toBe('revisedText');
    expect(
      (await call('gd@tchq.vn', 'PUT', `/api/consultations/${id}/revision`, { revisedText: revised })).statusCode,
    ).toBe(200);
    expect(
      (await call('gd@tchq.vn', 'PUT', `/api/consultations/${id}/changes`, { articleNumber: 3, commentIds: rest }))
        .statusCode,
    ).toBe(200);
    expect((await call(null, 'GET', `/api/consultations/${id}/report`)).statusCode).toBe(404);
    const published = await call('gd@tchq.vn', 'POST', `/api/consultations/${id}/publish`, {
      responseSummary: 'Đã tiếp thu phần lớn ý kiến.',
    });
    expect(published.json().phase).toBe('published');
    const report = (await call(null, 'GET', `/api/consultations/${id}/report`)).json();
    const art3 = report.articles.find((a: { articleNumber: number }) => a.articleNumber === 3);
    expect(art3.revised).toContain('07 ngày');
    expect(art3.changedBy.sort()).toEqual(rest.sort());
    expect(report.counts).toMatchObject({ accepted: 2, partly: 2 });
    expect(JSON.stringify(report)).not.toContain(firms[0]!.name);
    const notices = await call('dn0@test.vn', 'GET', '/api/consultation-notices');
    expect(notices.json()).toMatchObject([
      { consultationId: id, commentId: comments['dn0@test.vn']!.id, disposition: 'accepted' },
    ]);
    const mails = await platform.deps.db
      .selectFrom('mail_deliveries')
      .select(['to_address', 'sealed', 'text_body'])
      .where('key', 'like', 'consultation-response:%')
      .execute();
    expect(mails).toHaveLength(4);
    expect(mails.find((m) => m.to_address === 'dn0@test.vn')).toMatchObject({ sealed: true });
    expect(mails.find((m) => m.to_address === 'dn1@test.vn')!.text_body).toContain(`/gop-y/${id}/bao-cao#y-kien-`);
    const xlsx = await call(null, 'GET', `/api/consultations/${id}/report/file?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await call(null, 'GET', `/api/consultations/${id}/report/file?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('audits phase changes, dispositions, the revision and the publication', async () => {
    const rows = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'consultation.%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'consultation.created',
      'consultation.opened',
      'consultation.disposition',
      'consultation.revised',
      'consultation.change_linked',
      'consultation.published',
    ])
      expect(actions).toContain(a);
  });

  it('extends with a public reason, refusing an earlier date', async () => {
    platform.clock.set(START);
    const second = (
      await call('gd@tchq.vn', 'POST', '/api/consultations', body({ title: 'Dự thảo Nghị định về xuất xứ' }))
    ).json() as ConsultationDetail;
    await call('gd@tchq.vn', 'POST', `/api/consultations/${second.id}/open`);
    const earlier = await call('gd@tchq.vn', 'POST', `/api/consultations/${second.id}/extend`, {
      closesAt: '2026-12-05T17:00',
      reason: 'Nhiều doanh nghiệp đề nghị',
    });
    expect(earlier.json().error.details[0].field).toBe('closesAt');
    const extended = await call('gd@tchq.vn', 'POST', `/api/consultations/${second.id}/extend`, {
      closesAt: '2026-12-20T17:00',
      reason: 'Nhiều doanh nghiệp đề nghị thêm thời gian',
    });
    expect(extended.json().extensions).toMatchObject([
      { reason: 'Nhiều doanh nghiệp đề nghị thêm thời gian', to: '2026-12-20T10:00:00.000Z' },
    ]);
    const pub = (await call(null, 'GET', `/api/consultations/${second.id}`)).json();
    expect(pub.extended).toBe(true);
    expect(pub.mayManage).toBe(false);
    const audited = await platform.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'consultation.extended')
      .executeTakeFirst();
    expect(audited).toBeDefined();
  });
});
