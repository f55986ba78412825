// Small real PDFs for a few library documents (one with an earlier version, so
// the history shows), stored under DATA_DIR/documents exactly as an upload
// would be; and October's newsletter of the Hai Phong department, already sent,
// so the delivery log has something to show (sent, one failure, one skipped).
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Database } from '../../src/server/db/schema.ts';
import { createFileStore, sha256Hex } from '../../src/server/lib/file-store.ts';

const FONT = '/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf';
const CREATED = new Date('2026-11-20T02:00:00Z');

/** A one-page PDF in Vietnamese (Noto Serif; without it, Helvetica and the text without diacritics). */
export function demoPdf(lines: {
  heading: string;
  number: string;
  title: string;
  body: string;
  note: string;
}): Promise<Buffer> {
  const hasFont = fs.existsSync(FONT) && fs.existsSync(FONT_BOLD);
  const plain = (text: string) =>
    hasFont
      ? text
      : text
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: plain(`${lines.number} — ${lines.title}`), Author: 'Cầu Nối (dữ liệu mẫu)', CreationDate: CREATED },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const regular = hasFont ? FONT : 'Helvetica';
  const bold = hasFont ? FONT_BOLD : 'Helvetica-Bold';
  doc.font(bold).fontSize(11).text(plain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), { align: 'center' });
  doc.font(regular).fontSize(11).text(plain('Độc lập - Tự do - Hạnh phúc'), { align: 'center' }).moveDown();
  doc
    .font(bold)
    .fontSize(12)
    .text(plain(lines.heading))
    .font(regular)
    .text(plain(`Số: ${lines.number}`))
    .moveDown();
  doc.font(bold).fontSize(14).text(plain(lines.title), { align: 'center' }).moveDown();
  doc.font(regular).fontSize(12).text(plain(lines.body), { align: 'justify' }).moveDown();
  doc.fontSize(9).fillColor('#555555').text(plain(lines.note));
  doc.end();
  return done;
}

const FILES: { number: string; heading: string; versions: { name: string; body: string; uploaded: string }[] }[] = [
  {
    number: '54/2014/QH13',
    heading: 'QUỐC HỘI',
    versions: [
      {
        name: 'Luật Hải quan 54-2014-QH13.pdf',
        body: 'Luật này quy định quản lý nhà nước về hải quan đối với hàng hóa được xuất khẩu, nhập khẩu, quá cảnh, phương tiện vận tải xuất cảnh, nhập cảnh, quá cảnh của tổ chức, cá nhân trong nước và nước ngoài trong lãnh thổ hải quan; về tổ chức và hoạt động của Hải quan.',
        uploaded: '2026-11-02T02:00:00Z',
      },
    ],
  },
  {
    number: '08/2015/NĐ-CP',
    heading: 'CHÍNH PHỦ',
    versions: [
      {
        name: 'Nghị định 08-2015-NĐ-CP.pdf',
        body: 'Nghị định này quy định chi tiết Luật Hải quan về thủ tục hải quan, kiểm tra, giám sát, kiểm soát hải quan; thủ tục hải quan điện tử; doanh nghiệp ưu tiên; đại lý làm thủ tục hải quan.',
        uploaded: '2026-11-02T02:10:00Z',
      },
      {
        name: 'Nghị định 08-2015-NĐ-CP (hợp nhất sau Nghị định 59-2018).pdf',
        body: 'Văn bản hợp nhất Nghị định 08/2015/NĐ-CP và Nghị định 59/2018/NĐ-CP sửa đổi, bổ sung: hồ sơ hải quan, kiểm tra thực tế hàng hóa, hàng gia công, sản xuất xuất khẩu và doanh nghiệp chế xuất.',
        uploaded: '2026-11-16T03:00:00Z',
      },
    ],
  },
  {
    number: 'Demo-01/2026/TT-BTC',
    heading: 'BỘ TÀI CHÍNH',
    versions: [
      {
        name: 'Thông tư Demo-01-2026-TT-BTC.pdf',
        body: 'Thông tư hướng dẫn khai hải quan đối với hàng hóa giao dịch qua thương mại điện tử, trách nhiệm của sàn giao dịch và doanh nghiệp chuyển phát nhanh.',
        uploaded: '2026-11-06T03:00:00Z',
      },
    ],
  },
];

