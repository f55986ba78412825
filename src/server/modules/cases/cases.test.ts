import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';
import { createCaseService } from './service.ts';

const KEY = 'cases-tests-bootstrap-key-0123456789abc';
const api = { authorization: `Bearer ${KEY}` };
let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
const s: Record<string, Session> = {};
let token = '';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: KEY, SMTP_URL: smtp.url } });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  const created = await platform.app.inject({
    method: 'PUT',
    url: '/api/v1/declarations/105000000001',
    headers: api,
    payload: declarationBody(officers),
  });
  token = (created.json().assessmentUrl as string).split('/').pop()!;
  const enterprise = await db
    .selectFrom('enterprises')
    .select('id')
    .where('tax_code', '=', created.json().enterprise.taxCode)
    .executeTakeFirstOrThrow();
  await createUser(db, { email: 'dn@haian.vn', role: 'enterprise_user', enterpriseId: enterprise.id });
  await createUser(db, { email: 'inspector@hp.vn', role: 'inspector', unitId: org['03'] });
  await createUser(db, { email: 'inspector@qn.vn', role: 'inspector', unitId: org['20'] });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, {
    email: 'flagged@03nk.vn',
    role: 'inspector',
    unitId: org['03'],
    officerId: officers.second.id,
  });
  for (const email of ['dn@haian.vn', 'inspector@hp.vn', 'inspector@qn.vn', 'leader@03nk.vn', 'flagged@03nk.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
  const sent = await platform.app.inject({
    method: 'POST',
    url: `/api/rate/${token}`,
    payload: {
      subjects: [
        {
          kind: 'officer',
          ref: officers.second.code,
          stars: 1,
          reason: 'Gợi ý "chi phí bôi trơn"',
          flags: ['negativity'],
        },
        { kind: 'stage', ref: 'Kiểm tra hồ sơ', stars: 2, flags: ['delay'] },
      ],
    },
  });
  expect(sent.statusCode).toBe(201);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: as(s[who]!), ...(payload && { payload }) });

