// A dashboard view as a CSV or Excel file: one table (the unit or officer, its
// trend, the units or officers under it, the comments), under a few lines that
// say what was exported. Pure: takes the view the API returned, so the scope and
// the withholding are exactly those of the page.
import ExcelJS from 'exceljs';
import type { DashboardExportQuery, DashboardFigures, OfficerDashboard, UnitDashboard } from '../../../contracts/dashboards.ts';
import type { Locale } from '../../lib/locale.ts';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export type ExportView = { kind: 'unit'; data: UnitDashboard } | { kind: 'officer'; data: OfficerDashboard };

const TEXT = {
  vi: {
    title: 'Kết quả đánh giá mức độ hài lòng',
    unit: 'Đơn vị',
    officer: 'Công chức',
    from: 'Từ ngày',
    to: 'Đến ngày',
    channel: 'Luồng',
    typeCode: 'Loại hình',
    subjectKind: 'Đối tượng đánh giá',
    stage: 'Khâu xử lý',
    all: 'Tất cả',
    minimum: 'Số đánh giá tối thiểu để hiển thị',
    generated: 'Lập lúc',
    withheld: 'Chưa đủ số đánh giá để hiển thị',
    none: 'Chưa có đánh giá',
    sections: { self: 'Tổng hợp', week: 'Xu hướng theo tuần', month: 'Xu hướng theo tháng', children: 'Đơn vị cấp dưới', officers: 'Công chức', comments: 'Nhận xét (ẩn danh)' },
    columns: ['Phần', 'Mã', 'Tên', 'Kỳ', 'Số đánh giá', 'Điểm trung bình (1–5)', 'Tỷ lệ hài lòng (%)', 'Điểm xếp hạng', '1 sao', '2 sao', '3 sao', '4 sao', '5 sao', 'Gây phiền hà', 'Sách nhiễu', 'Tiêu cực', 'Chậm trễ', 'Sai sót', 'Ghi chú'],
    channels: { green: 'Xanh', yellow: 'Vàng', red: 'Đỏ' },
    subjects: { branch: 'Chi cục', team: 'Đội', stage: 'Khâu xử lý', officer: 'Công chức' },
    flags: { inconvenience: 'Gây phiền hà', harassment: 'Sách nhiễu', negativity: 'Tiêu cực', delay: 'Chậm trễ', error: 'Sai sót' },
    file: 'ket-qua',
  },
  en: {
    title: 'Service satisfaction results',
    unit: 'Unit',
    officer: 'Officer',
    from: 'From',
    to: 'To',
    channel: 'Channel',
    typeCode: 'Declaration type',
    subjectKind: 'Rated subject',
    stage: 'Processing stage',
    all: 'All',
    minimum: 'Minimum number of assessments shown',
    generated: 'Generated at',
    withheld: 'Not enough assessments to show',
    none: 'No assessments yet',
    sections: { self: 'Summary', week: 'Trend by week', month: 'Trend by month', children: 'Units below', officers: 'Officers', comments: 'Comments (anonymized)' },
    columns: ['Section', 'Code', 'Name', 'Period', 'Assessments', 'Mean (1–5)', 'Satisfied (%)', 'Ranking score', '1 star', '2 stars', '3 stars', '4 stars', '5 stars', 'Inconvenience', 'Harassment', 'Negativity', 'Delay', 'Error', 'Note'],
    channels: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    subjects: { branch: 'Branch', team: 'Team', stage: 'Processing stage', officer: 'Officer' },
    flags: { inconvenience: 'Inconvenience', harassment: 'Harassment', negativity: 'Negativity', delay: 'Delay', error: 'Error' },
    file: 'results',
  },
} as const;

type Cell = string | number | null;

function figureCells(f: DashboardFigures, score: number | null, text: (typeof TEXT)[Locale]): Cell[] {
  if (f.withheld || f.meanStars === null || !f.distribution || !f.flags) {
    return [f.count, null, null, null, null, null, null, null, null, null, null, null, null, null, f.withheld ? text.withheld : text.none];
  }
  const d = f.distribution;
  const flags = f.flags;
  const share = f.satisfiedShare === null ? null : Math.round(f.satisfiedShare * 1000) / 10;
  return [f.count, f.meanStars, share, score, d['1'], d['2'], d['3'], d['4'], d['5'], flags.inconvenience, flags.harassment, flags.negativity, flags.delay, flags.error, ''];
}

