import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { sql } from 'kysely';
import { flushRollups, tidyRollups } from './rollups.ts';

const KEY = 'dashboard-tests-bootstrap-key-0123456789';
const api = { authorization: `Bearer ${KEY}` };
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: KEY } });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  // Six declarations: the first officer gets 5,5,4,4,5,3; the second officer only 2 ratings.
  const stars = [5, 5, 4, 4, 5, 3];
  for (const [i, star] of stars.entries()) {
    const number = `107000000${String(i).padStart(3, '0')}`;
    await platform.app.inject({ method: 'PUT', url: `/api/v1/declarations/${number}`, headers: api, payload: declarationBody(officers) });
    const subjects: object[] = [
      { kind: 'branch', ref: '03NK', stars: star },
      { kind: 'officer', ref: officers.first.code, stars: star, reason: `Nhận xét số ${i + 1}`, ...(i === 5 && { flags: ['delay'] }) },
    ];
    if (i < 2) subjects.push({ kind: 'officer', ref: officers.second.code, stars: 2, reason: 'Chậm' });
    const r = await platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${number}/assessments`, headers: api, payload: { subjects } });
    expect(r.statusCode).toBe(201);
  }
  await flushRollups(db);
  await createUser(db, { email: 'gd@test.vn', role: 'gd_staff' });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20bb.vn', role: 'branch_leader', unitId: org['20BB'] });
  await createUser(db, { email: 'an@03nk.vn', role: 'officer', unitId: org['03NK01'], officerId: officers.first.id });
  await createUser(db, { email: 'bich@03nk.vn', role: 'officer', unitId: org['03NK02'], officerId: officers.second.id });
  for (const email of ['gd@test.vn', 'leader@03nk.vn', 'leader@20bb.vn', 'an@03nk.vn', 'bich@03nk.vn']) s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const get = (who: string, url: string) => platform.app.inject({ method: 'GET', url, headers: as(s[who]!) });

describe('unit dashboards', () => {
  it('the country view drills down to departments, with a fair ranking score', async () => {
    const response = await get('gd@test.vn', '/api/dashboards/units?from=2026-01-01&to=2026-12-31');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unit.code).toBe('00');
    expect(body.figures.count).toBe(14);
    expect(body.children.map((c: { unit: { code: string } }) => c.unit.code)).toEqual(['03', '20']);
    expect(body.children[0].score).not.toBeNull();
    expect(body.trend.length).toBeGreaterThan(0);
  });

  it('a branch leader sees its branch and teams, not another branch, and small figures are withheld', async () => {
    const own = await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}?from=2026-01-01&to=2026-12-31`);
    expect(own.statusCode).toBe(200);
    const teams = own.json().children as { unit: { code: string }; figures: { withheld: boolean; count: number } }[];
    expect(teams.find((t) => t.unit.code === '03NK02')?.figures).toMatchObject({ withheld: true, count: 2 });
    expect(teams.find((t) => t.unit.code === '03NK01')?.figures).toMatchObject({ withheld: false, count: 6 });
    expect((await get('leader@03nk.vn', `/api/dashboards/units/${org['03']}`)).statusCode).toBe(403);
    expect((await get('leader@20bb.vn', `/api/dashboards/units/${org['03NK']}`)).statusCode).toBe(403);
    const team = await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK01']}?from=2026-01-01&to=2026-12-31`);
    expect(team.json().officers).toMatchObject([{ code: officers.first.code, figures: { count: 6, meanStars: 4.33 } }]);
  });

  it('filters by channel', async () => {
    const red = await get('gd@test.vn', '/api/dashboards/units?from=2026-01-01&to=2026-12-31&channel=red');
    expect(red.json().figures.count).toBe(0);
    const bad = await get('gd@test.vn', '/api/dashboards/units?channel=purple');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.channel');
  });
});

describe('officer dashboards', () => {
  it('an officer sees their own results and anonymized comments, never who wrote them', async () => {
    const response = await get('an@03nk.vn', `/api/dashboards/officers/${officers.first.id}?from=2026-01-01&to=2026-12-31`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.figures.count).toBe(6);
    expect(body.comments).toHaveLength(6);
    expect(Object.keys(body.comments[0]).sort()).toEqual(['flags', 'month', 'reason', 'stars']);
    expect(JSON.stringify(body)).not.toMatch(/Hải An|1070000000/);
  });

  it('an officer with fewer than five ratings sees them withheld, with no comments', async () => {
    const body = (await get('bich@03nk.vn', `/api/dashboards/officers/${officers.second.id}?from=2026-01-01&to=2026-12-31`)).json();
    expect(body.figures).toMatchObject({ count: 2, withheld: true, meanStars: null });
    expect(body.comments).toEqual([]);
  });

  it('an officer cannot see a colleague', async () => {
    expect((await get('an@03nk.vn', `/api/dashboards/officers/${officers.second.id}`)).statusCode).toBe(403);
    expect((await get('an@03nk.vn', `/api/dashboards/units/${org['03NK01']}`)).statusCode).toBe(403);
  });
});

