// Uploaded tables, pure: a sandbox data set (one row per entity, a column per
// indicator) and the Department's scores (unit code, indicator code, value).
// Every error names its row and column; one bad cell rejects the whole file.
import type { CdciMethod } from '../../../contracts/cdci.ts';
import type { CdciData } from './compute.ts';

export interface RowError {
  row: number;
  field: string;
  message:
    'cdci_unknown_unit' | 'cdci_unknown_indicator' | 'cdci_not_a_number' | 'cdci_missing_column' | 'cdci_duplicate';
}

export class DataSetError extends Error {
  constructor(readonly errors: RowError[]) {
    super('data set rejected');
  }
}

/** Vietnamese decimal comma allowed ("7,25"); empty is missing; anything else non-numeric is an error. */
export function parseNumber(cell: string | undefined): number | null | 'bad' {
  const text = (cell ?? '').trim();
  if (text === '' || text === '-' || text.toUpperCase() === 'NA') return null;
  const value = Number(text.replace(/\s/g, '').replace(/^(-?\d+),(\d+)$/, '$1.$2'));
  return Number.isFinite(value) ? value : 'bad';
}

export const indicatorCodes = (method: CdciMethod): string[] =>
  method.components.flatMap((component) => component.indicators.map((indicator) => indicator.code));

const UNIT_HEADERS = ['unit', 'code', 'entity', 'ma', 'mã', 'don_vi', 'đơn vị'];
const NAME_HEADERS = ['name', 'ten', 'tên'];

/** A sandbox data set: header `unit[,name],<indicator>…`; a column per indicator of the method. */
export function parseDataSet(rows: string[][], method: CdciMethod): CdciData {
  const errors: RowError[] = [];
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const unitCol = header.findIndex((cell) => UNIT_HEADERS.includes(cell));
  const nameCol = header.findIndex((cell) => NAME_HEADERS.includes(cell));
  if (unitCol < 0) errors.push({ row: 1, field: 'unit', message: 'cdci_missing_column' });
  const columns = new Map<string, number>();
  header.forEach((cell, i) => {
    if (i === unitCol || i === nameCol || cell === '') return;
    columns.set(cell, i);
  });
  for (const code of indicatorCodes(method))
    if (!columns.has(code)) errors.push({ row: 1, field: code, message: 'cdci_missing_column' });
  for (const [code] of columns)
    if (!indicatorCodes(method).includes(code)) errors.push({ row: 1, field: code, message: 'cdci_unknown_indicator' });
  if (errors.length) throw new DataSetError(errors);
  const units: CdciData['units'][number][] = [];
  const values: Record<string, Record<string, number>> = {};
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, r) => {
    const row = r + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const unit = (cells[unitCol] ?? '').trim();
    if (!unit || seen.has(unit)) {
      errors.push({ row, field: 'unit', message: unit ? 'cdci_duplicate' : 'cdci_missing_column' });
      return;
    }
    seen.add(unit);
    units.push({ code: unit, name: nameCol >= 0 ? (cells[nameCol] ?? '').trim() || unit : unit, respondents: 0 });
    for (const [code, col] of columns) {
      const value = parseNumber(cells[col]);
      if (value === 'bad') errors.push({ row, field: code, message: 'cdci_not_a_number' });
      else if (value !== null) (values[code] ??= {})[unit] = value;
    }
  });
  if (errors.length) throw new DataSetError(errors);
  return { units, answers: new Map(), values };
}

/** The Department's scores: `unit,indicator,value` rows (a header row is skipped). */
export function parseDepartmentScores(
  rows: string[][],
  unitCodes: readonly string[],
  departmentIndicators: readonly string[],
): { unit: string; indicator: string; value: number }[] {
  const errors: RowError[] = [];
  const out: { unit: string; indicator: string; value: number }[] = [];
  const seen = new Set<string>();
  const units = new Set(unitCodes);
  const indicators = new Set(departmentIndicators);
  rows.forEach((cells, r) => {
    const row = r + 1;
    const [unit = '', indicator = '', raw] = cells.map((cell) => cell.trim());
    if (r === 0 && parseNumber(raw) === 'bad' && !units.has(unit)) return; // header
    if (cells.every((cell) => cell.trim() === '')) return;
    if (!units.has(unit)) errors.push({ row, field: 'unit', message: 'cdci_unknown_unit' });
    if (!indicators.has(indicator)) errors.push({ row, field: 'indicator', message: 'cdci_unknown_indicator' });
    const value = parseNumber(raw);
    if (value === null || value === 'bad') errors.push({ row, field: 'value', message: 'cdci_not_a_number' });
    else if (units.has(unit) && indicators.has(indicator)) {
      if (seen.has(`${unit}|${indicator}`)) errors.push({ row, field: 'unit', message: 'cdci_duplicate' });
      seen.add(`${unit}|${indicator}`);
      out.push({ unit, indicator, value });
    }
  });
  if (errors.length) throw new DataSetError(errors);
  return out;
}
