import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { readImportFile } from './import-file.ts';

let platform: TestPlatform;
let leader: Session;
let otherLeader: Session;
let enterpriseUser: Session;
let officerCode = '';

beforeAll(async () => {
  platform = await startTestPlatform();
  const org = await createOrg(platform.deps.db);
  officerCode = (await createOfficers(platform.deps.db, org)).first.code;
  await createUser(platform.deps.db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(platform.deps.db, { email: 'leader@20bb.vn', role: 'branch_leader', unitId: org['20BB'] });
  const enterprise = await platform.deps.db
    .insertInto('enterprises')
    .values({ tax_code: validTaxCode(123_456_789), name: 'DN' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await createUser(platform.deps.db, { email: 'dn@test.vn', role: 'enterprise_user', enterpriseId: enterprise.id });
  leader = await signIn(platform, 'leader@03nk.vn', TEST_PASSWORD);
  otherLeader = await signIn(platform, 'leader@20bb.vn', TEST_PASSWORD);
  enterpriseUser = await signIn(platform, 'dn@test.vn', TEST_PASSWORD);
});
afterAll(async () => platform.close());

function multipart(fileName: string, content: string) {
  const boundary = '----caunoi' + Math.random().toString(16).slice(2);
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function waitForJob(session: Session, id: string) {
  for (let i = 0; i < 100; i++) {
    const job = (
      await platform.app.inject({ method: 'GET', url: `/api/declarations/imports/${id}`, headers: as(session) })
    ).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('declaration import', () => {
  it('reads quoted CSV fields and a semicolon file, keeping tax codes as text', async () => {
    const rows = await readImportFile(
      'a.csv',
      Buffer.from(
        'so_to_khai;mst_doanh_nghiep;cac_buoc\r\n103000000001;0100109106;"Tiếp nhận:03NK01; Kiểm tra hồ sơ"\n',
        'utf8',
      ),
    );
    expect(rows).toEqual([
      { row: 2, values: { number: '103000000001', taxCode: '0100109106', steps: 'Tiếp nhận:03NK01; Kiểm tra hồ sơ' } },
    ]);
  });

  it('keeps the good rows and reports each bad row with its field', async () => {
    const tax = validTaxCode(222_333_444);
    const csv = [
      'so_to_khai,ma_loai_hinh,mst_doanh_nghiep,ten_doanh_nghiep,ma_chi_cuc,luong,ngay_dang_ky,cac_buoc',
      `106000000001,A11,${tax},Công ty TNHH Cơ khí Hải Long,03NK,xanh,20/11/2026 08:30,Tiếp nhận:03NK01:${officerCode}`,
      `106000000002,A11,${tax},Công ty TNHH Cơ khí Hải Long,03NK,đỏ,2026-11-21,Tiếp nhận:03NK01; Kiểm tra thực tế:03NK02`,
      `10600000000X,A11,0100109107,Sai,03NK,tím,hôm qua,`,
      `106000000004,A11,${tax},Chi cục khác,20BB,xanh,2026-11-21,Tiếp nhận`,
    ].join('\n');
    const { payload, headers } = multipart('to-khai-thang-11.csv', csv);
    const started = await platform.app.inject({
      method: 'POST',
      url: '/api/declarations/imports',
      headers: { ...as(leader), ...headers },
      payload,
    });
    expect(started.statusCode).toBe(202);
    expect(started.json().total).toBe(4);
    const job = await waitForJob(leader, started.json().id);
    expect(job).toMatchObject({ status: 'done', processed: 4, succeeded: 2 });
    const badRows = [...new Set((job.errors as { row: number }[]).map((e) => e.row))];
    expect(badRows).toEqual([4, 5]);
    const fields = (job.errors as { row: number; field: string }[]).filter((e) => e.row === 4).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['so_to_khai', 'mst_doanh_nghiep', 'luong']));
    expect((job.errors as { row: number; field: string; message: string }[]).find((e) => e.row === 5)).toMatchObject({
      field: 'row',
      message: 'Bạn không có quyền thực hiện thao tác này',
    });
    const stored = await platform.deps.db.selectFrom('declarations').select('number').orderBy('number').execute();
    expect(stored.map((d) => d.number)).toEqual(['106000000001', '106000000002']);
  });

  it('refuses a file of the wrong type, and imports by businesses or by others than the creator', async () => {
    const { payload, headers } = multipart('to-khai.pdf', 'not a table');
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/declarations/imports',
      headers: { ...as(leader), ...headers },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ field: 'file', message: 'Chỉ nhận tệp CSV hoặc Excel (.xlsx)' }]);
    const csv = multipart('a.csv', 'so_to_khai\n106000000009');
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: '/api/declarations/imports',
          headers: { ...as(enterpriseUser), ...csv.headers },
          payload: csv.payload,
        })
      ).statusCode,
    ).toBe(403);
    const mine = await platform.app.inject({
      method: 'POST',
      url: '/api/declarations/imports',
      headers: { ...as(leader), ...csv.headers },
      payload: csv.payload,
    });
    expect(
      (
        await platform.app.inject({
          method: 'GET',
          url: `/api/declarations/imports/${mine.json().id}`,
          headers: as(otherLeader),
        })
      ).statusCode,
    ).toBe(404);
    await waitForJob(leader, mine.json().id);
  });
});
