// The officers' inbox: mail to the desk that matched no account or request, and
// what was done with it. An officer opens a request from it on the sender's
// behalf, or dismisses it with a reason. We do not answer from the inbox without
// a request, so every answer has an owner and a deadline.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isSupportStaff } from '../../../contracts/roles.ts';
import type {
  dismissMailBody,
  inboundListQuery,
  InboundMailView,
  openFromMailBody,
} from '../../../contracts/support-inbound.ts';
import type { RequestDetail } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { requestDetail } from './access.ts';
import * as inbox from './inbox-repository.ts';
import { requestText } from './inbound-parse.ts';
import { attachToRequest, createInboundFiles, withoutStorage } from './inbound-receive.ts';
import { queueRequestMail } from './mail.ts';
import { toInboxSummary, toInboxView } from './mapper.ts';
import { createSupportService, mailSender, type SupportDeps } from './service.ts';

export function createInbox(deps: SupportDeps & { dataDir: string }) {
  const { db, clock } = deps;
  const support = createSupportService(deps);
  const files = createInboundFiles(deps.dataDir);
  const sendNow = mailSender(deps);

  function requireStaff(actor: Actor | null): UserActor {
    if (!isUser(actor)) throw unauthorized();
    if (!isSupportStaff(actor)) throw forbidden();
    return actor;
  }

  /** The officers' inbox: mail that matched no account or request (and what was done with it). */
  async function listInbox(actor: Actor | null, query: z.infer<typeof inboundListQuery>) {
    requireStaff(actor);
    const { rows, total } = await inbox.listInbox(db, query);
    return { total, items: rows.map(toInboxSummary) };
  }

  async function findInboxMail(tx: Kysely<Database>, id: string, forUpdate = false) {
    const row = await inbox.findInboxMail(tx, id, forUpdate);
    // Mail that went straight into a request is read there, within the request's scope.
    if (!row || row.status === 'opened' || row.status === 'continued') throw notFound();
    return row;
  }

  async function getInboxMail(actor: Actor | null, id: string): Promise<InboundMailView> {
    requireStaff(actor);
    return toInboxView(await findInboxMail(db, id));
  }

  /** An officer opens a request on the sender's behalf; the mail's kept attachments join it and the sender is acknowledged. */
  async function openFromMail(
    context: AuditContext,
    id: string,
    input: z.infer<typeof openFromMailBody>,
  ): Promise<RequestDetail> {
    const actor = requireStaff(context.actor);
    const result = await db.transaction().execute(async (tx) => {
      const mail = await findInboxMail(tx, id, true);
      if (mail.status !== 'unmatched') throw new AppError('conflict', 'inbound_handled');
      const { subject, body } = requestText({
        subject: mail.subject,
        text: mail.text_body,
        fromAddress: mail.from_address,
      });
      const opened = await support.openRequestInTx(
        tx,
        context,
        {
          subject,
          body,
          category: input.category,
          priority: input.priority,
          channel: 'email',
          requesterName: input.requesterName,
          requesterEmail: mail.from_address,
          ...(input.enterpriseTaxCode && { enterpriseTaxCode: input.enterpriseTaxCode }),
          ...(input.branchId && { branchId: input.branchId }),
        },
        { viaEmail: true },
      );
      const now = clock.now();
      await attachToRequest(tx, opened.row.id, mail.attachments, actor.userId, now);
      await inbox.updateInbound(tx, id, {
        status: 'opened_by_officer',
        request_id: opened.row.id,
        handled_by_user_id: actor.userId,
        handled_at: now,
        attachments: withoutStorage(mail.attachments),
      });
      await writeAudit(tx, context, {
        action: 'support.opened_from_mail',
        entityType: 'support_request',
        entityId: opened.row.id,
        unitId: opened.row.team_unit_id,
        details: { number: opened.row.number, inboundMailId: id, from: mail.from_address },
      });
      const keys = await queueRequestMail(tx, opened.row.id, opened.eventId, opened.mail);
      return { keys, view: await requestDetail(tx, opened.row, true, actor, now) };
    });
    await sendNow(result.keys);
    return result.view;
  }

  async function dismiss(
    context: AuditContext,
    id: string,
    input: z.infer<typeof dismissMailBody>,
  ): Promise<InboundMailView> {
    const actor = requireStaff(context.actor);
    const result = await db.transaction().execute(async (tx) => {
      const mail = await findInboxMail(tx, id, true);
      if (mail.status !== 'unmatched') throw new AppError('conflict', 'inbound_handled');
      await inbox.updateInbound(tx, id, {
        status: 'dismissed',
        reason: input.reason,
        handled_by_user_id: actor.userId,
        handled_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'support.mail_dismissed',
        entityType: 'support_inbound_mail',
        entityId: id,
        details: { from: mail.from_address, reason: input.reason },
      });
      return { mail, row: await findInboxMail(tx, id) };
    });
    await files.remove(result.mail.attachments);
    return toInboxView(result.row);
  }

  return { listInbox, getInboxMail, openFromMail, dismiss };
}
