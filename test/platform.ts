// The whole platform on a test database, driven through app.inject().
import type { LightMyRequestResponse } from 'fastify';
import { parseConfig } from '../src/server/config.ts';
import { fixedClock } from '../src/server/lib/clock.ts';
import type { Mailer } from '../src/server/lib/mailer.ts';
import { createPlatform, type Platform } from '../src/server/platform.ts';
import { openTestDatabase } from './database.ts';

export interface TestPlatform extends Platform {
  clock: ReturnType<typeof fixedClock>;
}

export async function startTestPlatform(
  options: { env?: Record<string, string>; mailer?: Mailer; now?: Date; inboundSmtp?: boolean } = {},
): Promise<TestPlatform> {
  const database = await openTestDatabase();
  const clock = fixedClock(options.now ?? new Date('2026-11-23T03:00:00Z'));
  const config = parseConfig({ NODE_ENV: 'test', DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false', ...options.env });
  const platform = await createPlatform({
    config,
    clock,
    database,
    ...(options.mailer && { mailer: options.mailer }),
    ...(options.inboundSmtp && { inboundSmtpPort: 0 }),
  });
  return {
    ...platform,
    clock,
    async close() {
      await platform.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(platform: Platform, email: string, password: string): Promise<Session> {
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  const me = await platform.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  return { cookie, csrf: (me.json() as { csrfToken: string }).csrfToken };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const found = response.cookies.find((c) => c.name === 'caunoi_session');
  if (!found) throw new Error('no session cookie');
  return `caunoi_session=${found.value}`;
}

/** Headers for a signed-in request (with the CSRF token). */
export function as(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf };
}
