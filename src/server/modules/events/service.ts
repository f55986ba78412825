// Events: publish (one or a monthly series), invite, register within capacity,
// questions in advance with one vote per business, check-in, minutes.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateEventBody, EventDetail, EventSummary, checkInBody, createSeriesBody, eventListQuery, minutesBody, questionBody, registerBody } from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getSubtreeIds, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { unitScopeOf } from '../../lib/scope.ts';
import { foldText } from '../../lib/search-text.ts';
import { calendarAttachment, invitationMail, reminderMail, registeredMail, type MailEvent } from './mail.ts';
import { ORGANIZER_ROLES, canOrganize, inAudience, isBusiness, isOrganizer, isOverdue, lastMondaySeries, registrationOpen } from './policy.ts';
import * as repo from './repository.ts';

export interface EventDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicBase: string;
  mailFrom: string;
}

/** Invitations go out this long before an event (a series is invited month by month). */
export const INVITE_AHEAD_MS = 21 * 86_400_000;
const REMIND_AHEAD_MS = 26 * 3_600_000;

export function toMailEvent(row: repo.EventRow): MailEvent {
  return { id: row.id, kind: row.kind, title: row.title, agenda: row.agenda, place: row.place, online_url: row.online_url, starts_at: row.starts_at, ends_at: row.ends_at, organizer_name: row.organizer_name };
}

