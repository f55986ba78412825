// The only way a unit leaves the results pages, fields listed one by one (the
// figures themselves come from the disclosure gate, see stats.ts).
import type { UnitRef } from '../../../contracts/dashboards.ts';

export type UnitRow = { id: string; code: string; kind: string; name_vi: string; name_en: string };

export const toUnitRef = (u: UnitRow): UnitRef => ({
  id: u.id,
  code: u.code,
  kind: u.kind,
  nameVi: u.name_vi,
  nameEn: u.name_en,
});
