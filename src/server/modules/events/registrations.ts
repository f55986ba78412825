// Taking part before and at the door: registration within capacity, questions
// in advance with one vote per business, and check-in from a list or a QR code.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { EventDetail, checkInBody, questionBody, registerBody } from '../../../contracts/events.ts';
import { isUser, speaksForEnterprise } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { calendarAttachment, registeredMail } from './mail.ts';
import { registrationOpen } from './policy.ts';
import * as repo from './repository.ts';
import { toMailEvent, type EventDeps, type EventViews } from './views.ts';

export function createRegistrationService(deps: EventDeps, views: EventViews) {
  const { db, clock } = deps;
  const { access, detail } = views;
  const link = (id: string) => `${deps.publicBase}/app/events/${id}`;

  async function register(
    context: AuditContext,
    id: string,
    input: z.infer<typeof registerBody>,
  ): Promise<EventDetail> {
    const actor = context.actor;
    if (!speaksForEnterprise(actor)) throw forbidden();
    await db.transaction().execute(async (tx) => {
      // The row lock serializes registrations for one event, so capacity holds under concurrency.
      await repo.lockEvent(tx, id);
      const { row, eligible, registration } = await access(tx, actor, id);
      if (registration) throw new AppError('conflict', 'event_already_registered');
      if (!eligible) throw forbidden();
      if (!registrationOpen(row, clock.now())) throw new AppError('conflict', 'event_registration_closed');
      if (row.capacity !== null && Number(row.registered ?? 0) >= row.capacity)
        throw new AppError('conflict', 'event_full');
      const token = randomBytes(18).toString('base64url');
      const registrationId = await repo.insertRegistration(tx, {
        eventId: id,
        enterpriseId: actor.enterpriseId,
        userId: actor.userId,
        attendeeName: input.attendeeName,
        token,
      });
      await writeAudit(tx, context, {
        action: 'event.registered',
        entityType: 'event',
        entityId: id,
        unitId: row.organizer_unit_id,
        details: { registrationId, enterpriseId: actor.enterpriseId },
      });
      const event = toMailEvent(row);
      await queueDeliveries(tx, [
        {
          key: `event:${id}:registered:${registrationId}`,
          to: actor.email,
          ...registeredMail(event, actor.locale, link(id), input.attendeeName, token),
          attachments: [calendarAttachment(event, link(id), clock.now(), deps.mailFrom)],
        },
      ]);
    });
    return detail(db, actor, id);
  }

  async function addQuestion(
    context: AuditContext,
    id: string,
    input: z.infer<typeof questionBody>,
  ): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage, eligible, registration } = await access(tx, actor, id);
      let enterpriseId: string | null = null;
      let raisedAtEvent = false;
      if (speaksForEnterprise(actor) && (eligible || registration)) {
        if (row.status !== 'published') throw new AppError('conflict', 'event_questions_closed');
        enterpriseId = actor.enterpriseId;
      } else if (manage) {
        // The organizer records a question raised in the room.
        if (row.starts_at.getTime() > clock.now().getTime()) throw new AppError('conflict', 'event_not_started');
        raisedAtEvent = true;
        if (input.taxCode) {
          const enterprise = await repo.findEnterpriseIdByTaxCode(tx, input.taxCode);
          if (!enterprise) throw invalidField('taxCode', 'unknown_tax_code');
          enterpriseId = enterprise;
        }
      } else throw forbidden();
      const followUp =
        row.status === 'held'
          ? { owner_unit_id: row.organizer_unit_id, due_at: new Date(clock.now().getTime() + 15 * 86_400_000) }
          : {};
      const questionId = await repo.insertQuestion(tx, {
        event_id: id,
        enterprise_id: enterpriseId,
        user_id: actor.userId,
        text: input.text,
        raised_at_event: raisedAtEvent,
        ...followUp,
      });
      await writeAudit(tx, context, {
        action: 'event.question_added',
        entityType: 'event_question',
        entityId: questionId,
        unitId: row.organizer_unit_id,
        details: { eventId: id, raisedAtEvent },
      });
    });
    return detail(db, actor, id);
  }

  async function vote(context: AuditContext, questionId: string): Promise<EventDetail> {
    const actor = context.actor;
    if (!speaksForEnterprise(actor)) throw forbidden();
    const eventId = await db.transaction().execute(async (tx) => {
      const question = await repo.findQuestionHead(tx, questionId);
      if (!question) throw notFound();
      const { row, eligible, registration } = await access(tx, actor, question.event_id);
      if (!eligible && !registration) throw forbidden();
      if (row.status !== 'published') throw new AppError('conflict', 'event_questions_closed');
      if (question.enterprise_id === actor.enterpriseId) throw new AppError('conflict', 'event_own_question');
      if (!(await repo.addVote(tx, questionId, actor.enterpriseId)))
        throw new AppError('conflict', 'event_already_voted');
      await writeAudit(tx, context, {
        action: 'event.question_voted',
        entityType: 'event_question',
        entityId: questionId,
        unitId: row.organizer_unit_id,
      });
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
      const registration = await repo.lockRegistration(tx, id, input);
      if (!registration) throw new AppError('not_found', 'event_registration_not_found');
      if (registration.checked_in_at) throw new AppError('conflict', 'event_already_checked_in');
      await repo.checkIn(tx, registration.id, clock.now(), actor.userId);
      await writeAudit(tx, context, {
        action: 'event.checked_in',
        entityType: 'event',
        entityId: id,
        unitId: row.organizer_unit_id,
        details: { registrationId: registration.id, by: 'token' in input ? 'qr' : 'list' },
      });
    });
    return detail(db, actor, id);
  }

  return { register, addQuestion, vote, checkIn };
}