describe('exports', () => {
  const exportOf = (who: string, url: string, language = 'vi') => platform.app.inject({ method: 'GET', url, headers: { ...as(s[who]!), cookie: `${s[who]!.cookie}; caunoi_locale=${language}` } });
  const auditCount = async () => Number((await platform.deps.db.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).where('action', '=', 'dashboard.exported').executeTakeFirstOrThrow()).n);

  it('a branch leader exports the branch view as CSV with a byte order mark, small figures withheld, audited', async () => {
    const before = await auditCount();
    const response = await exportOf('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/export?format=csv&from=2026-01-01&to=2026-12-31`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('ket-qua-03NK-2026-01-01-2026-12-31.csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    const team1 = lines.find((line) => line.startsWith('Đơn vị cấp dưới,03NK01,'))!.split(',');
    const team2 = lines.find((line) => line.startsWith('Đơn vị cấp dưới,03NK02,'))!.split(',');
    expect(team1.slice(4, 6)).toEqual(['6', '4.33']);
    expect(team2[4]).toBe('2');
    expect(team2.slice(5, 18).every((cell) => cell === '')).toBe(true);
    expect(team2[18]).toBe('Chưa đủ số đánh giá để hiển thị');
    expect(response.body).not.toMatch(/Hải An|1070000000|300111222/);
    expect(await auditCount()).toBe(before + 1);
    const entry = await platform.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'dashboard.exported').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_label: 'leader@03nk.vn', entity_type: 'unit', entity_id: org['03NK'], unit_id: org['03NK'] });
  });

  it('exports Excel with the same figures, in English on request', async () => {
    const response = await exportOf('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/export?format=xlsx&from=2026-01-01&to=2026-12-31`, 'en');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('results-03NK-2026-01-01-2026-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const team2 = rows.find((row) => row[0] === 'Units below' && row[1] === '03NK02')!;
    expect(team2[4]).toBe(2);
    expect(team2[5]).toBeUndefined();
    expect(team2[18]).toBe('Not enough assessments to show');
    const team1 = rows.find((row) => row[0] === 'Units below' && row[1] === '03NK01')!;
    expect(team1.slice(4, 6)).toEqual([6, 4.33]);
  });

  it('refuses what the page refuses, and records nothing', async () => {
    const before = await auditCount();
    expect((await exportOf('leader@20bb.vn', `/api/dashboards/units/${org['03NK']}/export?format=csv`)).statusCode).toBe(403);
    expect((await exportOf('an@03nk.vn', `/api/dashboards/units/${org['03NK01']}/export?format=xlsx`)).statusCode).toBe(403);
    expect((await exportOf('an@03nk.vn', `/api/dashboards/officers/${officers.second.id}/export?format=csv`)).statusCode).toBe(403);
    expect((await platform.app.inject({ method: 'GET', url: `/api/dashboards/units/${org['03NK']}/export` })).statusCode).toBeGreaterThanOrEqual(401);
    const bad = await exportOf('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/export?format=pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.format');
    expect(await auditCount()).toBe(before);
  });

  it('an officer exports their own results with anonymized comments; a withheld officer gets no figures and no comments', async () => {
    const own = await exportOf('an@03nk.vn', `/api/dashboards/officers/${officers.first.id}/export?format=csv&from=2026-01-01&to=2026-12-31`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Nhận xét số 6 — Chậm trễ');
    expect(own.body).not.toMatch(/Hải An|1070000000/);
    const withheld = await exportOf('bich@03nk.vn', `/api/dashboards/officers/${officers.second.id}/export?format=csv&from=2026-01-01&to=2026-12-31`);
    expect(withheld.statusCode).toBe(200);
    expect(withheld.body).toContain('Chưa đủ số đánh giá để hiển thị');
    expect(withheld.body).not.toMatch(/,Chậm\r\n/);
    expect(withheld.body).not.toContain('Nhận xét (ẩn danh)');
  });
});

