// Nothing in the audit log, or in the request log, ties a rating, an amendment
// or a flag case to the business or user who rated; the state changes are still
// audited, as one summary per office and Vietnam day, written by the system.
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type TestPlatform } from '../../../../test/platform.ts';
import { redactRatingUrl, requestLogSerializer } from '../../lib/log-privacy.ts';
import { requestContext } from '../../lib/request-context.ts';
import { caseRoutes } from '../cases/routes.ts';
import { integrationRoutes } from '../integration/routes.ts';
import { RATING_SUMMARY_ACTION, writeRatingAuditSummaries } from './audit-summary.ts';
import { assessmentRoutes } from './routes.ts';

const KEY = 'rating-audit-tests-key-0123456789abcdefg';
const api = { authorization: `Bearer ${KEY}` };
const TAX = validTaxCode(610_620_630);
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
let enterpriseId = '';
let userId = '';

beforeAll(async () => {
  // 10:00 in Vietnam on 23 November 2026
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: KEY }, now: new Date('2026-11-23T03:00:00Z') });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  for (const number of ['108000000001', '108000000002', '108000000003']) {
    expect(
      (
        await platform.app.inject({
          method: 'PUT',
          url: `/api/v1/declarations/${number}`,
          headers: api,
          payload: declarationBody(officers, TAX),
        })
      ).statusCode,
    ).toBe(201);
  }
  enterpriseId = (await db.selectFrom('enterprises').select('id').where('tax_code', '=', TAX).executeTakeFirstOrThrow())
    .id;
  userId = (await createUser(db, { email: 'ketoan@haian.vn', role: 'enterprise_user', enterpriseId })).id;
});
afterAll(async () => platform.close());

describe('the audit log of the rating side', () => {
  it('after a flagged submission and its amendment, holds nothing that ties the case or the assessment to the rater; the day closes into one summary by the system', async () => {
    const db = platform.deps.db;
    const mark = Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0,
    );
    // The business signs in (its own sign-in is audited), rates with a harassment flag, and amends.
    const business = await signIn(platform, 'ketoan@haian.vn', TEST_PASSWORD);
    const flagged = {
      subjects: [
        { kind: 'officer', ref: officers.second.code, stars: 1, reason: 'Đòi bồi dưỡng', flags: ['harassment'] },
        { kind: 'branch', ref: '03NK', stars: 2 },
      ],
    };
    const sent = await platform.app.inject({
      method: 'POST',
      url: '/api/my/declarations/108000000001/assessment',
      headers: as(business),
      payload: flagged,
    });
    expect(sent.statusCode).toBe(201);
    const caseNumber = (sent.json().cases as { number: string }[])[0]!.number;
    platform.clock.advance(60_000);
    const amended = await platform.app.inject({
      method: 'PATCH',
      url: '/api/my/declarations/108000000001/assessment',
      headers: as(business),
      payload: { ...flagged, comment: 'Bổ sung' },
    });
    expect(amended.statusCode).toBe(200);
    // Two more: one by its link, one by its declaration software.
    const token = (
      await db
        .selectFrom('declarations')
        .select('rating_token')
        .where('number', '=', '108000000002')
        .executeTakeFirstOrThrow()
    ).rating_token;
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: `/api/rate/${token}`,
          payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 4 }] },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: '/api/v1/declarations/108000000003/assessments',
          headers: api,
          payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] },
        })
      ).statusCode,
    ).toBe(201);

    const assessment = await db
      .selectFrom('assessments as a')
      .innerJoin('declarations as d', 'd.id', 'a.declaration_id')
      .select(['a.id', 'a.submitted_by_user_id'])
      .where('d.number', '=', '108000000001')
      .executeTakeFirstOrThrow();
    expect(assessment.submitted_by_user_id).toBe(userId); // who rated is kept in the assessment (read only by the audited reveal)
    const kase = await db
      .selectFrom('flag_cases')
      .select(['id', 'opened_at'])
      .where('number', '=', caseNumber)
      .executeTakeFirstOrThrow();
    const identifying = [
      '108000000001',
      '108000000002',
      '108000000003',
      TAX,
      enterpriseId,
      token,
      caseNumber,
      kase.id,
      'Đòi bồi dưỡng',
    ];

    const written = await db.selectFrom('audit_log').selectAll().where('id', '>', mark).orderBy('id').execute();
    expect(written.length).toBeGreaterThan(0); // the business's own sign-in
    for (const row of written) {
      // every column of every row written: id, at, actor, action, entity, unit, details, address
      expect(row.action).not.toMatch(/^(assessment|case)\./);
      expect(['assessment', 'flag_case', 'declaration']).not.toContain(row.entity_type);
      expect(row.entity_id === String(assessment.id) && row.entity_type !== 'user').toBe(false);
      const text = JSON.stringify(row);
      for (const value of identifying) expect(text, `audit row ${row.action}`).not.toContain(value);
      if (row.actor_user_id === userId) expect(row.action).toMatch(/^auth\./);
    }

    // The next Vietnam day: the job writes the closed day's summary, once.
    platform.clock.set(new Date('2026-11-23T17:20:00Z')); // 00:20 on 24 November in Vietnam
    expect(await writeRatingAuditSummaries(platform.deps)).toBe(1);
    expect(await writeRatingAuditSummaries(platform.deps)).toBe(0);
    expect(await db.selectFrom('rating_audit_pending').selectAll().execute()).toEqual([]);
    const summaries = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', mark)
      .where('action', '=', RATING_SUMMARY_ACTION)
      .execute();
    expect(summaries).toHaveLength(1);
    const { id, at, ...summary } = summaries[0]!;
    expect(summary).toEqual({
      actor_user_id: null,
      actor_api_client_id: null,
      actor_label: 'system',
      action: 'assessment.daily_summary',
      entity_type: 'unit_day',
      entity_id: '03NK:2026-11-23',
      unit_id: org['03NK'],
      details: {
        day: '2026-11-23',
        office: '03NK',
        submitted: 3,
        submittedVia: { link: 1, app: 1, api: 1 },
        amended: 1,
        casesOpened: [caseNumber],
        handlingRated: 0,
        accessCodesSent: 0,
        accessCodesVerified: 0,
      },
      ip: null,
    });
    // Its id and time come after everything written that day: they order nothing.
    for (const row of written) {
      expect(id).toBeGreaterThan(row.id);
      expect(at.getTime()).toBeGreaterThanOrEqual(row.at.getTime());
    }
    // A deadline (and so an escalation) falls at the end of a Vietnam day, not at the minute the flag arrived.
    const due = await db.selectFrom('flag_cases').select('due_at').where('id', '=', kase.id).executeTakeFirstOrThrow();
    expect(due.due_at.toISOString()).toBe('2026-12-08T16:59:59.999Z');
  });
});

