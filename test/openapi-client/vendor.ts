// What declaration software writes against the integration API, typed by the
// client openapi-typescript generates from the OpenAPI document (the module
// `caunoi-openapi`, mapped in tsconfig.json here) and called through
// openapi-fetch. Never run: test/openapi-client.test.ts compiles it, so an
// operation renamed or moved, a field dropped, retyped or newly required, or an
// error response no longer declared, breaks that test before it breaks a vendor.
// The checks at the end hold the document to the routes' own zod contracts.
import createClient from 'openapi-fetch';
import type { z } from 'zod';
import type { components, operations, paths } from 'caunoi-openapi';
import type {
  assessmentBody,
  assessmentResponse,
  declarationResponse,
  putDeclarationBody,
  satisfactionQuery,
  satisfactionResponse,
} from '../../src/contracts/assessments.ts';
import type { meResponse } from '../../src/contracts/auth.ts';
import type { integrationUnitsResponse } from '../../src/contracts/integration.ts';
import type { errorBodySchema } from '../../src/server/lib/errors.ts';

const client = createClient<paths>({
  baseUrl: 'https://caunoi.example/',
  headers: { authorization: 'Bearer a-client-key-of-at-least-24-chars' },
});

type Failure = components['schemas']['Error'];

function explain(failure: Failure): string {
  const fields = failure.error.details.map((detail) => `${detail.field}: ${detail.message}`);
  return [`${failure.error.code}: ${failure.error.message}`, ...fields].join('\n');
}

/** Sends a declaration once it is registered; answers its rating link, when the client may see it. */
export async function sendDeclaration(number: string): Promise<string | undefined> {
  const { data, error } = await client.PUT('/api/v1/declarations/{number}', {
    params: { path: { number } },
    body: {
      typeCode: 'A11',
      enterprise: { taxCode: '0200000001', name: 'Công ty TNHH Cảng Xanh' },
      declarant: { taxCode: '0200000002', name: 'Đại lý Hải quan Bến Nghé' },
      officeCode: '03NK',
      channel: 'yellow',
      registeredAt: '2026-11-20T08:00:00+07:00',
      steps: [
        { stage: 'Tiếp nhận', startedAt: '2026-11-20T08:00:00+07:00', finishedAt: '2026-11-20T08:10:00+07:00' },
        { stage: 'Kiểm tra hồ sơ', teamCode: '03NK01', officerCode: 'HP0001', startedAt: '2026-11-20T08:10:00+07:00' },
      ],
    },
  });
  if (error) throw new Error(explain(error));
  const steps: { stage: string; teamCode: string | null; finishedAt: string | null }[] = data.steps;
  return steps.length > 0 && !data.assessed ? data.assessmentUrl : undefined;
}

/** The business's assessment, sent on; a second one is an amendment while the window is open. */
export async function sendAssessment(number: string): Promise<string> {
  const body = {
    subjects: [
      { kind: 'branch' as const, ref: '03NK', stars: 5 },
      { kind: 'officer' as const, ref: 'HP0001', stars: 2, reason: 'Chờ lâu', flags: ['delay' as const] },
    ],
    comment: 'Cảm ơn',
  };
  const sent = await client.POST('/api/v1/declarations/{number}/assessments', { params: { path: { number } }, body });
  if (sent.data) return sent.data.editableUntil;
  if (sent.error.error.code !== 'already_assessed') throw new Error(explain(sent.error));
  const amended = await client.PATCH('/api/v1/declarations/{number}/assessments', {
    params: { path: { number } },
    body,
  });
  if (amended.error)
    throw new Error(amended.error.error.code === 'edit_window_closed' ? 'too late to amend' : explain(amended.error));
  return `${amended.data.revision}: ${amended.data.subjects.map((subject) => `${subject.label} ${subject.stars}`).join(', ')}`;
}

