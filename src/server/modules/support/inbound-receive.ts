// Receiving one mail to the support desk. Each mail is stored once (by its
// Message-ID) with what became of it:
// - a reference like [HT26-000123] in the subject, from an account that may see
//   that request (or from the address the request was opened for), continues it
//   as a public message from the business;
// - a mail from a business account without a reference opens a new request
//   (channel 'email', category guessed from the words, routed as usual);
// - anything else waits in the officers' inbox ('unmatched', with the reason;
//   see inbox.ts).
// Attachments pass the same checks as uploads; a refused one is noted with its
// reason, the rest is kept. Acknowledgements go through the delivery queue.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '../../../contracts/common.ts';
import { isBusiness } from '../../../contracts/roles.ts';
import type { Database, InboundAttachmentNote } from '../../db/schema.ts';
import type { UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import type { MailMessage } from '../../lib/mailer.ts';
import { checkAttachment } from './attachments.ts';
import * as inbox from './inbox-repository.ts';
import {
  findReference,
  inferCategory,
  parseMail,
  refusedNote,
  requestText,
  stripQuoted,
  type ParsedInbound,
} from './inbound-parse.ts';
import { mailContinuedAck, queueRequestMail } from './mail.ts';
import { businessCanSee } from './policy.ts';
import * as repo from './repository.ts';
import { createSupportService, mailSender, resumedDeadlines, type SupportDeps } from './service.ts';

/** Where a mail's kept attachments are written: before the transaction, removed again if it fails. */
export function createInboundFiles(dataDir: string) {
  const root = path.resolve(dataDir, 'attachments');

  async function store(files: ParsedInbound['attachments']): Promise<InboundAttachmentNote[]> {
    const notes: InboundAttachmentNote[] = [];
    for (const file of files.slice(0, 20)) {
      const checked = checkAttachment(file.fileName, file.bytes);
      if ('refused' in checked) {
        notes.push({ fileName: file.fileName.slice(0, 200), size: file.bytes.length, refused: checked.refused });
        continue;
      }
      const key = randomUUID();
      await fs.mkdir(root, { recursive: true });
      await fs.writeFile(path.join(root, key), file.bytes, { flag: 'wx', mode: 0o600 });
      notes.push({
        fileName: checked.fileName,
        size: file.bytes.length,
        contentType: checked.contentType,
        storageKey: key,
      });
    }
    return notes;
  }

  async function remove(notes: InboundAttachmentNote[]) {
    for (const note of notes) if (note.storageKey) await fs.rm(path.join(root, note.storageKey), { force: true });
  }

  return { store, remove };
}

/** The kept attachments join the request; the refused ones are noted in its history. */
export async function attachToRequest(
  tx: Kysely<Database>,
  requestId: string,
  notes: InboundAttachmentNote[],
  userId: string | null,
  at: Date,
) {
  for (const note of notes) {
    if (!note.storageKey || !note.contentType) continue;
    await repo.addAttachment(tx, {
      request_id: requestId,
      internal: false,
      from_business: true,
      file_name: note.fileName,
      content_type: note.contentType,
      size_bytes: note.size,
      storage_key: note.storageKey,
      uploaded_by_user_id: userId,
      created_at: at,
    });
  }
  const refused = notes.filter((n) => n.refused).map((n) => ({ fileName: n.fileName, reason: n.refused }));
  if (refused.length) await repo.addEvent(tx, requestId, at, 'email_attachments_refused', userId, { refused });
}

/** Kept attachments once they belong to a request: their files are the request's now. */
export const withoutStorage = (notes: InboundAttachmentNote[]) =>
  JSON.stringify(notes.map((n) => ({ ...n, storageKey: undefined })));

/** An account's actor, as if it had signed in (for the rules and the audit log). */
async function findSenderActor(db: Kysely<Database>, email: string): Promise<UserActor | null> {
  if (!email) return null;
  const account = await inbox.findAccountByEmail(db, email);
  if (!account) return null;
  const { user, roles } = account;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    fullName: user.full_name,
    locale: user.locale,
    roles: roles.map((r) => ({ role: r.role as Role, unitId: r.unit_id, unitCode: r.code })),
    enterpriseId: user.enterprise_id,
    associationId: user.association_id,
    officerId: user.officer_id,
    sessionId: '',
    csrfToken: '',
  };
}

