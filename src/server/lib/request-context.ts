// Resolves who is calling and in which language, once per request, and
// enforces CSRF for cookie sessions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { isDemoEmail } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Role } from '../../contracts/common.ts';
import type { Actor, ApiActor, UserActor } from './actor.ts';
import type { Clock } from './clock.ts';
import { safeEqual, sha256 } from './crypto.ts';
import { AppError } from './errors.ts';
import { pickLocale, type Locale } from './locale.ts';

export const SESSION_COOKIE = 'caunoi_session';
export const LOCALE_COOKIE = 'caunoi_locale';
/**
 * A hint the web app can read: "a session may exist". It carries nothing secret
 * (the session itself stays HttpOnly); without it, a visitor's browser is spared
 * asking who is signed in, and the 401 that answers an anonymous one.
 */
export const SIGNED_IN_COOKIE = 'caunoi_signed_in';
/** The grant a rating's one-time code opens, scoped to that rating link's path (modules/assessments/access.ts). */
export const RATING_ACCESS_COOKIE = 'caunoi_rating_access';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** The signed-in user of a session token; demo accounts only while they are enabled (a session made locally ends when the server is opened up). */
async function findSessionActor(
  db: Kysely<Database>,
  token: string,
  now: Date,
  options: { demoAccounts: boolean },
): Promise<UserActor | null> {
  const id = sha256(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as userId',
      'u.email',
      'u.full_name',
      'u.locale',
      'u.active',
      'u.enterprise_id',
      'u.association_id',
      'u.officer_id',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() <= now.getTime()) return null;
  if (!options.demoAccounts && isDemoEmail(row.email)) return null;
  const roles = await db
    .selectFrom('user_roles as r')
    .leftJoin('units as un', 'un.id', 'r.unit_id')
    .select(['r.role', 'r.unit_id', 'un.code'])
    .where('r.user_id', '=', row.userId)
    .execute();
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    kind: 'user',
    userId: row.userId,
    email: row.email,
    fullName: row.full_name,
    locale: row.locale,
    roles: roles.map((r) => ({ role: r.role as Role, unitId: r.unit_id, unitCode: r.code })),
    enterpriseId: row.enterprise_id,
    associationId: row.association_id,
    officerId: row.officer_id,
    sessionId: row.sessionId,
    csrfToken: row.csrf_token,
  };
}

async function findApiActor(db: Kysely<Database>, key: string, now: Date): Promise<ApiActor | null> {
  const row = await db
    .selectFrom('api_clients')
    .select(['id', 'name', 'scopes', 'last_used_at'])
    .where('key_hash', '=', sha256(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable('api_clients').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { kind: 'api', clientId: row.id, name: row.name, scopes: row.scopes };
}

/** How long a process trusts an API key it has checked. A key revoked elsewhere stops working here within this time. */
const API_KEY_CACHE_MS = 30_000;
const API_KEY_CACHE_MAX = 1_000;

/**
 * A per-process, short-lived cache of API key -> actor, so an integration client
 * sending many requests costs one look-up per key every 30 s instead of one per
 * request. Keyed by the key's hash; only valid keys are kept; concurrent misses
 * share one look-up. Revocation takes effect at once in the process that made it
 * (any administrative change clears the cache) and within API_KEY_CACHE_MS in
 * every other process.
 */
function createApiKeyCache(db: Kysely<Database>) {
  const entries = new Map<string, { actor: Promise<ApiActor | null>; expires: number }>();
  return {
    get(key: string, now: Date): Promise<ApiActor | null> {
      const hash = sha256(key);
      const at = performance.now();
      const hit = entries.get(hash);
      if (hit && hit.expires > at) return hit.actor;
      if (entries.size >= API_KEY_CACHE_MAX) entries.clear();
      const actor = findApiActor(db, key, now);
      const entry = { actor, expires: at + API_KEY_CACHE_MS };
      entries.set(hash, entry);
      const forget = () => {
        if (entries.get(hash) === entry) entries.delete(hash);
      };
      actor.then((found) => found ?? forget(), forget);
      return actor;
    },
    clear() {
      entries.clear();
    },
  };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}

export const requestContext = fp(
  (
    app: FastifyInstance,
    options: { db: Kysely<Database>; clock: Clock; demoAccounts: boolean; secureCookies?: boolean },
    done: (err?: Error) => void,
  ) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('locale', 'vi');
    const apiKeys = createApiKeyCache(options.db);
    // Keys are created and revoked under /api/admin: drop what this process trusts after any change there.
    app.addHook('onResponse', async (request, reply) => {
      if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api/admin/') && reply.statusCode < 400)
        apiKeys.clear();
    });
    app.addHook('onRequest', async (request, reply) => {
      const cookieLocale = request.cookies[LOCALE_COOKIE];
      const acceptLanguage = request.headers['accept-language'];
      request.locale = pickLocale({
        cookie: cookieLocale,
        acceptLanguage: typeof acceptLanguage === 'string' ? acceptLanguage : undefined,
      });
      if (!request.url.startsWith('/api/')) return;
      const now = options.clock.now();
      if (request.headers.authorization !== undefined) {
        const key = bearerToken(request);
        const actor = key && key.length <= 200 ? await apiKeys.get(key, now) : null;
        if (!actor) throw new AppError('unauthorized', 'invalid_api_key');
        request.actor = actor;
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (token && token.length <= 200) {
        const actor = await findSessionActor(options.db, token, now, { demoAccounts: options.demoAccounts });
        if (actor) {
          request.actor = actor;
          if (!cookieLocale) request.locale = actor.locale;
          // Sessions begun before the hint existed get it on their next request.
          if (!request.cookies[SIGNED_IN_COOKIE])
            void reply.setCookie(SIGNED_IN_COOKIE, '1', {
              path: '/',
              sameSite: 'lax',
              secure: options.secureCookies ?? false,
            });
          if (!SAFE_METHODS.has(request.method)) {
            const sent = request.headers['x-csrf-token'];
            if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken))
              throw new AppError('forbidden', 'csrf_failed');
          }
        }
      }
    });
    done();
  },
  { name: 'request-context' },
);
