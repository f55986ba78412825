// A dialogue one enterprise asks for: the unit accepts it (an event with the
// enterprise invited and registered), proposes another time, or declines with
// a reason. The enterprise may take up a proposed time.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DialogueRequestView, dialogueDecisionBody, dialogueRequestBody } from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, speaksForEnterprise } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { getUnitAncestries, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldText } from '../../lib/search-text.ts';
import { calendarAttachment, formatWhen } from './mail.ts';
import * as repo from './dialogue-repository.ts';
import type { DialogueRow } from './dialogue-repository.ts';
import { toDialogueView, toMailEvent } from './mapper.ts';
import * as events from './repository.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

function decisionMail(
  locale: Locale,
  row: DialogueRow,
  decision: 'accepted' | 'proposed' | 'declined',
  detail: string,
  link: string,
) {
  const vi = {
    accepted: `Đề nghị đối thoại "${row.subject}" của Quý doanh nghiệp đã được chấp nhận. Thời gian: ${detail}.`,
    proposed: `${row.unit_name} đề xuất thời gian đối thoại về "${row.subject}": ${detail}. Vui lòng xác nhận trên Cầu Nối.`,
    declined: `${row.unit_name} không tổ chức đối thoại về "${row.subject}". Lý do: ${detail}`,
  };
  const en = {
    accepted: `Your request for a dialogue on "${row.subject}" has been accepted. When: ${detail}.`,
    proposed: `${row.unit_name} proposes a time for the dialogue on "${row.subject}": ${detail}. Please confirm on Cầu Nối.`,
    declined: `${row.unit_name} declined the dialogue on "${row.subject}". Reason: ${detail}`,
  };
  const subject = locale === 'vi' ? `Đề nghị đối thoại: ${row.subject}` : `Dialogue request: ${row.subject}`;
  return {
    subject,
    text: `${(locale === 'vi' ? vi : en)[decision]}\n\n${link}\n\n${locale === 'vi' ? 'Cầu Nối — Hải quan Việt Nam' : 'Cầu Nối — Vietnam Customs'}`,
  };
}

