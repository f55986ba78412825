import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { createQuestionService } from './service.ts';

let platform: TestPlatform;
const s: Record<string, Session> = {};

const entry = (n: number, category: string) => ({
  category,
  tags: ['hoàn thuế'],
  titleVi: `Hồ sơ hoàn thuế số ${n} gồm những giấy tờ gì?`,
  bodyVi: 'Hồ sơ gồm công văn đề nghị hoàn thuế, hợp đồng xuất khẩu và chứng từ thanh toán qua ngân hàng. '.repeat(3),
  titleEn: `Refund file ${n}`,
  bodyEn: 'A refund file contains the request letter.',
  legalBasis: [{ document: 'Nghị định 134/2016/NĐ-CP', article: 'Điều 36', effectiveDate: '2016-09-01' }],
});

beforeAll(async () => {
  platform = await startTestPlatform();
  const db = platform.deps.db;
  const association = await db
    .insertInto('associations')
    .values({ code: 'VCCI-HP', name_vi: 'VCCI Hải Phòng', name_en: 'VCCI Hai Phong' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await createUser(db, { email: 'focal@vcci.vn', role: 'association_rep', associationId: association.id });
  await createUser(db, { email: 'dn@company.vn', role: 'enterprise_user' });
  await createUser(db, { email: 'admin@caunoi.vn', role: 'admin' });
  for (const email of ['focal@vcci.vn', 'dn@company.vn', 'admin@caunoi.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
  // 60 published entries over two categories, straight into the table (the editor's workflow is tested elsewhere).
  const now = platform.clock.now();
  for (let n = 1; n <= 60; n++) {
    const e = entry(n, n % 2 ? 'tax_refund' : 'origin');
    await db
      .insertInto('qa_entries')
      .values({
        category: e.category,
        tags: e.tags,
        status: 'published',
        title_vi: e.titleVi,
        body_vi: e.bodyVi,
        title_en: e.titleEn,
        body_en: e.bodyEn,
        legal_basis: JSON.stringify(e.legalBasis),
        search_title: '',
        search_text: '',
        last_reviewed_at: now,
        published_at: now,
        updated_at: now,
      })
      .execute();
  }
});
afterAll(async () => platform.close());

const call = (who: string | null, url: string) =>
  platform.app.inject({ method: 'GET', url, headers: who ? as(s[who]!) : {} });

/** The text of an uncompressed pdfkit document: glyph ids in TJ operators, mapped back through the fonts' ToUnicode tables. */
function extractText(pdf: string): string {
  const maps: Map<string, string>[] = [];
  for (const block of pdf.matchAll(/beginbfrange\n([\s\S]*?)\nendbfrange/g)) {
    const map = new Map<string, string>();
    for (const range of block[1]!.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/g)) {
      const start = parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-f ]+)>/g)].forEach((target, i) => {
        map.set(
          (start + i).toString(16).padStart(4, '0'),
          String.fromCharCode(...target[1]!.split(' ').map((h) => parseInt(h, 16))),
        );
      });
    }
    maps.push(map);
  }
  const runs = [...pdf.matchAll(/\[(.*)\] TJ/g)].map((m) =>
    [...m[1]!.matchAll(/<([0-9a-f]+)>/g)].map((h) => h[1]!).join(''),
  );
  return maps
    .map((map) => runs.map((hex) => (hex.match(/.{4}/g) ?? []).map((id) => map.get(id) ?? '').join('')).join(' '))
    .join('\n')
    .normalize('NFC');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the question bank as PDF', () => {
  it('an association focal point downloads it; a business and an anonymous caller cannot', async () => {
    const file = await call('focal@vcci.vn', '/api/question-bank/export.pdf');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('hoi-dap-hai-quan.pdf');
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.rawPayload.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect((await call('dn@company.vn', '/api/question-bank/export.pdf')).statusCode).toBe(403);
    expect((await call('admin@caunoi.vn', '/api/question-bank/export.pdf')).statusCode).toBe(403);
    expect((await call(null, '/api/question-bank/export.pdf')).statusCode).toBe(401);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'question.exported')
      .execute();
    expect(audit).toEqual([{ details: { count: 60, format: 'pdf' } }]);
  });

  it('has a Vietnamese cover, the entries by category with their legal basis and review date, and page numbers', async () => {
    const service = createQuestionService(platform.deps);
    const focal = await platform.deps.db
      .selectFrom('users')
      .select(['id', 'association_id'])
      .where('email', '=', 'focal@vcci.vn')
      .executeTakeFirstOrThrow();
    const pdf = (
      await readAll(
        await service.exportPdf(
          {
            actor: {
              kind: 'user',
              userId: focal.id,
              email: 'focal@vcci.vn',
              fullName: 'focal',
              locale: 'vi',
              roles: [{ role: 'association_rep', unitId: null, unitCode: null }],
              enterpriseId: null,
              associationId: focal.association_id,
              officerId: null,
              sessionId: '',
              csrfToken: '',
            },
          },
          { compress: false },
        ),
      )
    ).toString('latin1');
    const text = extractText(pdf);
    expect(text).toContain('Ngân hàng câu hỏi');
    expect(text).toContain('Số câu hỏi');
    expect(text).toContain('Hoàn thuế, không thu thuế');
    expect(text).toContain('Xuất xứ hàng hóa (C/O)');
    expect(text).toContain('Hồ sơ hoàn thuế số 59');
    expect(text).toContain('Nghị định 134/2016/NĐ-CP');
    expect(text).toContain('23/11/2026');
    expect(text).toContain('Trang 1');
    const pages = (pdf.match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(`Trang ${pages}`);
  });
});
