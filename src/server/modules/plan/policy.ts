// Pure rules of the annual plan: who edits and reviews, which values fit a
// measure, and how a target's pace, projection and status are computed.
import type { MeasureDefinition } from '../../../contracts/measures.ts';
import type { PlanLevel, TargetStatus } from '../../../contracts/plan.ts';
import { PLAN_EDITOR_ROLES } from '../../../contracts/roles.ts';
import type { Role } from '../../../contracts/common.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';
import type { MessageKey } from '../../lib/messages.ts';

/** A unit edits its own plan only: an organizer granted on that very unit (the national plan: the General Department's staff). */
export function canEditPlanOf(actor: Actor | null, unit: { id: string; kind: PlanLevel }): boolean {
  if (!isUser(actor)) return false;
  return actor.roles.some(
    (grant) =>
      (PLAN_EDITOR_ROLES as readonly Role[]).includes(grant.role) &&
      (grant.unitId === unit.id || (grant.unitId === null && unit.kind === 'general_department')),
  );
}

/** The level above reviews: an organizer whose scope covers the parent unit (given with its own parents). */
export function canReviewFor(actor: Actor | null, parentAncestry: readonly string[]): boolean {
  return parentAncestry.length > 0 && scopeCovers(unitScopeOf(actor, PLAN_EDITOR_ROLES), parentAncestry);
}

const LEVEL_ORDER: Record<PlanLevel, number> = { general_department: 0, department: 1, branch: 2, team: 3 };

/** A plan of a unit of this kind may hold targets for its own level or the levels below. */
export const levelFits = (unitKind: PlanLevel, level: PlanLevel): boolean =>
  LEVEL_ORDER[level] >= LEVEL_ORDER[unitKind];

/** The kind of units one level down. */
export const childLevel = (kind: PlanLevel): PlanLevel | null =>
  kind === 'general_department' ? 'department' : kind === 'department' ? 'branch' : kind === 'branch' ? 'team' : null;

/** Why a value does not fit its measure (null: it fits). Shares are percentages. */
export function valueProblem(definition: MeasureDefinition | null, value: number): MessageKey | null {
  if (!definition) return null;
  if (definition.kind === 'count' && !Number.isInteger(value)) return 'plan_value_whole';
  if (definition.kind === 'share' && value > 100) return 'plan_value_percent';
  if (definition.kind === 'median_hours' && value <= 0) return 'plan_value_hours';
  return null;
}

/** A unit's own value is at least as ambitious as the one above (for lower-is-better measures: at most). */
export function atLeastAsAmbitious(definition: MeasureDefinition | null, value: number, above: number): boolean {
  return definition && !definition.higherIsBetter ? value <= above : value >= above;
}

export interface PaceInput {
  /** The measured or reported value in the target's terms (shares in percent); null: nothing yet. */
  value: number | null;
  target: number;
  higherIsBetter: boolean;
  /** Grows through the year: its pace is proportional to time. */
  cumulative: boolean;
  /** Time elapsed from the start of the year to the deadline, 0–1 (1 once the deadline has passed). */
  elapsed: number;
  deadlinePassed: boolean;
}

export interface Pace {
  expected: number | null;
  projected: number | null;
  progress: number | null;
  status: TargetStatus;
}

const round = (n: number) => Math.round(n * 100) / 100;
/** Behind by more than this share of the expected value is "at risk". */
export const PACE_TOLERANCE = 0.1;

export function paceOf(input: PaceInput): Pace {
  const { value, target, higherIsBetter, cumulative, elapsed, deadlinePassed } = input;
  if (value === null)
    return { expected: null, projected: null, progress: null, status: deadlinePassed ? 'missed' : 'no_data' };
  const expected = cumulative ? target * Math.min(1, Math.max(0, elapsed)) : target;
  const projected = cumulative && !deadlinePassed && elapsed > 0.05 ? value / elapsed : value;
  const meets = (v: number) => (higherIsBetter ? v >= target : v <= target);
  const progress = higherIsBetter ? (target > 0 ? value / target : 1) : value > 0 ? target / value : 1;
  let status: TargetStatus;
  if (deadlinePassed) status = meets(value) ? 'achieved' : 'missed';
  else if (cumulative && higherIsBetter && meets(value)) status = 'achieved';
  else if (cumulative && higherIsBetter)
    status = value >= expected * (1 - PACE_TOLERANCE) || meets(projected) ? 'on_track' : 'at_risk';
  else status = meets(projected) ? 'on_track' : 'at_risk';
  return { expected: round(expected), projected: round(projected), progress: round(progress), status };
}

/** The status of a target carried out by the units below: the worst of theirs. */
export function cascadeStatus(statuses: readonly TargetStatus[]): TargetStatus {
  if (statuses.length === 0) return 'no_data';
  for (const status of ['missed', 'at_risk', 'no_data', 'on_track'] as const)
    if (statuses.includes(status)) return status;
  return 'achieved';
}

/** Falling behind: worth an alert when a target enters one of these. */
export const isBehind = (status: TargetStatus): boolean => status === 'at_risk' || status === 'missed';
