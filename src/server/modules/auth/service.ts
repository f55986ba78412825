// Sign-in, sessions and passwords. Sign-in is throttled in the database so the
// limit holds across processes.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../lib/crypto.ts';
import { AppError, unauthorized } from '../../lib/errors.ts';
import type { Role } from '../../../contracts/common.ts';
import * as repo from './repository.ts';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;
// Verifying against a real hash when the account is unknown keeps timing flat.
let decoyHash: Promise<string> | null = null;

export const DEMO_PASSWORD = 'CauNoi@2026';

export function createAuthService(deps: { db: Kysely<Database>; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;

  async function signIn(input: { email: string; password: string; ip: string | null; userAgent: string | null }) {
    const now = clock.now();
    const since = new Date(now.getTime() - WINDOW_MS);
    const emailKey = `email:${input.email}`;
    const ipKey = `ip:${input.ip ?? 'unknown'}`;
    const [byEmail, byIp] = await Promise.all([repo.countRecentFailures(db, emailKey, since), repo.countRecentFailures(db, ipKey, since)]);
    if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) throw new AppError('rate_limited');

    const user = await repo.findUserByEmail(db, input.email);
    decoyHash ??= hashPassword(randomToken());
    const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password);
    if (!user || !valid || !user.active) {
      await db.transaction().execute(async (tx) => {
        await repo.recordAttempt(tx, [emailKey, ipKey], false, now);
        await writeAudit(tx, { actor: null, ip: input.ip }, { action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id ?? null, details: { email: input.email } });
      });
      throw new AppError('unauthorized', 'invalid_credentials');
    }
    const token = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + config.SESSION_DAYS * 24 * 3600 * 1000);
    await db.transaction().execute(async (tx) => {
      await repo.createSession(tx, { id: sha256(token), userId: user.id, csrfToken, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null, now });
      await repo.recordAttempt(tx, [emailKey], true, now);
      await writeAudit(tx, { actor: null, ip: input.ip }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, details: { email: user.email } });
    });
    return { token, expiresAt, locale: user.locale };
  }

  async function signOut(actor: Actor | null, ip: string | null): Promise<void> {
    if (!isUser(actor)) return;
    await db.transaction().execute(async (tx) => {
      await repo.deleteSession(tx, actor.sessionId);
      await writeAudit(tx, { actor, ip }, { action: 'auth.sign_out', entityType: 'user', entityId: actor.userId });
    });
  }

  async function changePassword(actor: Actor | null, input: { currentPassword: string; newPassword: string }, ip: string | null) {
    if (!isUser(actor)) throw unauthorized();
    const { password_hash } = await repo.getPasswordHash(db, actor.userId);
    if (!(await verifyPassword(password_hash, input.currentPassword))) {
      throw new AppError('validation_failed', 'validation_failed', [{ field: 'currentPassword', message: 'wrong_password' }]);
    }
    const newHash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (tx) => {
      await repo.updatePassword(tx, actor.userId, newHash, clock.now());
      await repo.deleteOtherSessions(tx, actor.userId, actor.sessionId);
      await writeAudit(tx, { actor, ip }, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
    });
  }

  async function setLocale(actor: Actor | null, locale: 'vi' | 'en'): Promise<void> {
    if (isUser(actor)) await repo.updateLocale(db, actor.userId, locale);
  }

  async function getMe(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    const parts = await repo.findProfileParts(db, actor.userId);
    return { actor, parts };
  }

  async function listDemoAccounts() {
    if (!config.DEMO) return { demo: false, password: null, accounts: [] };
    const rows = await repo.findDemoAccounts(db);
    return {
      demo: true,
      password: DEMO_PASSWORD,
      accounts: rows.map((row) => ({
        email: row.email,
        fullName: row.full_name,
        role: row.role as Role,
        scope: row.enterpriseName ?? row.associationName ?? (row.unitCode ? `${row.unitCode} — ${row.unitName ?? ''}` : 'Toàn quốc'),
      })),
    };
  }

  return { signIn, signOut, changePassword, setLocale, getMe, listDemoAccounts };
}

export type AuthService = ReturnType<typeof createAuthService>;
export type { UserActor };