export async function seedDocumentFiles(
  db: Kysely<Database>,
  context: { dataDir: string; unitIds: Map<string, string> },
): Promise<{ files: number }> {
  const store = createFileStore(context.dataDir, 'documents');
  const uploader = await db.selectFrom('users').select('id').where('email', 'like', 'tongcuc@%').executeTakeFirst();
  let files = 0;
  for (const spec of FILES) {
    const document = await db
      .selectFrom('legal_documents')
      .select(['id', 'title'])
      .where('number', '=', spec.number)
      .executeTakeFirst();
    if (!document) continue;
    for (const [index, version] of spec.versions.entries()) {
      const bytes = await demoPdf({
        heading: spec.heading,
        number: spec.number,
        title: document.title,
        body: version.body,
        note: 'Bản trình bày mẫu cho dữ liệu trình diễn Cầu Nối — không phải văn bản gốc có giá trị pháp lý.',
      });
      const next = spec.versions[index + 1];
      const replaced = next ? new Date(next.uploaded) : null;
      await store.save(bytes, 'pdf', (storedName) =>
        db
          .insertInto('legal_document_files')
          .values({
            document_id: document.id,
            version: index + 1,
            file_name: version.name,
            stored_name: storedName,
            content_type: 'application/pdf',
            size_bytes: bytes.length,
            sha256: sha256Hex(bytes),
            uploaded_by: uploader?.id ?? null,
            uploaded_at: version.uploaded,
            replaced_at: replaced,
          })
          .execute(),
      );
      files++;
    }
  }
  return { files };
}

/** October's issue of the Hai Phong department, sent: two delivered, one refused by the mail server, one skipped. */
export async function seedSentNewsletter(
  db: Kysely<Database>,
  context: { unitIds: Map<string, string> },
): Promise<void> {
  const unitId = context.unitIds.get('03');
  if (!unitId) return;
  const sender = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', 'lanhdaocuc.haiphong@%')
    .executeTakeFirst();
  const document = await db
    .selectFrom('legal_documents')
    .select(['id', 'number', 'title'])
    .where('number', '=', '59/2018/NĐ-CP')
    .executeTakeFirstOrThrow();
  const sentAt = new Date('2026-11-03T02:00:00Z');
  const items = [
    {
      kind: 'document' as const,
      id: document.id,
      title: `${document.number} — ${document.title}`,
      detail: 'Chính phủ; hiệu lực từ 05/06/2018.',
      topics: ['procedures'],
    },
  ];
  const newsletter = await db
    .insertInto('newsletters')
    .values({
      month: '2026-10',
      unit_id: unitId,
      status: 'sent',
      intro_vi:
        'Kính gửi Quý doanh nghiệp, Cục Hải quan thành phố Hải Phòng xin gửi các văn bản mới trong tháng 10/2026.',
      items: JSON.stringify(items),
      recipients: 3,
      created_at: new Date('2026-11-01T01:00:00Z'),
      sent_at: sentAt,
      sent_by: sender?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipients: { email: string; status: 'sent' | 'failed' | null; error?: string }[] = [
    { email: 'doanhnghiep@demo.caunoi.vn', status: 'sent' },
    { email: 'hiephoi@demo.caunoi.vn', status: 'sent' },
    {
      email: 'xnk.dinhvu@demo.caunoi.vn',
      status: 'failed',
      error: '550 5.1.1 <xnk.dinhvu@demo.caunoi.vn>: Recipient address rejected: mailbox full',
    },
    { email: 'ketoan.trangkenh@demo.caunoi.vn', status: null },
  ];
  for (const [index, r] of recipients.entries()) {
    await db
      .insertInto('newsletter_recipients')
      .values({
        newsletter_id: newsletter.id,
        email: r.email,
        token: `demo-newsletter-2026-10-03-${String(index).padStart(2, '0')}`,
        skipped: r.status ? null : 'unsubscribed',
      })
      .execute();
    if (!r.status) continue;
    await db
      .insertInto('mail_deliveries')
      .values({
        key: `newsletter:${newsletter.id}:${r.email}`,
        to_address: r.email,
        subject: 'Bản tin hải quan tháng 10/2026',
        text_body: `Kính gửi Quý doanh nghiệp, Cục Hải quan thành phố Hải Phòng xin gửi các văn bản mới trong tháng 10/2026.\n\nVĂN BẢN MỚI\n• ${items[0]!.title}\n\n—\nCầu Nối — Hải quan Việt Nam`,
        headers: JSON.stringify({}),
        attachments: JSON.stringify([]),
        status: r.status,
        attempts: r.status === 'failed' ? 3 : 1,
        created_at: sentAt,
        claimed_at: sentAt,
        sent_at: r.status === 'sent' ? new Date(sentAt.getTime() + 60_000) : null,
        error: r.error ?? null,
      })
      .execute();
  }
  await db
    .insertInto('newsletter_optouts')
    .values({ email: 'ketoan.trangkenh@demo.caunoi.vn', at: new Date('2026-10-20T02:00:00Z') })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}
