// Reads declaration rows from a CSV or Excel file. One row per declaration;
// steps in one cell: "Tiếp nhận:03NK01:CB03NK0101; Kiểm tra hồ sơ:03NK02".
import { vietnamDateTime } from '../../../contracts/vietnam-time.ts';
import { readTable, UnreadableTableError } from '../../lib/tabular.ts';

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

export async function readImportFile(fileName: string, buffer: Buffer): Promise<ImportRow[]> {
  let table: string[][] | null;
  try {
    table = await readTable(fileName, buffer);
  } catch (error) {
    if (error instanceof UnreadableTableError) throw new ImportFileError('unreadable');
    throw error;
  }
  if (!table) throw new ImportFileError('file_type');
  const [header, ...data] = table;
  if (!header) throw new ImportFileError('empty');
  const index = new Map<ImportColumn, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    for (const [column, aliases] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][])
      if (aliases.includes(key)) index.set(column, i);
  });
  if (!index.has('number')) throw new ImportFileError('header');
  return data.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries([...index.entries()].map(([column, at]) => [column, (cells[at] ?? '').trim()])),
  }));
}

const CHANNEL_ALIASES: Record<string, string> = {
  xanh: 'green',
  vang: 'yellow',
  vàng: 'yellow',
  do: 'red',
  đỏ: 'red',
  '1': 'green',
  '2': 'yellow',
  '3': 'red',
};

/** Turns a row into the body of PUT /api/v1/declarations/{number}, for the same validation. */
export function rowToDeclaration(values: ImportRow['values']) {
  const channel = (values.channel ?? '').toLowerCase();
  const steps = (values.steps ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [stage = '', teamCode, officerCode] = part.split(':').map((p) => p.trim());
      return {
        stage,
        ...(teamCode && { teamCode }),
        ...(officerCode && { officerCode }),
        startedAt: toIso(values.registeredAt),
      };
    });
  return {
    typeCode: values.typeCode ?? '',
    enterprise: { taxCode: values.taxCode ?? '', name: values.enterpriseName ?? '' },
    ...(values.declarantTaxCode && {
      declarant: { taxCode: values.declarantTaxCode, name: values.declarantName ?? values.declarantTaxCode },
    }),
    officeCode: values.officeCode ?? '',
    channel: CHANNEL_ALIASES[channel] ?? channel,
    registeredAt: toIso(values.registeredAt),
    ...(values.clearedAt && { clearedAt: toIso(values.clearedAt) }),
    status: values.clearedAt ? 'cleared' : 'registered',
    steps,
  };
}

/** Accepts ISO dates and "dd/mm/yyyy hh:mm" (Vietnam time). */
function toIso(value: string | undefined): string {
  if (!value) return '';
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (vn) {
    const [, d, m, y, hh = '0', mm = '00'] = vn;
    return vietnamDateTime(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`, `${hh.padStart(2, '0')}:${mm}`);
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? vietnamDateTime(value) : value;
}
