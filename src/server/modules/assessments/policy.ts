// Pure rules of the assessment: who may rate, what may be rated, where a flag goes.
import type { FlagKind, SubjectKind } from '../../../contracts/assessments.ts';
import { hasRole, isUser, type Actor } from '../../lib/actor.ts';
import type { UnitLink } from '../../lib/org.ts';

/** Only the declaring enterprise, or the broker that declared for it, rates a declaration. */
export function canRateAsUser(
  actor: Actor | null,
  declaration: { enterprise_id: string; declarant_id: string | null },
): boolean {
  if (!isUser(actor) || !actor.enterpriseId) return false;
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId === declaration.enterprise_id) return true;
  return hasRole(actor, 'broker') && actor.enterpriseId === declaration.declarant_id;
}

export type HandlerRole = 'team_lead' | 'branch_leader' | 'department_leader' | 'inspector' | 'gd_staff';

const GRAVE: FlagKind[] = ['harassment', 'negativity'];
const ORDINARY_DAYS = 5;
const GRAVE_DAYS = 15;

/**
 * A flag goes to the level above the unit or person flagged, never to the
 * person flagged; harassment and negativity go to the Department's inspectors.
 * chain: the subject's unit and its parents (leaf first).
 */
export function routeFlag(
  kinds: FlagKind[],
  subjectKind: SubjectKind,
  chain: UnitLink[],
): { unitId: string; role: HandlerRole; days: number } | null {
  const find = (kind: UnitLink['kind']) => chain.find((u) => u.kind === kind);
  if (kinds.some((k) => GRAVE.includes(k))) {
    const department = find('department') ?? find('general_department');
    return department
      ? { unitId: department.id, role: department.kind === 'department' ? 'inspector' : 'gd_staff', days: GRAVE_DAYS }
      : null;
  }
  const target =
    subjectKind === 'officer'
      ? { unit: find('team') ?? find('branch'), role: 'team_lead' as const }
      : subjectKind === 'branch'
        ? { unit: find('department'), role: 'department_leader' as const }
        : { unit: find('branch'), role: 'branch_leader' as const }; // a team or a stage is answered by its branch
  if (!target.unit) return null;
  const role: HandlerRole =
    target.unit.kind === 'branch' && target.role === 'team_lead' ? 'branch_leader' : target.role;
  return { unitId: target.unit.id, role, days: ORDINARY_DAYS };
}

/** One level up when a case is overdue. */
export function escalationOf(handler: {
  unitKind: UnitLink['kind'];
  parentId: string | null;
  parentKind: UnitLink['kind'] | null;
}): { unitId: string; role: HandlerRole } | null {
  if (!handler.parentId || !handler.parentKind) return null;
  const role: HandlerRole =
    handler.parentKind === 'branch'
      ? 'branch_leader'
      : handler.parentKind === 'department'
        ? 'department_leader'
        : 'gd_staff';
  return { unitId: handler.parentId, role };
}
