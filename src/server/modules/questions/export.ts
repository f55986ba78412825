// The bank as an Excel workbook, for associations to pass on to their members.
import type { PublicEntry } from '../../../contracts/questions.ts';
import { writeTable, type DownloadFile } from '../../lib/tabular.ts';

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

export function bankWorkbook(entries: PublicEntry[], created: Date): Promise<DownloadFile> {
  const header = ['Số', 'Lĩnh vực', 'Câu hỏi', 'Trả lời', 'Căn cứ pháp lý', 'Rà soát lần cuối', 'Question', 'Answer'];
  const rows = entries.map((entry) => [
    entry.number,
    CATEGORY_VI[entry.category] ?? entry.category,
    entry.titleVi,
    entry.bodyVi,
    entry.legalBasis
      .map((l) =>
        [l.document, l.article, l.effectiveDate ? `hiệu lực ${l.effectiveDate}` : ''].filter(Boolean).join(', '),
      )
      .join('; '),
    entry.lastReviewedAt?.slice(0, 10) ?? '',
    entry.titleEn,
    entry.bodyEn,
  ]);
  return writeTable(
    [
      {
        name: 'Hỏi đáp',
        rows: [header, ...rows],
        headerRows: [0],
        widths: [8, 26, 50, 90, 50, 16, 50, 90],
        wrap: [3, 7],
      },
    ],
    'xlsx',
    'hoi-dap-hai-quan',
    created,
  );
}