export function createEventService(deps: EventDeps) {
  const { db, clock } = deps;
  const link = (id: string) => `${deps.publicBase}/app/events/${id}`;

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
    if (isBusiness(actor)) {
      registration = await repo.findRegistration(tx, id, actor.enterpriseId);
      const facts = await repo.findEnterpriseFacts(tx, actor.enterpriseId);
      const ancestry = facts.enterprise?.managing_unit_id ? await getUnitAncestry(tx, facts.enterprise.managing_unit_id) : [];
      eligible = inAudience(row, { unitAncestry: ancestry, associationIds: facts.associationIds, invited: !!(await repo.isInvited(tx, id, actor.enterpriseId)) });
    }
    if (!manage && !eligible && !registration) throw notFound();
    return { row, manage, eligible, registration };
  }

  async function listEvents(actor: Actor | null, query: z.infer<typeof eventListQuery>): Promise<EventSummary[]> {
    if (!isUser(actor)) throw unauthorized();
    const now = clock.now();
    if (isBusiness(actor)) {
      const facts = await repo.findEnterpriseFacts(db, actor.enterpriseId);
      const ancestry = facts.enterprise?.managing_unit_id ? await getUnitAncestry(db, facts.enterprise.managing_unit_id) : [];
      const rows = await repo.findEventsForEnterprise(db, query, now, { enterpriseId: actor.enterpriseId, unitAncestry: ancestry, associationIds: facts.associationIds });
      return rows.map(summary);
    }
    if (!isOrganizer(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, unitScopeOf(actor, ORGANIZER_ROLES));
    return (await repo.findEventsForUnits(db, query, now, unitIds)).map(summary);
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
      canRegister: isBusiness(actor) && eligible && !registration && registrationOpen(row, now),
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

  async function getEvent(actor: Actor | null, id: string): Promise<EventDetail> {
    if (!isUser(actor)) throw unauthorized();
    return detail(db, actor, id);
  }

  /** Checks the organizer and audience fields; returns the invited enterprise ids. */
  async function checkEventInput(tx: Kysely<Database>, actor: UserActor, input: Omit<CreateEventBody, 'startsAt' | 'endsAt' | 'kind'>): Promise<string[]> {
    const unit = await tx.selectFrom('units').select(['id', 'kind', 'status']).where('id', '=', input.organizerUnitId).executeTakeFirst();
    if (!unit) throw invalidField('organizerUnitId', 'not_found');
    if (!canOrganize(actor, await getUnitAncestry(tx, unit.id))) throw forbidden();
    if (unit.kind === 'team' || unit.status !== 'active') throw invalidField('organizerUnitId', 'event_organizer_kind');
    if (input.audience === 'branch') {
      if (!input.audienceUnitId) throw invalidField('audienceUnitId', 'event_audience_unit_required');
      if (!(await tx.selectFrom('units').select('id').where('id', '=', input.audienceUnitId).executeTakeFirst())) throw invalidField('audienceUnitId', 'not_found');
    }
    if (input.audience === 'association') {
      if (!input.audienceAssociationId) throw invalidField('audienceAssociationId', 'event_audience_association_required');
      if (!(await tx.selectFrom('associations').select('id').where('id', '=', input.audienceAssociationId).executeTakeFirst())) throw invalidField('audienceAssociationId', 'not_found');
    }
    if (input.audience !== 'invited') return [];
    if (input.invitedTaxCodes.length === 0) throw invalidField('invitedTaxCodes', 'event_invitees_required');
    const found = await tx.selectFrom('enterprises').select(['id', 'tax_code']).where('tax_code', 'in', input.invitedTaxCodes).execute();
    const missing = input.invitedTaxCodes.findIndex((code) => !found.some((f) => f.tax_code === code));
    if (missing >= 0) throw invalidField(`invitedTaxCodes.${missing}`, 'unknown_tax_code');
    return found.map((f) => f.id);
  }

  async function insertEvent(tx: Kysely<Database>, actor: UserActor, input: Omit<CreateEventBody, 'startsAt' | 'endsAt'>, startsAt: Date, endsAt: Date, invitees: string[], seriesId: string | null) {
    const row = await tx
      .insertInto('events')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (invitees.length) await tx.insertInto('event_invitees').values(invitees.map((enterprise_id) => ({ event_id: row.id, enterprise_id }))).execute();
    return row.id;
  }

  async function createEvent(context: AuditContext, input: CreateEventBody): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!isOrganizer(actor)) throw forbidden();
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() <= clock.now().getTime()) throw invalidField('startsAt', 'event_in_past');
    const id = await db.transaction().execute(async (tx) => {
      const invitees = await checkEventInput(tx, actor, input);
      const eventId = await insertEvent(tx, actor, input, startsAt, new Date(input.endsAt), invitees, null);
      await writeAudit(tx, context, { action: 'event.published', entityType: 'event', entityId: eventId, unitId: input.organizerUnitId, details: { kind: input.kind, title: input.title, audience: input.audience } });
      await queueInvitations(tx, eventId);
      return eventId;
    });
    return detail(db, actor, id);
  }

  async function createSeries(context: AuditContext, input: z.infer<typeof createSeriesBody>): Promise<EventSummary[]> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!isOrganizer(actor)) throw forbidden();
    const now = clock.now();
    const starts = lastMondaySeries(input.fromMonth, input.months, input.startTime).filter((d) => d.getTime() > now.getTime());
    if (starts.length === 0) throw invalidField('fromMonth', 'event_in_past');
    const ids = await db.transaction().execute(async (tx) => {
      const invitees = await checkEventInput(tx, actor, input);
      const seriesId = randomUUID();
      const created: string[] = [];
      for (const start of starts) {
        created.push(await insertEvent(tx, actor, { ...input, kind: 'morning_coffee' }, start, new Date(start.getTime() + input.durationMinutes * 60_000), invitees, seriesId));
      }
      await writeAudit(tx, context, { action: 'event.series_published', entityType: 'event_series', entityId: seriesId, unitId: input.organizerUnitId, details: { title: input.title, occurrences: created.length } });
      for (const id of created) await queueInvitations(tx, id);
      return created;
    });
    const rows = await repo.eventQuery(db).where('e.id', 'in', ids).orderBy('e.starts_at').execute();
    return rows.map(summary);
  }

  /** Queues the invitations of an event starting soon enough; idempotent. */
  async function queueInvitations(tx: Kysely<Database>, eventId: string): Promise<number> {
    const row = await repo.findEvent(tx, eventId);
    if (!row || row.status !== 'published' || row.invitations_queued_at) return 0;
    const now = clock.now();
    if (row.starts_at.getTime() - now.getTime() > INVITE_AHEAD_MS || row.starts_at.getTime() < now.getTime()) return 0;
    const subtree = row.audience === 'branch' && row.audience_unit_id ? await getSubtreeIds(tx, [row.audience_unit_id]) : [];
    const users = await repo.findAudienceUsers(tx, row, subtree);
    const event = toMailEvent(row);
    const ics = calendarAttachment(event, link(row.id), now, deps.mailFrom);
    const deliveries: Delivery[] = users.map((user) => ({ key: `event:${row.id}:invite:${user.id}`, to: user.email, ...invitationMail(event, user.locale, link(row.id)), attachments: [ics] }));
    await queueDeliveries(tx, deliveries);
    await tx.updateTable('events').set({ invitations_queued_at: now }).where('id', '=', eventId).execute();
    return deliveries.length;
  }

  /** The periodic job: invitations for events coming into range, reminders for tomorrow's. */
  async function queueDueMail(): Promise<{ invited: number; reminded: number }> {
    const now = clock.now();
    let invited = 0;
    const due = await db.selectFrom('events').select('id').where('status', '=', 'published').where('invitations_queued_at', 'is', null).where('starts_at', '>', now).where('starts_at', '<=', new Date(now.getTime() + INVITE_AHEAD_MS)).limit(50).execute();
    for (const { id } of due) invited += await db.transaction().execute((tx) => queueInvitations(tx, id));
    const soon = await db
      .selectFrom('event_registrations as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id as registration_id', 'e.id as event_id', 'u.email', 'u.locale'])
      .where('e.status', '=', 'published')
      .where('e.starts_at', '>', now)
      .where('e.starts_at', '<=', new Date(now.getTime() + REMIND_AHEAD_MS))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('mail_deliveries as d').select('d.id').where('d.key', '=', sql<string>`'event:' || e.id || ':reminder:' || r.id`))))
      .limit(500)
      .execute();
    const events = new Map<string, MailEvent>();
    const deliveries: Delivery[] = [];
    for (const r of soon) {
      let event = events.get(r.event_id);
      if (!event) {
        event = toMailEvent((await repo.findEvent(db, r.event_id))!);
        events.set(r.event_id, event);
      }
      deliveries.push({ key: `event:${r.event_id}:reminder:${r.registration_id}`, to: r.email, ...reminderMail(event, r.locale, link(r.event_id)), attachments: [calendarAttachment(event, link(r.event_id), now, deps.mailFrom)] });
    }
    const reminded = await queueDeliveries(db, deliveries);
    return { invited, reminded };
  }

  async function register(context: AuditContext, id: string, input: z.infer<typeof registerBody>): Promise<EventDetail> {
    const actor = context.actor;
    if (!isBusiness(actor)) throw forbidden();
    await db.transaction().execute(async (tx) => {
      // The row lock serializes registrations for one event, so capacity holds under concurrency.
      await tx.selectFrom('events').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const { row, eligible, registration } = await access(tx, actor, id);
      if (registration) throw new AppError('conflict', 'event_already_registered');
      if (!eligible) throw forbidden();
      if (!registrationOpen(row, clock.now())) throw new AppError('conflict', 'event_registration_closed');
      if (row.capacity !== null && Number(row.registered ?? 0) >= row.capacity) throw new AppError('conflict', 'event_full');
      const token = randomBytes(18).toString('base64url');
      const created = await tx
        .insertInto('event_registrations')
        .values({ event_id: id, enterprise_id: actor.enterpriseId, user_id: actor.userId, attendee_name: input.attendeeName, token })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, context, { action: 'event.registered', entityType: 'event', entityId: id, unitId: row.organizer_unit_id, details: { registrationId: created.id, enterpriseId: actor.enterpriseId } });
      const event = toMailEvent(row);
      await queueDeliveries(tx, [
        { key: `event:${id}:registered:${created.id}`, to: actor.email, ...registeredMail(event, actor.locale, link(id), input.attendeeName, token), attachments: [calendarAttachment(event, link(id), clock.now(), deps.mailFrom)] },
      ]);
    });
    return detail(db, actor, id);
  }

  async function addQuestion(context: AuditContext, id: string, input: z.infer<typeof questionBody>): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage, eligible, registration } = await access(tx, actor, id);
      let enterpriseId: string | null = null;
      let raisedAtEvent = false;
      if (isBusiness(actor) && (eligible || registration)) {
        if (row.status !== 'published') throw new AppError('conflict', 'event_questions_closed');
        enterpriseId = actor.enterpriseId;
      } else if (manage) {
        // The organizer records a question raised in the room.
        if (row.starts_at.getTime() > clock.now().getTime()) throw new AppError('conflict', 'event_not_started');
        raisedAtEvent = true;
        if (input.taxCode) {
          const enterprise = await tx.selectFrom('enterprises').select('id').where('tax_code', '=', input.taxCode).executeTakeFirst();
          if (!enterprise) throw invalidField('taxCode', 'unknown_tax_code');
          enterpriseId = enterprise.id;
        }
      } else throw forbidden();
      const followUp = row.status === 'held' ? { owner_unit_id: row.organizer_unit_id, due_at: new Date(clock.now().getTime() + 15 * 86_400_000) } : {};
      const created = await tx
        .insertInto('event_questions')
        .values({ event_id: id, enterprise_id: enterpriseId, user_id: actor.userId, text: input.text, raised_at_event: raisedAtEvent, ...followUp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, context, { action: 'event.question_added', entityType: 'event_question', entityId: created.id, unitId: row.organizer_unit_id, details: { eventId: id, raisedAtEvent } });
    });
    return detail(db, actor, id);
  }

  async function vote(context: AuditContext, questionId: string): Promise<EventDetail> {
    const actor = context.actor;
    if (!isBusiness(actor)) throw forbidden();
    const eventId = await db.transaction().execute(async (tx) => {
      const question = await tx.selectFrom('event_questions').select(['id', 'event_id', 'enterprise_id']).where('id', '=', questionId).executeTakeFirst();
      if (!question) throw notFound();
      const { row, eligible, registration } = await access(tx, actor, question.event_id);
      if (!eligible && !registration) throw forbidden();
      if (row.status !== 'published') throw new AppError('conflict', 'event_questions_closed');
      if (question.enterprise_id === actor.enterpriseId) throw new AppError('conflict', 'event_own_question');
      const inserted = await tx.insertInto('event_question_votes').values({ question_id: questionId, enterprise_id: actor.enterpriseId }).onConflict((oc) => oc.doNothing()).returning('question_id').executeTakeFirst();
      if (!inserted) throw new AppError('conflict', 'event_already_voted');
      await tx.updateTable('event_questions').set({ votes: sql<number>`votes + 1` }).where('id', '=', questionId).execute();
      await writeAudit(tx, context, { action: 'event.question_voted', entityType: 'event_question', entityId: questionId, unitId: row.organizer_unit_id });
      return question.event_id;
    });
    return detail(db, actor, eventId);
  }

  async function checkIn(context: AuditContext, id: string, input: z.infer<typeof checkInBody>): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage } = await access(tx, actor, id);
      if (!manage) throw forbidden();
      if (row.status === 'cancelled') throw new AppError('conflict', 'event_cancelled');
      let query = tx.selectFrom('event_registrations').select(['id', 'checked_in_at', 'enterprise_id']).where('event_id', '=', id);
      query = 'token' in input ? query.where('token', '=', input.token) : query.where('id', '=', input.registrationId);
      const registration = await query.forUpdate().executeTakeFirst();
      if (!registration) throw new AppError('not_found', 'event_registration_not_found');
      if (registration.checked_in_at) throw new AppError('conflict', 'event_already_checked_in');
      await tx.updateTable('event_registrations').set({ checked_in_at: clock.now(), checked_in_by: actor.userId }).where('id', '=', registration.id).execute();
      await writeAudit(tx, context, { action: 'event.checked_in', entityType: 'event', entityId: id, unitId: row.organizer_unit_id, details: { registrationId: registration.id, by: 'token' in input ? 'qr' : 'list' } });
    });
    return detail(db, actor, id);
  }

  /** Minutes close the event: every open question becomes a follow-up item of the organizer. */
  async function recordMinutes(context: AuditContext, id: string, input: z.infer<typeof minutesBody>): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage } = await access(tx, actor, id);
      if (!manage) throw forbidden();
      if (row.status === 'cancelled') throw new AppError('conflict', 'event_cancelled');
      const now = clock.now();
      if (row.starts_at.getTime() > now.getTime()) throw new AppError('conflict', 'event_not_started');
      await tx.updateTable('events').set({ status: 'held', minutes: input.minutes, minutes_at: now }).where('id', '=', id).execute();
      const items = await tx
        .updateTable('event_questions')
        .set({ owner_unit_id: row.organizer_unit_id, due_at: new Date(now.getTime() + input.dueDays * 86_400_000) })
        .where('event_id', '=', id)
        .where('due_at', 'is', null)
        .where('answered_at', 'is', null)
        .returning('id')
        .execute();
      await writeAudit(tx, context, { action: row.status === 'held' ? 'event.minutes_updated' : 'event.minutes_recorded', entityType: 'event', entityId: id, unitId: row.organizer_unit_id, details: { followUps: items.length } });
    });
    return detail(db, actor, id);
  }

  async function cancelEvent(context: AuditContext, id: string): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage } = await access(tx, actor, id);
      if (!manage) throw forbidden();
      if (row.status !== 'published') throw new AppError('conflict', 'event_not_published');
      await tx.updateTable('events').set({ status: 'cancelled' }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'event.cancelled', entityType: 'event', entityId: id, unitId: row.organizer_unit_id });
    });
    return detail(db, actor, id);
  }

  return { listEvents, getEvent, createEvent, createSeries, register, addQuestion, vote, checkIn, recordMinutes, cancelEvent, queueDueMail, queueInvitations };
}
