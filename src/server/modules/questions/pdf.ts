// The bank as a PDF for associations to pass on: a cover (title, date, count),
// then the entries grouped by category with number, question, answer, legal
// basis and last review, and a page number on every page. The document is
// streamed: entries are read in batches and each page is flushed as it fills,
// so memory stays bounded however large the bank is.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { QA_CATEGORIES, type QaCategory } from '../../../contracts/questions.ts';
import { startOfVietnamDay, VIETNAM_TIME_ZONE } from '../../../contracts/vietnam-time.ts';

const FONTS = fileURLToPath(new URL('../../../../assets/fonts/', import.meta.url));
const REGULAR = path.join(FONTS, 'NotoSans-Regular.ttf');
const BOLD = path.join(FONTS, 'NotoSans-Bold.ttf');

export const CATEGORY_TITLES: Record<QaCategory, string> = {
  hs_code: 'Phân loại, áp mã HS',
  tax_refund: 'Hoàn thuế, không thu thuế',
  tax_exemption: 'Miễn thuế',
  commodity_policy: 'Chính sách mặt hàng',
  procedures: 'Thủ tục hải quan',
  processing_export: 'Gia công, sản xuất xuất khẩu',
  origin: 'Xuất xứ hàng hóa (C/O)',
  it_ecustoms: 'Công nghệ thông tin, hải quan điện tử',
  other: 'Khác',
};

export const PDF_TITLE = 'Ngân hàng câu hỏi – trả lời về thủ tục hải quan';

export interface PdfEntry {
  number: number;
  category: QaCategory;
  titleVi: string;
  bodyVi: string;
  legalBasis: { document: string; article: string; effectiveDate: string | null }[];
  lastReviewedAt: Date | null;
}

const DATE_FORMAT = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** Dates as Vietnamese readers write them (dd/mm/yyyy, Vietnam time). */
function vnDate(value: Date | string): string {
  return DATE_FORMAT.format(typeof value === 'string' ? startOfVietnamDay(value) : value);
}

/** Above this many bytes waiting for a slow reader, rendering pauses. */
const BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * Renders the bank. `batches(category)` yields the category's published entries
 * in order, a batch at a time. Returns the PDF as a readable stream; a failure
 * while reading destroys the stream with the error.
 */
export function renderBankPdf(options: {
  generatedAt: Date;
  count: number;
  batches: (category: QaCategory) => AsyncIterable<PdfEntry[]>;
  compress?: boolean;
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    compress: options.compress ?? true,
    bufferPages: false,
    info: { Title: PDF_TITLE, Author: 'Cầu Nối — Hải quan Việt Nam', Subject: 'Hỏi đáp thủ tục hải quan' },
    lang: 'vi-VN',
  });
  doc.registerFont('body', REGULAR);
  doc.registerFont('bold', BOLD);
  let pageNumber = 0;
  const footer = () => {
    pageNumber++;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open another page
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555555')
      .text(`Trang ${pageNumber}`, doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.x = doc.page.margins.left;
    doc.y = doc.page.margins.top;
    doc.fillColor('#000000');
  };
  doc.on('pageAdded', footer);
  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;

  /**
   * pdfkit caches the layout of every distinct word for the life of a font; over
   * thousands of entries (numbers, names) that grows without end, so the caches
   * are emptied after each batch (the fonts' glyph subsets stay).
   */
  const forgetLayouts = () => {
    const families =
      (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies ?? {};
    for (const font of Object.values(families)) if (font.layoutCache) font.layoutCache = Object.create(null);
  };

  const waitForReader = async () => {
    while (doc.readableLength > BACKLOG_BYTES && !doc.destroyed) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  const cover = () => {
    footer();
    doc.moveDown(8);
    doc.font('bold').fontSize(24).fillColor('#0b3d6b').text(PDF_TITLE, { align: 'center' });
    doc.moveDown(0.5);
    doc
      .font('body')
      .fontSize(13)
      .fillColor('#333333')
      .text('Questions and answers on customs procedures', { align: 'center' });
    doc.moveDown(3);
    doc.fontSize(12).fillColor('#000000');
    doc.text(`Ngày xuất: ${vnDate(options.generatedAt)}`, { align: 'center' });
    doc.text(`Số câu hỏi – trả lời: ${options.count.toLocaleString('vi-VN')}`, { align: 'center' });
    doc.moveDown(6);
    doc
      .fontSize(10)
      .fillColor('#444444')
      .text(
        'Tài liệu do cơ quan hải quan biên soạn để hiệp hội gửi đến hội viên. Mỗi câu trả lời ghi căn cứ pháp lý và ngày rà soát lần cuối; bản mới nhất luôn có tại trang Hỏi đáp của Cầu Nối.',
        { align: 'center' },
      );
  };

  const entry = (e: PdfEntry) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.font('bold').fontSize(11).fillColor('#0b3d6b').text(`Câu ${e.number}. ${e.titleVi}`, { width: width() });
    doc.moveDown(0.2);
    doc.font('body').fontSize(10).fillColor('#000000').text(e.bodyVi, { width: width() });
    doc.moveDown(0.2);
    const legal = e.legalBasis
      .map((l) =>
        [l.document, l.article, l.effectiveDate ? `hiệu lực từ ${vnDate(l.effectiveDate)}` : '']
          .filter(Boolean)
          .join(', '),
      )
      .join('; ');
    doc
      .fontSize(9)
      .fillColor('#333333')
      .text(`Căn cứ pháp lý: ${legal || 'chưa ghi'}`, { width: width() });
    doc.text(`Rà soát lần cuối: ${e.lastReviewedAt ? vnDate(e.lastReviewedAt) : 'chưa rà soát'}`, { width: width() });
    doc.moveDown(0.8);
  };

  void (async () => {
    try {
      cover();
      for (const category of QA_CATEGORIES) {
        let first = true;
        for await (const batch of options.batches(category)) {
          for (const item of batch) {
            if (first) {
              doc.addPage();
              doc.font('bold').fontSize(16).fillColor('#0b3d6b').text(CATEGORY_TITLES[category], { width: width() });
              doc.moveDown(0.6);
              first = false;
            }
            entry(item);
          }
          forgetLayouts();
          await waitForReader();
          if (doc.destroyed) return;
        }
      }
      doc.end();
    } catch (error) {
      doc.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return doc;
}
