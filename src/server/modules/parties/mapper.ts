import type { Selectable } from 'kysely';
import type { EnterprisesTable, OfficersTable } from '../../db/schema.ts';

export function toEnterprise(row: Selectable<EnterprisesTable>) {
  return {
    id: row.id,
    taxCode: row.tax_code,
    name: row.name,
    nameEn: row.name_en,
    address: row.address,
    province: row.province,
    isBroker: row.is_broker,
    managingUnitId: row.managing_unit_id,
  };
}

export function toAssociation(row: {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  member_count: number;
}) {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    memberCount: Number(row.member_count),
  };
}

export function toOfficer(row: Selectable<OfficersTable>) {
  return {
    id: row.id,
    code: row.code,
    fullName: row.full_name,
    title: row.title,
    unitId: row.unit_id,
    active: row.active,
  };
}
