// Pure rules of the support desk: service levels, the escalation ladder, who sees what.
// (Who is staff, a lead or a business: src/contracts/roles.ts.)
import type { Role } from '../../../contracts/common.ts';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { Priority } from '../../../contracts/support.ts';
import { isBusiness } from '../../../contracts/roles.ts';
import { hasRole, isUser, type Actor } from '../../lib/actor.ts';
import type { Calendar } from './calendar.ts';

/** Policy questions go all the way up to the General Department. */
const POLICY_CATEGORIES: QaCategory[] = ['hs_code', 'tax_exemption', 'commodity_policy', 'origin'];

export interface ServiceLevel {
  calendar: Calendar;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

const WORKING_DAY = 8 * 60;

/**
 * Urgent requests and IT outages run on a 24/7 clock (the quick-response
 * team's promise); the rest on working hours. Answers within 5 working days
 * (the customs client charter), policy questions within 10.
 */
export function serviceLevel(category: QaCategory, priority: Priority): ServiceLevel {
  if (priority === 'urgent') return { calendar: '24x7', firstResponseMinutes: 60, resolutionMinutes: 24 * 60 };
  if (category === 'it_ecustoms')
    return {
      calendar: '24x7',
      firstResponseMinutes: priority === 'high' ? 60 : 240,
      resolutionMinutes: priority === 'high' ? 8 * 60 : 48 * 60,
    };
  const resolutionDays = priority === 'high' ? 2 : POLICY_CATEGORIES.includes(category) ? 10 : 5;
  return {
    calendar: 'working',
    firstResponseMinutes: priority === 'high' ? 2 * 60 : WORKING_DAY,
    resolutionMinutes: resolutionDays * WORKING_DAY,
  };
}

/** After a breach, the next level gets one working day (or 4 hours on a 24/7 clock) before it moves up again. */
export const escalationGraceMinutes = (calendar: Calendar): number => (calendar === '24x7' ? 240 : WORKING_DAY);

export interface LadderUnits {
  teamId: string;
  departmentId: string | null;
  generalDepartmentId: string | null;
}

/** The three levels after the handling team: its lead, the Department, the General Department (policy questions only). */
export function nextLevel(
  level: number,
  category: QaCategory,
  units: LadderUnits,
): { level: number; unitId: string; role: Role } | null {
  if (level === 0) return { level: 1, unitId: units.teamId, role: 'team_lead' };
  if (level === 1 && units.departmentId) return { level: 2, unitId: units.departmentId, role: 'department_leader' };
  if (level === 2 && units.generalDepartmentId && POLICY_CATEGORIES.includes(category))
    return { level: 3, unitId: units.generalDepartmentId, role: 'gd_staff' };
  return null;
}

export interface RequestParties {
  enterprise_id: string | null;
  association_id: string | null;
  requester_user_id: string | null;
}

/** A business sees the requests it opened, those of its own enterprise, and an association those it relayed. */
export function businessCanSee(actor: Actor | null, request: RequestParties): boolean {
  if (!isUser(actor) || !isBusiness(actor)) return false;
  if (request.requester_user_id === actor.userId) return true;
  if (actor.enterpriseId && request.enterprise_id === actor.enterpriseId) return true;
  return Boolean(
    actor.associationId && request.association_id === actor.associationId && hasRole(actor, 'association_rep'),
  );
}

export const REOPEN_WINDOW_MS = 7 * 86_400_000;