describe('monthly report', () => {
  it('compares the month with the one before, ranks the units below and counts flag cases', async () => {
    const response = await get('gd@test.vn', `/api/dashboards/units/${org['03NK']}/report?month=2026-11`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ month: '2026-11', previousMonth: '2026-10', current: { count: 14 }, previous: { count: 0, meanStars: null } });
    expect(body.path.map((u: { code: string }) => u.code)).toEqual(['00', '03', '03NK']);
    expect(body.children[0].unit.code).toBe('03NK01');
    expect(body.cases).toMatchObject({ opened: 1 });
    expect(JSON.stringify(body)).not.toMatch(/Hải An|1070000000/);
  });

  it('withholds small figures from a branch leader, starts the breadcrumbs at their branch, and refuses other branches', async () => {
    const body = (await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/report?month=2026-11`)).json();
    expect(body.path.map((u: { code: string }) => u.code)).toEqual(['03NK']);
    expect(body.children.find((c: { unit: { code: string } }) => c.unit.code === '03NK02')).toMatchObject({ current: { count: 2, withheld: true, meanStars: null }, score: null });
    expect((await get('leader@20bb.vn', `/api/dashboards/units/${org['03NK']}/report?month=2026-11`)).statusCode).toBe(403);
    const bad = await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/report?month=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'querystring.month', message: 'Tháng có dạng NNNN-TT (ví dụ 2026-11)' });
  });

  it('shows an officer their unit path only where they may look', async () => {
    const body = (await get('an@03nk.vn', `/api/dashboards/officers/${officers.first.id}`)).json();
    expect(body.path).toEqual([]);
    const leader = (await get('leader@03nk.vn', `/api/dashboards/officers/${officers.first.id}`)).json();
    expect(leader.path.map((u: { code: string }) => u.code)).toEqual(['03NK', '03NK01']);
  });
});

// Last: it adds ratings the tests above do not expect.
describe('stage filter', () => {
  it('counts only the ratings of the chosen processing stage, lists the stages rated, and keeps the unfiltered totals', async () => {
    const before = (await get('gd@test.vn', '/api/dashboards/units?from=2026-01-01&to=2026-12-31')).json();
    for (const [i, star] of [2, 4].entries()) {
      const number = `107000001${String(i).padStart(3, '0')}`;
      await platform.app.inject({ method: 'PUT', url: `/api/v1/declarations/${number}`, headers: api, payload: declarationBody(officers) });
      const subjects = [
        { kind: 'stage', ref: 'Kiểm tra hồ sơ', stars: star },
        { kind: 'stage', ref: 'Tiếp nhận', stars: 5 },
      ];
      const r = await platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${number}/assessments`, headers: api, payload: { subjects } });
      expect(r.statusCode).toBe(201);
    }
    await flushRollups(platform.deps.db);
    const url = `/api/dashboards/units/${org['03NK']}?from=2026-01-01&to=2026-12-31`;
    const all = (await get('leader@03nk.vn', url)).json();
    expect(all.figures.count).toBe(before.figures.count + 4);
    expect(all.stages).toEqual(['Kiểm tra hồ sơ', 'Tiếp nhận']);
    const checks = (await get('leader@03nk.vn', `${url}&stage=${encodeURIComponent('Kiểm tra hồ sơ')}`)).json();
    expect(checks.figures.count).toBe(2); // 2 and 4 stars; fewer than five, so a branch leader sees no mean
    // The same counts from each roll-up the filter may read: per-stage days, and the dimensioned one with a channel.
    const stage = `stage=${encodeURIComponent('Kiểm tra hồ sơ')}`;
    const partial = `/api/dashboards/units/${org['03NK']}?from=2026-11-15&to=2026-11-25&${stage}`;
    expect((await get('leader@03nk.vn', partial)).json().figures.count).toBe(2);
    expect((await get('leader@03nk.vn', `${partial}&channel=yellow`)).json().figures.count).toBe(2);
    expect((await get('leader@03nk.vn', `${partial}&channel=red`)).json().figures.count).toBe(0);
    expect((await get('leader@03nk.vn', `${url}&${stage}&subjectKind=officer`)).json().figures.count).toBe(0);
    expect((await get('leader@03nk.vn', `${url}&${stage}&subjectKind=stage`)).json().figures.count).toBe(2);
    const country = (await get('gd@test.vn', `/api/dashboards/units?from=2026-01-01&to=2026-12-31&stage=${encodeURIComponent('Tiếp nhận')}`)).json();
    expect(country.figures.count).toBe(2);
    expect((await get('gd@test.vn', '/api/dashboards/units?stage=x')).statusCode).toBe(400);
  });
});

describe('roll-up upkeep', () => {
  it('vacuums and analyzes the roll-ups, so the embedded database keeps no dead rows and has statistics', async () => {
    await tidyRollups(platform.deps.db);
    const stats = await sql<{ relname: string; vacuumed: boolean; analyzed: boolean }>`
      select relname, last_vacuum is not null as vacuumed, last_analyze is not null as analyzed
      from pg_stat_user_tables where relname in ('rollup_unit_day', 'rollup_unit_month', 'rollup_unit_stage_day') order by relname`.execute(platform.deps.db);
    expect(stats.rows).toEqual([
      { relname: 'rollup_unit_day', vacuumed: true, analyzed: true },
      { relname: 'rollup_unit_month', vacuumed: true, analyzed: true },
      { relname: 'rollup_unit_stage_day', vacuumed: true, analyzed: true },
    ]);
  });
});
