// Reading or amending a sent rating from its link takes more than the link (a
// photographed QR code): the business signed in, or a one-time code mailed to
// the business's registered addresses. A verified code grants this browser a
// short while on this one declaration (an HttpOnly cookie, hashed here).
//
// Asking for a code always gets the same answer, whether the business has an
// address, the declaration was rated, or the daily limit was reached; a wrong,
// expired, used or exhausted code gets the same refusal. Five codes a day and
// five attempts each leave a guesser 25 tries in a million a day.
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  RATING_ACCESS_MINUTES,
  RATING_CODE_ATTEMPTS,
  RATING_CODE_INTERVAL_SECONDS,
  RATING_CODE_MINUTES,
  RATING_CODES_PER_DAY,
} from '../../../contracts/assessments.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken, safeEqual, sha256 } from '../../lib/crypto.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, invalidField } from '../../lib/errors.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import { findDeclarationView } from '../declarations/repository.ts';
import { ratingCodeMail } from './mail.ts';
import { canRateAsUser } from './policy.ts';
import * as repo from './repository.ts';

/** The cookie holding a verified code's grant; scoped to one declaration's rating path. */
export { RATING_ACCESS_COOKIE } from '../../lib/request-context.ts';

const MINUTE = 60_000;

const codeHash = (id: string, code: string) => sha256(`${id}:${code}`);

/** The business signed in, or a browser holding a live grant for this declaration; null for anyone else. */
export async function linkReader(
  db: Kysely<Database>,
  now: Date,
  actor: Actor | null,
  declaration: { id: number; enterprise_id: string; declarant_id: string | null },
  grant: string | undefined,
): Promise<'business' | 'code' | null> {
  if (canRateAsUser(actor, declaration)) return 'business';
  if (grant && grant.length <= 100 && (await repo.hasGrant(db, sha256(grant), declaration.id, now))) return 'code';
  return null;
}

export function createRatingAccessService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function declarationOf(tx: Kysely<Database>, token: string) {
    const declaration = await findDeclarationView(tx, { token });
    if (!declaration) throw new AppError('not_found', 'invalid_rating_link');
    return declaration;
  }

  /** Mails a code to the business's registered addresses, if there is any reason to. Answers the same in every case. */
  async function requestCode(token: string): Promise<{ expiresInMinutes: number }> {
    await db.transaction().execute(async (tx) => {
      const declaration = await declarationOf(tx, token);
      if (declaration.assessment_id === null) return; // nothing to read yet: the link itself rates
      await repo.lockDeclarationForCodes(tx, declaration.id);
      const now = clock.now();
      const recent = await repo.findCodesSince(tx, declaration.id, new Date(now.getTime() - 24 * 60 * MINUTE));
      if (recent.length >= RATING_CODES_PER_DAY) return;
      if (recent[0] && now.getTime() - recent[0].created_at.getTime() < RATING_CODE_INTERVAL_SECONDS * 1000) return;
      const addresses = await repo.findBusinessAddresses(tx, {
        enterpriseId: declaration.enterprise_id,
        declarantId: declaration.declarant_id,
      });
      if (addresses.length === 0) return; // the business must sign in (the page says so)
      const id = randomUUID();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await repo.replaceAccessCode(tx, {
        id,
        declarationId: declaration.id,
        codeHash: codeHash(id, code),
        now,
        expiresAt: new Date(now.getTime() + RATING_CODE_MINUTES * MINUTE),
      });
      await queueDeliveries(
        tx,
        addresses.map((a) =>
          ratingCodeMail({
            key: `rating-code:${id}:${a.email}`,
            to: a.email,
            locale: a.locale,
            code,
            declarationNumber: declaration.number,
            minutes: RATING_CODE_MINUTES,
          }),
        ),
      );
      await repo.countRatingActivity(tx, [
        { day: vietnamDay(now), officeUnitId: declaration.office_unit_id, kind: 'code_sent' },
      ]);
    });
    return { expiresInMinutes: RATING_CODE_MINUTES };
  }

  /** A right code opens a grant for this browser; anything else is the same refusal, naming the field. */
  async function verifyCode(token: string, code: string): Promise<{ grant: string; expiresAt: Date }> {
    const declaration = await declarationOf(db, token);
    const now = clock.now();
    // The attempt is counted (and committed) before the code is compared: concurrent guesses cannot exceed the limit.
    const open = await repo.spendCodeAttempt(db, declaration.id, now, RATING_CODE_ATTEMPTS);
    if (!open || !safeEqual(open.code_hash, codeHash(open.id, code))) throw invalidField('code', 'rating_code_invalid');
    return db.transaction().execute(async (tx) => {
      if (!(await repo.useCode(tx, open.id, now))) throw invalidField('code', 'rating_code_invalid');
      const grant = randomToken(32);
      const expiresAt = new Date(now.getTime() + RATING_ACCESS_MINUTES * MINUTE);
      await repo.insertGrant(tx, { tokenHash: sha256(grant), declarationId: declaration.id, expiresAt });
      await repo.countRatingActivity(tx, [
        { day: vietnamDay(now), officeUnitId: declaration.office_unit_id, kind: 'code_verified' },
      ]);
      return { grant, expiresAt };
    });
  }

  return { requestCode, verifyCode };
}
