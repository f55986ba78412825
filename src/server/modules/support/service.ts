// The support desk's core: opening requests (web or logged by officers), the
// conversation, status with the paused clock, rating and reopening.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { normalizeTaxCode } from '../../../contracts/common.ts';
import type { QaCategory } from '../../../contracts/questions.ts';
import type {
  CreateRequestInput,
  listRequestsQuery,
  Priority,
  rateBody,
  replyBody,
  RequestDetail,
  SupportChannel,
} from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, unauthorized } from '../../lib/errors.ts';
import { sendQueued } from '../../lib/deliveries.ts';
import type { Mailer, MailMessage } from '../../lib/mailer.ts';
import { getUnitChain } from '../../lib/org.ts';
import { loadRequest, reloadDetail, requestDetail, staffUnitIds } from './access.ts';
import { addServiceMinutes, serviceMinutesBetween } from './calendar.ts';
import { queueRequestMail, receivedMail, replyMail, staffMail, statusMail } from './mail.ts';
import { toSummary } from './mapper.ts';
import { REOPEN_WINDOW_MS } from './policy.ts';
import * as repo from './repository.ts';
import { isBusiness, isSupportStaff } from '../../../contracts/roles.ts';

export interface SupportDeps {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  publicBase: string;
}

/** Sends, right after the commit, the mail a use case queued in its transaction (what fails stays queued for the mail job). */
export function mailSender(deps: Pick<SupportDeps, 'db' | 'mailer' | 'clock'>) {
  return (keys: readonly string[]) => sendQueued(deps, keys);
}

/** Shifts the deadlines of a paused request by the service time it spent waiting. */
export function resumedDeadlines(row: repo.RequestRow, now: Date) {
  if (!row.paused_at) return {};
  const paused = row.paused_at;
  const shift = (due: Date | null) =>
    due && due > paused ? addServiceMinutes(now, serviceMinutesBetween(paused, due, row.calendar), row.calendar) : due;
  return {
    paused_at: null,
    first_response_due: row.first_responded_at ? row.first_response_due : shift(row.first_response_due)!,
    resolution_due: shift(row.resolution_due)!,
    escalation_due_at: shift(row.escalation_due_at),
  };
}

