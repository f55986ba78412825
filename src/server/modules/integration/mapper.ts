// The only way the integration API's rows leave the server, fields listed one by one.
import type { UnitRow } from './repository.ts';

export function toUnit(row: UnitRow) {
  return { code: row.code, kind: row.kind, names: { vi: row.name_vi, en: row.name_en }, parentCode: row.parent_code };
}
