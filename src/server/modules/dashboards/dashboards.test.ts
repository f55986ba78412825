import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { createDisclosureRelease } from '../disclosure/release.ts';

const KEY = 'dashboard-tests-bootstrap-key-0123456789';
const api = { authorization: `Bearer ${KEY}` };
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
const s: Record<string, Session> = {};

/** One declaration of its own business: the branch and the first officer rated; the second officer by the first two only. */
async function rate(i: number, stars: number) {
  const number = `1070000${String(i).padStart(5, '0')}`;
  const put = await platform.app.inject({
    method: 'PUT',
    url: `/api/v1/declarations/${number}`,
    headers: api,
    payload: declarationBody(officers, validTaxCode(300_200_000 + i * 1000)),
  });
  expect(put.statusCode).toBe(201);
  const subjects: object[] = [
    { kind: 'branch', ref: '03NK', stars },
    {
      kind: 'officer',
      ref: officers.first.code,
      stars,
      reason: `Nhận xét số ${String(i + 1)}`,
      ...(i === 5 && { flags: ['delay'] }),
    },
  ];
  if (i < 2) subjects.push({ kind: 'officer', ref: officers.second.code, stars: 2, reason: 'Chậm' });
  const posted = await platform.app.inject({
    method: 'POST',
    url: `/api/v1/declarations/${number}/assessments`,
    headers: api,
    payload: { subjects },
  });
  expect(posted.statusCode).toBe(201);
}

