// Mail from the support desk, always through the delivery queue. Only public
// replies and status changes are ever put in a message to a business; internal
// notes have no path here.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import type { MailMessage } from '../../lib/mailer.ts';

type Locale = 'vi' | 'en';
const footer = { vi: '\n\nCầu Nối — Hải quan Việt Nam', en: '\n\nCầu Nối — Vietnam Customs' };

export function receivedMail(to: string, locale: Locale, number: string, subject: string, link: string): MailMessage {
  return locale === 'en'
    ? {
        to,
        subject: `[${number}] Request received: ${subject}`,
        text: `Customs has received your request ${number} and will answer within the published time limits.\n\nFollow it here: ${link}${footer.en}`,
      }
    : {
        to,
        subject: `[${number}] Đã tiếp nhận yêu cầu: ${subject}`,
        text: `Cơ quan hải quan đã tiếp nhận yêu cầu ${number} và sẽ trả lời trong thời hạn đã công bố.\n\nTheo dõi yêu cầu tại: ${link}${footer.vi}`,
      };
}

export function replyMail(
  to: string,
  locale: Locale,
  number: string,
  subject: string,
  reply: string,
  link: string,
): MailMessage {
  return locale === 'en'
    ? {
        to,
        subject: `[${number}] Customs answered: ${subject}`,
        text: `${reply}\n\nReply or rate the answer here: ${link}${footer.en}`,
      }
    : {
        to,
        subject: `[${number}] Hải quan trả lời: ${subject}`,
        text: `${reply}\n\nPhản hồi hoặc đánh giá câu trả lời tại: ${link}${footer.vi}`,
      };
}

export function statusMail(
  to: string,
  locale: Locale,
  number: string,
  subject: string,
  status: 'resolved' | 'waiting',
  link: string,
): MailMessage {
  const vi =
    status === 'resolved'
      ? 'đã được giải quyết. Quý doanh nghiệp vui lòng đánh giá câu trả lời; có thể mở lại trong 7 ngày'
      : 'đang chờ Quý doanh nghiệp bổ sung thông tin';
  const en =
    status === 'resolved'
      ? 'has been resolved. Please rate the answer; you can reopen it within 7 days'
      : 'is waiting for more information from you';
  return locale === 'en'
    ? { to, subject: `[${number}] ${subject}`, text: `Your request ${number} ${en}.\n\n${link}${footer.en}` }
    : { to, subject: `[${number}] ${subject}`, text: `Yêu cầu ${number} ${vi}.\n\n${link}${footer.vi}` };
}

export function staffMail(to: string, number: string, subject: string, what: string, link: string): MailMessage {
  return { to, subject: `[${number}] ${what}: ${subject}`, text: `${what}.\n\n${link}${footer.vi}` };
}

/** Marks an automatic answer (RFC 3834), so that other responders do not answer it. */
const AUTO = { 'Auto-Submitted': 'auto-replied' };

/** Acknowledges a mail added to a request. Says only that it arrived (and which attachments were refused) — nothing of the conversation. */
export function mailContinuedAck(
  to: string,
  locale: Locale,
  number: string,
  subject: string,
  attachments: { fileName: string; refused?: string | undefined }[],
  link: string,
): MailMessage {
  const refused = attachments.filter((a) => a.refused);
  const reason = (r: string) =>
    locale === 'en'
      ? r === 'attachment_type'
        ? 'file type not accepted'
        : 'larger than 5 MB'
      : r === 'attachment_type'
        ? 'loại tệp không được chấp nhận'
        : 'lớn hơn 5 MB';
  const list = refused.map((a) => `\n- ${a.fileName}: ${reason(a.refused!)}`).join('');
  return locale === 'en'
    ? {
        to,
        headers: AUTO,
        subject: `[${number}] Message received: ${subject}`,
        text: `Your message has been added to request ${number}.${list ? `\n\nThese attachments were not accepted:${list}` : ''}\n\nFollow it here: ${link}${footer.en}`,
      }
    : {
        to,
        headers: AUTO,
        subject: `[${number}] Đã nhận thư: ${subject}`,
        text: `Thư của bạn đã được đưa vào yêu cầu ${number}.${list ? `\n\nCác tệp đính kèm sau không được tiếp nhận:${list}` : ''}\n\nTheo dõi yêu cầu tại: ${link}${footer.vi}`,
      };
}

/**
 * Queues a request's mail inside the transaction that causes it, keyed by the
 * event it tells of (one copy per address); returns the keys, to send right
 * after the commit (sendQueued). Nothing is ever sent from here directly.
 */
export async function queueRequestMail(
  tx: Kysely<Database>,
  requestId: string,
  eventId: number,
  messages: MailMessage[],
): Promise<string[]> {
  const deliveries: Delivery[] = messages.map((m) => ({
    key: `support:${requestId}:${eventId}:${m.to.toLowerCase()}`,
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.headers && { headers: m.headers }),
  }));
  await queueDeliveries(tx, deliveries);
  return deliveries.map((d) => d.key);
}
