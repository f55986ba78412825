// What an actor sees of an event and may do with it: the access rule shared by
// the event, registration and minutes services (an event out of reach does not
// exist for the actor), and what the summary and detail views are made of (the
// fields themselves: mapper.ts).
import type { Kysely } from 'kysely';
import type { EventDetail, EventSummary } from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, speaksForEnterprise, type UserActor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { canOrganize } from '../../lib/scope.ts';
import { toDetail, toSummary } from './mapper.ts';
import { inAudience } from './policy.ts';
import * as repo from './repository.ts';

export { toMailEvent } from './mapper.ts';

export interface EventDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicBase: string;
  mailFrom: string;
}

export function createEventViews(deps: { clock: Clock }) {
  const { clock } = deps;

  const summary = (row: repo.EventRow & { mine?: boolean | 0 | 1 }): EventSummary => toSummary(row);

  /** The event and what the actor may do with it; an event out of reach does not exist for them. */
  async function access(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const row = await repo.findEvent(tx, id);
    if (!row) throw notFound();
    const manage = canOrganize(actor, await getUnitAncestry(tx, row.organizer_unit_id));
    let eligible = false;
    let registration: Awaited<ReturnType<typeof repo.findRegistration>>;
    if (speaksForEnterprise(actor)) {
      registration = await repo.findRegistration(tx, id, actor.enterpriseId);
      const facts = await repo.findEnterpriseFacts(tx, actor.enterpriseId);
      const ancestry = facts.enterprise?.managing_unit_id
        ? await getUnitAncestry(tx, facts.enterprise.managing_unit_id)
        : [];
      eligible = inAudience(row, {
        unitAncestry: ancestry,
        associationIds: facts.associationIds,
        invited: !!(await repo.isInvited(tx, id, actor.enterpriseId)),
      });
    }
    if (!manage && !eligible && !registration) throw notFound();
    return { row, manage, eligible, registration };
  }

  async function detail(tx: Kysely<Database>, actor: UserActor, id: string): Promise<EventDetail> {
    const { row, manage, eligible, registration } = await access(tx, actor, id);
    return toDetail(row, {
      manage,
      eligible,
      registration,
      business: speaksForEnterprise(actor),
      enterpriseId: actor.enterpriseId,
      questions: await repo.findQuestions(tx, id),
      voted: actor.enterpriseId ? await repo.findVotedQuestionIds(tx, id, actor.enterpriseId) : new Set<string>(),
      audienceUnit: row.audience_unit_id ? await repo.findUnitRef(tx, row.audience_unit_id) : undefined,
      associationName: row.audience_association_id
        ? await repo.findAssociationName(tx, row.audience_association_id)
        : undefined,
      registrations: manage ? await repo.findRegistrations(tx, id) : null,
      now: clock.now(),
    });
  }

  return { summary, access, detail };
}

export type EventViews = ReturnType<typeof createEventViews>;