beforeAll(async () => {
  // Sessions outlive the month the timing test waits through.
  platform = await startTestPlatform({
    env: { CAUNOI_BOOTSTRAP_API_KEY: KEY, SESSION_DAYS: '60' },
    now: new Date('2026-10-15T03:00:00Z'),
  });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  // October: eight businesses, one declaration each.
  for (const [i, stars] of [5, 5, 4, 4, 5, 3, 4, 5].entries()) await rate(i, stars);
  // October is released at 00:00 on 8 November (Vietnam).
  platform.clock.set(new Date('2026-11-09T02:00:00Z'));
  await createDisclosureRelease(platform.deps).releaseDue();
  await createUser(db, { email: 'gd@test.vn', role: 'gd_staff' });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20bb.vn', role: 'branch_leader', unitId: org['20BB'] });
  await createUser(db, { email: 'an@03nk.vn', role: 'officer', unitId: org['03NK01'], officerId: officers.first.id });
  await createUser(db, {
    email: 'bich@03nk.vn',
    role: 'officer',
    unitId: org['03NK02'],
    officerId: officers.second.id,
  });
  for (const email of ['gd@test.vn', 'leader@03nk.vn', 'leader@20bb.vn', 'an@03nk.vn', 'bich@03nk.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const get = (who: string, url: string) => platform.app.inject({ method: 'GET', url, headers: as(s[who]!) });
const UNPUBLISHED = {
  published: false,
  businesses: null,
  declarations: null,
  ratings: null,
  meanStars: null,
  distribution: null,
  flags: null,
  satisfiedShare: null,
};

describe('released periods', () => {
  it('offers the closed, released months (and the last twelve months first), and says when the next one appears', async () => {
    const response = await get('an@03nk.vn', '/api/dashboards/periods');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.periods.map((p: { key: string }) => p.key)).toEqual(['last12-2026-10', '2026-10']);
    expect(body.next).toEqual({ month: '2026-11', releasesAt: '2026-12-07T17:00:00.000Z' });
    expect(body.minimumBusinesses).toBe(5);
  });
});

describe('unit results', () => {
  it('the country view counts declarations and businesses, and drills down to departments', async () => {
    const response = await get('gd@test.vn', '/api/dashboards/units?period=2026-10');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unit.code).toBe('00');
    expect(body.period).toEqual({ key: '2026-10', kind: 'month', months: ['2026-10'] });
    expect(body.figures).toMatchObject({
      published: true,
      businesses: 8,
      declarations: 8,
      ratings: 18,
      monthsShown: 1,
    });
    expect(body.figures.flags.delay).toBe(1);
    expect(body.children.map((c: { unit: { code: string } }) => c.unit.code)).toEqual(['03', '20']);
    expect(body.children[1].figures).toMatchObject(UNPUBLISHED);
    expect(body.trend).toEqual([
      {
        month: '2026-10',
        published: true,
        declarations: 8,
        meanStars: body.figures.meanStars,
        satisfiedShare: body.figures.satisfiedShare,
      },
    ]);
  });

  it('a branch leader sees the team of two businesses withheld without a count, and another part withheld so it cannot be worked out', async () => {
    const response = await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}?period=2026-10`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.figures).toMatchObject({ published: true, declarations: 8 });
    const team = (code: string) => body.children.find((c: { unit: { code: string } }) => c.unit.code === code);
    expect(team('03NK02').figures).toMatchObject(UNPUBLISHED);
    expect(team('03NK01').figures).toMatchObject({ published: true, businesses: 8 });
    // Branch minus team 1 would be team 2 plus the branch's own ratings: the latter is withheld too.
    expect(body.own).toMatchObject(UNPUBLISHED);
    expect(JSON.stringify(body)).not.toMatch(/Hải An|3002\d{6}/);
    expect((await get('leader@20bb.vn', `/api/dashboards/units/${org['03NK']}?period=2026-10`)).statusCode).toBe(403);
  });

  it('takes no filter but the period: a free range or a channel is refused with the field named, an unreleased month too', async () => {
    for (const [query, field] of [
      ['from=2026-10-01&to=2026-10-20', 'querystring.from'],
      ['channel=red', 'querystring.channel'],
      ['subjectKind=officer', 'querystring.subjectKind'],
      ['period=2026-10-15', 'querystring.period'],
      ['period=2026-11', 'period'],
    ] as const) {
      const response = await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json().error.details.map((d: { field: string }) => d.field),
        query,
      ).toContain(field);
    }
  });
});

describe('officer results', () => {
  it('an officer sees their own month and the comments of at least five businesses, shuffled, undated, unsigned', async () => {
    const response = await get('an@03nk.vn', `/api/dashboards/officers/${officers.first.id}?period=2026-10`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.figures).toMatchObject({ published: true, businesses: 8, ratings: 8 });
    expect(body.comments).toHaveLength(1);
    expect(body.comments[0].comments.sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `Nhận xét số ${String(i + 1)}`).sort(),
    );
    expect(Object.keys(body.comments[0]).sort()).toEqual(['comments', 'firstMonth', 'month']);
  });

  it('an officer rated by two businesses sees nothing of them: no figure, no count, no comment', async () => {
    const response = await get('bich@03nk.vn', `/api/dashboards/officers/${officers.second.id}?period=2026-10`);
    expect(response.statusCode).toBe(200);
    expect(response.json().figures).toMatchObject(UNPUBLISHED);
    expect(response.json().comments).toEqual([]);
    expect(response.body).not.toContain('Chậm');
  });

  it('an officer cannot see a colleague or any unit', async () => {
    expect((await get('bich@03nk.vn', `/api/dashboards/officers/${officers.first.id}`)).statusCode).toBe(403);
    expect((await get('an@03nk.vn', `/api/dashboards/units/${org['03NK01']}`)).statusCode).toBe(403);
  });
});

describe('exports and the monthly report', () => {
  it('a branch leader exports the view as CSV: unpublished rows say so and carry no count; the export is audited', async () => {
    const response = await get(
      'leader@03nk.vn',
      `/api/dashboards/units/${org['03NK']}/export?period=2026-10&format=csv`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    const team2 = lines.find((line) => line.startsWith('Đơn vị cấp dưới,03NK02,'))!.split(',');
    expect(team2.slice(4, 21).every((cell) => cell === '' || cell === '0/1')).toBe(true);
    expect(team2.at(-1)).toContain('Không công bố');
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'dashboard.exported')
      .execute();
    expect(audit.at(-1)?.details).toMatchObject({ format: 'csv', period: '2026-10' });
    expect(
      (await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/export?from=2026-10-01&format=csv`))
        .statusCode,
    ).toBe(400);
  });

  it('exports Excel with the same figures', async () => {
    const response = await get(
      'leader@03nk.vn',
      `/api/dashboards/units/${org['03NK']}/export?period=2026-10&format=xlsx`,
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) =>
      rows.push(
        Array.from((row.values as unknown[]).slice(1), (v) =>
          typeof v === 'string' || typeof v === 'number' ? String(v) : '',
        ),
      ),
    );
    expect(rows.find((row) => row[0] === 'Tổng hợp')?.[6]).toBe('8');
    expect(rows.find((row) => row[1] === '03NK02')?.at(-1)).toContain('Không công bố');
  });

  it('the monthly report compares a released month with the one before and counts flag cases only when the month is published', async () => {
    const response = await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/report?month=2026-10`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.month).toBe('2026-10');
    expect(body.previousMonth).toBeNull();
    expect(body.current).toMatchObject({ published: true, declarations: 8 });
    expect(body.cases).toMatchObject({ opened: 1 });
    expect((await get('leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/report?month=2026-12`)).statusCode).toBe(
      400,
    );
  });
});

