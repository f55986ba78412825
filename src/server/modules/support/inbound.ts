// Mail to the support desk's address. Each mail is stored once (by its
// Message-ID) with what became of it:
// - a reference like [HT26-000123] in the subject, from an account that may see
//   that request (or from the address the request was opened for), continues it
//   as a public message from the business;
// - a mail from a business account without a reference opens a new request
//   (channel 'email', category guessed from the words, routed as usual);
// - anything else waits in the officers' inbox ('unmatched', with the reason):
//   an officer opens a request from it on the sender's behalf, or dismisses it
//   with a reason. We do not answer from the inbox without a request, so every
//   answer has an owner and a deadline.
// Attachments pass the same checks as uploads; a refused one is noted with its
// reason, the rest is kept.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import type { z } from 'zod';
import { foldVietnamese, type QaCategory } from '../../../contracts/questions.ts';
import type { dismissMailBody, inboundListQuery, InboundMailView, openFromMailBody } from '../../../contracts/support-inbound.ts';
import type { RequestDetail } from '../../../contracts/support.ts';
import type { Database, InboundAttachmentNote } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import type { MailMessage } from '../../lib/mailer.ts';
import type { Role } from '../../../contracts/common.ts';
import { checkAttachment } from './attachments.ts';
import { mailContinuedAck } from './mail.ts';
import { toDetail } from './mapper.ts';
import { businessCanSee } from './policy.ts';
import * as repo from './repository.ts';
import { createSupportService, deliver, resumedDeadlines, type SupportDeps } from './service.ts';
import { isBusiness, isSupportStaff } from '../../../contracts/roles.ts';

export interface ParsedInbound {
  messageId: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  text: string;
  attachments: { fileName: string; bytes: Buffer }[];
  /** An out-of-office reply, a bounce or a list mail: never answered, never moves a request. */
  automatic: boolean;
}

/** RFC 3834 Auto-Submitted, and the Precedence and X-Auto* headers older responders use. */
function isAutomatic(headers: Map<string, unknown>): boolean {
  const text = (name: string) => {
    const value = headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : '';
  };
  const auto = text('auto-submitted');
  if (auto && auto !== 'no') return true;
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(text('precedence'))) return true;
  return headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-auto-response-suppress');
}

const REFERENCE = /\bHT\d{2}-\d{6}\b/i;

export function findReference(subject: string): string | null {
  return REFERENCE.exec(subject)?.[0].toUpperCase() ?? null;
}

const CATEGORY_WORDS: [QaCategory, string[]][] = [
  ['it_ecustoms', ['vnaccs', 'ecus', 'chu ky so', 'loi he thong', 'hai quan dien tu', 'khong gui duoc', 'khong truy cap']],
  ['origin', ['c/o', 'xuat xu', 'certificate of origin']],
  ['tax_refund', ['hoan thue', 'khong thu thue', 'tax refund']],
  ['tax_exemption', ['mien thue', 'tax exemption']],
  ['hs_code', ['ma hs', 'hs code', 'phan loai', 'ap ma']],
  ['processing_export', ['gia cong', 'san xuat xuat khau', 'sxxk', 'che xuat']],
  ['commodity_policy', ['chinh sach mat hang', 'giay phep', 'kiem tra chuyen nganh', 'hang cam']],
  ['procedures', ['thu tuc', 'to khai', 'thong quan']],
];

/** A category from the words of a mail; 'other' when nothing fits (the officer can still transfer it). */
export function inferCategory(subject: string, body: string): QaCategory {
  const text = ` ${foldVietnamese(`${subject} ${body.slice(0, 4000)}`).replace(/[^a-z0-9/]+/g, ' ')} `;
  for (const [category, words] of CATEGORY_WORDS) if (words.some((word) => text.includes(` ${word} `))) return category;
  return 'other';
}

