// What an actor sees of an event and may do with it: the summary and detail
// views and the access rule shared by the event, registration and minutes
// services. An event out of reach does not exist for the actor.
import type { Kysely } from 'kysely';
import type { EventDetail, EventSummary } from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, speaksForEnterprise, type UserActor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import type { MailEvent } from './mail.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { inAudience, isOverdue, registrationOpen } from './policy.ts';
import * as repo from './repository.ts';
import { canOrganize } from '../../lib/scope.ts';

export interface EventDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicBase: string;
  mailFrom: string;
}

export function toMailEvent(row: repo.EventRow): MailEvent {
  return { id: row.id, kind: row.kind, title: row.title, agenda: row.agenda, place: row.place, online_url: row.online_url, starts_at: row.starts_at, ends_at: row.ends_at, organizer_name: row.organizer_name };
}

export function createEventViews(deps: { clock: Clock }) {
  const { clock } = deps;

  function summary(row: repo.EventRow & { mine?: boolean | 0 | 1 }): EventSummary {
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      organizer: { id: row.organizer_unit_id, code: row.organizer_code, name: row.organizer_name },
      place: row.place,
      onlineUrl: row.online_url,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      capacity: row.capacity,
      registered: Number(row.registered ?? 0),
      audience: row.audience,
      status: row.status,
      myRegistration: Boolean(row.mine),
    };
  }

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
      const ancestry = facts.enterprise?.managing_unit_id ? await getUnitAncestry(tx, facts.enterprise.managing_unit_id) : [];
      eligible = inAudience(row, { unitAncestry: ancestry, associationIds: facts.associationIds, invited: !!(await repo.isInvited(tx, id, actor.enterpriseId)) });
    }
    if (!manage && !eligible && !registration) throw notFound();
    return { row, manage, eligible, registration };
  }

  async function detail(tx: Kysely<Database>, actor: UserActor, id: string): Promise<EventDetail> {
    const { row, manage, eligible, registration } = await access(tx, actor, id);
    const now = clock.now();
    const questions = await repo.findQuestions(tx, id);
    const voted = actor.enterpriseId ? await repo.findVotedQuestionIds(tx, id, actor.enterpriseId) : new Set<string>();
    const audienceUnit = row.audience_unit_id ? await tx.selectFrom('units').select(['code', 'name_vi']).where('id', '=', row.audience_unit_id).executeTakeFirst() : undefined;
    const association = row.audience_association_id ? await tx.selectFrom('associations').select('name_vi').where('id', '=', row.audience_association_id).executeTakeFirst() : undefined;
    const participant = manage || !!registration;
    return {
      ...summary({ ...row, mine: !!registration }),
      agenda: row.agenda,
      audienceUnit: audienceUnit ? { code: audienceUnit.code, name: audienceUnit.name_vi } : null,
      audienceAssociation: association?.name_vi ?? null,
      minutes: participant ? row.minutes : null,
      canManage: manage,
      canRegister: speaksForEnterprise(actor) && eligible && !registration && registrationOpen(row, now),
      started: row.starts_at.getTime() <= now.getTime(),
      checkedIn: Number(row.checked_in ?? 0),
      registration: registration ? { id: registration.id, token: registration.token, attendeeName: registration.attendee_name, checkedInAt: registration.checked_in_at?.toISOString() ?? null } : null,
      questions: questions.map((q) => {
        const mine = !!actor.enterpriseId && q.enterprise_id === actor.enterpriseId;
        const seesAnswer = manage || mine || !!registration;
        return {
          id: q.id,
          text: q.text,
          enterpriseName: manage || mine ? q.enterprise_name : null,
          mine,
          votes: q.votes,
          myVote: voted.has(q.id),
          raisedAtEvent: q.raised_at_event,
          createdAt: q.created_at.toISOString(),
          answer: seesAnswer ? q.answer : null,
          answeredAt: seesAnswer ? (q.answered_at?.toISOString() ?? null) : null,
          followUp:
            manage && q.due_at
              ? {
                  ownerUnit: q.owner_unit_id ? { id: q.owner_unit_id, code: q.owner_code ?? '', name: q.owner_name ?? '' } : null,
                  dueAt: q.due_at.toISOString(),
                  overdue: isOverdue(q, now),
                  link: q.link_kind ? { kind: q.link_kind, ref: q.link_ref, status: q.link_status ?? 'requested' } : null,
                }
              : null,
        };
      }),
      registrations: manage
        ? (await repo.findRegistrations(tx, id)).map((r) => ({
            id: r.id,
            enterprise: { taxCode: r.tax_code, name: r.name },
            attendeeName: r.attendee_name,
            registeredAt: r.registered_at.toISOString(),
            checkedInAt: r.checked_in_at?.toISOString() ?? null,
          }))
        : null,
    };
  }

  return { summary, access, detail };
}

export type EventViews = ReturnType<typeof createEventViews>;
