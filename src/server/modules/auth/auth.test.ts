import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, sessionCookie, signIn, startTestPlatform, type TestPlatform } from '../../../../test/platform.ts';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
  const org = await createOrg(platform.deps.db);
  await createUser(platform.deps.db, { email: 'officer@test.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(platform.deps.db, {
    email: 'locked@test.vn',
    role: 'officer',
    unitId: org['03NK01'],
    active: false,
  });
  await createUser(platform.deps.db, { email: 'throttled@test.vn', role: 'officer', unitId: org['03NK01'] });
});
afterAll(async () => platform.close());

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and answers /me', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'Officer@Test.vn', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'caunoi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    // The hint the web app reads ("someone may be signed in") carries no secret and lives as long.
    const hint = response.cookies.find((c) => c.name === 'caunoi_signed_in');
    expect(hint?.value).toBe('1');
    expect(hint?.httpOnly).toBeFalsy();
    expect(hint?.expires).toEqual(cookie?.expires);
    const me = await platform.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: sessionCookie(response) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'officer@test.vn', roles: [{ role: 'officer', unitCode: '03NK01' }] });
  });

  it('refuses a wrong password in the caller language, and a deactivated account', async () => {
    const wrong = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'officer@test.vn', password: 'sai-mat-khau' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'unauthorized', message: 'Email hoặc mật khẩu không đúng', details: [] },
    });
    const english = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { email: 'locked@test.vn', password: TEST_PASSWORD },
    });
    expect(english.statusCode).toBe(401);
    expect(english.json().error.message).toBe('Wrong email or password');
  });

  it('throttles repeated failures for one email, even with the right password afterwards (a link is sent instead)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'throttled@test.vn', password: `wrong-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'throttled@test.vn', password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('sign_in_link_sent');
    expect(blocked.cookies.find((c) => c.name === 'caunoi_session')).toBeUndefined();
    platform.clock.advance(16 * 60 * 1000);
    const later = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'throttled@test.vn', password: TEST_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('names the invalid field', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
    expect(body.error.message).toContain('email');
  });
});

describe('sign-in link', () => {
  it('names the invalid fields, and refuses an unknown link on its token field', async () => {
    const malformed = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/link',
      payload: { token: 'x<', password: '' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['password', 'token', 'token']);
    const unknown = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/link',
      headers: { 'accept-language': 'en' },
      payload: { token: 'a'.repeat(43), password: TEST_PASSWORD },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toEqual({
      code: 'validation_failed',
      message: 'The request is not valid: token — The sign-in link is not valid, already used or expired',
      details: [{ field: 'token', message: 'The sign-in link is not valid, already used or expired' }],
    });
  });
});

describe('session', () => {
  it('requires the CSRF token for changes made with a cookie', async () => {
    const session = await signIn(platform, 'officer@test.vn', TEST_PASSWORD);
    const without = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/locale',
      headers: { cookie: session.cookie },
      payload: { locale: 'en' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('forbidden');
    const withToken = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/locale',
      headers: as(session),
      payload: { locale: 'en' },
    });
    expect(withToken.statusCode).toBe(200);
    const me = await platform.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.json().locale).toBe('en');
  });

  it('changes the password, ends other sessions, and audits without the password', async () => {
    await createUser(platform.deps.db, {
      email: 'changer@test.vn',
      role: 'officer',
      unitId: null as unknown as string,
    });
    const first = await signIn(platform, 'changer@test.vn', TEST_PASSWORD);
    const second = await signIn(platform, 'changer@test.vn', TEST_PASSWORD);
    const weak = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(first),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toEqual({
      field: 'newPassword',
      message: 'Mật khẩu cần ít nhất 10 ký tự, có chữ và số',
    });
    const wrongCurrent = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(first),
      payload: { currentPassword: 'nope', newPassword: 'MatKhauMoi2027' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.details[0].field).toBe('currentPassword');
    const ok = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(first),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi2027' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode,
    ).toBe(200);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'auth.password_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('MatKhauMoi2027');
  });

  it('signs out', async () => {
    const session = await signIn(platform, 'officer@test.vn', TEST_PASSWORD);
    const out = await platform.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: as(session) });
    expect(out.statusCode).toBe(200);
    for (const name of ['caunoi_session', 'caunoi_signed_in'])
      expect(out.cookies.find((c) => c.name === name)?.value, name).toBe('');
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('sends security headers', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
