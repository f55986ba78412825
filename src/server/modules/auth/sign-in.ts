// Sign-in with a password, throttled so that guessing is bounded and nobody can
// keep an account's owner out.
//
// Every attempt first takes a place on two counters in the database, the
// account and the address (policy.ts), in one atomic statement; only an attempt
// that got a place on both has its password checked, so concurrent attempts can
// never check more passwords than the limits, in any number of processes. A
// place is given back when the password was right (or was not checked), so the
// counters hold failures.
//
// Over either limit the password is not checked. The answer is the same whether
// the account exists or not ("if this account exists, a sign-in link was sent to
// its address"), and a one-time link goes to the account's own address (at most
// one every few minutes). The link lets its holder sign in with the password,
// past both counters: an attacker's failures on an account, or from an address
// shared with others, cost its owner one e-mail, never access. The link alone
// signs nobody in (whoever reads the mail — or the outbox — still needs the
// password), it is single use, short-lived, bounded in attempts, and stored as
// its SHA-256 only. Lockouts, links sent and links used are audited.
import type { Kysely } from 'kysely';
import { demoAccountsMode, isDemoEmail, publicUrl, type Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../lib/crypto.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, invalidField } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import {
  LINK_INTERVAL_MS,
  LINK_TTL_MS,
  linkThrottleKey,
  MAX_LINK_ATTEMPTS,
  signInThrottleKeys,
  THROTTLE_WINDOW_MS,
  throttleScope,
} from './policy.ts';
import * as repo from './repository.ts';

/** Where a sign-in link leads; the token is in the fragment, so it reaches neither server logs nor Referer headers. */
const SIGN_IN_LINK_PATH = '/dang-nhap/lien-ket';

// Verifying against a real hash when the account is unknown keeps timing flat.
let decoyHash: Promise<string> | null = null;

interface Attempt {
  ip: string | null;
  userAgent: string | null;
}

function linkMail(locale: Locale, email: string, link: string) {
  const minutes = LINK_TTL_MS / 60_000;
  if (locale === 'en') {
    return {
      subject: 'Cầu Nối: your sign-in link',
      text: `There were several failed attempts to sign in to ${email} on Cầu Nối, so signing in with the password alone is paused for a few minutes.\n\nTo sign in now, open this link and enter your password (it works once, for ${minutes} minutes):\n\n${link}\n\nIf you did not try to sign in, someone else did: they cannot use this link without your password. If your password is easy to guess, change it after signing in. Do not forward this mail.\n\nCầu Nối — Vietnam Customs`,
    };
  }
  return {
    subject: 'Cầu Nối: đường dẫn đăng nhập',
    text: `Đã có nhiều lần đăng nhập không thành công vào tài khoản ${email} trên Cầu Nối, nên việc đăng nhập chỉ bằng mật khẩu tạm dừng trong ít phút.\n\nĐể đăng nhập ngay, hãy mở đường dẫn dưới đây và nhập mật khẩu của bạn (dùng được một lần, trong ${minutes} phút):\n\n${link}\n\nNếu bạn không đăng nhập, đó là người khác: họ không dùng được đường dẫn này nếu không có mật khẩu của bạn. Nếu mật khẩu dễ đoán, hãy đổi mật khẩu sau khi đăng nhập. Không chuyển tiếp thư này.\n\nCầu Nối — Hải quan Việt Nam`,
  };
}

