// The only way a flag case leaves the server, fields listed one by one. How the
// business rated the handling is its own: the handlers (who are rated by it)
// never see it per case.
import type { FlagKind, SubjectKind } from '../../../contracts/assessments.ts';
import type { CaseView } from '../../../contracts/cases.ts';
import type { CaseRow } from './repository.ts';

export function toCaseView(
  row: CaseRow,
  events: { at: Date; action: string }[],
  facts: { canRevealIdentity: boolean; now: Date },
): CaseView {
  return {
    id: row.id,
    number: row.number,
    kinds: row.kinds as FlagKind[],
    status: row.status,
    subject: {
      kind: row.subject_kind as SubjectKind,
      stage: row.subject_kind === 'stage' ? row.subject_ref : null,
      unitId: row.subject_unit_id,
      officerId: row.subject_officer_id,
      unitCode: row.subject_unit_code,
      unitName: row.subject_unit_name,
      officerCode: row.officer_code,
      officerName: row.officer_name,
    },
    stars: row.stars,
    reason: row.reason,
    handlerUnitCode: row.handler_unit_code,
    handlerRole: row.handler_role,
    escalationLevel: row.escalation_level,
    openedAt: row.opened_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: row.status !== 'resolved' && row.due_at.getTime() < facts.now.getTime(),
    finding:
      row.status === 'resolved' && row.resolved_at
        ? {
            substantiated: row.substantiated ?? false,
            responsibleUnitId: row.responsible_unit_id,
            responsibleOfficerId: row.responsible_officer_id,
            measure: row.measure ?? '',
            note: row.finding_note,
            resolvedAt: row.resolved_at.toISOString(),
          }
        : null,
    handlingStars: null,
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action })),
    canRevealIdentity: facts.canRevealIdentity,
  };
}
