// The index through the API on a real database: define, upload the Department's
// scores (all or nothing), compute, publish (frozen), recompute, public page,
// downloads, sandbox, the branch leader's view, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdciMethodInput, PublishedIndexView, ResultView } from '../../../contracts/cdci.ts';
import { createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

let platform: TestPlatform;
let org: Record<OrgCodes | '03XX', string>;
let surveyId: string;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform({ now: new Date('2026-12-05T03:00:00Z') });
  const db = platform.deps.db;
  org = { ...(await createOrg(db)), '03XX': '' };
  org['03XX'] = (
    await db
      .insertInto('units')
      .values({
        code: '03XX',
        kind: 'branch',
        name_vi: 'Chi cục nhỏ',
        name_en: 'Small',
        parent_id: org['03'],
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const question = (key: string, component: string) => ({
    key,
    type: 'scale',
    text: { vi: key, en: key },
    required: false,
    options: [],
    scaleMax: 5,
    min: null,
    max: null,
    showIf: null,
    perBranch: true,
    indicator: { component, direction: 'higher_better' },
  });
  surveyId = (
    await db
      .insertInto('surveys')
      .values({
        owner_unit_id: org['03'],
        title_vi: 'Khảo sát DDCI',
        closes_on: null,
        targeting: null,
        definition: JSON.stringify({
          sections: [{ key: 'a', title: { vi: 'A', en: 'A' }, questions: [question('q_time', 'time_costs')] }],
        }),
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // 12 answers about 03NK (mostly 4–5), 10 about 03CE (mostly 2–3), 3 about 03XX.
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => ({ [org['03NK']]: 4 + (i % 2) })),
    ...Array.from({ length: 10 }, (_, i) => ({ [org['03CE']]: 2 + (i % 2) })),
    ...Array.from({ length: 3 }, () => ({ [org['03XX']]: 5 })),
  ];
  await db
    .insertInto('survey_responses')
    .values(
      rows.map((q_time) => ({
        survey_id: surveyId,
        version: 1,
        stratum: 'all',
        business_type: 'enterprise' as const,
        answers: JSON.stringify({ q_time }),
      })),
    )
    .execute();
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'branch@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'branch@03ce.vn', role: 'branch_leader', unitId: org['03CE'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of ['leader@03.vn', 'leader@20.vn', 'branch@03nk.vn', 'branch@03ce.vn', 'officer@03nk.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
});

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

const method = (over: Partial<CdciMethodInput> = {}): CdciMethodInput => ({
  name: { vi: 'DDCI Hải Phòng', en: '' },
  minRespondents: 5,
  uncertainty: { bootstrap: 100, sensitivity: 100, seed: 42, weightNoise: 0.25 },
  components: [
    {
      code: 'time',
      name: { vi: 'Thời gian', en: 'Time' },
      weight: 60,
      indicators: [
        {
          code: 'q_time',
          name: { vi: 'Thời gian', en: '' },
          source: { kind: 'survey', question: 'q_time', stat: 'mean' },
        },
      ],
    },
    {
      code: 'lead',
      name: { vi: 'Lãnh đạo', en: 'Leadership' },
      weight: 40,
      indicators: [
        {
          code: 'd_lead',
          name: { vi: 'Cục chấm', en: '' },
          source: { kind: 'department' },
          bounds: { kind: 'fixed', min: 0, max: 100 },
        },
        {
          code: 'p_support',
          name: { vi: 'Hỗ trợ đúng hạn', en: '' },
          source: { kind: 'platform', measure: 'support_resolved_on_time_share' },
        },
      ],
    },
  ],
  ...over,
});

let methodId: string;
let result: ResultView;

describe('CDCI through the API', () => {
  it('saves a method as a version; bad input names the field; only the department’s leadership', async () => {
    const body = { departmentId: org['03'], year: 2026, surveyId, method: method() };
    const badWeights = await call('leader@03.vn', 'POST', '/api/cdci/methods', {
      ...body,
      method: method({ components: [{ ...method().components[0]!, weight: 50 }] }),
    });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json().error.details[0]).toMatchObject({ field: 'method.components' });
    const wrongQuestion = method();
    wrongQuestion.components[0]!.indicators[0]!.source = { kind: 'survey', question: 'nope', stat: 'mean' };
    const unknown = await call('leader@03.vn', 'POST', '/api/cdci/methods', { ...body, method: wrongQuestion });
    expect(unknown.json().error.details).toEqual([
      { field: 'method.components.0.indicators.0.source.question', message: expect.any(String) },
    ]);
    const wrongMeasure = method();
    wrongMeasure.components[1]!.indicators.push({
      code: 'p_x',
      name: { vi: 'x', en: '' },
      source: { kind: 'platform', measure: 'no_such_measure' },
    });
    expect(
      (await call('leader@03.vn', 'POST', '/api/cdci/methods', { ...body, method: wrongMeasure })).json().error.details,
    ).toEqual([{ field: 'method.components.1.indicators.2.source.measure', message: expect.any(String) }]);
    expect((await call('leader@20.vn', 'POST', '/api/cdci/methods', body)).statusCode).toBe(403);
    expect((await call('officer@03nk.vn', 'POST', '/api/cdci/methods', body)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/cdci/methods', body)).statusCode).toBe(401);
    const saved = await call('leader@03.vn', 'POST', '/api/cdci/methods', body);
    expect(saved.statusCode).toBe(201);
    const again = await call('leader@03.vn', 'POST', '/api/cdci/methods', body);
    expect(again.json()).toMatchObject({ version: 2, status: 'draft' });
    methodId = again.json().id;
    const document = await call('leader@03.vn', 'GET', `/api/cdci/methods/${methodId}/document`);
    expect(document.json()).toEqual({ ...body, method: saved.json().method });
    expect((await call('leader@20.vn', 'GET', `/api/cdci/methods/${methodId}`)).statusCode).toBe(404);
  });

  it('takes the Department’s scores all or nothing, naming row and field', async () => {
    const bad = await call('leader@03.vn', 'PUT', `/api/cdci/methods/${methodId}/department-scores`, {
      csv: 'unit,indicator,value\n03NK,d_lead,90\n99ZZ,d_lead,80\n03CE,d_lead,tám\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['csv.3.unit', 'csv.4.value']);
    const stored = await platform.deps.db.selectFrom('cdci_department_scores').selectAll().execute();
    expect(stored).toEqual([]);
    const good = await call('leader@03.vn', 'PUT', `/api/cdci/methods/${methodId}/department-scores`, {
      csv: 'unit,indicator,value\n03NK,d_lead,90\n03CE,d_lead,"95,5"\n',
    });
    expect(good.json()).toEqual({ rows: 2 });
  });

  it('computes: the small branch is not scored, the bands and the audit are there', async () => {
    const computed = await call('leader@03.vn', 'POST', `/api/cdci/methods/${methodId}/compute`);
    expect(computed.statusCode).toBe(200);
    result = computed.json();
    const by = Object.fromEntries(result.units.map((u) => [result.codes[u.unit], u]));
    expect(by['03XX']).toMatchObject({ scored: false, composite: null, rank: null, respondents: 3 });
    // q_time means 4.5 and 2.5 → 10 and 1; d_lead 90 and 95.5 on 0–100 → 9.1 and 9.595
    expect(by['03NK']!.composite).toBeCloseTo(10 * (0.7 * 10 + 0.3 * 9.1), 9);
    expect(by['03CE']!.composite).toBeCloseTo(10 * (0.7 * 1 + 0.3 * 9.595), 9);
    expect(by['03NK']).toMatchObject({ rank: 1, respondents: 12 });
    expect(by['03NK']!.rankRange).toEqual([1, 1]);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'cdci.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['cdci.method_saved', 'cdci.scores_uploaded', 'cdci.computed']),
    );
  });

  it('publishes, freezes the year, and recomputes to the same numbers', async () => {
    expect((await call('leader@03.vn', 'GET', `/api/public/cdci/${methodId}`)).statusCode).toBe(404);
    const published = await call('leader@03.vn', 'POST', `/api/cdci/methods/${methodId}/publish`, {
      resultId: result.id,
    });
    expect(published.json()).toMatchObject({ status: 'published' });
    const body = { departmentId: org['03'], year: 2026, surveyId, method: method() };
    expect((await call('leader@03.vn', 'POST', '/api/cdci/methods', body)).statusCode).toBe(409);
    expect((await call('leader@03.vn', 'POST', `/api/cdci/methods/${methodId}/compute`)).statusCode).toBe(409);
    const verify = await call('leader@03.vn', 'POST', `/api/cdci/results/${result.id}/verify`);
    expect(verify.json()).toEqual({ same: true, differences: [] });
  });

  it('shows the public page, its downloads and the method', async () => {
    const page = await call(null, 'GET', `/api/public/cdci/${methodId}`);
    const view: PublishedIndexView = page.json();
    expect(view.result.units).toHaveLength(3);
    expect(view.medians.time).toBeCloseTo(5.5, 9);
    expect(view.years).toEqual([{ year: 2026, methodId }]);
    expect(JSON.stringify(view)).not.toContain('inputs');
    const csv = await call(null, 'GET', `/api/public/cdci/${methodId}/download?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('03NK');
    expect(csv.body).toContain('Not scored');
    const xlsx = await call(null, 'GET', `/api/public/cdci/${methodId}/download?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const document = await call(null, 'GET', `/api/public/cdci/${methodId}/method`);
    expect(document.json().method.components).toHaveLength(2);
    expect((await call(null, 'GET', '/api/public/cdci')).json()).toHaveLength(1);
  });

  it('gives a branch leader their own profile only', async () => {
    const mine = await call('branch@03nk.vn', 'GET', `/api/cdci/branches/${org['03NK']}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ unit: org['03NK'], strongest: ['q_time', 'd_lead'] });
    expect((await call('branch@03ce.vn', 'GET', `/api/cdci/branches/${org['03NK']}`)).statusCode).toBe(403);
    expect((await call(null, 'GET', `/api/cdci/branches/${org['03NK']}`)).statusCode).toBe(401);
  });

  it('runs two methods side by side in the sandbox', async () => {
    const data = method({
      surveyShare: 100,
      minRespondents: 0,
      components: [
        {
          code: 'a',
          name: { vi: 'A', en: '' },
          weight: 50,
          indicators: [{ code: 'a', name: { vi: 'A', en: '' }, source: { kind: 'data' } }],
        },
        {
          code: 'b',
          name: { vi: 'B', en: '' },
          weight: 50,
          indicators: [{ code: 'b', name: { vi: 'B', en: '' }, source: { kind: 'data' } }],
        },
      ],
    });
    const csv = 'unit,a,b\nX,1,9\nY,5,5\nZ,9,2\n';
    const run = await call('leader@03.vn', 'POST', '/api/cdci/sandbox', {
      csv,
      methods: [data, { ...data, aggregation: 'geometric' }],
    });
    expect(run.statusCode).toBe(200);
    const [arith, geo] = run.json().results as ResultView[];
    // a: 1, 5.5, 10; b (lo 2, hi 9): 10, 1 + 9·3/7, 1
    const expected = [55, 10 * ((5.5 + 1 + (9 * 3) / 7) / 2), 55];
    arith!.units.forEach((u, i) => expect(u.composite).toBeCloseTo(expected[i]!, 9));
    expect(geo!.units[0]!.composite).toBeCloseTo(10 * Math.sqrt(1 * 10), 9);
    const bad = await call('leader@03.vn', 'POST', '/api/cdci/sandbox', { csv: 'unit,a,b\nX,1,z\n', methods: [data] });
    expect(bad.json().error.details).toEqual([{ field: 'methods.0.csv.2.b', message: expect.any(String) }]);
  });
});
