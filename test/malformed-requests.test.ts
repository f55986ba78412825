// Throws malformed bodies, queries, params and headers at every documented
// route, as an anonymous caller and as an administrator: nothing may answer 500,
// and every error has the one shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, TEST_PASSWORD } from './factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from './platform.ts';

let platform: TestPlatform;
let admin: Session;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: 'fuzz-bootstrap-key-0123456789abcdef' } });
  await createOrg(platform.deps.db);
  await createUser(platform.deps.db, { email: 'admin@test.vn', role: 'admin' });
  admin = await signIn(platform, 'admin@test.vn', TEST_PASSWORD);
});
afterAll(async () => platform.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function documentedRoutes(): { method: Method; path: string }[] {
  const spec = platform.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => ({ method: m.toUpperCase() as Method, path })),
  );
}

const badParams = ['x', 'not-a-uuid', '%00', '..%2F..%2Fetc', 'a'.repeat(300), '-1', '99999999999999999999'];
const badBodies: (string | undefined)[] = [
  '{not json',
  '[]',
  '123',
  '"text"',
  'null',
  JSON.stringify({ a: { b: { c: [1, 2, { d: null }] } } }),
  JSON.stringify({
    email: 5,
    password: ['x'],
    code: {},
    roles: 'admin',
    scopes: 1,
    limit: -4,
    subjects: [{ stars: 99 }],
  }),
  undefined,
];
const badQueries = [
  '?limit=-1&offset=abc',
  '?limit=1e9',
  '?q[]=a&q[]=b',
  '?from=2026-13-45&to=yesterday',
  '?includeInactive=maybe',
  '?role=god',
  `?q=${'%F0%9F%92%A9'.repeat(50)}`,
];
const badHeaders: Record<string, string>[] = [
  { 'content-type': 'text/plain' },
  { 'content-type': 'application/xml' },
  { 'content-type': 'multipart/form-data' },
  { 'accept-language': ';;;q=abc,,' },
  { cookie: 'caunoi_session=' + 'z'.repeat(500) },
  { authorization: 'Bearer ' + 'k'.repeat(500) },
  { authorization: 'Bearer' },
  { 'x-csrf-token': 'wrong' },
];

function expectHandled(
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  label: string,
) {
  expect(response.statusCode, label).toBeLessThan(500);
  if (response.statusCode >= 400 && String(response.headers['content-type']).includes('json')) {
    const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
    expect(Array.isArray(body.error?.details), label).toBe(true);
  }
}

describe('malformed requests', () => {
  it('covers the documented routes', () => {
    expect(documentedRoutes().length).toBeGreaterThan(15);
  });

  // Grows with every route (≈ 300 requests each): under a full parallel run it needs more than the default minute.
  it('never answer 500 and always answer in the error shape', { timeout: 300_000 }, async () => {
    let sent = 0;
    for (const route of documentedRoutes()) {
      const paths = route.path.includes('{') ? badParams.map((p) => route.path.replace(/\{[^}]+\}/g, p)) : [route.path];
      for (const session of [null, admin]) {
        const base = session ? as(session) : {};
        for (const url of paths) {
          for (const body of route.method === 'GET' ? [undefined] : badBodies) {
            const response = await platform.app.inject({
              method: route.method,
              url,
              headers: { ...base, ...(body !== undefined && { 'content-type': 'application/json' }) },
              ...(body !== undefined && { payload: body }),
            });
            expectHandled(response, `${route.method} ${url} body=${body?.slice(0, 40)}`);
            sent++;
          }
          for (const query of badQueries) {
            const response = await platform.app.inject({ method: route.method, url: url + query, headers: base });
            expectHandled(response, `${route.method} ${url}${query}`);
            sent++;
          }
          for (const headers of badHeaders) {
            const response = await platform.app.inject({
              method: route.method,
              url,
              headers: { ...base, ...headers },
              ...(route.method !== 'GET' && { payload: 'a=1' }),
            });
            expectHandled(response, `${route.method} ${url} ${JSON.stringify(headers).slice(0, 60)}`);
            sent++;
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
  }); // thousands of requests: on a busy machine this takes minutes, and time must not decide the result

  it('answers a multipart request without a boundary, or cut short, with 400 naming the file field, on every multipart route', async () => {
    // The routes that take a file (their `consumes` does not reach the OpenAPI document, so they are listed here); each reads it through lib/upload.ts.
    const id = '00000000-0000-4000-8000-000000000000';
    const multipart = [
      '/api/declarations/imports',
      `/api/agreements/${id}/document`,
      `/api/documents/${id}/file`,
      `/api/support/requests/${id}/attachments`,
    ].map((url) => ({ method: 'POST' as const, url }));
    const malformed = [
      {
        'content-type': 'multipart/form-data',
        payload: '--x\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc\r\n--x--\r\n',
      },
      { 'content-type': 'multipart/form-data; boundary=', payload: 'abc' },
      {
        'content-type': 'multipart/form-data; boundary=x',
        payload: '--x\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      },
    ];
    for (const route of multipart) {
      for (const [session, language, expected] of [
        [admin, 'vi', 'Không đọc được tệp gửi lên (dữ liệu multipart không hợp lệ)'],
        [null, 'en', 'The upload cannot be read (malformed multipart data)'],
      ] as const) {
        for (const { payload, ...headers } of malformed) {
          const response = await platform.app.inject({
            ...route,
            headers: { ...(session ? as(session) : {}), ...headers, 'accept-language': language },
            payload,
          });
          const label = `${route.method} ${route.url} ${headers['content-type']} ${session ? 'admin' : 'anonymous'}`;
          expect(response.statusCode, label).toBe(400);
          expect(response.json().error.code, label).toBe('validation_failed');
          expect(response.json().error.details, label).toEqual([{ field: 'file', message: expected }]);
        }
      }
    }
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
