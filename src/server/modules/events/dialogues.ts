// A dialogue one enterprise asks for: the unit accepts it (an event with the
// enterprise invited and registered), proposes another time, or declines with
// a reason. The enterprise may take up a proposed time.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DialogueRequestView, dialogueDecisionBody, dialogueRequestBody } from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, speaksForEnterprise } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldText } from '../../lib/search-text.ts';
import { calendarAttachment, formatWhen } from './mail.ts';
import * as repo from './repository.ts';
import { toMailEvent } from './service.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

function requestQuery(db: Kysely<Database>) {
  return db
    .selectFrom('dialogue_requests as d')
    .innerJoin('enterprises as n', 'n.id', 'd.enterprise_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('users as s', 's.id', 'd.user_id')
    .selectAll('d')
    .select(['n.tax_code', 'n.name as enterprise_name', 'u.code as unit_code', 'u.name_vi as unit_name', 's.email as requester_email', 's.locale as requester_locale', 's.full_name as requester_name']);
}
type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirst']>>>;

function decisionMail(locale: Locale, row: RequestRow, decision: 'accepted' | 'proposed' | 'declined', detail: string, link: string) {
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
  return { subject, text: `${(locale === 'vi' ? vi : en)[decision]}\n\n${link}\n\n${locale === 'vi' ? 'Cầu Nối — Hải quan Việt Nam' : 'Cầu Nối — Vietnam Customs'}` };
}

export function createDialogueService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string; mailFrom: string }) {
  const { db, clock } = deps;

  async function view(tx: Kysely<Database>, actor: Actor | null, row: RequestRow): Promise<DialogueRequestView> {
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
      canDecide: row.status === 'pending' && canOrganize(actor, await getUnitAncestry(tx, row.unit_id)),
    };
  }

  async function createRequest(context: AuditContext, input: z.infer<typeof dialogueRequestBody>) {
    const actor = context.actor;
    if (!speaksForEnterprise(actor)) throw forbidden();
    if (input.preferredAt && Date.parse(input.preferredAt) <= clock.now().getTime()) throw invalidField('preferredAt', 'event_in_past');
    return db.transaction().execute(async (tx) => {
      const unit = await tx.selectFrom('units').select(['id', 'kind']).where('id', '=', input.unitId).executeTakeFirst();
      if (!unit) throw invalidField('unitId', 'not_found');
      if (unit.kind === 'team') throw invalidField('unitId', 'event_organizer_kind');
      const row = await tx
        .insertInto('dialogue_requests')
        .values({ enterprise_id: actor.enterpriseId, user_id: actor.userId, unit_id: input.unitId, subject: input.subject, description: input.description, preferred_at: input.preferredAt ? new Date(input.preferredAt) : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, context, { action: 'dialogue.requested', entityType: 'dialogue_request', entityId: row.id, unitId: input.unitId, details: { subject: input.subject } });
      return view(tx, actor, (await requestQuery(tx).where('d.id', '=', row.id).executeTakeFirst())!);
    });
  }

  async function listRequests(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    let query = requestQuery(db);
    if (speaksForEnterprise(actor)) query = query.where('d.enterprise_id', '=', actor.enterpriseId);
    else if (mayOrganize(actor)) {
      const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
      if (unitIds) query = query.where('d.unit_id', '=', sql<string>`any(${repo.uuidList(unitIds)}::uuid[])`);
    } else throw forbidden();
    const rows = await query.orderBy('d.created_at', 'desc').limit(200).execute();
    const views: DialogueRequestView[] = [];
    for (const row of rows) views.push(await view(db, actor, row));
    return views;
  }

  /** Creates the dialogue event with the enterprise invited and registered. */
  async function scheduleEvent(tx: Kysely<Database>, row: RequestRow, startsAt: Date, minutes: number, place: string, createdBy: string) {
    const title = `Đối thoại với ${row.enterprise_name}: ${row.subject}`.slice(0, 300);
    const event = await tx
      .insertInto('events')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('event_invitees').values({ event_id: event.id, enterprise_id: row.enterprise_id }).execute();
    await tx.insertInto('event_registrations').values({ event_id: event.id, enterprise_id: row.enterprise_id, user_id: row.user_id, attendee_name: row.requester_name, token: randomBytes(18).toString('base64url') }).execute();
    await tx.insertInto('event_questions').values({ event_id: event.id, enterprise_id: row.enterprise_id, user_id: row.user_id, text: `${row.subject}\n${row.description}` }).execute();
    return event.id;
  }

  async function notify(tx: Kysely<Database>, row: RequestRow, decision: 'accepted' | 'proposed' | 'declined', detail: string, eventId: string | null) {
    const link = eventId ? `${deps.publicBase}/app/events/${eventId}` : `${deps.publicBase}/app/dialogues`;
    const attachments = eventId ? [calendarAttachment(toMailEvent((await repo.findEvent(tx, eventId))!), link, clock.now(), deps.mailFrom)] : [];
    await queueDeliveries(tx, [{ key: `dialogue:${row.id}:${decision}:${row.status}`, to: row.requester_email, ...decisionMail(row.requester_locale, row, decision, detail, link), attachments }]);
  }

  async function decide(context: AuditContext, id: string, input: z.infer<typeof dialogueDecisionBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    return db.transaction().execute(async (tx) => {
      const row = await requestQuery(tx).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
      if (!row) throw notFound();
      if (!canOrganize(actor, await getUnitAncestry(tx, row.unit_id))) throw speaksForEnterprise(actor) && actor.enterpriseId === row.enterprise_id ? forbidden() : notFound();
      if (row.status !== 'pending') throw new AppError('conflict', 'dialogue_not_pending');
      const now = clock.now();
      let eventId: string | null = null;
      if (input.decision === 'accept') {
        const at = input.startsAt ? new Date(input.startsAt) : row.preferred_at;
        if (!at) throw invalidField('startsAt', 'dialogue_time_required');
        if (at.getTime() <= now.getTime()) throw invalidField('startsAt', 'event_in_past');
        eventId = await scheduleEvent(tx, row, at, input.durationMinutes, input.place, actor.userId);
        await tx.updateTable('dialogue_requests').set({ status: 'accepted', event_id: eventId, decided_by: actor.userId, decided_at: now }).where('id', '=', id).execute();
        await notify(tx, row, 'accepted', formatWhen(at, new Date(at.getTime() + input.durationMinutes * 60_000), row.requester_locale), eventId);
      } else if (input.decision === 'propose') {
        const at = new Date(input.proposedAt);
        if (at.getTime() <= now.getTime()) throw invalidField('proposedAt', 'event_in_past');
        await tx.updateTable('dialogue_requests').set({ status: 'proposed', proposed_at: at, proposed_place: input.place, decided_by: actor.userId, decided_at: now }).where('id', '=', id).execute();
        await notify(tx, row, 'proposed', `${formatWhen(at, new Date(at.getTime() + 3_600_000), row.requester_locale)} — ${input.place}`, null);
      } else {
        await tx.updateTable('dialogue_requests').set({ status: 'declined', decline_reason: input.reason, decided_by: actor.userId, decided_at: now }).where('id', '=', id).execute();
        await notify(tx, row, 'declined', input.reason, null);
      }
      await writeAudit(tx, context, { action: `dialogue.${input.decision === 'accept' ? 'accepted' : input.decision === 'propose' ? 'proposed' : 'declined'}`, entityType: 'dialogue_request', entityId: id, unitId: row.unit_id, details: { eventId } });
      return view(tx, actor, (await requestQuery(tx).where('d.id', '=', id).executeTakeFirst())!);
    });
  }

  /** The enterprise takes up the time the unit proposed. */
  async function acceptProposal(context: AuditContext, id: string) {
    const actor = context.actor;
    if (!speaksForEnterprise(actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const row = await requestQuery(tx).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
      if (!row || row.enterprise_id !== actor.enterpriseId) throw notFound();
      if (row.status !== 'proposed' || !row.proposed_at) throw new AppError('conflict', 'dialogue_not_proposed');
      if (row.proposed_at.getTime() <= clock.now().getTime()) throw new AppError('conflict', 'event_in_past');
      const eventId = await scheduleEvent(tx, row, row.proposed_at, 60, row.proposed_place ?? row.unit_name, row.decided_by ?? actor.userId);
      await tx.updateTable('dialogue_requests').set({ status: 'accepted', event_id: eventId }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'dialogue.proposal_accepted', entityType: 'dialogue_request', entityId: id, unitId: row.unit_id, details: { eventId } });
      return view(tx, actor, (await requestQuery(tx).where('d.id', '=', id).executeTakeFirst())!);
    });
  }

  return { createRequest, listRequests, decide, acceptProposal };
}
