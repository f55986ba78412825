// The only way agreements leave the server, fields listed one by one.
import type { AgreementView, ProgressRow } from '../../../contracts/agreements.ts';
import { nextStatuses, progressPercent } from './policy.ts';
import type { AgreementRow } from './repository.ts';

/** `manage`: the caller organizes for the agreement's unit (they see where it may move next). */
export function toAgreementView(row: AgreementRow, manage: boolean): AgreementView {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    party: row.enterprise_id
      ? { kind: 'enterprise', id: row.enterprise_id, name: row.enterprise_name ?? '', taxCode: row.tax_code }
      : { kind: 'association', id: row.association_id!, name: row.association_name ?? '', taxCode: null },
    title: row.title,
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    commitments: row.commitments,
    status: row.status,
    statusReason: row.status_reason,
    document: row.document_name ? { name: row.document_name, size: row.document_size ?? 0 } : null,
    canManage: manage,
    nextStatuses: manage ? nextStatuses(row.status) : [],
  };
}

export function toProgressRow(
  row: {
    id: string;
    code: string;
    name_vi: string;
    kind: string;
    target_min: number | null;
    target_max: number | null;
    signed: number;
    in_force: number;
  },
  year: number,
): ProgressRow {
  return {
    unit: { id: row.id, code: row.code, name: row.name_vi, kind: row.kind },
    year,
    targetMin: row.target_min,
    targetMax: row.target_max,
    signed: row.signed,
    inForce: row.in_force,
    percent: progressPercent(row.signed, row.target_min),
  };
}
