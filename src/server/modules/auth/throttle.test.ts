// Sign-in throttling: counted atomically under concurrency, per account and per
// address, and never a way to keep an account's owner out (the one-time link).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { sessionCookie, startTestPlatform, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { sha256 } from '../../lib/crypto.ts';
import { drainDeliveries } from '../../lib/deliveries.ts';
import { MAX_ATTEMPTS_PER_ACCOUNT, MAX_ATTEMPTS_PER_ADDRESS } from './policy.ts';

let platform: TestPlatform;
let smtp: SmtpReceiver;
const PUBLIC_URL = 'https://caunoi.test';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
  const org = await createOrg(platform.deps.db);
  for (const email of ['race@test.vn', 'owner@test.vn', 'colleague@test.vn', 'regular@test.vn', 'spent@test.vn']) {
    await createUser(platform.deps.db, { email, role: 'officer', unitId: org['03NK01'] });
  }
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});

function attempt(email: string, password: string, from: string, headers: Record<string, string> = {}) {
  return platform.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: from,
    headers,
    payload: { email, password },
  });
}

function linkSignIn(token: string, password: string, from = '203.0.113.50') {
  return platform.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/link',
    remoteAddress: from,
    payload: { token, password },
  });
}

async function auditRows(action: string) {
  return platform.deps.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'details', 'ip'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

/** Sends what the delivery queue holds and returns the sign-in link tokens mailed to `to`. */
async function mailedTokens(to: string): Promise<string[]> {
  const before = smtp.messages.length;
  const sent = await drainDeliveries(platform.deps);
  await smtp.waitFor(before + sent);
  return smtp.messages
    .filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((a) => a.address === to))
    .map((mail) => /\/dang-nhap\/lien-ket#([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1])
    .filter((token): token is string => !!token);
}

describe('sign-in throttling', () => {
  it('counts concurrent attempts atomically: 200 at once, the right password 150th, at most the limit are checked', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attempt('race@test.vn', i === 149 ? TEST_PASSWORD : `sai-${i}`, '198.51.100.1'),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_ATTEMPTS_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - MAX_ATTEMPTS_PER_ACCOUNT);
    expect(responses[149]!.json().error.code).toBe('sign_in_link_sent');
    const checked = (await auditRows('auth.sign_in_failed')).filter(
      (row) => (row.details as { email: string }).email === 'race@test.vn',
    );
    expect(checked).toHaveLength(MAX_ATTEMPTS_PER_ACCOUNT);
    expect(
      (await auditRows('auth.locked_out')).filter(
        (row) => (row.details as { email?: string }).email === 'race@test.vn',
      ),
    ).toHaveLength(1);
  });

  it('counts concurrent attempts on many accounts from one address atomically', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt(`nobody-${i}@test.vn`, 'sai-mat-khau', '198.51.100.2')),
    );
    expect(responses.filter((r) => r.statusCode === 401)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(100 - MAX_ATTEMPTS_PER_ADDRESS);
    const lockouts = (await auditRows('auth.locked_out')).filter((row) => row.ip === '198.51.100.2');
    expect(lockouts.map((row) => row.details)).toEqual([{ scope: 'address', address: '198.51.100.2' }]);
  });

  it("an attacker's failures cost the owner one e-mail, never access: the owner signs in with the link and the password", async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++)
      expect((await attempt('owner@test.vn', `doan-${i}`, '192.0.2.66')).statusCode).toBe(401);
    const refused = await attempt('owner@test.vn', 'doan-tiep', '192.0.2.66');
    expect(refused.statusCode).toBe(429);
    // The owner, elsewhere, with the right password: not checked, told a link was sent; the same answer as for no account at all.
    const owner = await attempt('owner@test.vn', TEST_PASSWORD, '203.0.113.50', { 'accept-language': 'en' });
    expect(owner.statusCode).toBe(429);
    expect(owner.cookies.find((c) => c.name === 'caunoi_session')).toBeUndefined();
    for (let i = 0; i <= MAX_ATTEMPTS_PER_ACCOUNT; i++)
      await attempt('no-such-owner@test.vn', `doan-${i}`, '192.0.2.67');
    const nobody = await attempt('no-such-owner@test.vn', TEST_PASSWORD, '203.0.113.51', { 'accept-language': 'en' });
    expect(nobody.statusCode).toBe(429);
    expect(nobody.json()).toEqual(owner.json());
    expect(owner.json().error.message).toContain('If this email has an account, a sign-in link was sent');

    // One link for the whole burst (at most one every few minutes), to the account's own address, kept hashed.
    const tokens = await mailedTokens('owner@test.vn');
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    expect(await mailedTokens('no-such-owner@test.vn')).toHaveLength(0);
    const stored = await platform.deps.db.selectFrom('sign_in_links').select(['token_hash']).execute();
    expect(stored.map((row) => row.token_hash)).toContain(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    // The link alone signs nobody in: it needs the password too.
    const wrong = await linkSignIn(token, 'doan-bua');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('unauthorized');
    const ok = await linkSignIn(token, TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    const me = await platform.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: sessionCookie(ok) },
    });
    expect(me.json().email).toBe('owner@test.vn');
    // Single use.
    const again = await linkSignIn(token, TEST_PASSWORD);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual([
      { field: 'token', message: 'Đường dẫn đăng nhập không hợp lệ, đã được dùng hoặc đã hết hạn' },
    ]);

    const sent = (await auditRows('auth.sign_in_link_sent')).filter(
      (row) => (row.details as { email: string }).email === 'owner@test.vn',
    );
    expect(sent).toHaveLength(1);
    const used = (await auditRows('auth.sign_in_link_used')).filter(
      (row) => (row.details as { email: string }).email === 'owner@test.vn',
    );
    expect(used).toHaveLength(1);
    expect(used[0]!.ip).toBe('203.0.113.50');
    const lockouts = (await auditRows('auth.locked_out')).filter(
      (row) => (row.details as { email?: string }).email === 'owner@test.vn',
    );
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]!.ip).toBe('192.0.2.66');
  });

  it('a link expires, and allows only a few password attempts', async () => {
    for (let i = 0; i <= MAX_ATTEMPTS_PER_ACCOUNT; i++) await attempt('spent@test.vn', `doan-${i}`, '192.0.2.70');
    const [first] = await mailedTokens('spent@test.vn');
    for (let i = 0; i < 5; i++) expect((await linkSignIn(first!, `doan-lien-ket-${i}`)).statusCode).toBe(401);
    expect((await linkSignIn(first!, TEST_PASSWORD)).statusCode).toBe(400);

    platform.clock.advance(6 * 60 * 1000); // past the interval between links, still inside the lockout window
    expect((await attempt('spent@test.vn', TEST_PASSWORD, '203.0.113.52')).statusCode).toBe(429);
    const tokens = await mailedTokens('spent@test.vn');
    expect(tokens).toHaveLength(2);
    platform.clock.advance(16 * 60 * 1000);
    expect((await linkSignIn(tokens[1]!, TEST_PASSWORD)).statusCode).toBe(400);
    // The window has passed: the password works again on its own.
    expect((await attempt('spent@test.vn', TEST_PASSWORD, '203.0.113.52')).statusCode).toBe(200);
  });

  it("an address over its limit does not keep another account's owner out", async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++)
      expect((await attempt(`spray-${i}@test.vn`, 'Password1', '192.0.2.99')).statusCode).toBe(401);
    // A colleague behind the same company address: the password is not checked there, the link goes to the colleague.
    for (let i = 0; i <= MAX_ATTEMPTS_PER_ACCOUNT; i++)
      expect((await attempt('colleague@test.vn', TEST_PASSWORD, '192.0.2.99')).statusCode).toBe(429);
    const [token] = await mailedTokens('colleague@test.vn');
    expect((await linkSignIn(token!, TEST_PASSWORD, '192.0.2.99')).statusCode).toBe(200);
    // The attempts that were not checked did not count against the colleague's account: from elsewhere the password works.
    expect((await attempt('colleague@test.vn', TEST_PASSWORD, '203.0.113.60')).statusCode).toBe(200);
    const lockouts = (await auditRows('auth.locked_out')).filter((row) => row.ip === '192.0.2.99');
    expect(lockouts.map((row) => row.details)).toEqual([{ scope: 'address', address: '192.0.2.99' }]);
  });

  it('a successful sign-in gives its place back, so an address of many colleagues is not held by their successes', async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS + 5; i++)
      expect((await attempt('regular@test.vn', TEST_PASSWORD, '192.0.2.120')).statusCode).toBe(200);
  });
});

