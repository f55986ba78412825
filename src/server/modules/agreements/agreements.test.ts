import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';
import { createAgreementService } from './service.ts';

let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
let dataDir: string;
const s: Record<string, Session> = {};
let firm: { id: string; tax_code: string };
let associationId = '';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-agreements-'));
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url, DATA_DIR: dataDir } });
  const db = platform.deps.db;
  org = await createOrg(db);
  firm = await createEnterprise(db, { name: 'Công ty TNHH Điện tử Hải An', managingUnitId: org['03NK'] });
  associationId = (
    await db
      .insertInto('associations')
      .values({ code: 'VCCI-HP', name_vi: 'VCCI Hải Phòng', name_en: 'VCCI Hai Phong' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await createUser(db, { email: 'dn@test.vn', role: 'enterprise_user', enterpriseId: firm.id });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of ['dn@test.vn', 'leader@03nk.vn', 'leader@03.vn', 'leader@20.vn', 'officer@03nk.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: as(s[who]!), ...(payload && { payload }) });

function multipart(filename: string, type: string, content: Buffer) {
  const boundary = '----caunoi' + Date.now();
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const agreement = () => ({
  number: '125/TTHT-HQHP',
  kind: 'cooperation',
  unitId: org['03NK'],
  enterpriseTaxCode: firm.tax_code,
  title: 'Thỏa thuận hợp tác Hải quan – Doanh nghiệp giai đoạn 2026–2028',
  signedOn: '2026-11-20',
  expiresOn: '2027-01-10',
  commitments: 'Doanh nghiệp tuân thủ pháp luật hải quan; Chi cục hỗ trợ giải đáp vướng mắc trong 24 giờ.',
  status: 'in_force',
});

let id = '';

describe('partnership agreements', () => {
  it('refuses those outside the unit and bad input, naming the field', async () => {
    expect((await call('officer@03nk.vn', 'POST', '/api/agreements', agreement())).statusCode).toBe(403);
    expect((await call('dn@test.vn', 'POST', '/api/agreements', agreement())).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/agreements', agreement())).statusCode).toBe(403);
    const noDate = await call('leader@03nk.vn', 'POST', '/api/agreements', { ...agreement(), signedOn: null });
    expect(noDate.json().error.details[0]).toEqual({ field: 'signedOn', message: 'Cần ngày ký' });
    const team = await call('leader@03nk.vn', 'POST', '/api/agreements', { ...agreement(), unitId: org['03NK01'] });
    expect(team.json().error.details[0].field).toBe('unitId');
    const noFirm = await call('leader@03nk.vn', 'POST', '/api/agreements', {
      ...agreement(),
      enterpriseTaxCode: '0100109106',
    });
    expect(noFirm.json().error.details[0].field).toBe('enterpriseTaxCode');
  });

  it('records an agreement and the unit progress toward its target moves', async () => {
    expect(
      (
        await call('leader@03nk.vn', 'PUT', '/api/agreements/targets', {
          unitId: org['03NK'],
          year: 2026,
          targetMin: 70,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('leader@03.vn', 'PUT', '/api/agreements/targets', { unitId: org['03NK'], year: 2026, targetMin: 70 }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await call('leader@03.vn', 'PUT', '/api/agreements/targets', {
          unitId: org['03NK'],
          year: 2026,
          targetMin: 5,
          targetMax: 2,
        })
      ).statusCode,
    ).toBe(400);
    const before = (await call('leader@03.vn', 'GET', '/api/agreements/progress?year=2026')).json();
    expect(before).toMatchObject([{ unit: { code: '03NK' }, targetMin: 70, signed: 0, percent: 0 }]);
    const created = await call('leader@03nk.vn', 'POST', '/api/agreements', agreement());
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'in_force',
      party: { kind: 'enterprise', taxCode: firm.tax_code },
      nextStatuses: ['expired', 'terminated'],
    });
    expect((await call('leader@03nk.vn', 'POST', '/api/agreements', agreement())).json().error.details[0].field).toBe(
      'number',
    );
    await call('leader@03nk.vn', 'POST', '/api/agreements', {
      ...agreement(),
      number: '7/QCPH',
      kind: 'coordination',
      enterpriseTaxCode: null,
      associationId,
      status: 'draft',
      signedOn: null,
    });
    const after = (await call('leader@03.vn', 'GET', '/api/agreements/progress?year=2026')).json();
    expect(after).toMatchObject([{ unit: { code: '03NK' }, targetMin: 70, signed: 1, inForce: 1, percent: 1 }]);
    expect((await call('leader@20.vn', 'GET', '/api/agreements/progress?year=2026')).json()).toEqual([]);
    expect((await call('leader@20.vn', 'GET', `/api/agreements/${id}`)).statusCode).toBe(404);
    const own = (await call('dn@test.vn', 'GET', '/api/agreements')).json() as { number: string }[];
    expect(own.map((a) => a.number)).toEqual(['125/TTHT-HQHP']); // the draft regulation is not the enterprise's
    expect((await call('leader@03.vn', 'GET', '/api/agreements?q=dien tu hai an')).json()).toHaveLength(1);
  });

  it('moves through the statuses it may, with a reason to terminate', async () => {
    const [draft] = (await call('leader@03nk.vn', 'GET', '/api/agreements?status=draft')).json() as { id: string }[];
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/agreements/${draft!.id}/status`, { status: 'expired' })).statusCode,
    ).toBe(409);
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/agreements/${draft!.id}/status`, { status: 'signed' })).json().error
        .details[0].field,
    ).toBe('signedOn');
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/agreements/${draft!.id}/status`, { status: 'terminated' })).json()
        .error.details[0].field,
    ).toBe('reason');
    const signed = await call('leader@03nk.vn', 'POST', `/api/agreements/${draft!.id}/status`, {
      status: 'signed',
      signedOn: '2026-11-21',
    });
    expect(signed.json().status).toBe('signed');
    expect(
      (
        await call('dn@test.vn', 'POST', `/api/agreements/${id}/status`, {
          status: 'terminated',
          reason: 'Doanh nghiệp tự chấm dứt',
        })
      ).statusCode,
    ).toBe(403);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'agreement.status_changed')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([{ from: 'draft', to: 'signed' }]);
  });

  it('keeps the signed PDF under DATA_DIR and refuses anything else', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const bad = multipart('thoa-thuan.pdf', 'application/pdf', Buffer.from('MZ not a pdf'));
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: `/api/agreements/${id}/document`,
          headers: { ...as(s['leader@03nk.vn']!), ...bad.headers },
          payload: bad.payload,
        })
      ).json().error.details[0],
    ).toEqual({ field: 'file', message: 'Chỉ nhận tệp PDF (tối đa 10 MB)' });
    const exe = multipart('a.exe', 'application/x-msdownload', pdf);
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: `/api/agreements/${id}/document`,
          headers: { ...as(s['leader@03nk.vn']!), ...exe.headers },
          payload: exe.payload,
        })
      ).statusCode,
    ).toBe(400);
    const big = multipart('lon.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]));
    const tooBig = await platform.app.inject({
      method: 'POST',
      url: `/api/agreements/${id}/document`,
      headers: { ...as(s['leader@03nk.vn']!), ...big.headers },
      payload: big.payload,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.details[0]).toEqual({ field: 'file', message: 'Tệp PDF tối đa 10 MB' });
    const good = multipart('Thỏa thuận 125.pdf', 'application/pdf', pdf);
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: `/api/agreements/${id}/document`,
          headers: { ...as(s['leader@20.vn']!), ...good.headers },
          payload: good.payload,
        })
      ).statusCode,
    ).toBe(404);
    const uploaded = await platform.app.inject({
      method: 'POST',
      url: `/api/agreements/${id}/document`,
      headers: { ...as(s['leader@03nk.vn']!), ...good.headers },
      payload: good.payload,
    });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json().document).toEqual({ name: 'Thỏa thuận 125.pdf', size: pdf.length });
    expect(fs.readdirSync(path.join(dataDir, 'agreements'))).toHaveLength(1);
    const download = await call('dn@test.vn', 'GET', `/api/agreements/${id}/document`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('exports the table as Excel and CSV', async () => {
    const xlsx = await call('leader@03.vn', 'GET', '/api/agreements/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Thỏa thuận')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(3).value).toBe('Số');
    const csv = await call('leader@03.vn', 'GET', '/api/agreements/export?format=csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="thoa-thuan-hop-tac-2026-11-23.csv"/);
    expect(csv.body).toContain('125/TTHT-HQHP,Thỏa thuận hợp tác');
    expect((await call('officer@03nk.vn', 'GET', '/api/agreements/export')).statusCode).toBe(403);
  });

  it('reminds the unit before an agreement ends, once, and expires it after', async () => {
    const service = createAgreementService({
      db: platform.deps.db,
      clock: platform.clock,
      dataDir,
      publicBase: 'http://x',
    });
    expect(await service.remindRenewals()).toEqual({ expired: 0, reminded: 1 });
    expect(await service.remindRenewals()).toEqual({ expired: 0, reminded: 0 });
    await drainDeliveries(platform.deps);
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual([
      'leader@03.vn',
      'leader@03nk.vn',
    ]);
    expect(mails[0]?.subject).toBe('Nhắc gia hạn: Thỏa thuận hợp tác số 125/TTHT-HQHP với Công ty TNHH Điện tử Hải An');
    expect(mails[0]?.text).toContain('hết hiệu lực ngày 10/01/2027');
    platform.clock.set(new Date('2027-01-11T03:00:00Z'));
    expect(await service.remindRenewals()).toEqual({ expired: 1, reminded: 0 });
  });
});
