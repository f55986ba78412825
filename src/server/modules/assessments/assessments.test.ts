import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type TestPlatform } from '../../../../test/platform.ts';
import { createDisclosureRelease } from '../disclosure/release.ts';

const KEY = 'assessment-tests-bootstrap-key-0123456789';
const api = { authorization: `Bearer ${KEY}` };
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { CAUNOI_BOOTSTRAP_API_KEY: KEY, PUBLIC_URL: 'https://caunoi.example.vn' },
  });
  org = await createOrg(platform.deps.db);
  officers = await createOfficers(platform.deps.db, org);
});
afterAll(async () => platform.close());

const put = (number: string, body: object) =>
  platform.app.inject({ method: 'PUT', url: `/api/v1/declarations/${number}`, headers: api, payload: body });

describe('declarations from declaration software', () => {
  it('creates (201) then replaces (200) idempotently, creating the enterprise from its tax code', async () => {
    const body = declarationBody(officers);
    const first = await put('103456789012', body);
    expect(first.statusCode).toBe(201);
    expect(first.json().assessmentUrl).toMatch(/^https:\/\/caunoi\.example\.vn\/danh-gia\/[A-Za-z0-9_-]{20,}$/);
    const second = await put('103456789012', body);
    expect(second.statusCode).toBe(200);
    expect(second.json().assessmentUrl).toBe(first.json().assessmentUrl);
    const got = await platform.app.inject({ method: 'GET', url: '/api/v1/declarations/103456789012', headers: api });
    expect(got.json()).toMatchObject({
      number: '103456789012',
      officeCode: '03NK',
      channel: 'yellow',
      assessed: false,
      steps: [{ teamCode: '03NK01' }, { teamCode: '03NK02' }],
    });
  });

  it('names the bad field and writes nothing', async () => {
    const bad = await put('103456789013', { ...declarationBody(officers), officeCode: '99ZZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'officeCode', message: 'Không có chi cục hải quan với mã này' },
    ]);
    const badOfficer = await put('103456789013', {
      ...declarationBody(officers),
      steps: [{ stage: 'Tiếp nhận', officerCode: 'KHONGCO', startedAt: '2026-11-20T01:30:00Z' }],
    });
    expect(badOfficer.json().error.details[0].field).toBe('steps.0.officerCode');
    const badNumber = await put('12345', declarationBody(officers));
    expect(badNumber.json().error.details[0].field).toBe('params.number');
    const count = await platform.deps.db
      .selectFrom('declarations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('number', '=', '103456789013')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('assessing a declaration', () => {
  it('rates several subjects at once, refuses a second assessment, and opens a case for each flag', async () => {
    await put('103000000001', declarationBody(officers));
    const assessment = {
      subjects: [
        { kind: 'branch', ref: '03NK', stars: 5 },
        { kind: 'team', ref: '03NK02', stars: 2, reason: 'Chờ kiểm tra hồ sơ quá lâu', flags: ['delay'] },
        { kind: 'officer', ref: officers.first.code, stars: 5, reason: 'Hướng dẫn tận tình' },
        { kind: 'officer', ref: officers.second.code, stars: 1, flags: ['harassment'] },
      ],
      comment: 'Nhìn chung hài lòng',
    };
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/declarations/103000000001/assessments',
      headers: api,
      payload: assessment,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().subjects).toHaveLength(4);
    expect(response.json().cases).toHaveLength(2);
    const again = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/declarations/103000000001/assessments',
      headers: api,
      payload: assessment,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_assessed');
    const cases = await platform.deps.db
      .selectFrom('flag_cases')
      .select(['kinds', 'handler_unit_id', 'handler_role', 'subject_officer_id'])
      .orderBy('handler_role')
      .execute();
    expect(cases).toEqual([
      { kinds: ['delay'], handler_unit_id: org['03NK'], handler_role: 'branch_leader', subject_officer_id: null },
      {
        kinds: ['harassment'],
        handler_unit_id: org['03'],
        handler_role: 'inspector',
        subject_officer_id: officers.second.id,
      },
    ]);
  });

  it('refuses subjects that did not take part, naming the subject', async () => {
    await put('103000000002', declarationBody(officers));
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/declarations/103000000002/assessments',
      headers: { ...api, 'accept-language': 'en' },
      payload: {
        subjects: [
          { kind: 'branch', ref: '03NK', stars: 4 },
          { kind: 'team', ref: '03CE01', stars: 1 },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'subjects.1.ref', message: 'This subject did not take part in the declaration' },
    ]);
    expect(
      await platform.deps.db
        .selectFrom('assessments')
        .select('id')
        .where(
          'declaration_id',
          '=',
          (
            await platform.deps.db
              .selectFrom('declarations')
              .select('id')
              .where('number', '=', '103000000002')
              .executeTakeFirstOrThrow()
          ).id,
        )
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('rates from the link without an account; opening the page records nothing; the link alone neither reads nor amends what was sent', async () => {
    const created = await put('103000000003', declarationBody(officers));
    const token = (created.json().assessmentUrl as string).split('/').pop()!;
    const page = await platform.app.inject({ method: 'GET', url: `/api/rate/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ assessed: false, viewer: 'link', assessment: null });
    expect(page.json().participants.map((p: { kind: string }) => p.kind)).toEqual([
      'branch',
      'team',
      'stage',
      'team',
      'stage',
      'officer',
      'officer',
    ]);
    expect(
      await platform.deps.db
        .selectFrom('assessments')
        .select('id')
        .where('submitted_via', '=', 'link')
        .executeTakeFirst(),
    ).toBeUndefined();
    const sent = await platform.app.inject({
      method: 'POST',
      url: `/api/rate/${token}`,
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 3, reason: 'Chờ lâu' }] },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ revision: 1, subjects: [{ kind: 'branch', stars: 3, reason: 'Chờ lâu' }] }); // the echo of what was just sent
    const after = await platform.app.inject({ method: 'GET', url: `/api/rate/${token}` });
    expect(after.json()).toMatchObject({ assessed: true, viewer: 'link', assessment: null });
    expect(after.body).not.toContain('Chờ lâu');
    const amended = await platform.app.inject({
      method: 'PATCH',
      url: `/api/rate/${token}`,
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] },
    });
    expect(amended.statusCode).toBe(401);
    expect(amended.json().error.code).toBe('unauthorized');
    const again = await platform.app.inject({
      method: 'POST',
      url: `/api/rate/${token}`,
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain('Chờ lâu');
    const stored = await platform.deps.db
      .selectFrom('assessment_ratings')
      .select('stars')
      .where('reason', '=', 'Chờ lâu')
      .execute();
    expect(stored).toEqual([{ stars: 3 }]);

    // The business signed in reads and amends it within the window, from the link or its list.
    const enterprise = await platform.deps.db
      .selectFrom('enterprises')
      .select('id')
      .where('tax_code', '=', created.json().enterprise.taxCode)
      .executeTakeFirstOrThrow();
    await createUser(platform.deps.db, { email: 'owner3@dn.vn', role: 'enterprise_user', enterpriseId: enterprise.id });
    const owner = await signIn(platform, 'owner3@dn.vn', TEST_PASSWORD);
    const mine = await platform.app.inject({ method: 'GET', url: `/api/rate/${token}`, headers: as(owner) });
    expect(mine.json()).toMatchObject({
      assessed: true,
      viewer: 'business',
      assessment: { subjects: [{ stars: 3, reason: 'Chờ lâu' }] },
    });
    const byOwner = await platform.app.inject({
      method: 'PATCH',
      url: `/api/rate/${token}`,
      headers: as(owner),
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 4 }] },
    });
    expect(byOwner.json()).toMatchObject({ revision: 2, subjects: [{ stars: 4 }] });
    const fromList = await platform.app.inject({
      method: 'GET',
      url: '/api/my/declarations/103000000003',
      headers: as(owner),
    });
    expect(fromList.json()).toMatchObject({ viewer: 'business', assessment: { revision: 2 } });
    platform.clock.advance(8 * 86_400_000);
    const late = await platform.app.inject({
      method: 'PATCH',
      url: '/api/my/declarations/103000000003/assessment',
      headers: as(owner),
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 1 }] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('edit_window_closed');
    expect((await platform.app.inject({ method: 'GET', url: '/api/rate/AAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(
      404,
    );
  });

  it('lets only the declaring enterprise (or its broker) rate from the app', async () => {
    const created = await put('103000000004', declarationBody(officers));
    const enterprise = await platform.deps.db
      .selectFrom('enterprises')
      .select('id')
      .where('tax_code', '=', created.json().enterprise.taxCode)
      .executeTakeFirstOrThrow();
    const other = await platform.deps.db
      .insertInto('enterprises')
      .values({ tax_code: '0100109106', name: 'Công ty khác' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createUser(platform.deps.db, { email: 'owner@dn.vn', role: 'enterprise_user', enterpriseId: enterprise.id });
    await createUser(platform.deps.db, { email: 'other@dn.vn', role: 'enterprise_user', enterpriseId: other.id });
    const owner = await signIn(platform, 'owner@dn.vn', TEST_PASSWORD);
    const stranger = await signIn(platform, 'other@dn.vn', TEST_PASSWORD);
    const payload = { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] };
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: '/api/my/declarations/103000000004/assessment',
          headers: as(stranger),
          payload,
        })
      ).statusCode,
    ).toBe(404);
    const list = await platform.app.inject({
      method: 'GET',
      url: '/api/my/declarations?unrated=true',
      headers: as(owner),
    });
    expect(list.json().items.map((d: { number: string }) => d.number)).toContain('103000000004');
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/my/declarations', headers: as(stranger) })).json().total,
    ).toBe(0);
    expect(
      (
        await platform.app.inject({
          method: 'POST',
          url: '/api/my/declarations/103000000004/assessment',
          headers: as(owner),
          payload,
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe("links in a business's own list", () => {
  it("go to the parties that may rate: an enterprise user its enterprise's declarations, a broker those it declared", async () => {
    const agentTax = validTaxCode(456_123_789);
    await put('103000000005', {
      ...declarationBody(officers),
      declarant: { taxCode: agentTax, name: 'Công ty Dịch vụ Hải quan Đại Dương' },
    });
    const agent = await platform.deps.db
      .selectFrom('enterprises')
      .select('id')
      .where('tax_code', '=', agentTax)
      .executeTakeFirstOrThrow();
    await createUser(platform.deps.db, { email: 'broker@daiduong.vn', role: 'broker', enterpriseId: agent.id });
    await createUser(platform.deps.db, { email: 'staff@daiduong.vn', role: 'enterprise_user', enterpriseId: agent.id });
    const list = async (email: string) =>
      (
        (
          await platform.app.inject({
            method: 'GET',
            url: '/api/my/declarations',
            headers: as(await signIn(platform, email, TEST_PASSWORD)),
          })
        ).json().items as { number: string }[]
      ).map((d) => d.number);
    expect(await list('broker@daiduong.vn')).toContain('103000000005');
    expect(await list('staff@daiduong.vn')).not.toContain('103000000005');
  });
});

describe('satisfaction figures', () => {
  it('say nothing of a month not yet released, and then nothing of fewer than 5 businesses', async () => {
    const before = await platform.app.inject({ method: 'GET', url: '/api/v1/units/03/satisfaction', headers: api });
    expect(before.json()).toMatchObject({ period: null, withheld: true, count: null, meanStars: null });
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/v1/units/03/satisfaction?period=2026-11', headers: api }))
        .statusCode,
    ).toBe(400);
    const now = platform.clock.now();
    platform.clock.set(new Date('2026-12-08T00:00:00+07:00'));
    await createDisclosureRelease(platform.deps).releaseDue();
    const after = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/units/03/satisfaction?period=2026-11',
      headers: api,
    });
    // Every rating of these tests came from one or two businesses.
    expect(after.json()).toMatchObject({
      period: '2026-11',
      withheld: true,
      count: null,
      declarations: null,
      meanStars: null,
      distribution: null,
      flags: null,
    });
    platform.clock.set(now);
  });
});

describe('amending a flagged assessment', () => {
  it('an amendment keeps a flag case on its subject, with the new stars and reason', async () => {
    await put('103000000009', declarationBody(officers));
    const path = '/api/v1/declarations/103000000009/assessments';
    const flagged = { kind: 'officer', ref: officers.second.code, stars: 2, reason: 'Chờ lâu', flags: ['harassment'] };
    const sent = await platform.app.inject({
      method: 'POST',
      url: path,
      headers: api,
      payload: { subjects: [flagged] },
    });
    expect(sent.statusCode).toBe(201);
    const amended = await platform.app.inject({
      method: 'PATCH',
      url: path,
      headers: api,
      payload: { subjects: [{ ...flagged, stars: 1, reason: 'Chờ lâu, phải gọi nhiều lần' }] },
    });
    expect(amended.json().cases).toHaveLength(1);
    const kase = await platform.deps.db
      .selectFrom('flag_cases as c')
      .innerJoin('assessment_ratings as r', 'r.id', 'c.rating_id')
      .select(['r.stars', 'r.reason'])
      .where('c.number', '=', amended.json().cases[0].number)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ stars: 1, reason: 'Chờ lâu, phải gọi nhiều lần' });
  });
});

describe('submissions made at the same time', () => {
  it('are stored together, each counted toward the daily audit summary (none audited alone), and a duplicate in the same batch is refused', async () => {
    const numbers = ['103000000201', '103000000202', '103000000203', '103000000204'];
    for (const number of numbers) await put(number, declarationBody(officers));
    const post = (number: string) =>
      platform.app.inject({
        method: 'POST',
        url: `/api/v1/declarations/${number}/assessments`,
        headers: api,
        payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 4 }] },
      });
    const responses = await Promise.all([...numbers, numbers[0]!].map(post));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 409]);
    const counted = await platform.deps.db
      .selectFrom('rating_audit_pending')
      .selectAll()
      .where('kind', '=', 'submitted')
      .where('via', '=', 'api')
      .execute();
    expect(counted.filter((c) => c.office_unit_id === org['03NK'])).toHaveLength(4 + 2); // these four and the two sent by the API above
    const audited = await platform.deps.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(audited.filter((a) => a.action.startsWith('assessment.') || a.action.startsWith('case.'))).toEqual([]);
    for (const number of numbers) expect(JSON.stringify(audited)).not.toContain(number);
    const ratings = await platform.deps.db
      .selectFrom('assessment_ratings as r')
      .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
      .innerJoin('declarations as d', 'd.id', 'a.declaration_id')
      .select('d.number')
      .where('d.number', 'in', numbers)
      .execute();
    expect(ratings).toHaveLength(4);
  });
});
