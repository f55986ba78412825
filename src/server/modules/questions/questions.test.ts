import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { foldVietnamese, highlight, searchForm } from '../../../contracts/questions.ts';
import { checkTransition } from './policy.ts';

let platform: TestPlatform;
const s: Record<string, Session> = {};

const entry = {
  category: 'tax_refund',
  tags: ['hoàn thuế', 'SXXK'],
  titleVi: 'Hồ sơ hoàn thuế nhập khẩu nguyên liệu sản xuất hàng xuất khẩu gồm những gì?',
  bodyVi:
    'Hồ sơ hoàn thuế gồm công văn đề nghị hoàn thuế theo mẫu, hợp đồng xuất khẩu và chứng từ thanh toán. Cơ quan hải quan kiểm tra trước, hoàn thuế sau.',
  titleEn: 'What does a refund file for imported production materials contain?',
  bodyEn: 'A refund file contains the request letter, the export contract and payment documents.',
  legalBasis: [{ document: 'Nghị định 134/2016/NĐ-CP', article: 'Điều 36', effectiveDate: '2016-09-01' }],
};

beforeAll(async () => {
  platform = await startTestPlatform();
  const db = platform.deps.db;
  const org = await createOrg(db);
  const association = await db
    .insertInto('associations')
    .values({ code: 'VCCI-HP', name_vi: 'VCCI Hải Phòng', name_en: 'VCCI Hai Phong' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(db, { email: 'lead@03nk.vn', role: 'team_lead', unitId: org['03NK01'] });
  await createUser(db, { email: 'dn@company.vn', role: 'enterprise_user' });
  await createUser(db, { email: 'focal@vcci.vn', role: 'association_rep', associationId: association.id });
  for (const email of ['officer@03nk.vn', 'lead@03nk.vn', 'dn@company.vn', 'focal@vcci.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

describe('folding and highlighting', () => {
  it('folds Vietnamese as readers type it and keeps positions for highlighting', () => {
    expect(foldVietnamese('Hoàn THUẾ đường bộ')).toBe('hoan thue duong bo');
    expect(searchForm('  Thông tư 38/2015/TT-BTC, Điều 10 ')).toBe('thong tu 38/2015/tt btc dieu 10');
    expect(highlight('Hoàn thuế nhập khẩu', ['thue'])).toEqual([
      { text: 'Hoàn ', hit: false },
      { text: 'thuế', hit: true },
      { text: ' nhập khẩu', hit: false },
    ]);
  });

  it('keeps reviewing and publishing with team leads, and nobody reviews their own version', () => {
    const officer = { kind: 'user', userId: 'u1', roles: [{ role: 'officer', unitId: 'x', unitCode: 'X' }] } as never;
    const lead = { kind: 'user', userId: 'u2', roles: [{ role: 'team_lead', unitId: 'x', unitCode: 'X' }] } as never;
    expect(checkTransition(officer, 'draft', 'reviewed', 'u9')).toBe('forbidden');
    expect(checkTransition(lead, 'draft', 'reviewed', 'u2')).toBe('four_eyes');
    expect(checkTransition(lead, 'draft', 'reviewed', 'u1')).toBeNull();
    expect(checkTransition(lead, 'draft', 'published', 'u1')).toBe('invalid_transition');
    expect(checkTransition(null, 'draft', 'reviewed', 'u1')).toBe('forbidden');
  });
});

describe('question bank', () => {
  let id = '';
  it('an officer drafts, a team lead reviews and publishes; every step is a version and an audit entry', async () => {
    expect((await call(null, 'POST', '/api/question-bank/entries', entry)).statusCode).toBe(401);
    expect((await call('dn@company.vn', 'POST', '/api/question-bank/entries', entry)).statusCode).toBe(403);
    const bad = await call('officer@03nk.vn', 'POST', '/api/question-bank/entries', { ...entry, titleVi: 'ngắn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('titleVi');
    const created = await call('officer@03nk.vn', 'POST', '/api/question-bank/entries', entry);
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', version: 1 });
    expect((await call(null, 'GET', `/api/questions/${id}`)).statusCode).toBe(404);
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/question-bank/entries/${id}/transition`, { to: 'reviewed' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('lead@03nk.vn', 'POST', `/api/question-bank/entries/${id}/transition`, { to: 'published' }))
        .statusCode,
    ).toBe(409);
    const reviewed = await call('lead@03nk.vn', 'POST', `/api/question-bank/entries/${id}/transition`, {
      to: 'reviewed',
      note: 'Đã đối chiếu NĐ 134',
    });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', reviewedByName: 'lead' });
    const published = await call('lead@03nk.vn', 'POST', `/api/question-bank/entries/${id}/transition`, {
      to: 'published',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().versions.map((v: { status: string }) => v.status)).toEqual([
      'published',
      'reviewed',
      'draft',
    ]);
    expect((await call('officer@03nk.vn', 'PUT', `/api/question-bank/entries/${id}`, entry)).statusCode).toBe(409);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'qa_entry')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['question.created', 'question.reviewed', 'question.published']);
  });

  it('finds the entry with or without diacritics, with a typo, title first, highlighted; suggests as you type', async () => {
    const other = await call('officer@03nk.vn', 'POST', '/api/question-bank/entries', {
      ...entry,
      titleVi: 'Thời hạn nộp thuế đối với hàng nhập khẩu để gia công',
      bodyVi: 'Hàng nhập khẩu để gia công được miễn thuế; khi có thay đổi phải kê khai, có thể phát sinh hoàn thuế.',
    });
    await call('lead@03nk.vn', 'POST', `/api/question-bank/entries/${other.json().id}/transition`, { to: 'reviewed' });
    await call('lead@03nk.vn', 'POST', `/api/question-bank/entries/${other.json().id}/transition`, { to: 'published' });
    for (const q of ['hoàn thuế', 'hoan thue', 'HOAN THUE']) {
      const found = (await call(null, 'GET', `/api/questions?q=${encodeURIComponent(q)}`)).json();
      expect(found.total).toBe(2);
      expect(found.items[0].id).toBe(id);
      expect(found.items[0].titleSegments).toContainEqual({ text: 'hoàn thuế', hit: true });
    }
    const typo = (await call(null, 'GET', `/api/questions?q=${encodeURIComponent('hoan thuee nhap khau')}`)).json();
    expect(typo.fuzzy).toBe(true);
    expect(typo.items[0].id).toBe(id);
    const byDoc = (await call(null, 'GET', `/api/questions?q=${encodeURIComponent('134/2016')}`)).json();
    expect(byDoc.total).toBe(2);
    const suggestions = (await call(null, 'GET', '/api/questions/suggest?q=ho so hoan')).json();
    expect(suggestions[0].id).toBe(id);
    const none = (await call(null, 'GET', `/api/questions?q=${encodeURIComponent('kiểm dịch thực vật xyz')}`)).json();
    expect(none.total).toBe(0);
    const categories = (await call(null, 'GET', '/api/questions/categories')).json();
    expect(categories).toEqual([{ category: 'tax_refund', count: 2 }]);
  });

  it('counts views and "was this helpful?", and reports the most viewed and the searches that found nothing', async () => {
    const page = await call(null, 'GET', `/api/questions/${id}`);
    expect(page.json()).toMatchObject({
      views: 1,
      legalBasis: [{ document: 'Nghị định 134/2016/NĐ-CP', article: 'Điều 36', effectiveDate: '2016-09-01' }],
    });
    expect((await call(null, 'POST', `/api/questions/${id}/feedback`, { helpful: true })).json()).toEqual({
      helpfulYes: 1,
      helpfulNo: 0,
    });
    expect((await call(null, 'POST', `/api/questions/${id}/feedback`, { helpful: 'yes' })).statusCode).toBe(400);
    expect((await call('dn@company.vn', 'GET', '/api/question-bank/report')).statusCode).toBe(403);
    const report = (await call('officer@03nk.vn', 'GET', '/api/question-bank/report')).json();
    expect(report.mostViewed[0]).toMatchObject({ id, views: 1, helpfulYes: 1 });
    expect(report.emptySearches).toEqual([expect.objectContaining({ query: 'kiểm dịch thực vật xyz', count: 1 })]);
  });

  it('lets an association focal point download the bank as Excel; a business cannot', async () => {
    const file = await call('focal@vcci.vn', 'GET', '/api/question-bank/export.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('dn@company.vn', 'GET', '/api/question-bank/export.xlsx')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/question-bank/export.xlsx')).statusCode).toBe(401);
  });
});
