// Reads declaration rows from a CSV or Excel file. One row per declaration;
// steps in one cell: "Tiếp nhận:03NK01:CB03NK0101; Kiểm tra hồ sơ:03NK02".
import ExcelJS from 'exceljs';
import { vietnamDateTime } from '../../../contracts/vietnam-time.ts';

export const IMPORT_COLUMNS = {
  number: ['so_to_khai', 'number'],
  typeCode: ['ma_loai_hinh', 'type_code', 'typecode'],
  taxCode: ['mst_doanh_nghiep', 'tax_code', 'taxcode'],
  enterpriseName: ['ten_doanh_nghiep', 'enterprise_name'],
  declarantTaxCode: ['mst_dai_ly', 'declarant_tax_code'],
  declarantName: ['ten_dai_ly', 'declarant_name'],
  officeCode: ['ma_chi_cuc', 'office_code'],
  channel: ['luong', 'channel'],
  registeredAt: ['ngay_dang_ky', 'registered_at'],
  clearedAt: ['ngay_thong_quan', 'cleared_at'],
  steps: ['cac_buoc', 'steps'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export type ImportRow = { row: number; values: Partial<Record<ImportColumn, string>> };

export class ImportFileError extends Error {}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas or semicolons. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      cells.push(value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : typeof value === 'object' && 'text' in value ? String(value.text) : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
    }
    rows.push(cells);
  });
  return rows;
}

export async function readImportFile(fileName: string, buffer: Buffer): Promise<ImportRow[]> {
  const table = /\.xlsx$/i.test(fileName) ? await readXlsx(buffer) : /\.csv$/i.test(fileName) ? parseCsv(buffer.toString('utf8')) : null;
  if (!table) throw new ImportFileError('file_type');
  const [header, ...data] = table;
  if (!header) throw new ImportFileError('empty');
  const index = new Map<ImportColumn, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    for (const [column, aliases] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) if (aliases.includes(key)) index.set(column, i);
  });
  if (!index.has('number')) throw new ImportFileError('header');
  return data.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries([...index.entries()].map(([column, at]) => [column, (cells[at] ?? '').trim()])),
  }));
}

const CHANNEL_ALIASES: Record<string, string> = { xanh: 'green', vang: 'yellow', 'vàng': 'yellow', do: 'red', 'đỏ': 'red', '1': 'green', '2': 'yellow', '3': 'red' };

/** Turns a row into the body of PUT /api/v1/declarations/{number}, for the same validation. */
export function rowToDeclaration(values: ImportRow['values']) {
  const channel = (values.channel ?? '').toLowerCase();
  const steps = (values.steps ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [stage = '', teamCode, officerCode] = part.split(':').map((p) => p.trim());
      return { stage, ...(teamCode && { teamCode }), ...(officerCode && { officerCode }), startedAt: toIso(values.registeredAt) };
    });
  return {
    typeCode: values.typeCode ?? '',
    enterprise: { taxCode: values.taxCode ?? '', name: values.enterpriseName ?? '' },
    ...(values.declarantTaxCode && { declarant: { taxCode: values.declarantTaxCode, name: values.declarantName ?? values.declarantTaxCode } }),
    officeCode: values.officeCode ?? '',
    channel: CHANNEL_ALIASES[channel] ?? channel,
    registeredAt: toIso(values.registeredAt),
    ...(values.clearedAt && { clearedAt: toIso(values.clearedAt) }),
    status: values.clearedAt ? 'cleared' : 'registered',
    steps,
  };
}

/** Accepts ISO dates and "dd/mm/yyyy hh:mm" (Vietnam time). */
export function toIso(value: string | undefined): string {
  if (!value) return '';
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (vn) {
    const [, d, m, y, hh = '0', mm = '00'] = vn;
    return vietnamDateTime(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`, `${hh.padStart(2, '0')}:${mm}`);
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? vietnamDateTime(value) : value;
}
