// Events: publish (one or a monthly series), invite and remind, cancel. Taking
// part (registration, questions, votes, check-in) is in registrations.ts, the
// minutes in minutes.ts; createEventService offers all three as before.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreateEventBody,
  EventDetail,
  EventSummary,
  createSeriesBody,
  eventListQuery,
} from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, speaksForEnterprise, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, unauthorized } from '../../lib/errors.ts';
import { getSubtreeIds, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldText } from '../../lib/search-text.ts';
import { calendarAttachment, invitationMail, reminderMail, type MailEvent } from './mail.ts';
import { lastMondaySeries } from './policy.ts';
import { createMinutesService } from './minutes.ts';
import { createRegistrationService } from './registrations.ts';
import * as repo from './repository.ts';
import { createEventViews, toMailEvent, type EventDeps, type EventViews } from './views.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

export type { EventDeps } from './views.ts';

/** Invitations go out this long before an event (a series is invited month by month). */
const INVITE_AHEAD_MS = 21 * 86_400_000;
const REMIND_AHEAD_MS = 26 * 3_600_000;

export function createEventService(deps: EventDeps) {
  const views = createEventViews(deps);
  return {
    ...createEventLifecycle(deps, views),
    ...createRegistrationService(deps, views),
    ...createMinutesService(deps, views),
  };
}

