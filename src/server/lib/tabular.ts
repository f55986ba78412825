// Tables as files: the one writer and the one reader of CSV and Excel, both
// through exceljs (its CSV side is fast-csv), with one rule against formula
// injection. CSV is written as UTF-8 with a byte order mark (Excel then reads
// Vietnamese letters intact) and CRLF line ends.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type TableCell = string | number | boolean | Date | null | undefined;
export type TableFormat = 'csv' | 'xlsx';

export interface TableSheet {
  name: string;
  rows: TableCell[][];
  /** Rows (0-based) drawn bold with a tint: headers. */
  headerRows?: number[];
  /** Column widths in characters (Excel only). */
  widths?: number[];
  /** Columns (0-based) whose long texts wrap, top-aligned (Excel only). */
  wrap?: number[];
}

export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cellValue(value: TableCell): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return value;
  return safeText(value);
}

/**
 * Writes the sheets to a file. CSV holds the first sheet only (a CSV has one
 * table); Excel holds them all.
 */
export async function writeTable(
  sheets: readonly TableSheet[],
  format: TableFormat,
  fileBase: string,
  created: Date,
): Promise<DownloadFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối — Hải quan Việt Nam';
  workbook.created = created;
  for (const sheet of format === 'csv' ? sheets.slice(0, 1) : sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    sheet.rows.forEach((row, index) => {
      // exceljs leaves out a CSV row's trailing empty cells; an empty text keeps every column.
      const added = worksheet.addRow(row.map((cell) => cellValue(cell) ?? (format === 'csv' ? '' : null)));
      if (format === 'xlsx' && sheet.headerRows?.includes(index)) {
        added.font = { bold: true };
        added.eachCell((cell) => {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
        });
      }
    });
    if (format === 'xlsx' && sheet.widths)
      sheet.widths.forEach((width, index) => (worksheet.getColumn(index + 1).width = width));
    if (format === 'xlsx')
      for (const index of sheet.wrap ?? [])
        worksheet.getColumn(index + 1).alignment = { wrapText: true, vertical: 'top' };
  }
  const body =
    format === 'csv'
      ? Buffer.from(
          await workbook.csv.writeBuffer({
            formatterOptions: { writeBOM: true, rowDelimiter: '\r\n', includeEndRowDelimiter: true },
            map: (value: unknown) => value,
          }),
        )
      : Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${fileBase}.${format}`, contentType: CONTENT_TYPES[format], body };
}

export class UnreadableTableError extends Error {}

/** Reads the first sheet of a CSV (comma or semicolon, with or without BOM) or Excel file as text cells, empty rows dropped. */
export async function readTable(fileName: string, buffer: Buffer): Promise<string[][] | null> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.xlsx$/i.test(fileName)) {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else if (/\.csv$/i.test(fileName)) {
      const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
      const stream = new PassThrough();
      stream.end(text);
      // Every cell kept as written: a tax code keeps its leading zeros, a date stays text.
      sheet = await workbook.csv.read(stream, { parserOptions: { delimiter }, map: (value: unknown) => value });
    } else return null;
  } catch {
    throw new UnreadableTableError();
  }
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(textOf(row.getCell(c).value));
    if (cells.some((cell) => cell.trim() !== '')) rows.push(cells);
  });
  return rows;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return textOf(value.result);
  return JSON.stringify(value);
}
