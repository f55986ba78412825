// The bank as an Excel workbook, for associations to pass on to their members.
import ExcelJS from 'exceljs';
import type { PublicEntry } from '../../../contracts/questions.ts';

const CATEGORY_VI: Record<string, string> = {
  hs_code: 'Phân loại, áp mã HS',
  tax_refund: 'Hoàn thuế, không thu thuế',
  tax_exemption: 'Miễn thuế',
  commodity_policy: 'Chính sách mặt hàng',
  procedures: 'Thủ tục hải quan',
  processing_export: 'Gia công, sản xuất xuất khẩu',
  origin: 'Xuất xứ hàng hóa (C/O)',
  it_ecustoms: 'CNTT, hải quan điện tử',
  other: 'Khác',
};

export async function bankWorkbook(entries: PublicEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối — Hải quan Việt Nam';
  const sheet = workbook.addWorksheet('Hỏi đáp');
  sheet.columns = [
    { header: 'Số', key: 'number', width: 8 },
    { header: 'Lĩnh vực', key: 'category', width: 26 },
    { header: 'Câu hỏi', key: 'titleVi', width: 50 },
    { header: 'Trả lời', key: 'bodyVi', width: 90 },
    { header: 'Căn cứ pháp lý', key: 'legal', width: 50 },
    { header: 'Rà soát lần cuối', key: 'reviewed', width: 16 },
    { header: 'Question', key: 'titleEn', width: 50 },
    { header: 'Answer', key: 'bodyEn', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    sheet.addRow({
      number: entry.number,
      category: CATEGORY_VI[entry.category] ?? entry.category,
      titleVi: entry.titleVi,
      bodyVi: entry.bodyVi,
      legal: entry.legalBasis
        .map((l) =>
          [l.document, l.article, l.effectiveDate ? `hiệu lực ${l.effectiveDate}` : ''].filter(Boolean).join(', '),
        )
        .join('; '),
      reviewed: entry.lastReviewedAt?.slice(0, 10) ?? '',
      titleEn: entry.titleEn,
      bodyEn: entry.bodyEn,
    });
  }
  sheet.getColumn('bodyVi').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('bodyEn').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