export function createSignInService(deps: { db: Kysely<Database>; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;
  const demoAccounts = demoAccountsMode(config).enabled;

  /** An account that may sign in: active, and not a demo account while those are off. */
  function usable(user: { active: boolean; email: string } | undefined): user is { active: true; email: string } {
    return !!user && user.active && (demoAccounts || !isDemoEmail(user.email));
  }

  async function startSession(tx: Kysely<Database>, userId: string, attempt: Attempt) {
    const now = clock.now();
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + config.SESSION_DAYS * 24 * 3600 * 1000);
    await repo.createSession(tx, {
      id: sha256(token),
      userId,
      csrfToken: randomToken(24),
      expiresAt,
      ip: attempt.ip,
      userAgent: attempt.userAgent?.slice(0, 300) ?? null,
      now,
    });
    return { token, expiresAt };
  }

  async function signIn(input: { email: string; password: string } & Attempt) {
    const now = clock.now();
    const reservations = await repo.reserveAttempts(
      db,
      signInThrottleKeys(input.email, input.ip),
      now,
      THROTTLE_WINDOW_MS,
    );
    if (reservations.some((r) => !r.granted)) {
      await repo.releaseAttempts(
        db,
        reservations.filter((r) => r.granted),
      );
      await continueByLink(input.email, input.ip, reservations);
      throw new AppError('sign_in_link_sent');
    }

    const user = await repo.findUserByEmail(db, input.email);
    decoyHash ??= hashPassword(randomToken());
    const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password);
    if (!valid || !user || !usable(user)) {
      await writeAudit(
        db,
        { actor: null, ip: input.ip },
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          details: { email: input.email },
        },
      );
      throw new AppError('unauthorized', 'invalid_credentials');
    }
    const session = await db.transaction().execute(async (tx) => {
      const started = await startSession(tx, user.id, input);
      await repo.releaseAttempts(tx, reservations);
      await writeAudit(
        tx,
        { actor: null, ip: input.ip },
        { action: 'auth.sign_in', entityType: 'user', entityId: user.id, details: { email: user.email } },
      );
      return started;
    });
    return { ...session, locale: user.locale };
  }

  /** Over a limit: audit a new lockout, and send the account's owner a link (when there is an owner to send it to). */
  async function continueByLink(email: string, ip: string | null, reservations: repo.Reservation[]): Promise<void> {
    const now = clock.now();
    const user = await repo.findUserByEmail(db, email);
    for (const r of reservations.filter((x) => !x.granted && x.refused === 1)) {
      const scope = throttleScope(r.key);
      await writeAudit(
        db,
        { actor: null, ip },
        scope === 'account'
          ? { action: 'auth.locked_out', entityType: 'user', entityId: user?.id ?? null, details: { scope, email } }
          : {
              action: 'auth.locked_out',
              entityType: 'address',
              entityId: null,
              details: { scope, address: r.key.slice('address:'.length) },
            },
      );
    }
    if (!usable(user)) return;
    const [slot] = await repo.reserveAttempts(db, [linkThrottleKey(user.id)], now, LINK_INTERVAL_MS);
    if (!slot?.granted) return;
    const token = randomToken();
    const tokenHash = sha256(token);
    const link = `${publicUrl(config)}${SIGN_IN_LINK_PATH}#${token}`;
    await db.transaction().execute(async (tx) => {
      await repo.createSignInLink(tx, {
        tokenHash,
        userId: user.id,
        now,
        expiresAt: new Date(now.getTime() + LINK_TTL_MS),
        ip,
      });
      await queueDeliveries(tx, [
        { key: `sign-in-link:${tokenHash}`, to: user.email, ...linkMail(user.locale, user.email, link) },
      ]);
      await writeAudit(
        tx,
        { actor: null, ip },
        { action: 'auth.sign_in_link_sent', entityType: 'user', entityId: user.id, details: { email: user.email } },
      );
    });
  }

  /** Signs in with a link and the account's password; the link's own attempts are its only limit. */
  async function signInWithLink(input: { token: string; password: string } & Attempt) {
    const tokenHash = sha256(input.token);
    const link = await repo.reserveLinkAttempt(db, tokenHash, clock.now(), MAX_LINK_ATTEMPTS);
    if (!link) throw invalidField('token', 'sign_in_link_invalid');
    const user = await repo.findUserById(db, link.user_id);
    const valid = user ? await verifyPassword(user.password_hash, input.password) : false;
    if (!valid || !user || !usable(user)) {
      await writeAudit(
        db,
        { actor: null, ip: input.ip },
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: link.user_id,
          details: { email: user?.email ?? null, via: 'link', attemptsLeft: MAX_LINK_ATTEMPTS - link.attempts },
        },
      );
      throw new AppError('unauthorized', 'invalid_credentials');
    }
    const session = await db.transaction().execute(async (tx) => {
      if (!(await repo.consumeSignInLink(tx, tokenHash, clock.now())))
        throw invalidField('token', 'sign_in_link_invalid');
      const started = await startSession(tx, user.id, input);
      await writeAudit(
        tx,
        { actor: null, ip: input.ip },
        { action: 'auth.sign_in_link_used', entityType: 'user', entityId: user.id, details: { email: user.email } },
      );
      return started;
    });
    return { ...session, locale: user.locale };
  }

  return { signIn, signInWithLink };
}