/** The new part of a reply: quoted lines and everything after "… wrote:" / "… đã viết:" are dropped. */
export function stripQuoted(text: string): string {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^(On|Vào) .+(wrote|viết):\s*$/.test(line.trim()) || /^-{2,}\s*Original Message/i.test(line.trim())) break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Subject and body fitted to a request's limits. */
function requestText(mail: { subject: string; text: string; fromAddress: string }) {
  const subject = mail.subject.trim().length >= 5 ? mail.subject.trim().slice(0, 200) : `Thư từ ${mail.fromAddress}`.slice(0, 200);
  const body = mail.text.trim().length >= 10 ? mail.text.trim().slice(0, 10_000) : `${subject}\n\n(Thư không có nội dung)`;
  return { subject, body };
}

export async function parseMail(raw: Buffer): Promise<ParsedInbound> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = parsed.from?.value[0];
  return {
    messageId: (parsed.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@no-message-id>`).slice(0, 500),
    fromAddress: (from?.address ?? '').trim().toLowerCase().slice(0, 320),
    fromName: (from?.name ?? '').trim().slice(0, 200),
    subject: (parsed.subject ?? '').trim().slice(0, 500),
    text: (parsed.text ?? '').slice(0, 100_000),
    automatic: isAutomatic(parsed.headers),
    attachments: parsed.attachments.filter((a) => a.contentDisposition !== 'inline' || a.filename).map((a) => ({ fileName: a.filename ?? 'tep-dinh-kem', bytes: a.content })),
  };
}

/** An account's actor, as if it had signed in (for the rules and the audit log). */
async function findSenderActor(db: Kysely<Database>, email: string): Promise<UserActor | null> {
  if (!email) return null;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locale', 'enterprise_id', 'association_id', 'officer_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  const roles = await db.selectFrom('user_roles as r').leftJoin('units as u', 'u.id', 'r.unit_id').select(['r.role', 'r.unit_id', 'u.code']).where('r.user_id', '=', user.id).execute();
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

export function createInboundService(deps: SupportDeps & { dataDir: string }) {
  const { db, clock, mailer } = deps;
  const support = createSupportService(deps);
  const root = path.resolve(deps.dataDir, 'attachments');
  const link = (id: string) => `${deps.publicBase}/app/ho-tro/${id}`;

  /** Writes the accepted attachments to disk first (removed again if the transaction fails). */
  async function storeFiles(files: ParsedInbound['attachments']): Promise<InboundAttachmentNote[]> {
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
      notes.push({ fileName: checked.fileName, size: file.bytes.length, contentType: checked.contentType, storageKey: key });
    }
    return notes;
  }

  async function removeFiles(notes: InboundAttachmentNote[]) {
    for (const note of notes) if (note.storageKey) await fs.rm(path.join(root, note.storageKey), { force: true });
  }

  async function attachToRequest(tx: Kysely<Database>, requestId: string, notes: InboundAttachmentNote[], userId: string | null, at: Date) {
    for (const note of notes) {
      if (!note.storageKey || !note.contentType) continue;
      await tx
        .insertInto('support_attachments')
        .values({ request_id: requestId, internal: false, from_business: true, file_name: note.fileName, content_type: note.contentType, size_bytes: note.size, storage_key: note.storageKey, uploaded_by_user_id: userId, created_at: at })
        .execute();
    }
    const refused = notes.filter((n) => n.refused).map((n) => ({ fileName: n.fileName, reason: n.refused }));
    if (refused.length) await repo.addEvent(tx, requestId, at, 'email_attachments_refused', userId, { refused });
  }

  /** Receives one mail (raw RFC 822 bytes). Safe to call twice with the same mail: the second is ignored. */
  async function receive(raw: Buffer): Promise<{ status: string; requestId: string | null; duplicate: boolean }> {
    const mail = await parseMail(raw);
    const known = await db.selectFrom('support_inbound_mails').select(['status', 'request_id']).where('message_id', '=', mail.messageId).executeTakeFirst();
    if (known) return { status: known.status, requestId: known.request_id, duplicate: true };
    const notes = await storeFiles(mail.attachments);
    try {
      const result = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const inserted = await tx
          .insertInto('support_inbound_mails')
          .values({ message_id: mail.messageId, from_address: mail.fromAddress, from_name: mail.fromName, subject: mail.subject, text_body: mail.text.slice(0, 50_000), received_at: now, status: 'unmatched', attachments: JSON.stringify(notes) })
          .onConflict((oc) => oc.column('message_id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return { status: 'duplicate', requestId: null, mail: [] as MailMessage[], duplicate: true };
        const sender = await findSenderActor(tx, mail.fromAddress);
        const context: AuditContext = { actor: sender };
        const settle = async (status: 'opened' | 'continued' | 'unmatched', reason: string | null, requestId: string | null) => {
          await tx.updateTable('support_inbound_mails').set({ status, reason, request_id: requestId, sender_user_id: sender?.userId ?? null, ...(requestId && { attachments: JSON.stringify(notes.map((n) => ({ ...n, storageKey: undefined }))) }) }).where('id', '=', inserted.id).execute();
        };
        if (mail.automatic) {
          // Answering an auto-reply starts a mail loop, and it must not restart a waiting request's clock.
          await settle('unmatched', 'auto_reply', null);
          await writeAudit(tx, context, { action: 'support.mail_unmatched', entityType: 'support_inbound_mail', entityId: inserted.id, details: { from: mail.fromAddress, reason: 'auto_reply' } });
          return { status: 'unmatched', requestId: null, mail: [], duplicate: false };
        }
        const reference = findReference(mail.subject);
        if (reference) {
          const row = await tx.selectFrom('support_requests').selectAll().where('number', '=', reference).forUpdate().executeTakeFirst();
          const allowed = row && (sender ? businessCanSee(sender, row) : Boolean(row.requester_email && row.requester_email.toLowerCase() === mail.fromAddress));
          if (!row || !allowed) {
            await settle('unmatched', sender && !isBusiness(sender) ? 'not_business' : sender ? 'reference_not_found' : 'unknown_sender', null);
            await writeAudit(tx, context, { action: 'support.mail_unmatched', entityType: 'support_inbound_mail', entityId: inserted.id, details: { from: mail.fromAddress, reference } });
            return { status: 'unmatched', requestId: null, mail: [], duplicate: false };
          }
          if (row.status === 'merged' || row.status === 'resolved') {
            await settle('unmatched', 'request_closed', null);
            await writeAudit(tx, context, { action: 'support.mail_unmatched', entityType: 'support_inbound_mail', entityId: inserted.id, details: { from: mail.fromAddress, reference, reason: 'request_closed' } });
            return { status: 'unmatched', requestId: null, mail: [], duplicate: false };
          }
          const body = stripQuoted(mail.text) || requestText(mail).body;
          await repo.addMessage(tx, { requestId: row.id, kind: 'public', fromBusiness: true, authorUserId: sender?.userId ?? null, authorName: sender?.fullName ?? (mail.fromName || mail.fromAddress), body: body.slice(0, 10_000), at: now });
          await tx.updateTable('support_requests').set({ ...resumedDeadlines(row, now), status: row.status === 'waiting' ? 'in_progress' : row.status, updated_at: now }).where('id', '=', row.id).execute();
          await repo.addEvent(tx, row.id, now, row.status === 'waiting' ? 'business_mailed_resumed' : 'business_mailed', sender?.userId ?? null, { messageId: mail.messageId });
          await attachToRequest(tx, row.id, notes, sender?.userId ?? null, now);
          await settle('continued', null, row.id);
          await writeAudit(tx, context, { action: 'support.continued_by_mail', entityType: 'support_request', entityId: row.id, unitId: row.team_unit_id, details: { number: row.number, from: mail.fromAddress, messageId: mail.messageId } });
          const out: MailMessage[] = [mailContinuedAck(mail.fromAddress, sender?.locale ?? 'vi', row.number, row.subject, notes, link(row.id))];
          for (const to of await repo.staffRecipients(tx, row, null)) out.push({ to: to.email, subject: `[${row.number}] Doanh nghiệp đã phản hồi qua thư: ${row.subject}`, text: `Yêu cầu ${row.number} có thư mới của doanh nghiệp.\n\n${link(row.id)}` });
          return { status: 'continued', requestId: row.id, mail: out, duplicate: false };
        }
        if (sender && isBusiness(sender)) {
          const { subject, body } = requestText(mail);
          // The checks that can refuse (whose enterprise, which branch) run before anything is written.
          const opened = await support.openRequestInTx(tx, context, { subject, body, category: inferCategory(mail.subject, mail.text), priority: 'normal' }, { viaEmail: true }).catch((error: unknown) => {
            if (error instanceof AppError) return null;
            throw error;
          });
          if (!opened) {
            await settle('unmatched', 'no_branch', null);
            await writeAudit(tx, context, { action: 'support.mail_unmatched', entityType: 'support_inbound_mail', entityId: inserted.id, details: { from: mail.fromAddress, reason: 'no_branch' } });
            return { status: 'unmatched', requestId: null, mail: [], duplicate: false };
          }
          await attachToRequest(tx, opened.row.id, notes, sender.userId, now);
          await settle('opened', null, opened.row.id);
          await writeAudit(tx, context, { action: 'support.opened_by_mail', entityType: 'support_request', entityId: opened.row.id, unitId: opened.row.team_unit_id, details: { number: opened.row.number, from: mail.fromAddress, messageId: mail.messageId } });
          const ack = opened.mail.map((m) => ({ ...m, to: mail.fromAddress, headers: { 'Auto-Submitted': 'auto-replied' }, text: m.text + refusedNote(notes, sender.locale) }));
          return { status: 'opened', requestId: opened.row.id, mail: ack, duplicate: false };
        }
        await settle('unmatched', sender ? 'not_business' : 'unknown_sender', null);
        await writeAudit(tx, context, { action: 'support.mail_unmatched', entityType: 'support_inbound_mail', entityId: inserted.id, details: { from: mail.fromAddress } });
        return { status: 'unmatched', requestId: null, mail: [], duplicate: false };
      });
      if (result.duplicate) await removeFiles(notes);
      await deliver(mailer, result.mail);
      return { status: result.status, requestId: result.requestId, duplicate: result.duplicate };
    } catch (error) {
      await removeFiles(notes);
      throw error;
    }
  }

  function requireStaff(actor: Actor | null): UserActor {
    if (!isUser(actor)) throw unauthorized();
    if (!isSupportStaff(actor)) throw forbidden();
    return actor;
  }

  type InboxRow = { id: string; from_address: string; from_name: string; subject: string; text_body: string; received_at: Date; status: InboundMailView['status']; reason: string | null; request_id: string | null; attachments: InboundAttachmentNote[]; number: string | null };

  function toSummary(row: InboxRow): Omit<InboundMailView, 'textBody'> {
    return {
      id: row.id,
      fromAddress: row.from_address,
      fromName: row.from_name,
      subject: row.subject,
      receivedAt: row.received_at.toISOString(),
      status: row.status,
      reason: row.reason,
      requestId: row.request_id,
      requestNumber: row.number,
      attachments: row.attachments.map((a) => ({ fileName: a.fileName, size: a.size, refused: a.refused ?? null })),
    };
  }
  const toView = (row: InboxRow): InboundMailView => ({ ...toSummary(row), textBody: row.text_body });

  const columns = ['m.id', 'm.from_address', 'm.from_name', 'm.subject', 'm.text_body', 'm.received_at', 'm.status', 'm.reason', 'm.request_id', 'm.attachments', 'r.number'] as const;

  /** The officers' inbox: mail that matched no account or request (and what was done with it). */
  async function listInbox(actor: Actor | null, query: z.infer<typeof inboundListQuery>) {
    requireStaff(actor);
    const rows = await db
      .selectFrom('support_inbound_mails as m')
      .leftJoin('support_requests as r', 'r.id', 'm.request_id')
      .select(columns)
      .where('m.status', '=', query.status)
      .orderBy('m.received_at', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const total = await db.selectFrom('support_inbound_mails').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', query.status).executeTakeFirstOrThrow();
    return {
      total: Number(total.n),
      items: rows.map(toSummary),
    };
  }

  async function findInboxMail(tx: Kysely<Database>, id: string, forUpdate = false) {
    if (forUpdate) await tx.selectFrom('support_inbound_mails').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const row = await tx.selectFrom('support_inbound_mails as m').leftJoin('support_requests as r', 'r.id', 'm.request_id').select(columns).where('m.id', '=', id).executeTakeFirst();
    // Mail that went straight into a request is read there, within the request's scope.
    if (!row || row.status === 'opened' || row.status === 'continued') throw notFound();
    return row;
  }

  async function getInboxMail(actor: Actor | null, id: string): Promise<InboundMailView> {
    requireStaff(actor);
    const row = await findInboxMail(db, id);
    return toView(row);
  }

  /** An officer opens a request on the sender's behalf; the mail's kept attachments join it and the sender is acknowledged. */
  async function openFromMail(context: AuditContext, id: string, input: z.infer<typeof openFromMailBody>): Promise<RequestDetail> {
    const actor = requireStaff(context.actor);
    const result = await db.transaction().execute(async (tx) => {
      const mail = await findInboxMail(tx, id, true);
      if (mail.status !== 'unmatched') throw new AppError('conflict', 'inbound_handled');
      const { subject, body } = requestText({ subject: mail.subject, text: mail.text_body, fromAddress: mail.from_address });
      const opened = await support.openRequestInTx(
        tx,
        context,
        { subject, body, category: input.category, priority: input.priority, channel: 'email', requesterName: input.requesterName, requesterEmail: mail.from_address, ...(input.enterpriseTaxCode && { enterpriseTaxCode: input.enterpriseTaxCode }), ...(input.branchId && { branchId: input.branchId }) },
        { viaEmail: true },
      );
      const now = clock.now();
      await attachToRequest(tx, opened.row.id, mail.attachments, actor.userId, now);
      await tx
        .updateTable('support_inbound_mails')
        .set({ status: 'opened_by_officer', request_id: opened.row.id, handled_by_user_id: actor.userId, handled_at: now, attachments: JSON.stringify(mail.attachments.map((n) => ({ ...n, storageKey: undefined }))) })
        .where('id', '=', id)
        .execute();
      await writeAudit(tx, context, { action: 'support.opened_from_mail', entityType: 'support_request', entityId: opened.row.id, unitId: opened.row.team_unit_id, details: { number: opened.row.number, inboundMailId: id, from: mail.from_address } });
      return { mail: opened.mail, view: await toDetail(tx, opened.row, true, actor) };
    });
    await deliver(mailer, result.mail);
    return result.view;
  }

  async function dismiss(context: AuditContext, id: string, input: z.infer<typeof dismissMailBody>): Promise<InboundMailView> {
    const actor = requireStaff(context.actor);
    const result = await db.transaction().execute(async (tx) => {
      const mail = await findInboxMail(tx, id, true);
      if (mail.status !== 'unmatched') throw new AppError('conflict', 'inbound_handled');
      await tx.updateTable('support_inbound_mails').set({ status: 'dismissed', reason: input.reason, handled_by_user_id: actor.userId, handled_at: clock.now() }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'support.mail_dismissed', entityType: 'support_inbound_mail', entityId: id, details: { from: mail.from_address, reason: input.reason } });
      return { mail, row: await findInboxMail(tx, id) };
    });
    await removeFiles(result.mail.attachments);
    return toView(result.row);
  }

  return { receive, listInbox, getInboxMail, openFromMail, dismiss };
}

export type InboundService = ReturnType<typeof createInboundService>;

export function refusedNote(notes: InboundAttachmentNote[], locale: 'vi' | 'en'): string {
  const refused = notes.filter((n) => n.refused);
  if (refused.length === 0) return '';
  const reason = (r: string) => (locale === 'en' ? (r === 'attachment_type' ? 'file type not accepted' : 'larger than 5 MB') : r === 'attachment_type' ? 'loại tệp không được chấp nhận' : 'lớn hơn 5 MB');
  const head = locale === 'en' ? '\n\nThese attachments were not accepted:' : '\n\nCác tệp đính kèm sau không được tiếp nhận:';
  return head + refused.map((n) => `\n- ${n.fileName}: ${reason(n.refused!)}`).join('');
}
