import type { Unit } from '../../../contracts/organization.ts';
import type { UnitRow } from './repository.ts';

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    parentId: row.parent_id,
    status: row.status,
    mergedIntoId: row.merged_into_id,
    validTo: row.valid_to ? row.valid_to.toISOString() : null,
  };
}

/** What history keeps of a unit: its identity as people knew it. */
export function unitSnapshot(row: UnitRow) {
  return { code: row.code, nameVi: row.name_vi, nameEn: row.name_en, parentId: row.parent_id, status: row.status };
}