describe('the integration satisfaction endpoint', () => {
  it('answers over released periods only, by name or by their exact first and last day, and never states a withheld count', async () => {
    const month = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units/03NK/satisfaction?period=2026-10',
      headers: api,
    });
    expect(month.statusCode).toBe(200);
    expect(month.json()).toMatchObject({
      unitCode: '03NK',
      period: '2026-10',
      from: '2026-10-01',
      to: '2026-10-31',
      withheld: false,
      declarations: 8,
      count: 18,
      minimumCount: 5,
    });
    const byDays = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units/03NK/satisfaction?from=2026-10-01&to=2026-10-31',
      headers: api,
    });
    expect(byDays.json()).toEqual(month.json());
    const free = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units/03NK/satisfaction?from=2026-10-02&to=2026-10-31',
      headers: api,
    });
    expect(free.statusCode).toBe(400);
    expect(free.json().error.details[0].field).toBe('from');
    const small = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units/03NK02/satisfaction?period=2026-10',
      headers: api,
    });
    expect(small.json()).toMatchObject({
      withheld: true,
      count: null,
      declarations: null,
      meanStars: null,
      distribution: null,
      flags: null,
    });
  });
});

describe('timing', () => {
  it('a new rating changes nothing anyone can read until its month is released', async () => {
    const urls = [
      ['leader@03nk.vn', `/api/dashboards/units/${org['03NK']}`],
      ['leader@03nk.vn', `/api/dashboards/units/${org['03NK01']}`],
      ['leader@03nk.vn', `/api/dashboards/units/${org['03NK']}/report`],
      ['an@03nk.vn', `/api/dashboards/officers/${officers.first.id}`],
      ['an@03nk.vn', '/api/dashboards/periods'],
    ] as const;
    const read = async () =>
      Promise.all(urls.map(async ([who, url]) => (await get(who, url)).body.replace(/"generatedAt":"[^"]+"/, '')));
    const before = await read();
    await rate(20, 1);
    platform.clock.set(new Date('2026-12-07T16:59:00Z')); // one minute before November's release
    await createDisclosureRelease(platform.deps).releaseDue();
    expect(await read()).toEqual(before);
    platform.clock.set(new Date('2026-12-07T17:00:00Z'));
    await createDisclosureRelease(platform.deps).releaseDue();
    expect(
      (await get('an@03nk.vn', '/api/dashboards/periods')).json().periods.map((p: { key: string }) => p.key),
    ).toContain('2026-11');
  });
});
