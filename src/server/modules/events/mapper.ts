// The only way the rows of events, dialogue requests and follow-up items leave
// the server, fields listed one by one. Who sees what of an event (a question's
// author, an answer, the minutes, the registrations) is decided here from what
// views.ts found out about the caller; nothing is queried.
import type { DialogueRequestView, EventDetail, EventSummary, FollowUpItem } from '../../../contracts/events.ts';
import type { DialogueRow } from './dialogue-repository.ts';
import type { FollowUpRow } from './follow-up-repository.ts';
import type { MailEvent } from './mail.ts';
import { isOverdue, registrationOpen } from './policy.ts';
import type * as repo from './repository.ts';

export function toMailEvent(row: repo.EventRow): MailEvent {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    agenda: row.agenda,
    place: row.place,
    online_url: row.online_url,
    starts_at: row.starts_at,
    ends_at: row.ends_at,
    organizer_name: row.organizer_name,
  };
}

export function toSummary(row: repo.EventRow & { mine?: boolean | 0 | 1 }): EventSummary {
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

/** What the detail of an event shows beside the row, and what the caller is to it. */
export interface EventDetailParts {
  /** The caller organizes for the event's unit. */
  manage: boolean;
  /** The caller's enterprise is in the audience. */
  eligible: boolean;
  /** The caller speaks for an enterprise. */
  business: boolean;
  /** The enterprise of the caller's account, if any (its questions and votes are "mine"). */
  enterpriseId: string | null;
  registration: Awaited<ReturnType<typeof repo.findRegistration>>;
  questions: repo.QuestionRow[];
  voted: Set<string>;
  audienceUnit: { code: string; name_vi: string } | undefined;
  associationName: string | undefined;
  /** Loaded for organizers only. */
  registrations: Awaited<ReturnType<typeof repo.findRegistrations>> | null;
  now: Date;
}

export function toDetail(row: repo.EventRow, parts: EventDetailParts): EventDetail {
  const { manage, registration, now } = parts;
  const participant = manage || !!registration;
  return {
    ...toSummary({ ...row, mine: !!registration }),
    agenda: row.agenda,
    audienceUnit: parts.audienceUnit ? { code: parts.audienceUnit.code, name: parts.audienceUnit.name_vi } : null,
    audienceAssociation: parts.associationName ?? null,
    minutes: participant ? row.minutes : null,
    canManage: manage,
    canRegister: parts.business && parts.eligible && !registration && registrationOpen(row, now),
    started: row.starts_at.getTime() <= now.getTime(),
    checkedIn: Number(row.checked_in ?? 0),
    registration: registration
      ? {
          id: registration.id,
          token: registration.token,
          attendeeName: registration.attendee_name,
          checkedInAt: registration.checked_in_at?.toISOString() ?? null,
        }
      : null,
    questions: parts.questions.map((q) => {
      const mine = !!parts.enterpriseId && q.enterprise_id === parts.enterpriseId;
      const seesAnswer = manage || mine || !!registration;
      return {
        id: q.id,
        text: q.text,
        enterpriseName: manage || mine ? q.enterprise_name : null,
        mine,
        votes: q.votes,
        myVote: parts.voted.has(q.id),
        raisedAtEvent: q.raised_at_event,
        createdAt: q.created_at.toISOString(),
        answer: seesAnswer ? q.answer : null,
        answeredAt: seesAnswer ? (q.answered_at?.toISOString() ?? null) : null,
        followUp:
          manage && q.due_at
            ? {
                ownerUnit: q.owner_unit_id
                  ? { id: q.owner_unit_id, code: q.owner_code ?? '', name: q.owner_name ?? '' }
                  : null,
                dueAt: q.due_at.toISOString(),
                overdue: isOverdue(q, now),
                link: q.link_kind ? { kind: q.link_kind, ref: q.link_ref, status: q.link_status ?? 'requested' } : null,
              }
            : null,
      };
    }),
    registrations: parts.registrations
      ? parts.registrations.map((r) => ({
          id: r.id,
          enterprise: { taxCode: r.tax_code, name: r.name },
          attendeeName: r.attendee_name,
          registeredAt: r.registered_at.toISOString(),
          checkedInAt: r.checked_in_at?.toISOString() ?? null,
        }))
      : null,
  };
}

export function toFollowUpItem(row: FollowUpRow, now: Date): FollowUpItem {
  return {
    id: row.id,
    eventId: row.event_id,
    eventTitle: row.event_title,
    eventStartsAt: row.event_starts_at.toISOString(),
    text: row.text,
    enterpriseName: row.enterprise_name,
    ownerUnit: row.owner_unit_id
      ? { id: row.owner_unit_id, code: row.owner_code ?? '', name: row.owner_name ?? '' }
      : null,
    dueAt: row.due_at?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    answer: row.answer,
    answeredAt: row.answered_at?.toISOString() ?? null,
    link: row.link_kind ? { kind: row.link_kind, ref: row.link_ref, status: row.link_status ?? 'requested' } : null,
  };
}

/** canDecide: the caller organizes for the request's unit. */
export function toDialogueView(row: DialogueRow, canDecide: boolean): DialogueRequestView {
  return {
    id: row.id,
    enterprise: { taxCode: row.tax_code, name: row.enterprise_name },
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    subject: row.subject,
    description: row.description,
    preferredAt: row.preferred_at?.toISOString() ?? null,
    status: row.status,
    proposedAt: row.proposed_at?.toISOString() ?? null,
    declineReason: row.decline_reason,
    eventId: row.event_id,
    createdAt: row.created_at.toISOString(),
    canDecide: row.status === 'pending' && canDecide,
  };
}
