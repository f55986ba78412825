// A participant's certificate (PDF, A4 landscape), with the same fonts as the
// question bank's PDF so Vietnamese renders.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';

const FONTS = fileURLToPath(new URL('../../../../assets/fonts/', import.meta.url));

export interface CertificateInput {
  contestTitle: string;
  name: string;
  enterprise: string;
  members: string[];
  round: string;
  correct: number;
  total: number;
  rank: number;
  winner: boolean;
  issuedAt: Date;
  organizer: string;
}

/** Renders the certificate into a buffer. */
export function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 60, bottom: 60, left: 70, right: 70 },
    info: { Title: `Giấy chứng nhận — ${input.contestTitle}`, Author: input.organizer },
    lang: 'vi-VN',
  });
  doc.registerFont('body', path.join(FONTS, 'NotoSans-Regular.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'NotoSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 140;
  doc
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .lineWidth(3)
    .stroke('#0b4f8a');
  doc
    .font('bold')
    .fontSize(14)
    .fillColor('#0b4f8a')
    .text(input.organizer.toUpperCase(), 70, 70, { width, align: 'center' });
  doc
    .moveDown(1.2)
    .fontSize(30)
    .text(input.winner ? 'GIẤY KHEN' : 'GIẤY CHỨNG NHẬN', { width, align: 'center' });
  doc.moveDown(0.4).font('body').fontSize(14).fillColor('#222').text('Cuộc thi', { width, align: 'center' });
  doc.font('bold').fontSize(18).text(input.contestTitle, { width, align: 'center' });
  doc.moveDown(1).font('body').fontSize(14).text('Chứng nhận', { width, align: 'center' });
  doc.font('bold').fontSize(24).text(input.name, { width, align: 'center' });
  if (input.members.length > 0)
    doc
      .font('body')
      .fontSize(12)
      .text(`Thành viên: ${input.members.join(', ')}`, { width, align: 'center' });
  doc.font('body').fontSize(14).text(input.enterprise, { width, align: 'center' });
  doc
    .moveDown(1)
    .text(`đã tham gia ${input.round}: trả lời đúng ${input.correct}/${input.total} câu, xếp hạng ${input.rank}.`, {
      width,
      align: 'center',
    });
  const [y, m, d] = vietnamDay(input.issuedAt).split('-');
  doc.moveDown(2).fontSize(12).text(`Ngày ${d} tháng ${m} năm ${y}`, { width, align: 'right' });
  doc.end();
  return done;
}
