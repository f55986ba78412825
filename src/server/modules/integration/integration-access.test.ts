// The integration API serves integration clients (API keys) only, never a
// signed-in session; a declaration's rating link goes only to a client whose
// scope allows it; a rated declaration keeps its parties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { API_SCOPES } from '../../../contracts/admin.ts';

const KEY = 'integration-access-tests-key-0123456789';
const api = { authorization: `Bearer ${KEY}` };
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { CAUNOI_BOOTSTRAP_API_KEY: KEY, PUBLIC_URL: 'https://caunoi.example.vn' },
  });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'lanhdao@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'admin@test.vn', role: 'admin' });
  await createUser(db, { email: 'gd@test.vn', role: 'gd_staff', unitId: org['00'] });
  for (const email of ['leader@03nk.vn', 'lanhdao@03.vn', 'admin@test.vn', 'gd@test.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const count = async (table: 'declarations' | 'assessments' | 'assessment_ratings') =>
  Number(
    (
      await platform.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function createKey(scopes: string[]): Promise<Record<string, string>> {
  const created = await platform.app.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers: as(s['admin@test.vn']!),
    payload: { name: `Phần mềm ${scopes.join(' ')}`, scopes },
  });
  expect(created.statusCode).toBe(201);
  return { authorization: `Bearer ${(created.json() as { key: string }).key}` };
}

describe('the integration API and sessions', () => {
  it('refuses a customs session on every operation of /api/v1 in the OpenAPI document, writing nothing', async () => {
    await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000001',
      headers: api,
      payload: declarationBody(officers),
    });
    const document = (await platform.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => ({
          method: method.toUpperCase() as 'GET' | 'PUT' | 'POST' | 'PATCH',
          path,
        })),
      );
    // Every operation the contract offers is in the matrix (a new one joins it without a change here).
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      expect.arrayContaining([
        'GET /api/v1/units',
        'GET /api/v1/units/{code}/satisfaction',
        'PUT /api/v1/declarations/{number}',
        'GET /api/v1/declarations/{number}',
        'POST /api/v1/declarations/{number}/assessments',
        'PATCH /api/v1/declarations/{number}/assessments',
      ]),
    );
    const bodies: Record<string, object> = {
      'PUT /api/v1/declarations/{number}': declarationBody(officers),
      'POST /api/v1/declarations/{number}/assessments': {
        subjects: [{ kind: 'branch', ref: '03NK', stars: 1, flags: ['harassment'] }],
      },
      'PATCH /api/v1/declarations/{number}/assessments': { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] },
    };
    const before = { declarations: await count('declarations'), assessments: await count('assessments') };
    const cells: string[] = [];
    for (const [who, session] of Object.entries(s)) {
      for (const { method, path } of operations) {
        const url = path.replace('{number}', '107000000001').replace('{code}', '03NK');
        const body = bodies[`${method} ${path}`];
        const response = await platform.app.inject({
          method,
          url,
          headers: as(session),
          ...(body && { payload: body }),
        });
        cells.push(`${who} ${method} ${path} → ${response.statusCode}`);
        expect(response.statusCode, `${who} ${method} ${path}`).toBe(401);
        expect(response.json().error.code).toBe('unauthorized');
        expect(response.body).not.toContain('danh-gia');
      }
    }
    expect(cells).toHaveLength(Object.keys(s).length * operations.length);
    expect({ declarations: await count('declarations'), assessments: await count('assessments') }).toEqual(before);
    // The same operations answer an integration client (the hook refuses sessions, not the API).
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/declarations/107000000001', headers: api })).statusCode,
    ).toBe(200);
    const leader = as(s['leader@03nk.vn']!);
    const english = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units',
      headers: { ...leader, cookie: `${leader.cookie}; caunoi_locale=en` },
    });
    expect(english.json().error.message).toBe(
      'The integration API takes an API key (Authorization: Bearer), not a signed-in session',
    );
  });
});

describe('rating links', () => {
  it('go only to an integration client with the assessments:links scope; every scope is offered and the bootstrap key has them all', async () => {
    const without = await createKey(['declarations:write', 'declarations:read']);
    const withLinks = await createKey(['declarations:write', 'declarations:read', 'assessments:links']);
    const put = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000002',
      headers: without,
      payload: declarationBody(officers),
    });
    expect(put.statusCode).toBe(201);
    expect(put.json()).not.toHaveProperty('assessmentUrl');
    expect(put.body).not.toContain('danh-gia');
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/declarations/107000000002', headers: without })).json(),
    ).not.toHaveProperty('assessmentUrl');
    const token = (
      await platform.deps.db
        .selectFrom('declarations')
        .select('rating_token')
        .where('number', '=', '107000000002')
        .executeTakeFirstOrThrow()
    ).rating_token;
    const got = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/declarations/107000000002',
      headers: withLinks,
    });
    expect(got.json().assessmentUrl).toBe(`https://caunoi.example.vn/danh-gia/${token}`);
    const replaced = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000002',
      headers: withLinks,
      payload: declarationBody(officers),
    });
    expect(replaced.json().assessmentUrl).toBe(`https://caunoi.example.vn/danh-gia/${token}`);

    expect(API_SCOPES).toContain('assessments:links');
    const bootstrap = await platform.deps.db
      .selectFrom('api_clients')
      .select('scopes')
      .where('name', '=', 'bootstrap')
      .executeTakeFirstOrThrow();
    expect([...bootstrap.scopes].sort()).toEqual([...API_SCOPES].sort());
    const document = (await platform.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        { put: { responses: Record<string, { content: Record<string, { schema: { required?: string[] } }> }> } }
      >;
    };
    expect(
      document.paths['/api/v1/declarations/{number}']!.put.responses['201']!.content['application/json']!.schema
        .required,
    ).not.toContain('assessmentUrl');
  });

  it('a rated declaration keeps its enterprise and declarant: a replacement cannot hand its rating to other accounts', async () => {
    await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000003',
      headers: api,
      payload: declarationBody(officers),
    });
    const sent = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/declarations/107000000003/assessments',
      headers: api,
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 2 }] },
    });
    expect(sent.statusCode).toBe(201);
    const otherEnterprise = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000003',
      headers: api,
      payload: declarationBody(officers, validTaxCode(555_666_777)),
    });
    expect(otherEnterprise.statusCode).toBe(400);
    expect(otherEnterprise.json().error.details).toEqual([
      { field: 'enterprise.taxCode', message: 'Tờ khai đã được đánh giá: không thể đổi doanh nghiệp hoặc đại lý khai' },
    ]);
    const newBroker = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000003',
      headers: api,
      payload: { ...declarationBody(officers), declarant: { taxCode: validTaxCode(777_888_999), name: 'Đại lý mới' } },
    });
    expect(newBroker.json().error.details[0].field).toBe('declarant.taxCode');
    const same = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/107000000003',
      headers: api,
      payload: { ...declarationBody(officers), status: 'released' },
    });
    expect(same.statusCode).toBe(200);
  });
});
