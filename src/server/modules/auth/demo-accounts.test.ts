// Demo accounts share a published password: listed and usable only on a server
// nobody else can reach, unless the operator asks for them (DEMO_ACCOUNTS=true).
// One database, one platform per setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/database.ts';
import { createOrg, createUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { sessionCookie } from '../../../../test/platform.ts';
import { parseConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createPlatform, type Platform } from '../../platform.ts';

const SETTINGS = {
  local: { DEMO: 'true' },
  network: { DEMO: 'true', HOST: '0.0.0.0' },
  published: { DEMO: 'true', PUBLIC_URL: 'https://caunoi.customs.gov.vn' },
  explicit: { DEMO: 'true', HOST: '0.0.0.0', PUBLIC_URL: 'https://demo.caunoi.vn', DEMO_ACCOUNTS: 'true' },
  refused: { DEMO: 'true', DEMO_ACCOUNTS: 'false' },
} as const;
type Setting = keyof typeof SETTINGS;

let database: DatabaseHandle;
const platforms = {} as Record<Setting, Platform>;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrg(database.db);
  await createUser(database.db, { email: 'admin@demo.caunoi.vn', role: 'admin' });
  await createUser(database.db, { email: 'real@test.vn', role: 'officer', unitId: org['03NK01'] });
  const clock = fixedClock(new Date('2026-11-23T03:00:00Z'));
  for (const [name, env] of Object.entries(SETTINGS)) {
    platforms[name as Setting] = await createPlatform({
      config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', ...env }),
      clock,
      database,
    });
  }
});
afterAll(async () => {
  for (const platform of Object.values(platforms)) await platform.close();
  await database.close();
});

const list = (setting: Setting) => platforms[setting].app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
const signIn = (setting: Setting, email: string) =>
  platforms[setting].app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: TEST_PASSWORD },
  });

describe('demo accounts', () => {
  it('are listed and sign in on this machine, and when the operator asks for them', async () => {
    for (const setting of ['local', 'explicit'] as const) {
      const listed = (await list(setting)).json();
      expect(listed.demo, setting).toBe(true);
      expect(listed.password, setting).toBe('CauNoi@2026');
      expect(
        listed.accounts.map((a: { email: string }) => a.email),
        setting,
      ).toEqual(['admin@demo.caunoi.vn']);
      expect((await signIn(setting, 'admin@demo.caunoi.vn')).statusCode, setting).toBe(200);
    }
  });

  it('are neither listed nor usable when the server listens beyond loopback, is published elsewhere, or they are turned off', async () => {
    for (const setting of ['network', 'published', 'refused'] as const) {
      expect((await list(setting)).json(), setting).toEqual({ demo: false, password: null, accounts: [] });
      const refused = await signIn(setting, 'admin@demo.caunoi.vn');
      expect(refused.statusCode, setting).toBe(401);
      // The same answer as a wrong password: nothing tells the account apart.
      expect(refused.json(), setting).toEqual({
        error: { code: 'unauthorized', message: 'Email hoặc mật khẩu không đúng', details: [] },
      });
      expect((await signIn(setting, 'real@test.vn')).statusCode, setting).toBe(200);
    }
  });

  it('lose the sessions they opened locally once the server is opened up', async () => {
    const cookie = sessionCookie(await signIn('local', 'admin@demo.caunoi.vn'));
    const me = (setting: Setting) =>
      platforms[setting].app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me('local')).statusCode).toBe(200);
    expect((await me('explicit')).statusCode).toBe(200);
    expect((await me('network')).statusCode).toBe(401);
    expect((await me('published')).statusCode).toBe(401);
    const admin = await platforms.network.app.inject({ method: 'GET', url: '/api/admin/audit', headers: { cookie } });
    expect([401, 403]).toContain(admin.statusCode);
  });
});