function createEventLifecycle(deps: EventDeps, views: EventViews) {
  const { db, clock } = deps;
  const { summary, access, detail } = views;
  const link = (id: string) => `${deps.publicBase}/app/events/${id}`;

  async function listEvents(actor: Actor | null, query: z.infer<typeof eventListQuery>): Promise<EventSummary[]> {
    if (!isUser(actor)) throw unauthorized();
    const now = clock.now();
    if (speaksForEnterprise(actor)) {
      const facts = await repo.findEnterpriseFacts(db, actor.enterpriseId);
      const ancestry = facts.enterprise?.managing_unit_id
        ? await getUnitAncestry(db, facts.enterprise.managing_unit_id)
        : [];
      const rows = await repo.findEventsForEnterprise(db, query, now, {
        enterpriseId: actor.enterpriseId,
        unitAncestry: ancestry,
        associationIds: facts.associationIds,
      });
      return rows.map(summary);
    }
    if (!mayOrganize(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    return (await repo.findEventsForUnits(db, query, now, unitIds)).map(summary);
  }

  async function getEvent(actor: Actor | null, id: string): Promise<EventDetail> {
    if (!isUser(actor)) throw unauthorized();
    return detail(db, actor, id);
  }

  /** Checks the organizer and audience fields; returns the invited enterprise ids. */
  async function checkEventInput(
    tx: Kysely<Database>,
    actor: UserActor,
    input: Omit<CreateEventBody, 'startsAt' | 'endsAt' | 'kind'>,
  ): Promise<string[]> {
    const unit = await repo.findUnit(tx, input.organizerUnitId);
    if (!unit) throw invalidField('organizerUnitId', 'not_found');
    if (!canOrganize(actor, await getUnitAncestry(tx, unit.id))) throw forbidden();
    if (unit.kind === 'team' || unit.status !== 'active') throw invalidField('organizerUnitId', 'event_organizer_kind');
    if (input.audience === 'branch') {
      if (!input.audienceUnitId) throw invalidField('audienceUnitId', 'event_audience_unit_required');
      if (!(await repo.unitExists(tx, input.audienceUnitId))) throw invalidField('audienceUnitId', 'not_found');
    }
    if (input.audience === 'association') {
      if (!input.audienceAssociationId)
        throw invalidField('audienceAssociationId', 'event_audience_association_required');
      if (!(await repo.associationExists(tx, input.audienceAssociationId)))
        throw invalidField('audienceAssociationId', 'not_found');
    }
    if (input.audience !== 'invited') return [];
    if (input.invitedTaxCodes.length === 0) throw invalidField('invitedTaxCodes', 'event_invitees_required');
    const found = await repo.findEnterprisesByTaxCodes(tx, input.invitedTaxCodes);
    const missing = input.invitedTaxCodes.findIndex((code) => !found.some((f) => f.tax_code === code));
    if (missing >= 0) throw invalidField(`invitedTaxCodes.${missing}`, 'unknown_tax_code');
    return found.map((f) => f.id);
  }

  async function insertEvent(
    tx: Kysely<Database>,
    actor: UserActor,
    input: Omit<CreateEventBody, 'startsAt' | 'endsAt'>,
    startsAt: Date,
    endsAt: Date,
    invitees: string[],
    seriesId: string | null,
  ) {
    const id = await repo.insertEvent(tx, {
      kind: input.kind,
      title: input.title,
      search_text: foldText(`${input.title} ${input.agenda} ${input.place ?? ''}`),
      agenda: input.agenda,
      organizer_unit_id: input.organizerUnitId,
      place: input.place,
      online_url: input.onlineUrl,
      starts_at: startsAt,
      ends_at: endsAt,
      capacity: input.capacity,
      audience: input.audience,
      audience_unit_id: input.audience === 'branch' ? input.audienceUnitId : null,
      audience_association_id: input.audience === 'association' ? input.audienceAssociationId : null,
      series_id: seriesId,
      created_by: actor.userId,
    });
    await repo.addInvitees(tx, id, invitees);
    return id;
  }

  async function createEvent(context: AuditContext, input: CreateEventBody): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() <= clock.now().getTime()) throw invalidField('startsAt', 'event_in_past');
    const id = await db.transaction().execute(async (tx) => {
      const invitees = await checkEventInput(tx, actor, input);
      const eventId = await insertEvent(tx, actor, input, startsAt, new Date(input.endsAt), invitees, null);
      await writeAudit(tx, context, {
        action: 'event.published',
        entityType: 'event',
        entityId: eventId,
        unitId: input.organizerUnitId,
        details: { kind: input.kind, title: input.title, audience: input.audience },
      });
      await queueInvitations(tx, eventId);
      return eventId;
    });
    return detail(db, actor, id);
  }

  async function createSeries(context: AuditContext, input: z.infer<typeof createSeriesBody>): Promise<EventSummary[]> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const now = clock.now();
    const starts = lastMondaySeries(input.fromMonth, input.months, input.startTime).filter(
      (d) => d.getTime() > now.getTime(),
    );
    if (starts.length === 0) throw invalidField('fromMonth', 'event_in_past');
    const ids = await db.transaction().execute(async (tx) => {
      const invitees = await checkEventInput(tx, actor, input);
      const seriesId = randomUUID();
      const created: string[] = [];
      for (const start of starts) {
        created.push(
          await insertEvent(
            tx,
            actor,
            { ...input, kind: 'morning_coffee' },
            start,
            new Date(start.getTime() + input.durationMinutes * 60_000),
            invitees,
            seriesId,
          ),
        );
      }
      await writeAudit(tx, context, {
        action: 'event.series_published',
        entityType: 'event_series',
        entityId: seriesId,
        unitId: input.organizerUnitId,
        details: { title: input.title, occurrences: created.length },
      });
      for (const id of created) await queueInvitations(tx, id);
      return created;
    });
    return (await repo.findEventsByIds(db, ids)).map(summary);
  }

  /** Queues the invitations of an event starting soon enough; idempotent. */
  async function queueInvitations(tx: Kysely<Database>, eventId: string): Promise<number> {
    const row = await repo.findEvent(tx, eventId);
    if (!row || row.status !== 'published' || row.invitations_queued_at) return 0;
    const now = clock.now();
    if (row.starts_at.getTime() - now.getTime() > INVITE_AHEAD_MS || row.starts_at.getTime() < now.getTime()) return 0;
    const subtree =
      row.audience === 'branch' && row.audience_unit_id ? await getSubtreeIds(tx, [row.audience_unit_id]) : [];
    const users = await repo.findAudienceUsers(tx, row, subtree);
    const event = toMailEvent(row);
    const ics = calendarAttachment(event, link(row.id), now, deps.mailFrom);
    const deliveries: Delivery[] = users.map((user) => ({
      key: `event:${row.id}:invite:${user.id}`,
      to: user.email,
      ...invitationMail(event, user.locale, link(row.id)),
      attachments: [ics],
    }));
    await queueDeliveries(tx, deliveries);
    await repo.updateEvent(tx, eventId, { invitations_queued_at: now });
    return deliveries.length;
  }

  /** The periodic job: invitations for events coming into range, reminders for tomorrow's. */
  async function queueDueMail(): Promise<{ invited: number; reminded: number }> {
    const now = clock.now();
    let invited = 0;
    const due = await repo.findEventsToInvite(db, now, new Date(now.getTime() + INVITE_AHEAD_MS), 50);
    for (const id of due) invited += await db.transaction().execute((tx) => queueInvitations(tx, id));
    const soon = await repo.findRemindersDue(db, now, new Date(now.getTime() + REMIND_AHEAD_MS), 500);
    const events = new Map<string, MailEvent>();
    const deliveries: Delivery[] = [];
    for (const r of soon) {
      let event = events.get(r.event_id);
      if (!event) {
        event = toMailEvent((await repo.findEvent(db, r.event_id))!);
        events.set(r.event_id, event);
      }
      deliveries.push({
        key: `event:${r.event_id}:reminder:${r.registration_id}`,
        to: r.email,
        ...reminderMail(event, r.locale, link(r.event_id)),
        attachments: [calendarAttachment(event, link(r.event_id), now, deps.mailFrom)],
      });
    }
    const reminded = await queueDeliveries(db, deliveries);
    return { invited, reminded };
  }

  async function cancelEvent(context: AuditContext, id: string): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage } = await access(tx, actor, id);
      if (!manage) throw forbidden();
      if (row.status !== 'published') throw new AppError('conflict', 'event_not_published');
      await repo.updateEvent(tx, id, { status: 'cancelled' });
      await writeAudit(tx, context, {
        action: 'event.cancelled',
        entityType: 'event',
        entityId: id,
        unitId: row.organizer_unit_id,
      });
    });
    return detail(db, actor, id);
  }

  return { listEvents, getEvent, createEvent, createSeries, cancelEvent, queueDueMail, queueInvitations };
}