export function createMailReceiver(deps: SupportDeps & { dataDir: string }) {
  const { db, clock } = deps;
  const support = createSupportService(deps);
  const files = createInboundFiles(deps.dataDir);
  const sendNow = mailSender(deps);
  const link = (id: string) => `${deps.publicBase}/app/ho-tro/${id}`;

  /** Receives one mail (raw RFC 822 bytes). Safe to call twice with the same mail: the second is ignored. */
  async function receive(raw: Buffer): Promise<{ status: string; requestId: string | null; duplicate: boolean }> {
    const mail = await parseMail(raw);
    const known = await inbox.findInboundByMessageId(db, mail.messageId);
    if (known) return { status: known.status, requestId: known.request_id, duplicate: true };
    const notes = await files.store(mail.attachments);
    try {
      const result = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const insertedId = await inbox.insertInbound(tx, {
          message_id: mail.messageId,
          from_address: mail.fromAddress,
          from_name: mail.fromName,
          subject: mail.subject,
          text_body: mail.text.slice(0, 50_000),
          received_at: now,
          status: 'unmatched',
          attachments: JSON.stringify(notes),
        });
        if (!insertedId) return { status: 'duplicate', requestId: null, keys: [] as string[], duplicate: true };
        const sender = await findSenderActor(tx, mail.fromAddress);
        const context: AuditContext = { actor: sender };
        const settle = async (
          status: 'opened' | 'continued' | 'unmatched',
          reason: string | null,
          requestId: string | null,
        ) => {
          await inbox.updateInbound(tx, insertedId, {
            status,
            reason,
            request_id: requestId,
            sender_user_id: sender?.userId ?? null,
            ...(requestId && { attachments: withoutStorage(notes) }),
          });
        };
        const unmatched = { status: 'unmatched', requestId: null, keys: [] as string[], duplicate: false };
        if (mail.automatic) {
          // Answering an auto-reply starts a mail loop, and it must not restart a waiting request's clock.
          await settle('unmatched', 'auto_reply', null);
          await writeAudit(tx, context, {
            action: 'support.mail_unmatched',
            entityType: 'support_inbound_mail',
            entityId: insertedId,
            details: { from: mail.fromAddress, reason: 'auto_reply' },
          });
          return unmatched;
        }
        const reference = findReference(mail.subject);
        if (reference) {
          const row = await repo.findRequestByNumber(tx, reference, true);
          const allowed =
            row &&
            (sender
              ? businessCanSee(sender, row)
              : Boolean(row.requester_email && row.requester_email.toLowerCase() === mail.fromAddress));
          if (!row || !allowed) {
            await settle(
              'unmatched',
              sender && !isBusiness(sender) ? 'not_business' : sender ? 'reference_not_found' : 'unknown_sender',
              null,
            );
            await writeAudit(tx, context, {
              action: 'support.mail_unmatched',
              entityType: 'support_inbound_mail',
              entityId: insertedId,
              details: { from: mail.fromAddress, reference },
            });
            return unmatched;
          }
          if (row.status === 'merged' || row.status === 'resolved') {
            await settle('unmatched', 'request_closed', null);
            await writeAudit(tx, context, {
              action: 'support.mail_unmatched',
              entityType: 'support_inbound_mail',
              entityId: insertedId,
              details: { from: mail.fromAddress, reference, reason: 'request_closed' },
            });
            return unmatched;
          }
          const body = stripQuoted(mail.text) || requestText(mail).body;
          await repo.addMessage(tx, {
            requestId: row.id,
            kind: 'public',
            fromBusiness: true,
            authorUserId: sender?.userId ?? null,
            authorName: sender?.fullName ?? (mail.fromName || mail.fromAddress),
            body: body.slice(0, 10_000),
            at: now,
          });
          await repo.updateRequest(tx, row.id, {
            ...resumedDeadlines(row, now),
            status: row.status === 'waiting' ? 'in_progress' : row.status,
            updated_at: now,
          });
          const eventId = await repo.addEvent(
            tx,
            row.id,
            now,
            row.status === 'waiting' ? 'business_mailed_resumed' : 'business_mailed',
            sender?.userId ?? null,
            { messageId: mail.messageId },
          );
          await attachToRequest(tx, row.id, notes, sender?.userId ?? null, now);
          await settle('continued', null, row.id);
          await writeAudit(tx, context, {
            action: 'support.continued_by_mail',
            entityType: 'support_request',
            entityId: row.id,
            unitId: row.team_unit_id,
            details: { number: row.number, from: mail.fromAddress, messageId: mail.messageId },
          });
          const out: MailMessage[] = [
            mailContinuedAck(mail.fromAddress, sender?.locale ?? 'vi', row.number, row.subject, notes, link(row.id)),
          ];
          for (const to of await repo.staffRecipients(tx, row, null))
            out.push({
              to: to.email,
              subject: `[${row.number}] Doanh nghiệp đã phản hồi qua thư: ${row.subject}`,
              text: `Yêu cầu ${row.number} có thư mới của doanh nghiệp.\n\n${link(row.id)}`,
            });
          return {
            status: 'continued',
            requestId: row.id,
            keys: await queueRequestMail(tx, row.id, eventId, out),
            duplicate: false,
          };
        }
        if (sender && isBusiness(sender)) {
          const { subject, body } = requestText(mail);
          // The checks that can refuse (whose enterprise, which branch) run before anything is written.
          const opened = await support
            .openRequestInTx(
              tx,
              context,
              { subject, body, category: inferCategory(mail.subject, mail.text), priority: 'normal' },
              { viaEmail: true },
            )
            .catch((error: unknown) => {
              if (error instanceof AppError) return null;
              throw error;
            });
          if (!opened) {
            await settle('unmatched', 'no_branch', null);
            await writeAudit(tx, context, {
              action: 'support.mail_unmatched',
              entityType: 'support_inbound_mail',
              entityId: insertedId,
              details: { from: mail.fromAddress, reason: 'no_branch' },
            });
            return unmatched;
          }
          await attachToRequest(tx, opened.row.id, notes, sender.userId, now);
          await settle('opened', null, opened.row.id);
          await writeAudit(tx, context, {
            action: 'support.opened_by_mail',
            entityType: 'support_request',
            entityId: opened.row.id,
            unitId: opened.row.team_unit_id,
            details: { number: opened.row.number, from: mail.fromAddress, messageId: mail.messageId },
          });
          const ack = opened.mail.map((m) => ({
            ...m,
            to: mail.fromAddress,
            headers: { 'Auto-Submitted': 'auto-replied' },
            text: m.text + refusedNote(notes, sender.locale),
          }));
          return {
            status: 'opened',
            requestId: opened.row.id,
            keys: await queueRequestMail(tx, opened.row.id, opened.eventId, ack),
            duplicate: false,
          };
        }
        await settle('unmatched', sender ? 'not_business' : 'unknown_sender', null);
        await writeAudit(tx, context, {
          action: 'support.mail_unmatched',
          entityType: 'support_inbound_mail',
          entityId: insertedId,
          details: { from: mail.fromAddress },
        });
        return unmatched;
      });
      if (result.duplicate) await files.remove(notes);
      await sendNow(result.keys);
      return { status: result.status, requestId: result.requestId, duplicate: result.duplicate };
    } catch (error) {
      await files.remove(notes);
      throw error;
    }
  }

  return { receive };
}
