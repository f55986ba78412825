// Reading mail to the support desk: the parsed message, whether it was sent by
// a machine, the request number in its subject, a category guessed from its
// words, the new part of a reply, and the note on refused attachments. Pure,
// except parseMail (mailparser).
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { foldVietnamese, type QaCategory } from '../../../contracts/questions.ts';
import type { InboundAttachmentNote } from '../../db/schema.ts';

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
  [
    'it_ecustoms',
    ['vnaccs', 'ecus', 'chu ky so', 'loi he thong', 'hai quan dien tu', 'khong gui duoc', 'khong truy cap'],
  ],
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
export function requestText(mail: { subject: string; text: string; fromAddress: string }) {
  const subject =
    mail.subject.trim().length >= 5 ? mail.subject.trim().slice(0, 200) : `Thư từ ${mail.fromAddress}`.slice(0, 200);
  const body =
    mail.text.trim().length >= 10 ? mail.text.trim().slice(0, 10_000) : `${subject}\n\n(Thư không có nội dung)`;
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
    attachments: parsed.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a) => ({ fileName: a.filename ?? 'tep-dinh-kem', bytes: a.content })),
  };
}

export function refusedNote(notes: InboundAttachmentNote[], locale: 'vi' | 'en'): string {
  const refused = notes.filter((n) => n.refused);
  if (refused.length === 0) return '';
  const reason = (r: string) =>
    locale === 'en'
      ? r === 'attachment_type'
        ? 'file type not accepted'
        : 'larger than 5 MB'
      : r === 'attachment_type'
        ? 'loại tệp không được chấp nhận'
        : 'lớn hơn 5 MB';
  const head =
    locale === 'en' ? '\n\nThese attachments were not accepted:' : '\n\nCác tệp đính kèm sau không được tiếp nhận:';
  return head + refused.map((n) => `\n- ${n.fileName}: ${reason(n.refused!)}`).join('');
}