export function createSupportService(deps: SupportDeps) {
  const { db, clock } = deps;
  const sendNow = mailSender(deps);
  const link = (id: string) => `${deps.publicBase}/app/ho-tro/${id}`;

  async function branchOf(tx: Kysely<Database>, unitId: string | null): Promise<string | null> {
    if (!unitId) return null;
    const chain = await getUnitChain(tx, unitId);
    return chain.find((unit) => unit.kind === 'branch')?.id ?? null;
  }

  async function resolveParties(tx: Kysely<Database>, actor: UserActor, input: CreateRequestInput) {
    const taxCode = input.enterpriseTaxCode ? normalizeTaxCode(input.enterpriseTaxCode) : null;
    if (input.enterpriseTaxCode && !taxCode) throw invalidField('enterpriseTaxCode', 'tax_code_format');
    const named = taxCode ? await repo.findEnterpriseByTaxCode(tx, taxCode) : undefined;
    if (taxCode && !named) throw invalidField('enterpriseTaxCode', 'unknown_enterprise');
    if (isSupportStaff(actor) && !isBusiness(actor)) {
      if (!input.channel) throw invalidField('channel', 'channel_required');
      if (!input.requesterName) throw invalidField('requesterName', 'requester_required');
      return {
        enterpriseId: named?.id ?? null,
        associationId: null,
        channel: input.channel as SupportChannel,
        requesterUserId: null,
        name: input.requesterName,
        email: input.requesterEmail ?? null,
        phone: input.requesterPhone ?? null,
      };
    }
    if (input.channel) throw invalidField('channel', 'forbidden');
    let enterpriseId = actor.enterpriseId;
    let associationId: string | null = null;
    if (hasRole(actor, 'association_rep')) {
      associationId = actor.associationId;
      enterpriseId = null;
      if (named) {
        if (!actor.associationId || !(await repo.isAssociationMember(tx, actor.associationId, named.id)))
          throw invalidField('enterpriseTaxCode', 'not_a_client');
        enterpriseId = named.id;
      }
    } else if (named && named.id !== actor.enterpriseId) {
      const client =
        hasRole(actor, 'broker') && actor.enterpriseId
          ? await repo.isBrokerClient(tx, actor.enterpriseId, named.id)
          : false;
      if (!client) throw invalidField('enterpriseTaxCode', 'not_a_client');
      enterpriseId = named.id;
    }
    return {
      enterpriseId,
      associationId,
      channel: 'web' as SupportChannel,
      requesterUserId: actor.userId,
      name: actor.fullName,
      email: actor.email,
      phone: null,
    };
  }

  /**
   * Opens a request inside the caller's transaction; returns the row, its
   * 'created' event and the acknowledgement for the caller to queue (mail keyed
   * by that event). `viaEmail` marks a request that arrived by mail (a
   * business's own mail, or one an officer opens from the inbox).
   */
  async function openRequestInTx(
    tx: Kysely<Database>,
    context: AuditContext,
    input: CreateRequestInput,
    options: { viaEmail?: boolean } = {},
  ) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!isSupportStaff(actor) && !isBusiness(actor)) throw forbidden();
    const now = clock.now();
    const parties = await resolveParties(tx, actor, input);
    if (options.viaEmail) parties.channel = 'email';
    let branchId: string | null = null;
    if (input.branchId) {
      const unit = await repo.findUnit(tx, input.branchId);
      if (!unit || unit.kind !== 'branch' || unit.status !== 'active') throw invalidField('branchId', 'unknown_unit');
      branchId = unit.id;
    } else {
      const enterprise = parties.enterpriseId ? await repo.findEnterprise(tx, parties.enterpriseId) : undefined;
      branchId =
        (await branchOf(tx, enterprise?.managing_unit_id ?? null)) ??
        (isSupportStaff(actor) ? await branchOf(tx, actor.roles.find((g) => g.unitId)?.unitId ?? null) : null);
    }
    if (!branchId) throw invalidField('branchId', 'unknown_unit');
    const teamId = await repo.routeTeam(tx, branchId, input.category);
    const level = await repo.findServiceLevel(tx, input.category, input.priority);
    const firstDue = addServiceMinutes(now, level.firstResponseMinutes, level.calendar);
    const row = await repo.insertRequest(tx, {
      number: await repo.nextNumber(tx, now),
      subject: input.subject,
      body: input.body,
      category: input.category,
      priority: input.priority,
      channel: parties.channel,
      calendar: level.calendar,
      enterprise_id: parties.enterpriseId,
      association_id: parties.associationId,
      requester_user_id: parties.requesterUserId,
      requester_name: parties.name,
      requester_email: parties.email,
      requester_phone: parties.phone,
      branch_unit_id: branchId,
      team_unit_id: teamId,
      handler_unit_id: teamId,
      handler_role: 'officer',
      first_response_due: firstDue,
      resolution_due: addServiceMinutes(now, level.resolutionMinutes, level.calendar),
      escalation_due_at: firstDue,
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    if (isSupportStaff(actor)) await repo.addFollower(tx, row.id, actor.userId);
    const eventId = await repo.addEvent(tx, row.id, now, 'created', actor.userId, {
      channel: row.channel,
      teamUnitId: teamId,
    });
    await writeAudit(tx, context, {
      action: 'support.created',
      entityType: 'support_request',
      entityId: row.id,
      unitId: teamId,
      details: { number: row.number, category: row.category, channel: row.channel },
    });
    const locale = parties.requesterUserId ? actor.locale : 'vi';
    return {
      row,
      eventId,
      mail: row.requester_email
        ? [receivedMail(row.requester_email, locale, row.number, row.subject, link(row.id))]
        : [],
    };
  }

  async function createRequest(context: AuditContext, input: CreateRequestInput): Promise<RequestDetail> {
    const result = await db.transaction().execute(async (tx) => {
      const opened = await openRequestInTx(tx, context, input);
      const keys = await queueRequestMail(tx, opened.row.id, opened.eventId, opened.mail);
      return {
        keys,
        view: await requestDetail(tx, opened.row, isSupportStaff(context.actor), context.actor, clock.now()),
      };
    });
    await sendNow(result.keys);
    return result.view;
  }

  async function listRequests(actor: Actor | null, query: z.infer<typeof listRequestsQuery>) {
    if (!isUser(actor)) throw unauthorized();
    const staff = isSupportStaff(actor);
    if (!staff && !isBusiness(actor)) throw forbidden();
    const now = clock.now();
    const { rows, total } = await repo.listRequests(db, {
      unitIds: staff ? await staffUnitIds(db, actor) : null,
      business: staff
        ? null
        : {
            userId: actor.userId,
            enterpriseId: actor.enterpriseId,
            associationId: hasRole(actor, 'association_rep') ? actor.associationId : null,
          },
      status: query.status,
      category: query.category,
      assigneeUserId: staff && query.mine === 'true' ? actor.userId : undefined,
      q: query.q,
      limit: query.limit,
      offset: query.offset,
    });
    return { total, items: rows.map((row) => toSummary(row, staff, now)) };
  }

  async function getRequest(actor: Actor | null, id: string): Promise<RequestDetail> {
    const { row, staff } = await loadRequest(db, actor, id);
    if (!staff && row.business_unread) await repo.updateRequest(db, id, { business_unread: false });
    return requestDetail(db, { ...row, business_unread: false }, staff, actor, clock.now());
  }

  async function reply(context: AuditContext, id: string, input: z.infer<typeof replyBody>): Promise<RequestDetail> {
    const actor = context.actor as UserActor;
    const result = await db.transaction().execute(async (tx) => {
      const { row, staff } = await loadRequest(tx, context.actor, id, true);
      const now = clock.now();
      if (row.status === 'merged' || row.status === 'resolved') throw new AppError('conflict', 'request_closed');
      const mail: MailMessage[] = [];
      let eventId: number;
      if (!staff) {
        if (input.internal || input.waitForBusiness) throw forbidden();
        await repo.addMessage(tx, {
          requestId: id,
          kind: 'public',
          fromBusiness: true,
          authorUserId: actor.userId,
          authorName: actor.fullName,
          body: input.body,
          at: now,
        });
        await repo.updateRequest(tx, id, {
          ...resumedDeadlines(row, now),
          status: row.status === 'waiting' ? 'in_progress' : row.status,
          updated_at: now,
        });
        eventId = await repo.addEvent(
          tx,
          id,
          now,
          row.status === 'waiting' ? 'business_replied_resumed' : 'business_replied',
          actor.userId,
        );
        for (const to of await repo.staffRecipients(tx, row, actor.userId))
          mail.push(staffMail(to.email, row.number, row.subject, 'Doanh nghiệp đã phản hồi', link(id)));
      } else {
        const kind = input.internal ? 'internal' : 'public';
        await repo.addMessage(tx, {
          requestId: id,
          kind,
          fromBusiness: false,
          authorUserId: actor.userId,
          authorName: actor.fullName,
          body: input.body,
          at: now,
        });
        if (kind === 'public') {
          const first = !row.first_responded_at;
          const waiting = input.waitForBusiness;
          await repo.updateRequest(tx, id, {
            ...(row.status === 'waiting' && !waiting ? resumedDeadlines(row, now) : {}),
            status: waiting ? 'waiting' : 'in_progress',
            ...(waiting && !row.paused_at && { paused_at: now }),
            ...(first && { first_responded_at: now }),
            ...(first && row.escalation_level === 0 && { escalation_due_at: row.resolution_due }),
            business_unread: true,
            updated_at: now,
          });
          if (row.requester_email)
            mail.push(
              replyMail(
                row.requester_email,
                await requesterLocale(tx, row),
                row.number,
                row.subject,
                input.body,
                link(id),
              ),
            );
        }
        eventId = await repo.addEvent(
          tx,
          id,
          now,
          kind === 'public' ? (input.waitForBusiness ? 'answered_waiting' : 'answered') : 'internal_note',
          actor.userId,
        );
        await writeAudit(tx, context, {
          action: kind === 'public' ? 'support.answered' : 'support.internal_note',
          entityType: 'support_request',
          entityId: id,
          unitId: row.team_unit_id,
          details: { number: row.number },
        });
      }
      const keys = await queueRequestMail(tx, id, eventId, mail);
      return { view: await reloadDetail(tx, id, staff, actor, now), keys };
    });
    await sendNow(result.keys);
    return result.view;
  }

  async function requesterLocale(tx: Kysely<Database>, row: repo.RequestRow): Promise<'vi' | 'en'> {
    if (!row.requester_user_id) return 'vi';
    return (await repo.findUserLocale(tx, row.requester_user_id)) ?? 'vi';
  }

  async function setStatus(
    context: AuditContext,
    id: string,
    status: 'in_progress' | 'waiting' | 'resolved',
  ): Promise<RequestDetail> {
    const result = await db.transaction().execute(async (tx) => {
      const { row, staff } = await loadRequest(tx, context.actor, id, true);
      if (!staff) throw forbidden();
      if (row.status === 'merged' || row.status === 'resolved') throw new AppError('conflict', 'request_closed');
      const now = clock.now();
      const mail: MailMessage[] = [];
      if (status === 'resolved') {
        if (!(await repo.hasPublicAnswer(tx, id))) throw new AppError('conflict', 'answer_required');
        await repo.updateRequest(tx, id, {
          status: 'resolved',
          resolved_at: now,
          reopen_until: new Date(now.getTime() + REOPEN_WINDOW_MS),
          paused_at: null,
          escalation_due_at: null,
          business_unread: true,
          updated_at: now,
        });
      } else if (status === 'waiting') {
        await repo.updateRequest(tx, id, { status: 'waiting', paused_at: row.paused_at ?? now, updated_at: now });
      } else {
        await repo.updateRequest(tx, id, { ...resumedDeadlines(row, now), status: 'in_progress', updated_at: now });
      }
      if (status !== 'in_progress' && row.requester_email)
        mail.push(
          statusMail(row.requester_email, await requesterLocale(tx, row), row.number, row.subject, status, link(id)),
        );
      const eventId = await repo.addEvent(tx, id, now, `status_${status}`, (context.actor as UserActor).userId);
      await writeAudit(tx, context, {
        action: `support.${status}`,
        entityType: 'support_request',
        entityId: id,
        unitId: row.team_unit_id,
        details: { number: row.number, from: row.status },
      });
      const keys = await queueRequestMail(tx, id, eventId, mail);
      return { view: await reloadDetail(tx, id, true, context.actor, now), keys };
    });
    await sendNow(result.keys);
    return result.view;
  }

  async function rate(context: AuditContext, id: string, input: z.infer<typeof rateBody>): Promise<RequestDetail> {
    return db.transaction().execute(async (tx) => {
      const { row, staff } = await loadRequest(tx, context.actor, id, true);
      if (staff) throw forbidden();
      if (row.status !== 'resolved') throw new AppError('conflict', 'not_resolved');
      if (row.rated_at) throw new AppError('conflict', 'already_rated');
      const now = clock.now();
      await repo.setRating(tx, id, { helpful: input.helpful, fast: input.fast, comment: input.comment ?? null }, now);
      // That it was rated is recorded; what the business said is not repeated where the handling team reads.
      await repo.addEvent(tx, id, now, 'rated', (context.actor as UserActor).userId);
      await writeAudit(tx, context, {
        action: 'support.rated',
        entityType: 'support_request',
        entityId: id,
        unitId: row.team_unit_id,
        details: { number: row.number },
      });
      return reloadDetail(tx, id, false, context.actor, now);
    });
  }

  async function reopen(context: AuditContext, id: string, reason: string): Promise<RequestDetail> {
    const actor = context.actor as UserActor;
    const result = await db.transaction().execute(async (tx) => {
      const { row, staff } = await loadRequest(tx, context.actor, id, true);
      if (staff) throw forbidden();
      if (row.status !== 'resolved') throw new AppError('conflict', 'not_resolved');
      const now = clock.now();
      if (!row.reopen_until || row.reopen_until < now) throw new AppError('conflict', 'reopen_window_closed');
      const level = await repo.findServiceLevel(tx, row.category as QaCategory, row.priority as Priority);
      const due = addServiceMinutes(now, Math.min(level.resolutionMinutes, 16 * 60), level.calendar);
      await repo.updateRequest(tx, id, {
        status: 'in_progress',
        resolved_at: null,
        reopen_until: null,
        resolution_due: due,
        escalation_due_at: due,
        rating_helpful: null,
        rating_fast: null,
        rating_comment: null,
        rated_at: null,
        updated_at: now,
      });
      await repo.addMessage(tx, {
        requestId: id,
        kind: 'public',
        fromBusiness: true,
        authorUserId: actor.userId,
        authorName: actor.fullName,
        body: reason,
        at: now,
      });
      const eventId = await repo.addEvent(tx, id, now, 'reopened', actor.userId);
      await writeAudit(tx, context, {
        action: 'support.reopened',
        entityType: 'support_request',
        entityId: id,
        unitId: row.team_unit_id,
        details: { number: row.number },
      });
      const mail = (await repo.staffRecipients(tx, row, actor.userId)).map((to) =>
        staffMail(to.email, row.number, row.subject, 'Doanh nghiệp mở lại yêu cầu', link(id)),
      );
      const keys = await queueRequestMail(tx, id, eventId, mail);
      return { view: await reloadDetail(tx, id, false, actor, now), keys };
    });
    await sendNow(result.keys);
    return result.view;
  }

  return { openRequestInTx, createRequest, listRequests, getRequest, reply, setStatus, rate, reopen };
}
