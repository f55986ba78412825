// Processing steps sent by declaration software (integration API v1): one per
// stage of a declaration, idempotent. A step that changes something raises a
// screen event, the sequence every app process follows to update its screens.
import type { Kysely } from 'kysely';
import type { ProcessingStage, ProgressBody } from '../../../contracts/screens.ts';
import type { Database } from '../../db/schema.ts';
import { requireScope, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { invalidField, notFound } from '../../lib/errors.ts';
import * as repo from './repository.ts';

export const PROGRESS_SCOPE = 'progress:write';

export function createProgressService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function recordProgress(actor: Actor | null, number: string, stage: ProcessingStage, input: ProgressBody) {
    requireScope(actor, PROGRESS_SCOPE);
    return db.transaction().execute(async (tx) => {
      const declaration = await repo.lockDeclaration(tx, number);
      if (!declaration) throw notFound();
      const at = new Date(input.at);
      if (at.getTime() < declaration.registered_at.getTime()) throw invalidField('at', 'progress_before_registration');
      let team: { id: string; code: string } | null = null;
      if (input.teamCode) {
        team = (await repo.findTeamOfOffice(tx, declaration.office_unit_id, input.teamCode.toUpperCase())) ?? null;
        if (!team) throw invalidField('teamCode', 'unknown_team');
      }
      const channel = input.channel ?? declaration.channel;
      const counter = input.counter ?? null;
      const stored = await repo.findProgressStep(tx, declaration.id, stage);
      const same =
        stored &&
        stored.channel === channel &&
        stored.counter === counter &&
        stored.team_unit_id === (team?.id ?? null) &&
        stored.at.getTime() === at.getTime();
      const now = clock.now();
      if (!same) {
        await repo.upsertProgressStep(tx, {
          declarationId: declaration.id,
          officeId: declaration.office_unit_id,
          stage,
          channel,
          counter,
          teamUnitId: team?.id ?? null,
          at,
          receivedAt: now,
        });
        await repo.updateDeclarationFromStep(tx, declaration.id, {
          channel,
          ...(stage === 'cleared' && { clearedAt: at }),
          now,
        });
        await repo.insertScreenEvent(tx, declaration.office_unit_id, declaration.id, now);
      }
      return {
        number,
        stage,
        at: at.toISOString(),
        channel,
        counter,
        teamCode: team?.code ?? null,
        changed: !same,
      };
    });
  }

  return { recordProgress };
}
