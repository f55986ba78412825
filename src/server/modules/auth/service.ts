// Sessions, passwords, the demo account list. Sign-in itself (throttled, with
// one-time links) is in sign-in.ts.
import type { Kysely } from 'kysely';
import { demoAccountsMode, type Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword, verifyPassword } from '../../lib/crypto.ts';
import { AppError, unauthorized } from '../../lib/errors.ts';
import type { Role } from '../../../contracts/common.ts';
import * as repo from './repository.ts';
import { createSignInService } from './sign-in.ts';

export const DEMO_PASSWORD = 'CauNoi@2026';

export function createAuthService(deps: { db: Kysely<Database>; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;
  const { signIn, signInWithLink } = createSignInService(deps);

  async function signOut(actor: Actor | null, ip: string | null): Promise<void> {
    if (!isUser(actor)) return;
    await db.transaction().execute(async (tx) => {
      await repo.deleteSession(tx, actor.sessionId);
      await writeAudit(tx, { actor, ip }, { action: 'auth.sign_out', entityType: 'user', entityId: actor.userId });
    });
  }

  async function changePassword(
    actor: Actor | null,
    input: { currentPassword: string; newPassword: string },
    ip: string | null,
  ) {
    if (!isUser(actor)) throw unauthorized();
    const { password_hash } = await repo.getPasswordHash(db, actor.userId);
    if (!(await verifyPassword(password_hash, input.currentPassword))) {
      throw new AppError('validation_failed', 'validation_failed', [
        { field: 'currentPassword', message: 'wrong_password' },
      ]);
    }
    const newHash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (tx) => {
      await repo.updatePassword(tx, actor.userId, newHash, clock.now());
      await repo.deleteOtherSessions(tx, actor.userId, actor.sessionId);
      await writeAudit(
        tx,
        { actor, ip },
        { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId },
      );
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
    if (!demoAccountsMode(config).enabled) return { demo: false, password: null, accounts: [] };
    const rows = await repo.findDemoAccounts(db);
    return {
      demo: true,
      password: DEMO_PASSWORD,
      accounts: rows.map((row) => ({
        email: row.email,
        fullName: row.full_name,
        role: row.role as Role,
        scope:
          row.enterpriseName ??
          row.associationName ??
          (row.unitCode ? `${row.unitCode} — ${row.unitName ?? ''}` : 'Toàn quốc'),
      })),
    };
  }

  return { signIn, signInWithLink, signOut, changePassword, setLocale, getMe, listDemoAccounts };
}

export type AuthService = ReturnType<typeof createAuthService>;
export type { UserActor };
