// A results view as a CSV or Excel file: one table (the unit or officer, its
// months, the units and officers under it, the comments), under a few lines that
// say what was exported. Pure: takes the view the API returned, so the scope and
// the withholding are exactly those of the page.
import type { Figures, OfficerDashboard, UnitDashboard } from '../../../contracts/dashboards.ts';
import type { Locale } from '../../lib/locale.ts';
import { writeTable, type DownloadFile, type TableCell, type TableFormat } from '../../lib/tabular.ts';

export type ExportFile = DownloadFile;

export type ExportView = { kind: 'unit'; data: UnitDashboard } | { kind: 'officer'; data: OfficerDashboard };

const TEXT = {
  vi: {
    title: 'Kết quả đánh giá mức độ hài lòng',
    unit: 'Đơn vị',
    officer: 'Công chức',
    period: 'Kỳ',
    months: 'Các tháng đã công bố trong kỳ',
    rule: 'Quy tắc công bố',
    ruleText:
      'Chỉ công bố theo tháng đã khép lại; ô dưới 5 doanh nghiệp, hoặc ô có thể suy ra ô đó, không được công bố. Kỳ dài hơn một tháng cộng các tháng đã công bố.',
    generated: 'Lập lúc',
    withheld: 'Không công bố (dưới 5 doanh nghiệp hoặc để bảo vệ ô khác)',
    sections: {
      self: 'Tổng hợp',
      own: 'Đánh giá trực tiếp đơn vị',
      month: 'Theo tháng',
      children: 'Đơn vị cấp dưới',
      officers: 'Công chức',
      comments: 'Ý kiến (ẩn danh, theo đợt)',
    },
    columns: [
      'Phần',
      'Mã',
      'Tên',
      'Kỳ',
      'Số tháng công bố',
      'Doanh nghiệp',
      'Tờ khai được đánh giá',
      'Tỷ lệ tờ khai hài lòng (%)',
      'Lượt đánh giá',
      'Điểm trung bình (1–5)',
      'Điểm xếp hạng',
      '1 sao',
      '2 sao',
      '3 sao',
      '4 sao',
      '5 sao',
      'Gây phiền hà',
      'Sách nhiễu',
      'Tiêu cực',
      'Chậm trễ',
      'Sai sót',
      'Ghi chú',
    ],
    file: 'ket-qua',
  },
  en: {
    title: 'Service satisfaction results',
    unit: 'Unit',
    officer: 'Officer',
    period: 'Period',
    months: 'Months published in the period',
    rule: 'Publication rule',
    ruleText:
      'Only closed months are published; a cell of fewer than 5 businesses, or one from which such a cell could be worked out, is not published. Longer periods add up the published months.',
    generated: 'Generated at',
    withheld: 'Not published (fewer than 5 businesses, or withheld to protect another cell)',
    sections: {
      self: 'Summary',
      own: 'Ratings of the unit itself',
      month: 'By month',
      children: 'Units below',
      officers: 'Officers',
      comments: 'Comments (anonymous, in batches)',
    },
    columns: [
      'Section',
      'Code',
      'Name',
      'Period',
      'Months published',
      'Businesses',
      'Declarations rated',
      'Satisfied declarations (%)',
      'Ratings',
      'Mean (1–5)',
      'Ranking score',
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
      'Inconvenience',
      'Harassment',
      'Negativity',
      'Delay',
      'Error',
      'Note',
    ],
    file: 'results',
  },
} as const;

type Cell = TableCell;

function figureCells(f: Figures, score: number | null, text: (typeof TEXT)[Locale]): Cell[] {
  const months = `${String(f.monthsShown)}/${String(f.monthsInPeriod)}`;
  if (!f.published || !f.distribution || !f.flags)
    return [months, ...Array.from({ length: 16 }, () => null), text.withheld];
  const d = f.distribution;
  const flags = f.flags;
  const share = f.satisfiedShare === null ? null : Math.round(f.satisfiedShare * 1000) / 10;
  return [
    months,
    f.businesses,
    f.declarations,
    share,
    f.ratings,
    f.meanStars,
    score,
    d['1'],
    d['2'],
    d['3'],
    d['4'],
    d['5'],
    flags.inconvenience,
    flags.harassment,
    flags.negativity,
    flags.delay,
    flags.error,
    '',
  ];
}

function trendCells(point: UnitDashboard['trend'][number], text: (typeof TEXT)[Locale]): Cell[] {
  const blanks = (n: number): Cell[] => Array.from({ length: n }, () => null);
  if (!point.published) return ['0/1', ...blanks(16), text.withheld];
  const share = point.satisfiedShare === null ? null : Math.round(point.satisfiedShare * 1000) / 10;
  return ['1/1', null, point.declarations, share, null, point.meanStars, ...blanks(11), ''];
}

/** The metadata lines and the table, in the caller's language. */
function exportTable(view: ExportView, locale: Locale, now: Date) {
  const text = TEXT[locale];
  const name = (u: { nameVi: string; nameEn: string }) => (locale === 'en' ? u.nameEn : u.nameVi);
  const data = view.data;
  const subject =
    view.kind === 'unit'
      ? { code: view.data.unit.code, name: name(view.data.unit) }
      : { code: view.data.officer.code, name: view.data.officer.fullName };
  const periodKey = data.period?.key ?? '';
  const meta: [string, string | number][] = [
    [text.title, ''],
    [view.kind === 'unit' ? text.unit : text.officer, `${subject.code} — ${subject.name}`],
    [text.period, periodKey],
    [text.months, (data.period?.months ?? []).join(', ')],
    [text.rule, text.ruleText],
    [text.generated, now.toISOString()],
  ];
  const rows: Cell[][] = [];
  rows.push([text.sections.self, subject.code, subject.name, periodKey, ...figureCells(data.figures, null, text)]);
  if (view.kind === 'unit')
    rows.push([text.sections.own, subject.code, subject.name, periodKey, ...figureCells(view.data.own, null, text)]);
  for (const point of data.trend)
    rows.push([text.sections.month, subject.code, subject.name, point.month, ...trendCells(point, text)]);
  if (view.kind === 'unit') {
    for (const child of view.data.children)
      rows.push([
        text.sections.children,
        child.unit.code,
        name(child.unit),
        periodKey,
        ...figureCells(child.figures, child.score, text),
      ]);
    for (const officer of view.data.officers)
      rows.push([
        text.sections.officers,
        officer.code,
        officer.fullName,
        periodKey,
        ...figureCells(officer.figures, officer.score, text),
      ]);
  }
  for (const batch of data.comments) {
    for (const comment of batch.comments)
      rows.push([
        text.sections.comments,
        '',
        '',
        `${batch.firstMonth} – ${batch.month}`,
        ...Array.from({ length: 17 }, () => null),
        comment,
      ]);
  }
  return {
    meta,
    columns: [...text.columns],
    rows,
    fileBase: `${text.file}-${subject.code.replace(/[^A-Za-z0-9_-]/g, '')}-${periodKey}`,
  };
}

export async function renderExport(
  view: ExportView,
  locale: Locale,
  now: Date,
  format: TableFormat,
): Promise<DownloadFile> {
  const table = exportTable(view, locale, now);
  const rows: TableCell[][] = [...table.meta, [], table.columns, ...table.rows];
  const widths = table.columns.map((_, index) =>
    index === 2 || index === table.columns.length - 1 ? 40 : index < 4 ? 18 : 12,
  );
  return writeTable(
    [{ name: TEXT[locale].sections.self, rows, headerRows: [table.meta.length + 1], widths }],
    format,
    table.fileBase,
    now,
  );
}