describe('flag cases', () => {
  it('routes negativity to the Department inspectors and a delay to the branch; the flagged officer never sees it', async () => {
    const inspectorCases = (await call('inspector@hp.vn', 'GET', '/api/cases')).json() as {
      kinds: string[];
      handlerRole: string;
    }[];
    expect(inspectorCases.map((c) => c.kinds)).toEqual([['negativity']]);
    const leaderCases = (await call('leader@03nk.vn', 'GET', '/api/cases')).json() as { kinds: string[] }[];
    expect(leaderCases.map((c) => c.kinds)).toEqual([['delay']]);
    expect((await call('inspector@qn.vn', 'GET', '/api/cases')).json()).toEqual([]);
    expect((await call('flagged@03nk.vn', 'GET', '/api/cases')).json()).toEqual([]);
  });

  it('shows who raised the flag only to the handling inspector, and audits every such view', async () => {
    const kase = (
      (await call('inspector@hp.vn', 'GET', '/api/cases')).json() as { id: string; canRevealIdentity: boolean }[]
    )[0]!;
    expect(kase.canRevealIdentity).toBe(true);
    const identity = await call('inspector@hp.vn', 'POST', `/api/cases/${kase.id}/identity`);
    expect(identity.statusCode).toBe(200);
    expect(identity.json().declarationNumber).toBe('105000000001');
    expect((await call('leader@03nk.vn', 'POST', `/api/cases/${kase.id}/identity`)).statusCode).toBe(403);
    expect((await call('inspector@qn.vn', 'POST', `/api/cases/${kase.id}/identity`)).statusCode).toBe(403);
    expect((await call('flagged@03nk.vn', 'POST', `/api/cases/${kase.id}/identity`)).statusCode).toBe(403);
    expect((await call('flagged@03nk.vn', 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);
    const views = await platform.deps.db
      .selectFrom('audit_log')
      .select(['actor_label'])
      .where('action', '=', 'case.identity_viewed')
      .execute();
    expect(views).toEqual([{ actor_label: 'inspector@hp.vn' }]);
    const delay = (
      (await call('leader@03nk.vn', 'GET', '/api/cases')).json() as {
        canRevealIdentity: boolean;
        reason: string | null;
      }[]
    )[0]!;
    expect(delay.canRevealIdentity).toBe(false);
  });

  it('the inspector records a finding; the business is told by e-mail in Vietnamese and rates the handling', async () => {
    const kase = ((await call('inspector@hp.vn', 'GET', '/api/cases')).json() as { id: string; number: string }[])[0]!;
    const incomplete = await call('inspector@hp.vn', 'POST', `/api/cases/${kase.id}/finding`, {
      substantiated: true,
      measure: 'Kiểm điểm công chức',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details[0].field).toBe('responsibleUnitId');
    const done = await call('inspector@hp.vn', 'POST', `/api/cases/${kase.id}/finding`, {
      substantiated: true,
      responsibleOfficerId: officers.second.id,
      responsibleUnitId: org['03NK02'],
      measure: 'Tạm đình chỉ công tác, chuyển hồ sơ xử lý kỷ luật',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', finding: { substantiated: true } });
    expect(await drainDeliveries(platform.deps)).toBe(1); // queued with the finding, sent after it committed
    const mails = await smtp.waitFor(1);
    expect(mails[0]?.subject).toContain('Kết quả xử lý phản ánh');
    expect(mails[0]?.text).toContain('phản ánh đúng');
    expect(mails[0]?.to && 'text' in mails[0].to ? mails[0].to.text : '').toContain('dn@haian.vn');
    const again = await call('inspector@hp.vn', 'POST', `/api/cases/${kase.id}/finding`, {
      substantiated: false,
      measure: 'Thay đổi kết luận',
    });
    expect(again.statusCode).toBe(409);
    // The outcome names the business: sealed, it never enters the administrators' outbox, and keeps no text once sent.
    const outbox = await platform.deps.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .execute();
    expect(JSON.stringify(outbox)).not.toContain(kase.number);
    expect(
      await platform.deps.db
        .selectFrom('mail_deliveries')
        .select(['status', 'subject', 'text_body'])
        .where('key', 'like', 'case-outcome:%')
        .execute(),
    ).toEqual([{ status: 'sent', subject: '', text_body: '' }]);

    // Only the business rates the handling: the link alone, or a leader holding it, cannot.
    const url = `/api/rate/${token}/cases/${kase.number}/feedback`;
    expect((await platform.app.inject({ method: 'POST', url, payload: { stars: 1 } })).statusCode).toBe(401);
    expect(
      (await platform.app.inject({ method: 'POST', url, headers: as(s['leader@03nk.vn']!), payload: { stars: 1 } }))
        .statusCode,
    ).toBe(401);
    const feedback = await platform.app.inject({
      method: 'POST',
      url,
      headers: as(s['dn@haian.vn']!),
      payload: { stars: 4 },
    });
    expect(feedback.statusCode).toBe(200);
    const page = await platform.app.inject({
      method: 'GET',
      url: `/api/rate/${token}`,
      headers: as(s['dn@haian.vn']!),
    });
    expect(page.json().assessment.cases).toContainEqual({
      number: kase.number,
      kinds: ['negativity'],
      status: 'resolved',
    });
    // The handlers, who are rated by it, never read the handling rating of one case; its value is in no event.
    expect((await call('inspector@hp.vn', 'GET', `/api/cases/${kase.id}`)).json().handlingStars).toBeNull();
    const events = await platform.deps.db
      .selectFrom('flag_case_events')
      .select('details')
      .where('action', '=', 'handling_rated')
      .execute();
    expect(events).toEqual([{ details: {} }]);
    expect(
      await platform.deps.db
        .selectFrom('flag_cases')
        .select('handling_stars')
        .where('id', '=', kase.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ handling_stars: 4 });
  });

  it('escalates an overdue case one level up, at the end of a Vietnam day (a deadline never tells the minute a flag arrived)', async () => {
    const due = await platform.deps.db.selectFrom('flag_cases').select('due_at').execute();
    for (const { due_at } of due) expect(due_at.toISOString()).toMatch(/T16:59:59\.999Z$/);
    platform.clock.advance(6 * 86_400_000);
    const service = createCaseService({ ...platform.deps, publicBase: 'http://x' });
    expect(await service.escalateOverdue()).toBe(1);
    const escalated = await platform.deps.db
      .selectFrom('flag_cases')
      .select(['handler_unit_id', 'handler_role', 'escalation_level'])
      .where(sql<boolean>`'delay' = any(kinds)`)
      .executeTakeFirstOrThrow();
    expect(escalated).toEqual({ handler_unit_id: org['03'], handler_role: 'department_leader', escalation_level: 1 });
    expect((await call('leader@03nk.vn', 'GET', '/api/cases')).json()).toEqual([]);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'case.escalated')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