describe('the request log of rating routes', () => {
  it('holds no rating token, no declaration number of a rating route and no address', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(cookie);
    await app.register(requestContext, { db: platform.deps.db, clock: platform.deps.clock, demoAccounts: false });
    await app.register(assessmentRoutes(platform.deps), { prefix: '/api' });
    await app.register(caseRoutes(platform.deps), { prefix: '/api' });
    await app.register(integrationRoutes(platform.deps), { prefix: '/api/v1' });
    const business = await signIn(platform, 'ketoan@haian.vn', TEST_PASSWORD);
    const token = (
      await platform.deps.db
        .selectFrom('declarations')
        .select('rating_token')
        .where('number', '=', '108000000002')
        .executeTakeFirstOrThrow()
    ).rating_token;
    const calls = [
      { method: 'GET' as const, url: `/api/rate/${token}` },
      { method: 'POST' as const, url: `/api/rate/${token}/code` },
      { method: 'POST' as const, url: `/api/rate/${token}/access`, payload: { code: '123456' } },
      {
        method: 'PATCH' as const,
        url: `/api/rate/${token}`,
        payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 1 }] },
      },
      { method: 'POST' as const, url: `/api/rate/${token}/cases/PA202611-XXXX/feedback`, payload: { stars: 3 } },
      { method: 'GET' as const, url: '/api/my/declarations/108000000001', headers: as(business) },
      {
        method: 'PATCH' as const,
        url: '/api/v1/declarations/108000000003/assessments',
        headers: api,
        payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 1 }] },
      },
    ];
    for (const call of calls) await app.inject({ ...call, remoteAddress: '203.0.113.77' });
    await app.close();
    const requests = lines
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string } })
      .filter((l) => l.msg === 'incoming request');
    expect(requests.map((r) => r.req?.url)).toEqual([
      '/api/rate/:token',
      '/api/rate/:token/code',
      '/api/rate/:token/access',
      '/api/rate/:token',
      '/api/rate/:token/cases/PA202611-XXXX/feedback',
      '/api/my/declarations/:number',
      '/api/v1/declarations/:number/assessments',
    ]);
    const log = lines.join('\n');
    for (const secret of [token, '108000000001', '108000000003', '203.0.113.77', '123456'])
      expect(log).not.toContain(secret);
  });

  it('redacts the rating page and a sign-in that returns to it, given to the logger options of the whole app', async () => {
    const lines: string[] = [];
    const app = Fastify({
      logger: {
        level: 'info',
        stream: { write: (line: string) => lines.push(line) },
        serializers: { req: requestLogSerializer },
      },
    });
    app.get('/*', () => 'page');
    const token = 'AbCdEf0123456789xyz_-Q';
    for (const url of [
      `/danh-gia/${token}`,
      `/dang-nhap?next=${encodeURIComponent(`/danh-gia/${token}`)}`,
      '/app/ket-qua',
    ])
      await app.inject({ url, remoteAddress: '203.0.113.78' });
    await app.close();
    const urls = lines
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string; remoteAddress?: string } })
      .filter((l) => l.msg === 'incoming request')
      .map((l) => l.req);
    expect(urls).toEqual([
      { method: 'GET', url: '/danh-gia/:token' },
      { method: 'GET', url: '/dang-nhap?next=%2Fdanh-gia%2F:token' },
      expect.objectContaining({ url: '/app/ket-qua', remoteAddress: '203.0.113.78' }),
    ]);
    expect(lines.join('\n')).not.toContain(token);
    expect(redactRatingUrl('/danh-gia/AbCdEf0123456789xyz_-')).toBe('/danh-gia/:token');
    expect(redactRatingUrl('/dang-nhap?next=%2Fdanh-gia%2FAbCdEf0123456789xyz')).toBe(
      '/dang-nhap?next=%2Fdanh-gia%2F:token',
    );
    expect(redactRatingUrl('/dang-nhap?next=/danh-gia/AbCdEf0123456789xyz')).toBe('/dang-nhap?next=/danh-gia/:token');
    expect(redactRatingUrl('/api/v1/declarations/108000000001')).toBeNull();
    expect(redactRatingUrl('/app/ket-qua')).toBeNull();
  });
});
