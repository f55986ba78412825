// A business follows its own declaration on a phone: with the declaration's
// rating link (the token is the proof, as for rating), or signed in as the
// enterprise or the broker that declared it. Nobody else sees it.
import type { Kysely } from 'kysely';
import type { FollowedDeclaration, ProcessingStage } from '../../../contracts/screens.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, speaksForEnterprise, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { currentStage } from './policy.ts';
import * as repo from './repository.ts';

const FOLLOW_LOOKBACK_MS = 48 * 3600_000;

export function createFollowService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function describe(rows: Awaited<ReturnType<typeof repo.findFollowedOfEnterprise>>) {
    const steps = await repo.findProgressOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row): FollowedDeclaration => {
      const own = steps.filter((s) => s.declaration_id === row.id);
      const current = currentStage(own);
      return {
        number: row.number,
        officeName: { vi: row.name_vi, en: row.name_en },
        channel: row.channel,
        stage: (current?.stage as ProcessingStage | undefined) ?? null,
        steps: own.map((s) => ({ stage: s.stage as ProcessingStage, at: s.at.toISOString(), counter: s.counter })),
        cleared: current?.stage === 'cleared',
        ratePath: `/danh-gia/${row.rating_token}`,
      };
    });
  }

  async function followByToken(token: string): Promise<FollowedDeclaration> {
    const row = await repo.findFollowedByToken(db, token);
    if (!row) throw notFound();
    return (await describe([row]))[0]!;
  }

  /** The signed-in business's declarations moving at an office (or anywhere) in the last two days. */
  async function followMine(actor: Actor | null, officeCode: string | undefined) {
    if (!isUser(actor)) throw unauthorized();
    if (!speaksForEnterprise(actor)) throw forbidden();
    const office = officeCode ? await repo.findOffice(db, officeCode.toUpperCase()) : null;
    if (officeCode && !office) throw notFound();
    const rows = await repo.findFollowedOfEnterprise(
      db,
      actor.enterpriseId,
      new Date(clock.now().getTime() - FOLLOW_LOOKBACK_MS),
      office?.id ?? null,
    );
    return { declarations: await describe(rows) };
  }

  return { followByToken, followMine };
}