describe('client address behind a proxy', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: rotating it neither escapes the limit nor reaches the audit log', async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
      expect(
        (await attempt(`rotate-${i}@test.vn`, 'Password1', '192.0.2.150', { 'x-forwarded-for': `10.9.${i}.1` }))
          .statusCode,
      ).toBe(401);
    }
    expect(
      (await attempt('rotate-x@test.vn', 'Password1', '192.0.2.150', { 'x-forwarded-for': '10.9.200.1' })).statusCode,
    ).toBe(429);
    const failed = (await auditRows('auth.sign_in_failed')).filter((row) =>
      (row.details as { email: string }).email.startsWith('rotate-'),
    );
    expect(new Set(failed.map((row) => row.ip))).toEqual(new Set(['192.0.2.150']));
  });

  it('takes the address from X-Forwarded-For when the connection comes from a trusted proxy, and only then', async () => {
    const proxied = await startTestPlatform({ env: { TRUSTED_PROXIES: '192.0.2.10, 10.0.0.0/8' } });
    try {
      const send = (email: string, from: string, forwarded: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress: from,
          headers: { 'x-forwarded-for': forwarded },
          payload: { email, password: 'Password1' },
        });
      // Through the proxy, each client has its own limit: one client over it, another still checked.
      for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++)
        expect((await send(`a-${i}@test.vn`, '192.0.2.10', '198.51.100.7')).statusCode).toBe(401);
      expect((await send('a-x@test.vn', '192.0.2.10', '198.51.100.7')).statusCode).toBe(429);
      expect((await send('b-0@test.vn', '192.0.2.10', '198.51.100.8')).statusCode).toBe(401);
      // A client that is not a trusted proxy cannot claim another address.
      expect((await send('c-0@test.vn', '192.0.2.11', '198.51.100.9')).statusCode).toBe(401);
      const rows = await proxied.deps.db
        .selectFrom('audit_log')
        .select(['ip', 'details'])
        .where('action', '=', 'auth.sign_in_failed')
        .execute();
      const ipOf = (email: string) => rows.find((row) => (row.details as { email: string }).email === email)?.ip;
      expect(ipOf('a-0@test.vn')).toBe('198.51.100.7');
      expect(ipOf('b-0@test.vn')).toBe('198.51.100.8');
      expect(ipOf('c-0@test.vn')).toBe('192.0.2.11');
    } finally {
      await proxied.close();
    }
  });
});
