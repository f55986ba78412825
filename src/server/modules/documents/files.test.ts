import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { attachmentDisposition } from '../../lib/file-store.ts';
import { checkDocumentFile, sniffDocumentFile, zipEntryNames } from './policy.ts';

let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let dataDir: string;
let docId: string;
let nationalId: string;
const s: Record<string, Session> = {};

/** A ZIP with stored (uncompressed) entries — enough to build a DOCX in a test. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const pdfAmended = Buffer.from('%PDF-1.7\n% văn bản hợp nhất\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });

function multipart(filename: string, type: string, content: Buffer) {
  const boundary = '----caunoi' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (who: string, id: string, filename: string, type: string, content: Buffer) => {
  const body = multipart(filename, type, content);
  return platform.app.inject({
    method: 'POST',
    url: `/api/documents/${id}/file`,
    headers: { ...as(s[who]!), ...body.headers },
    payload: body.payload,
  });
};
const storedFiles = () =>
  fs.existsSync(path.join(dataDir, 'documents')) ? fs.readdirSync(path.join(dataDir, 'documents')) : [];
const fileRows = async () =>
  (await platform.deps.db.selectFrom('legal_document_files').select(['id']).execute()).length;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-documents-'));
  platform = await startTestPlatform({ env: { DATA_DIR: dataDir } });
  const db = platform.deps.db;
  org = await createOrg(db);
  const firm = await createEnterprise(db, { managingUnitId: org['03NK'] });
  await createUser(db, { email: 'dn@test.vn', role: 'enterprise_user', enterpriseId: firm.id });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK'] });
  await createUser(db, { email: 'tonghop@gd.vn', role: 'gd_staff', unitId: org['00'] });
  for (const email of [
    'dn@test.vn',
    'leader@03nk.vn',
    'leader@03.vn',
    'leader@20.vn',
    'officer@03nk.vn',
    'tonghop@gd.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
  const body = {
    number: '18/2021/NĐ-CP',
    docType: 'decree',
    issuer: 'Chính phủ',
    title: 'Nghị định sửa đổi, bổ sung Nghị định 134/2016/NĐ-CP',
    issuedOn: '2021-03-11',
    summaryVi: 'Sửa đổi hồ sơ, thủ tục hoàn thuế, không thu thuế đối với nguyên liệu nhập khẩu.',
    topics: ['tax_refund'],
  };
  const created = await platform.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: as(s['leader@03nk.vn']!),
    payload: body,
  });
  expect(created.statusCode).toBe(201);
  expect(created.json()).toMatchObject({ unit: { id: org['03NK'], code: '03NK' }, files: [], canManage: true });
  docId = created.json().id;
  const national = await platform.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: as(s['tonghop@gd.vn']!),
    payload: { ...body, number: '54/2014/QH13', docType: 'law', title: 'Luật Hải quan' },
  });
  expect(national.json().unit.code).toBe('00');
  nationalId = national.json().id;
});
afterAll(async () => {
  await platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('file checks (pure)', () => {
  it('tells PDF, DOCX and XLSX apart by their bytes, and refuses what does not match its name or type', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Phụ lục').addRow(['Mã HS', 'Mô tả']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(sniffDocumentFile(pdf)).toBe('pdf');
    expect(sniffDocumentFile(docx)).toBe('docx');
    expect(sniffDocumentFile(xlsx)).toBe('xlsx');
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(sniffDocumentFile(zip({ 'a.txt': 'x' }))).toBeNull();
    expect(sniffDocumentFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toBeNull(); // legacy .doc
    expect(checkDocumentFile('a.xlsx', XLSX_TYPE, xlsx)).toEqual({ ok: true, kind: 'xlsx', contentType: XLSX_TYPE });
    expect(checkDocumentFile('a.pdf', 'application/octet-stream', pdf)).toMatchObject({ ok: true, kind: 'pdf' });
    expect(checkDocumentFile('a.docx', DOCX_TYPE, xlsx)).toEqual({ ok: false, reason: 'document_file_mismatch' });
    expect(checkDocumentFile('a.pdf', 'text/html', pdf)).toEqual({ ok: false, reason: 'document_file_mismatch' });
    expect(checkDocumentFile('a.doc', 'application/msword', pdf)).toEqual({ ok: false, reason: 'document_file_type' });
    expect(checkDocumentFile('noextension', 'application/pdf', pdf)).toEqual({
      ok: false,
      reason: 'document_file_type',
    });
  });

  it('names downloads in Vietnamese with an ASCII fallback (RFC 6266 / 5987)', () => {
    expect(attachmentDisposition("Nghị định 18'2021 (bản gốc).pdf")).toBe(
      `attachment; filename="Nghi dinh 18'2021 (ban goc).pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2018%272021%20%28b%E1%BA%A3n%20g%E1%BB%91c%29.pdf`,
    );
  });
});

describe('a library document’s file', () => {
  it('refuses a business, an officer outside the unit, and staff who do not organize — writing nothing', async () => {
    expect((await upload('dn@test.vn', docId, 'nd.pdf', 'application/pdf', pdf)).statusCode).toBe(403);
    expect((await upload('officer@03nk.vn', docId, 'nd.pdf', 'application/pdf', pdf)).statusCode).toBe(403);
    expect((await upload('leader@20.vn', docId, 'nd.pdf', 'application/pdf', pdf)).statusCode).toBe(403);
    expect((await upload('leader@03nk.vn', nationalId, 'luat.pdf', 'application/pdf', pdf)).statusCode).toBe(403);
    const anonymous = multipart('nd.pdf', 'application/pdf', pdf);
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: `/api/documents/${docId}/file`,
          headers: anonymous.headers,
          payload: anonymous.payload,
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await upload('leader@03nk.vn', '00000000-0000-4000-8000-000000000000', 'nd.pdf', 'application/pdf', pdf))
        .statusCode,
    ).toBe(404);
    const list = (
      await platform.app.inject({ method: 'GET', url: '/api/documents', headers: as(s['leader@20.vn']!) })
    ).json() as { id: string; canManage: boolean }[];
    expect(list.find((d) => d.id === docId)?.canManage).toBe(false);
    expect(await fileRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses a wrong type, a spoofed type and a file too large', async () => {
    const exe = await upload(
      'leader@03nk.vn',
      docId,
      'setup.exe',
      'application/x-msdownload',
      Buffer.from('MZ\x90\x00'),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.details[0]).toEqual({
      field: 'file',
      message: 'Chỉ nhận tệp PDF, DOCX hoặc XLSX (tối đa 20 MB)',
    });
    expect(
      (
        await upload(
          'leader@03nk.vn',
          docId,
          'cu.doc',
          'application/msword',
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        )
      ).statusCode,
    ).toBe(415);
    const spoofed = await upload(
      'leader@03nk.vn',
      docId,
      'nghi-dinh.pdf',
      'application/pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(spoofed.statusCode).toBe(400);
    expect(spoofed.json().error.details[0]).toEqual({ field: 'file', message: 'Nội dung tệp không đúng với loại tệp' });
    expect((await upload('leader@03nk.vn', docId, 'nghi-dinh.docx', DOCX_TYPE, pdf)).statusCode).toBe(400);
    expect((await upload('leader@03nk.vn', docId, 'nghi-dinh.pdf', 'text/html', pdf)).statusCode).toBe(400);
    const big = await upload(
      'leader@03nk.vn',
      docId,
      'lon.pdf',
      'application/pdf',
      Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.details[0]).toEqual({ field: 'file', message: 'Tệp lớn hơn 20 MB' });
    const empty = await platform.app.inject({
      method: 'POST',
      url: `/api/documents/${docId}/file`,
      headers: { ...as(s['leader@03nk.vn']!), 'content-type': 'application/json' },
      payload: {},
    });
    expect(empty.statusCode).toBe(415);
    expect(await fileRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('leaves neither a row nor a file when the database write fails', async () => {
    const db = platform.deps.db;
    await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin if new.file_name = 'boom.pdf' then raise exception 'disk quota'; end if; return new; end $$`.execute(
      db,
    );
    await sql`create trigger refuse_boom before insert on legal_document_files for each row execute function refuse_boom()`.execute(
      db,
    );
    try {
      const failed = await upload('leader@03nk.vn', docId, 'boom.pdf', 'application/pdf', pdf);
      expect(failed.statusCode).toBe(500);
      expect(failed.body).not.toContain('disk quota');
    } finally {
      await sql`drop trigger refuse_boom on legal_document_files`.execute(db);
      await sql`drop function refuse_boom()`.execute(db);
    }
    expect(await fileRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
    expect(await db.selectFrom('audit_log').select('id').where('action', 'like', 'document.file%').execute()).toEqual(
      [],
    );
  });

  it('uploads, replaces keeping the history, and anyone downloads with safe headers', async () => {
    const first = await upload('leader@03nk.vn', docId, 'Nghị định 18-2021-NĐ-CP.pdf', 'application/pdf', pdf);
    expect(first.statusCode).toBe(200);
    expect(first.json().files).toEqual([
      expect.objectContaining({
        name: 'Nghị định 18-2021-NĐ-CP.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        current: true,
      }),
    ]);
    // The department above the branch maintains it too; the amended text arrives as a new file.
    const second = await upload('leader@03.vn', docId, 'Văn bản hợp nhất.docx', DOCX_TYPE, docx);
    expect(second.statusCode).toBe(200);
    const files = second.json().files as { id: string; name: string; current: boolean; url: string; sha256: string }[];
    expect(files.map((f) => [f.name, f.current])).toEqual([
      ['Văn bản hợp nhất.docx', true],
      ['Nghị định 18-2021-NĐ-CP.pdf', false],
    ]);
    expect(storedFiles()).toHaveLength(2);
    expect(await fileRows()).toBe(2);

    const current = await platform.app.inject({ method: 'GET', url: `/api/documents/${docId}/file` });
    expect(current.statusCode).toBe(200);
    expect(current.headers['content-type']).toBe(DOCX_TYPE);
    expect(current.headers['x-content-type-options']).toBe('nosniff');
    expect(current.headers['content-disposition']).toBe(
      `attachment; filename="Van ban hop nhat.docx"; filename*=UTF-8''V%C4%83n%20b%E1%BA%A3n%20h%E1%BB%A3p%20nh%E1%BA%A5t.docx`,
    );
    expect(current.rawPayload.equals(docx)).toBe(true);
    const old = await platform.app.inject({ method: 'GET', url: files[1]!.url });
    expect(old.headers['content-type']).toBe('application/pdf');
    expect(old.rawPayload.equals(pdf)).toBe(true);
    expect(createHash('sha256').update(old.rawPayload).digest('hex')).toBe(files[1]!.sha256);
    expect((await platform.app.inject({ method: 'GET', url: `/api/documents/${nationalId}/file` })).statusCode).toBe(
      404,
    );
    expect(
      (await platform.app.inject({ method: 'GET', url: `/api/documents/${nationalId}/files/${files[0]!.id}` }))
        .statusCode,
    ).toBe(404);

    // A scanned text of a few megabytes is well past the 1 MB JSON body limit, and fine here.
    const scanned = Buffer.concat([pdfAmended, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const third = await upload(
      'leader@03nk.vn',
      docId,
      'Nghị định 18-2021 (sửa đổi).pdf',
      'application/octet-stream',
      scanned,
    );
    expect(third.statusCode).toBe(200);
    expect(
      (third.json().files as { version: number; current: boolean; size: number }[]).map((f) => [
        f.version,
        f.current,
        f.size,
      ]),
    ).toEqual([
      [3, true, scanned.length],
      [2, false, docx.length],
      [1, false, pdf.length],
    ]);
    const listed = (
      (await platform.app.inject({ method: 'GET', url: '/api/documents' })).json() as {
        id: string;
        files: unknown[];
        canManage: boolean;
      }[]
    ).find((d) => d.id === docId)!;
    expect(listed.files).toHaveLength(3);
    expect(listed.canManage).toBe(false);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'document.file%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'document.file_uploaded',
      'document.file_replaced',
      'document.file_replaced',
    ]);
    expect(audit[1]!.details).toMatchObject({ name: 'Văn bản hợp nhất.docx', replacedFileId: files[1]!.id });
  });
});
