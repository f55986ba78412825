// Only the business reads or changes its rating: the link (a QR code anyone may
// photograph) sends a first rating and nothing more; a sent rating opens to the
// business signed in, or to a browser that verified a code mailed to the
// business's registered addresses.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';

const KEY = 'rating-access-tests-key-0123456789abcdef';
const api = { authorization: `Bearer ${KEY}` };
const BROKER_TAX = validTaxCode(400_500_600);
let platform: TestPlatform;
let smtp: SmtpReceiver;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: KEY, SMTP_URL: smtp.url } });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'lanhdao@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'admin@test.vn', role: 'admin' });
  for (const email of ['leader@03nk.vn', 'lanhdao@03.vn', 'admin@test.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});

/** A declaration (declared by a broker) of an enterprise with an active account, an inactive one, and the broker's account; rated from its link. */
async function ratedDeclaration(number: string, options: { accounts?: boolean } = {}) {
  const db = platform.deps.db;
  const taxCode = validTaxCode(Number(number.slice(-6)) * 13 + 300_000_000);
  const declarant =
    options.accounts === false ? {} : { declarant: { taxCode: BROKER_TAX, name: 'Đại lý Hải quan Bến Cảng' } };
  const created = await platform.app.inject({
    method: 'PUT',
    url: `/api/v1/declarations/${number}`,
    headers: api,
    payload: { ...declarationBody(officers, taxCode), ...declarant },
  });
  expect(created.statusCode).toBe(201);
  const token = (created.json().assessmentUrl as string).split('/').pop()!;
  const enterprise = await db
    .selectFrom('enterprises')
    .select('id')
    .where('tax_code', '=', taxCode)
    .executeTakeFirstOrThrow();
  if (options.accounts !== false) {
    const broker = await db
      .selectFrom('enterprises')
      .select('id')
      .where('tax_code', '=', BROKER_TAX)
      .executeTakeFirstOrThrow();
    await createUser(db, { email: `dn${number}@dn.vn`, role: 'enterprise_user', enterpriseId: enterprise.id });
    await createUser(db, {
      email: `cu${number}@dn.vn`,
      role: 'enterprise_user',
      enterpriseId: enterprise.id,
      active: false,
    });
    if (!(await db.selectFrom('users').select('id').where('email', '=', 'dailyhq@broker.vn').executeTakeFirst()))
      await createUser(db, { email: 'dailyhq@broker.vn', role: 'broker', enterpriseId: broker.id });
  }
  const sent = await platform.app.inject({
    method: 'POST',
    url: `/api/rate/${token}`,
    payload: {
      subjects: [
        {
          kind: 'officer',
          ref: officers.second.code,
          stars: 1,
          reason: 'Gợi ý chi phí ngoài',
          flags: ['harassment', 'delay'],
        },
      ],
    },
  });
  expect(sent.statusCode).toBe(201);
  return { token, number, enterpriseId: enterprise.id };
}

const rate = (
  token: string,
  method: 'GET' | 'PATCH' | 'POST',
  options: { cookie?: string; session?: Session; payload?: object; suffix?: string } = {},
) =>
  platform.app.inject({
    method,
    url: `/api/rate/${token}${options.suffix ?? ''}`,
    headers: {
      ...(options.session ? as(options.session) : {}),
      ...(options.cookie ? { cookie: [options.session?.cookie, options.cookie].filter(Boolean).join('; ') } : {}),
    },
    ...(options.payload && { payload: options.payload }),
  });

const amendment = () => ({ subjects: [{ kind: 'officer', ref: officers.second.code, stars: 5 }] });

/** Asks for a code and reads it from the mail that arrived (real SMTP). */
async function mailedCode(token: string, to: string): Promise<string> {
  const before = smtp.messages.length;
  const asked = await rate(token, 'POST', { suffix: '/code' });
  expect(asked.statusCode).toBe(202);
  const sent = await drainDeliveries(platform.deps);
  const mails = await smtp.waitFor(before + sent);
  const mail = mails.slice(before).find((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(to));
  if (!mail) throw new Error(`no code mailed to ${to}`);
  return /\b(\d{6})\b/.exec(mail.text ?? '')![1]!;
}

function grantCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'caunoi_rating_access');
  if (!cookie) throw new Error('no grant cookie');
  return `caunoi_rating_access=${cookie.value}`;
}

describe('a sent rating behind its link', () => {
  it('is neither read nor amended with the link alone, nor by a leader holding it, through any endpoint', async () => {
    const { token, number } = await ratedDeclaration('104000000001');
    for (const session of [undefined, s['leader@03nk.vn'], s['lanhdao@03.vn'], s['admin@test.vn']]) {
      const page = await rate(token, 'GET', { ...(session && { session }) });
      expect(page.json()).toMatchObject({ assessed: true, viewer: 'link', assessment: null });
      expect(page.body).not.toContain('Gợi ý chi phí ngoài');
      expect((await rate(token, 'PATCH', { ...(session && { session }), payload: amendment() })).statusCode).toBe(401);
      expect((await rate(token, 'POST', { ...(session && { session }), payload: amendment() })).statusCode).toBe(409);
      if (!session) continue;
      const headers = as(session);
      expect(
        (await platform.app.inject({ method: 'GET', url: `/api/my/declarations/${number}`, headers })).statusCode,
      ).toBe(404);
      expect(
        (
          await platform.app.inject({
            method: 'PATCH',
            url: `/api/my/declarations/${number}/assessment`,
            headers,
            payload: amendment(),
          })
        ).statusCode,
      ).toBe(404);
      expect((await platform.app.inject({ method: 'GET', url: '/api/my/declarations', headers })).statusCode).toBe(403);
      expect(
        (
          await platform.app.inject({
            method: 'PATCH',
            url: `/api/v1/declarations/${number}/assessments`,
            headers,
            payload: amendment(),
          })
        ).statusCode,
      ).toBe(401);
      expect(
        (await platform.app.inject({ method: 'GET', url: `/api/v1/declarations/${number}`, headers })).statusCode,
      ).toBe(401);
    }
    // An integration client amends only what it sent itself: not a rating the business sent by its link.
    const byApi = await platform.app.inject({
      method: 'PATCH',
      url: `/api/v1/declarations/${number}/assessments`,
      headers: api,
      payload: amendment(),
    });
    expect(byApi.statusCode).toBe(403);
    expect(byApi.body).not.toContain('Gợi ý chi phí ngoài');
    const stored = await platform.deps.db
      .selectFrom('assessment_ratings')
      .select(['stars', 'flags'])
      .where('reason', '=', 'Gợi ý chi phí ngoài')
      .execute();
    expect(stored).toEqual([{ stars: 1, flags: ['harassment', 'delay'] }]);
  });

  it('opens to a code mailed to the business (real mail), for this browser and this declaration only, once per code', async () => {
    const { token, number } = await ratedDeclaration('104000000002');
    const other = await ratedDeclaration('104000000003');
    const before = smtp.messages.length;
    const code = await mailedCode(token, `dn${number}@dn.vn`);
    // Sent to the enterprise's active account and the declaring broker's; nobody else.
    const recipients = smtp.messages.slice(before).map((m) => (m.to && 'text' in m.to ? m.to.text : ''));
    expect(recipients.sort()).toEqual(['dailyhq@broker.vn', `dn${number}@dn.vn`]);
    expect(smtp.messages[before]?.text).toContain(number);
    // Sealed: not in the administrators' outbox; the queue keeps no code once sent; the code is stored hashed.
    expect(JSON.stringify(await platform.deps.db.selectFrom('mail_outbox').selectAll().execute())).not.toContain(code);
    expect(JSON.stringify(await platform.deps.db.selectFrom('mail_deliveries').selectAll().execute())).not.toContain(
      code,
    );
    expect(
      JSON.stringify(await platform.deps.db.selectFrom('rating_access_codes').selectAll().execute()),
    ).not.toContain(code);

    const wrong = await rate(token, 'POST', {
      suffix: '/access',
      payload: { code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { field: 'code', message: 'Mã xác nhận không đúng, đã hết hạn hoặc đã dùng; hãy yêu cầu mã mới' },
    ]);
    const malformed = await platform.app.inject({
      method: 'POST',
      url: `/api/rate/${token}/access`,
      headers: { 'accept-language': 'en' },
      payload: { code: '12ab' },
    });
    expect(malformed.json().error.details).toEqual([{ field: 'code', message: 'The confirmation code has 6 digits' }]);

    const granted = await rate(token, 'POST', { suffix: '/access', payload: { code } });
    expect(granted.statusCode).toBe(200);
    const cookie = granted.cookies.find((c) => c.name === 'caunoi_rating_access')!;
    expect(cookie).toMatchObject({ path: `/api/rate/${token}`, httpOnly: true, sameSite: 'Strict' });
    const grant = grantCookie(granted);

    const page = await rate(token, 'GET', { cookie: grant });
    expect(page.json()).toMatchObject({
      viewer: 'code',
      assessment: { subjects: [{ stars: 1, reason: 'Gợi ý chi phí ngoài', flags: ['harassment', 'delay'] }] },
    });
    const amended = await rate(token, 'PATCH', { cookie: grant, payload: amendment() });
    expect(amended.json()).toMatchObject({ revision: 2, subjects: [{ stars: 5 }] });
    // The grant is bound to its declaration; the code opens one grant.
    expect((await rate(other.token, 'GET', { cookie: grant })).json()).toMatchObject({
      viewer: 'link',
      assessment: null,
    });
    expect((await rate(other.token, 'PATCH', { cookie: grant, payload: amendment() })).statusCode).toBe(401);
    expect((await rate(token, 'POST', { suffix: '/access', payload: { code } })).statusCode).toBe(400);
    // Short-lived.
    platform.clock.advance(31 * 60_000);
    expect((await rate(token, 'GET', { cookie: grant })).json()).toMatchObject({ viewer: 'link', assessment: null });
  });

  it('refuses an expired code, and a right code once its attempts are spent (even by concurrent guesses)', async () => {
    const { token, number } = await ratedDeclaration('104000000004');
    const expired = await mailedCode(token, `dn${number}@dn.vn`);
    platform.clock.advance(16 * 60_000);
    expect((await rate(token, 'POST', { suffix: '/access', payload: { code: expired } })).statusCode).toBe(400);

    const code = await mailedCode(token, `dn${number}@dn.vn`);
    const wrong = code === '999999' ? '999998' : '999999';
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () => rate(token, 'POST', { suffix: '/access', payload: { code: wrong } })),
    );
    expect(guesses.map((g) => g.statusCode)).toEqual(Array.from({ length: 12 }, () => 400));
    const attempts = await platform.deps.db
      .selectFrom('rating_access_codes as c')
      .innerJoin('declarations as d', 'd.id', 'c.declaration_id')
      .select('c.attempts')
      .where('d.number', '=', number)
      .orderBy('c.created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(attempts.attempts).toBe(5);
    expect((await rate(token, 'POST', { suffix: '/access', payload: { code } })).statusCode).toBe(400);
  });

  it('answers every request for a code the same, and mails at most one a minute and five a day', async () => {
    const { token, number } = await ratedDeclaration('104000000005');
    const noAddress = await ratedDeclaration('104000000006', { accounts: false });
    const unrated = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/declarations/104000000007',
      headers: api,
      payload: declarationBody(officers),
    });
    const unratedToken = (unrated.json().assessmentUrl as string).split('/').pop()!;
    const answers: string[] = [];
    const queued = async () =>
      Number(
        (
          await platform.deps.db
            .selectFrom('mail_deliveries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('key', 'like', 'rating-code:%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const start = await queued();
    for (const t of [noAddress.token, unratedToken]) answers.push((await rate(t, 'POST', { suffix: '/code' })).body);
    expect(await queued()).toBe(start); // no address, nothing to read: nothing sent
    for (let i = 0; i < 8; i++) {
      const asked = await rate(token, 'POST', { suffix: '/code' });
      expect(asked.statusCode).toBe(202);
      answers.push(asked.body);
      platform.clock.advance(i % 2 === 0 ? 10_000 : 70_000); // every other request comes within the minute
    }
    expect(new Set(answers)).toEqual(new Set(['{"expiresInMinutes":15}']));
    expect((await queued()) - start).toBe(4 * 2); // four codes (a request within the minute sends none), to two addresses each
    for (let i = 0; i < 4; i++) {
      platform.clock.advance(70_000);
      await rate(token, 'POST', { suffix: '/code' });
    }
    expect((await queued()) - start).toBe(5 * 2); // the fifth of the day, then none
    const codes = await platform.deps.db
      .selectFrom('rating_access_codes as c')
      .innerJoin('declarations as d', 'd.id', 'c.declaration_id')
      .select('c.id')
      .where('d.number', '=', number)
      .execute();
    expect(codes).toHaveLength(5);
    expect((await rate('UNKNOWNTOKEN0000000000', 'POST', { suffix: '/code' })).statusCode).toBe(404);
    await drainDeliveries(platform.deps);
  });
});