export function createDialogueService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  publicBase: string;
  mailFrom: string;
}) {
  const { db, clock } = deps;

  async function view(tx: Kysely<Database>, actor: Actor | null, row: DialogueRow): Promise<DialogueRequestView> {
    return toDialogueView(row, canOrganize(actor, await getUnitAncestry(tx, row.unit_id)));
  }

  async function createRequest(context: AuditContext, input: z.infer<typeof dialogueRequestBody>) {
    const actor = context.actor;
    if (!speaksForEnterprise(actor)) throw forbidden();
    if (input.preferredAt && Date.parse(input.preferredAt) <= clock.now().getTime())
      throw invalidField('preferredAt', 'event_in_past');
    return db.transaction().execute(async (tx) => {
      const unit = await events.findUnit(tx, input.unitId);
      if (!unit) throw invalidField('unitId', 'not_found');
      if (unit.kind === 'team') throw invalidField('unitId', 'event_organizer_kind');
      const id = await repo.insertDialogue(tx, {
        enterpriseId: actor.enterpriseId,
        userId: actor.userId,
        unitId: input.unitId,
        subject: input.subject,
        description: input.description,
        preferredAt: input.preferredAt ? new Date(input.preferredAt) : null,
      });
      await writeAudit(tx, context, {
        action: 'dialogue.requested',
        entityType: 'dialogue_request',
        entityId: id,
        unitId: input.unitId,
        details: { subject: input.subject },
      });
      return view(tx, actor, (await repo.findDialogue(tx, id))!);
    });
  }

  async function listRequests(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    let rows: DialogueRow[];
    if (speaksForEnterprise(actor)) rows = await repo.findDialogues(db, { enterpriseId: actor.enterpriseId });
    else if (mayOrganize(actor))
      rows = await repo.findDialogues(db, { unitIds: await resolveScopeUnitIds(db, organizerScopeOf(actor)) });
    else throw forbidden();
    // One ancestry query for the whole list, not one per request.
    const ancestries = await getUnitAncestries(
      db,
      rows.map((row) => row.unit_id),
    );
    return rows.map((row) => toDialogueView(row, canOrganize(actor, ancestries.get(row.unit_id) ?? [])));
  }

  /** Creates the dialogue event with the enterprise invited and registered. */
  async function scheduleEvent(
    tx: Kysely<Database>,
    row: DialogueRow,
    startsAt: Date,
    minutes: number,
    place: string,
    createdBy: string,
  ) {
    const title = `Đối thoại với ${row.enterprise_name}: ${row.subject}`.slice(0, 300);
    const eventId = await events.insertEvent(tx, {
      kind: 'enterprise_dialogue',
      title,
      search_text: foldText(`${title} ${place}`),
      agenda: row.description,
      organizer_unit_id: row.unit_id,
      place,
      online_url: null,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + minutes * 60_000),
      capacity: null,
      audience: 'invited',
      audience_unit_id: null,
      audience_association_id: null,
      series_id: null,
      created_by: createdBy,
      invitations_queued_at: clock.now(),
    });
    await events.addInvitees(tx, eventId, [row.enterprise_id]);
    await events.insertRegistration(tx, {
      eventId,
      enterpriseId: row.enterprise_id,
      userId: row.user_id,
      attendeeName: row.requester_name,
      token: randomBytes(18).toString('base64url'),
    });
    await events.insertQuestion(tx, {
      event_id: eventId,
      enterprise_id: row.enterprise_id,
      user_id: row.user_id,
      text: `${row.subject}\n${row.description}`,
    });
    return eventId;
  }

  async function notify(
    tx: Kysely<Database>,
    row: DialogueRow,
    decision: 'accepted' | 'proposed' | 'declined',
    detail: string,
    eventId: string | null,
  ) {
    const link = eventId ? `${deps.publicBase}/app/events/${eventId}` : `${deps.publicBase}/app/dialogues`;
    const attachments = eventId
      ? [calendarAttachment(toMailEvent((await events.findEvent(tx, eventId))!), link, clock.now(), deps.mailFrom)]
      : [];
    await queueDeliveries(tx, [
      {
        key: `dialogue:${row.id}:${decision}:${row.status}`,
        to: row.requester_email,
        ...decisionMail(row.requester_locale, row, decision, detail, link),
        attachments,
      },
    ]);
  }

  async function decide(context: AuditContext, id: string, input: z.infer<typeof dialogueDecisionBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    return db.transaction().execute(async (tx) => {
      const row = await repo.findDialogue(tx, id, true);
      if (!row) throw notFound();
      if (!canOrganize(actor, await getUnitAncestry(tx, row.unit_id)))
        throw speaksForEnterprise(actor) && actor.enterpriseId === row.enterprise_id ? forbidden() : notFound();
      if (row.status !== 'pending') throw new AppError('conflict', 'dialogue_not_pending');
      const now = clock.now();
      let eventId: string | null = null;
      if (input.decision === 'accept') {
        const at = input.startsAt ? new Date(input.startsAt) : row.preferred_at;
        if (!at) throw invalidField('startsAt', 'dialogue_time_required');
        if (at.getTime() <= now.getTime()) throw invalidField('startsAt', 'event_in_past');
        eventId = await scheduleEvent(tx, row, at, input.durationMinutes, input.place, actor.userId);
        await repo.updateDialogue(tx, id, {
          status: 'accepted',
          event_id: eventId,
          decided_by: actor.userId,
          decided_at: now,
        });
        await notify(
          tx,
          row,
          'accepted',
          formatWhen(at, new Date(at.getTime() + input.durationMinutes * 60_000), row.requester_locale),
          eventId,
        );
      } else if (input.decision === 'propose') {
        const at = new Date(input.proposedAt);
        if (at.getTime() <= now.getTime()) throw invalidField('proposedAt', 'event_in_past');
        await repo.updateDialogue(tx, id, {
          status: 'proposed',
          proposed_at: at,
          proposed_place: input.place,
          decided_by: actor.userId,
          decided_at: now,
        });
        await notify(
          tx,
          row,
          'proposed',
          `${formatWhen(at, new Date(at.getTime() + 3_600_000), row.requester_locale)} — ${input.place}`,
          null,
        );
      } else {
        await repo.updateDialogue(tx, id, {
          status: 'declined',
          decline_reason: input.reason,
          decided_by: actor.userId,
          decided_at: now,
        });
        await notify(tx, row, 'declined', input.reason, null);
      }
      await writeAudit(tx, context, {
        action: `dialogue.${input.decision === 'accept' ? 'accepted' : input.decision === 'propose' ? 'proposed' : 'declined'}`,
        entityType: 'dialogue_request',
        entityId: id,
        unitId: row.unit_id,
        details: { eventId },
      });
      return view(tx, actor, (await repo.findDialogue(tx, id))!);
    });
  }

  /** The enterprise takes up the time the unit proposed. */
  async function acceptProposal(context: AuditContext, id: string) {
    const actor = context.actor;
    if (!speaksForEnterprise(actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const row = await repo.findDialogue(tx, id, true);
      if (!row || row.enterprise_id !== actor.enterpriseId) throw notFound();
      if (row.status !== 'proposed' || !row.proposed_at) throw new AppError('conflict', 'dialogue_not_proposed');
      if (row.proposed_at.getTime() <= clock.now().getTime()) throw new AppError('conflict', 'event_in_past');
      const eventId = await scheduleEvent(
        tx,
        row,
        row.proposed_at,
        60,
        row.proposed_place ?? row.unit_name,
        row.decided_by ?? actor.userId,
      );
      await repo.updateDialogue(tx, id, { status: 'accepted', event_id: eventId });
      await writeAudit(tx, context, {
        action: 'dialogue.proposal_accepted',
        entityType: 'dialogue_request',
        entityId: id,
        unitId: row.unit_id,
        details: { eventId },
      });
      return view(tx, actor, (await repo.findDialogue(tx, id))!);
    });
  }

  return { createRequest, listRequests, decide, acceptProposal };
}