function trendCells(point: { count: number; meanStars: number | null; satisfiedShare: number | null }, text: (typeof TEXT)[Locale]): Cell[] {
  const blanks: Cell[] = Array.from({ length: 11 }, () => null);
  if (point.meanStars === null) return [point.count, null, null, ...blanks, point.count > 0 ? text.withheld : text.none];
  const share = point.satisfiedShare === null ? null : Math.round(point.satisfiedShare * 1000) / 10;
  return [point.count, point.meanStars, share, ...blanks, ''];
}

/** The metadata lines and the table, in the caller's language. */
export function exportTable(view: ExportView, query: DashboardExportQuery, locale: Locale, now = new Date()) {
  const text = TEXT[locale];
  const name = (u: { nameVi: string; nameEn: string }) => (locale === 'en' ? u.nameEn : u.nameVi);
  const data = view.data;
  const subject = view.kind === 'unit' ? { code: view.data.unit.code, name: name(view.data.unit) } : { code: view.data.officer.code, name: view.data.officer.fullName };
  const meta: [string, string | number][] = [
    [text.title, ''],
    [view.kind === 'unit' ? text.unit : text.officer, `${subject.code} — ${subject.name}`],
    [text.from, data.from],
    [text.to, data.to],
  ];
  if (view.kind === 'unit') {
    meta.push([text.channel, query.channel ? text.channels[query.channel] : text.all]);
    meta.push([text.typeCode, query.typeCode ?? text.all]);
    meta.push([text.subjectKind, query.subjectKind ? text.subjects[query.subjectKind] : text.all]);
    meta.push([text.stage, query.stage ?? text.all]);
  }
  meta.push([text.minimum, data.minimumCount], [text.generated, now.toISOString()]);

  const rows: Cell[][] = [];
  const trendLabel = text.sections[query.granularity];
  rows.push([text.sections.self, subject.code, subject.name, `${data.from} – ${data.to}`, ...figureCells(data.figures, null, text)]);
  for (const point of data.trend) rows.push([trendLabel, subject.code, subject.name, point.period, ...trendCells(point, text)]);
  if (view.kind === 'unit') {
    for (const child of view.data.children) rows.push([text.sections.children, child.unit.code, name(child.unit), `${data.from} – ${data.to}`, ...figureCells(child.figures, child.score, text)]);
    for (const officer of view.data.officers) rows.push([text.sections.officers, officer.code, officer.fullName, `${data.from} – ${data.to}`, ...figureCells(officer.figures, officer.score, text)]);
  } else {
    for (const comment of view.data.comments) {
      const flags = comment.flags.map((flag) => text.flags[flag as keyof typeof text.flags] ?? flag).join(', ');
      const blanks: Cell[] = Array.from({ length: 12 }, () => null);
      rows.push([text.sections.comments, '', '', comment.month, null, comment.stars, ...blanks, [comment.reason, flags].filter(Boolean).join(' — ')]);
    }
  }
  return { meta, columns: [...text.columns], rows, fileBase: `${text.file}-${subject.code.replace(/[^A-Za-z0-9_-]/g, '')}-${data.from}-${data.to}` };
}

/** A cell a spreadsheet will not run as a formula. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function renderExport(view: ExportView, query: DashboardExportQuery, locale: Locale, now = new Date()): Promise<ExportFile> {
  const table = exportTable(view, query, locale, now);
  if (query.format === 'csv') {
    const lines = [...table.meta.map((pair) => pair.map(csvCell).join(',')), '', table.columns.map(csvCell).join(','), ...table.rows.map((row) => row.map(csvCell).join(','))];
    // The byte order mark makes Excel read the file as UTF-8 (Vietnamese letters intact).
    return { fileName: `${table.fileBase}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(TEXT[locale].sections.self);
  for (const [label, value] of table.meta) {
    const row = sheet.addRow([label, typeof value === 'string' ? safeText(value) : value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(table.columns);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  });
  for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  sheet.columns.forEach((column, index) => {
    column.width = index === 2 || index === table.columns.length - 1 ? 40 : index < 4 ? 18 : 12;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${table.fileBase}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(buffer) };
}
