// What took part in a declaration, and so may be rated: its branch, the teams
// and stages of its processing steps, and the officers who handled them.
import type { SubjectKind } from '../../../contracts/assessments.ts';
import type { ParticipantStep } from '../declarations/repository.ts';

export interface Participant {
  kind: SubjectKind;
  ref: string;
  label: string;
  unitId: string;
  officerId: string | null;
}

export function participantsOf(
  declaration: { office_unit_id: string; office_code: string; office_name_vi: string },
  steps: ParticipantStep[],
): Participant[] {
  const list: Participant[] = [
    {
      kind: 'branch',
      ref: declaration.office_code,
      label: declaration.office_name_vi,
      unitId: declaration.office_unit_id,
      officerId: null,
    },
  ];
  const seen = new Set([`branch:${declaration.office_code}`]);
  const add = (p: Participant) => {
    const key = `${p.kind}:${p.ref}`;
    if (!seen.has(key)) {
      seen.add(key);
      list.push(p);
    }
  };
  for (const step of steps) {
    if (step.team_code && step.team_unit_id)
      add({
        kind: 'team',
        ref: step.team_code,
        label: step.team_name ?? step.team_code,
        unitId: step.team_unit_id,
        officerId: null,
      });
    add({
      kind: 'stage',
      ref: step.stage,
      label: step.stage,
      unitId: step.team_unit_id ?? declaration.office_unit_id,
      officerId: null,
    });
  }
  for (const step of steps) {
    if (step.officer_code && step.officer_id && step.officer_unit_id) {
      add({
        kind: 'officer',
        ref: step.officer_code,
        label: step.officer_name ?? step.officer_code,
        unitId: step.officer_unit_id,
        officerId: step.officer_id,
      });
    }
  }
  return list;
}
