// The relevance ranking on the demo bank, through the public API: questions
// typed as sentences, English, abbreviations and synonyms editors manage,
// diacritics typed on purpose, approximate results said honestly, the report of
// searches nobody opened, and bad input that never gets a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedQuestions } from '../../../../scripts/seed/questions.ts';
import { createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import type { SearchResponse } from '../../../contracts/questions.ts';

let platform: TestPlatform;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform();
  const db = platform.deps.db;
  await seedQuestions(db, null, null, new Date('2026-11-01T00:00:00Z'));
  const org = await createOrg(db);
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(db, { email: 'dn@company.vn', role: 'enterprise_user' });
  for (const email of ['officer@03nk.vn', 'dn@company.vn']) s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const search = async (q: string, extra = ''): Promise<SearchResponse> => {
  const response = await platform.app.inject({
    method: 'GET',
    url: `/api/questions?q=${encodeURIComponent(q)}${extra}`,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const titles = async (q: string, n = 3) => (await search(q)).items.slice(0, n).map((item) => item.title);
const call = (who: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

describe('question-bank relevance', () => {
  it('answers a question typed as a sentence, saying when no entry holds every word', async () => {
    const exemption = await search('thủ tục miễn thuế máy móc nhập khẩu cho dự án đầu tư');
    expect(exemption.items[0]?.title).toMatch(/miễn thuế.*máy móc.*dự án ưu đãi đầu tư/);
    const cancel = await search('làm thế nào để hủy tờ khai đã đăng ký');
    expect(cancel.items[0]?.title).toMatch(/hủy tờ khai/);
    // "đăng ký" is in no cancellation entry: the results hold most of the words, and say so.
    expect(cancel.approximate).toBe(true);
    expect((await search('hủy tờ khai')).approximate).toBe(false);
    expect((await titles('có được sửa tờ khai sau khi thông quan không'))[0]).toMatch(/khai bổ sung.*sau thông quan/);
  });

  it('searches English texts in English', async () => {
    const refund = await titles('how do I get a tax refund');
    expect(refund.every((title) => /hoàn thuế/.test(title))).toBe(true);
    expect((await titles('bonded warehouse'))[0]).toMatch(/kho ngoại quan/);
  });

  it('ranks the title that answers above a passing mention, and the exact phrase first', async () => {
    expect((await titles('tham vấn giá'))[0]).toMatch(/tham vấn/);
    const refund = await titles('hoàn thuế', 5);
    expect(refund.every((title) => /hoàn thuế/i.test(title))).toBe(true);
  });

  it('puts words found as typed with their marks first ("thuê" is not "thuế")', async () => {
    const rent = await titles('thuê');
    console.log('RENT', rent);
    expect(rent.length).toBe(3);
    expect(rent.every((title) => /thuê/.test(title))).toBe(true);
    // Without marks, both words match.
    const both = (await search('thue', '&limit=50')).items.map((item) => item.title);
    expect(both.some((title) => /thuê/.test(title)) && both.some((title) => /thuế/.test(title))).toBe(true);
  });

  it('applies the synonyms editors manage, at once and audited, and marks them in the results', async () => {
    const origin = await search('certificate of origin form E');
    expect(origin.items[0]?.title).toMatch(/C\/O mẫu E/);
    expect(origin.items[0]?.titleSegments).toContainEqual({ text: 'C/O', hit: true });

    const list = await call('officer@03nk.vn', 'GET', '/api/question-bank/synonyms');
    expect(list.statusCode).toBe(200);
    const used = (list.json() as { id: string; terms: string[] }[]).find((group) => group.terms.includes('cũ'));
    expect(used).toBeDefined();
    expect((await titles('nhập khẩu ô tô cũ', 1))[0]).toMatch(/ô tô đã qua sử dụng/);
    expect((await search('nhập khẩu ô tô cũ')).approximate).toBe(false);
    expect((await call('officer@03nk.vn', 'DELETE', `/api/question-bank/synonyms/${used!.id}`)).statusCode).toBe(200);
    // Without the group, no entry holds "cũ": the best are approximate.
    const dbg = await search('nhập khẩu ô tô cũ');
    console.log(
      'OTO',
      dbg.approximate,
      dbg.items.slice(0, 3).map((i) => i.title),
    );
    expect((await search('nhập khẩu ô tô cũ')).approximate).toBe(true);
    const created = await call('officer@03nk.vn', 'POST', '/api/question-bank/synonyms', {
      terms: ['ô tô cũ', 'ô tô đã qua sử dụng', 'used car'],
    });
    expect(created.statusCode).toBe(201);
    expect((await titles('nhập khẩu ô tô cũ', 1))[0]).toMatch(/ô tô đã qua sử dụng/);
    const changed = await call('officer@03nk.vn', 'PUT', `/api/question-bank/synonyms/${created.json().id}`, {
      terms: ['xe hơi cũ', 'ô tô đã qua sử dụng'],
    });
    expect(changed.json()).toMatchObject({ terms: ['xe hơi cũ', 'ô tô đã qua sử dụng'] });
    expect((await titles('xe hơi cũ', 1))[0]).toMatch(/ô tô đã qua sử dụng/);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'qa_synonym')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'question.synonyms_deleted',
      'question.synonyms_created',
      'question.synonyms_updated',
    ]);
    expect(audit[2]?.details).toMatchObject({ from: ['ô tô cũ', 'ô tô đã qua sử dụng', 'used car'] });
  });

  it('lets only editors manage synonyms, and names the field of a bad group in Vietnamese and English', async () => {
    expect((await call(null, 'GET', '/api/question-bank/synonyms')).statusCode).toBe(401);
    expect((await call('dn@company.vn', 'GET', '/api/question-bank/synonyms')).statusCode).toBe(403);
    expect((await call('dn@company.vn', 'POST', '/api/question-bank/synonyms', { terms: ['a', 'b'] })).statusCode).toBe(
      403,
    );
    const lonely = await call('officer@03nk.vn', 'POST', '/api/question-bank/synonyms', { terms: ['C/O'] });
    expect(lonely.statusCode).toBe(400);
    expect(lonely.json().error.details[0]).toMatchObject({ field: 'terms' });
    const same = await call('officer@03nk.vn', 'POST', '/api/question-bank/synonyms', {
      terms: ['Hoàn thuế', 'hoan thue'],
    });
    expect(same.statusCode).toBe(400);
    const missing = await call(
      'officer@03nk.vn',
      'PUT',
      '/api/question-bank/synonyms/00000000-0000-4000-8000-000000000000',
      {
        terms: ['x1', 'x2'],
      },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('keeps suggestions and typo correction working', async () => {
    const corrected = await search('hoan thuee nguyen lieu');
    expect(corrected).toMatchObject({ fuzzy: true, corrected: 'hoan thue nguyen lieu' });
    expect(corrected.items[0]?.title).toMatch(/hoàn thuế.*nguyên liệu/i);
    const suggestions = await platform.app.inject({
      method: 'GET',
      url: `/api/questions/suggest?q=${encodeURIComponent('kho ngoai')}`,
    });
    expect((suggestions.json() as { title: string }[])[0]?.title).toMatch(/kho ngoại quan/);
  });

  it('reports searches that found nothing and searches whose results nobody opened', async () => {
    const opened = await search('giải phóng hàng');
    const ignored = await search('thời hạn hoàn thuế nộp thừa');
    expect(opened.searchId).toBeGreaterThan(0);
    await search('qwerty asdfgh');
    const read = await platform.app.inject({
      method: 'GET',
      url: `/api/questions/${opened.items[0]!.id}?search=${opened.searchId}`,
    });
    expect(read.statusCode).toBe(200);
    const report = (await call('officer@03nk.vn', 'GET', '/api/question-bank/report')).json() as {
      emptySearches: { query: string }[];
      unopenedSearches: { query: string }[];
    };
    expect(report.emptySearches.map((row) => row.query)).toContain('qwerty asdfgh');
    const unopened = report.unopenedSearches.map((row) => row.query);
    expect(unopened).toContain('thời hạn hoàn thuế nộp thừa');
    expect(unopened).not.toContain('giải phóng hàng');
    expect(ignored.total).toBeGreaterThan(0);
  });

  it('answers bad input normally or with a clear 400, never a 5xx', async () => {
    const inputs = [
      'thuế '.repeat(40).slice(0, 200),
      'a'.repeat(200),
      '?!.,;:()[]{}"\'-–—…/\\',
      "'; drop table qa_entries; --",
      "hoan' & ! | thue:* <-> (",
      '<script>alert(1)</script> hoàn thuế',
      '%00%ff',
      '🙂🙂 thuế',
    ];
    for (const q of inputs) {
      for (const path of ['/api/questions', '/api/questions/suggest']) {
        const response = await platform.app.inject({ method: 'GET', url: `${path}?q=${encodeURIComponent(q)}` });
        expect(response.statusCode, `${path} ${q}`).toBe(200);
      }
    }
    // A lone surrogate: as a browser sends it (U+FFFD) and as raw invalid UTF-8.
    for (const raw of ['%EF%BF%BD%20ho%C3%A0n', '%ED%A0%80', 'ho%C3%A0n%ED%A0%80thu%E1%BA%BF']) {
      const response = await platform.app.inject({ method: 'GET', url: `/api/questions?q=${raw}` });
      expect(response.statusCode, raw).toBeLessThan(500);
    }
    const html = await search('<b>hoàn thuế</b>');
    expect(JSON.stringify(html.items.map((item) => item.titleSegments))).not.toContain('<b>');
    const tooLong = await platform.app.inject({ method: 'GET', url: `/api/questions?q=${'a'.repeat(201)}` });
    expect(tooLong.statusCode).toBe(400);
    expect((await platform.app.inject({ method: 'GET', url: '/api/questions/x?search=abc' })).statusCode).toBe(400);
    const count = await platform.deps.db
      .selectFrom('qa_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBeGreaterThan(170);
  });

  it('keeps word frequencies in step as entries are archived and published again', async () => {
    const db = platform.deps.db;
    const df = async () =>
      (await db.selectFrom('qa_words').select('df').where('word', '=', 'quyet').executeTakeFirstOrThrow()).df;
    const before = await df();
    const entry = await db
      .selectFrom('qa_entries')
      .select('id')
      .where('title_vi', 'like', '%báo cáo quyết toán%')
      .executeTakeFirstOrThrow();
    await db.updateTable('qa_entries').set({ status: 'archived' }).where('id', '=', entry.id).execute();
    expect(await df()).toBe(before - 1);
    await db.updateTable('qa_entries').set({ status: 'published' }).where('id', '=', entry.id).execute();
    expect(await df()).toBe(before);
    await db.deleteFrom('qa_entry_versions').where('entry_id', '=', entry.id).execute();
    await db.deleteFrom('qa_entries').where('id', '=', entry.id).execute();
    expect(await df()).toBe(before - 1);
  });
});

describe('query terms (pure)', () => {
  it('weights question words down, applies synonyms and survives lone surrogates', async () => {
    const { parseTerms, foldSynonyms, markedWords } = await import('./query.ts');
    const synonyms = foldSynonyms([['C/O', 'giấy chứng nhận xuất xứ']]);
    const parsed = parseTerms('làm thế nào để nộp C/O mẫu E', synonyms);
    expect(parsed.terms.map((term) => [term.typed, term.weight])).toEqual([
      ['lam', 0.15],
      ['the', 0.15],
      ['nao', 0.15],
      ['de', 0.15],
      ['nop', 1],
      ['c/o', 1],
      ['mau', 1],
      ['e', 1],
    ]);
    expect(markedWords(parsed.terms)).toContain('giay chung nhan xuat xu');
    expect(parseTerms('\ud800 hoàn \udfff thuế').terms.map((term) => term.typed)).toEqual(['hoan', 'thue']);
    expect(parseTerms('thuê').terms[0]?.marked).toBe('thuê');
    expect(parseTerms('?!.,;').terms).toEqual([]);
  });
});