/** A branch's satisfaction over a released quarter, for the software's own report. */
export async function branchSatisfaction(code: string): Promise<string> {
  const { data, error } = await client.GET('/api/v1/units/{code}/satisfaction', {
    params: { path: { code }, query: { period: '2026-Q3' } },
  });
  if (error) throw new Error(explain(error));
  if (data.withheld || data.satisfiedShare === null) return `fewer than ${data.minimumCount} businesses`;
  const fiveStars: number | undefined = data.distribution?.['5'];
  return `${data.unitCode} ${data.period ?? ''}: ${Math.round(data.satisfiedShare * 100)}% satisfied, ${fiveStars ?? 0} five-star`;
}

export async function unitTree(): Promise<Map<string, string | null>> {
  const { data, error } = await client.GET('/api/v1/units');
  if (error) throw new Error(explain(error));
  return new Map(data.units.map((unit) => [`${unit.kind} ${unit.code} ${unit.names.vi}`, unit.parentCode]));
}

/** The web app's side, with a session cookie: who is signed in, and the CSRF token for what it changes. */
export async function csrfToken(): Promise<string> {
  const { data } = await client.GET('/api/auth/me');
  return data?.csrfToken ?? '';
}

// The document against the routes' contracts: each operation keeps its id, its path and
// method, its bodies as the route validates and sends them, and its declared errors.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type RequestBody<O extends keyof operations> = Json<operations[O]['requestBody']>;
type Response<O extends keyof operations, S extends keyof operations[O]['responses']> = Json<
  operations[O]['responses'][S]
>;
type Statuses<O extends keyof operations> = keyof operations[O]['responses'];

export type Checks = [
  Expect<Same<paths['/api/v1/units']['get'], operations['listUnits']>>,
  Expect<Same<paths['/api/v1/units/{code}/satisfaction']['get'], operations['getUnitSatisfaction']>>,
  Expect<Same<paths['/api/v1/declarations/{number}']['put'], operations['putDeclaration']>>,
  Expect<Same<paths['/api/v1/declarations/{number}']['get'], operations['getDeclaration']>>,
  Expect<Same<paths['/api/v1/declarations/{number}/assessments']['post'], operations['submitAssessment']>>,
  Expect<Same<paths['/api/v1/declarations/{number}/assessments']['patch'], operations['amendAssessment']>>,

  Expect<Same<Response<'listUnits', 200>, z.output<typeof integrationUnitsResponse>>>,
  Expect<
    Same<NonNullable<operations['getUnitSatisfaction']['parameters']['query']>, z.input<typeof satisfactionQuery>>
  >,
  Expect<Same<Response<'getUnitSatisfaction', 200>, z.output<typeof satisfactionResponse>>>,
  Expect<Same<RequestBody<'putDeclaration'>, z.input<typeof putDeclarationBody>>>,
  Expect<Same<Response<'putDeclaration', 200>, z.output<typeof declarationResponse>>>,
  Expect<Same<Response<'putDeclaration', 201>, z.output<typeof declarationResponse>>>,
  Expect<Same<Response<'getDeclaration', 200>, z.output<typeof declarationResponse>>>,
  Expect<Same<RequestBody<'submitAssessment'>, z.input<typeof assessmentBody>>>,
  Expect<Same<Response<'submitAssessment', 201>, z.output<typeof assessmentResponse>>>,
  Expect<Same<RequestBody<'amendAssessment'>, z.input<typeof assessmentBody>>>,
  Expect<Same<Response<'amendAssessment', 200>, z.output<typeof assessmentResponse>>>,
  Expect<Same<Response<'getMe', 200>, z.output<typeof meResponse>>>,

  Expect<Same<Failure, z.output<typeof errorBodySchema>>>,
  Expect<Same<Response<'putDeclaration', 400>, Failure>>,
  Expect<Same<Statuses<'listUnits'>, 200 | 401 | 403>>,
  Expect<Same<Statuses<'getUnitSatisfaction'>, 200 | 400 | 401 | 403 | 404>>,
  Expect<Same<Statuses<'putDeclaration'>, 200 | 201 | 400 | 401 | 403>>,
  Expect<Same<Statuses<'getDeclaration'>, 200 | 400 | 401 | 403 | 404>>,
  Expect<Same<Statuses<'submitAssessment'>, 201 | 400 | 401 | 403 | 404 | 409>>,
  Expect<Same<Statuses<'amendAssessment'>, 200 | 400 | 401 | 403 | 404 | 409>>,
];
