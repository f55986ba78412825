// Who may come to an event, and when the calendar falls. Pure. (Who organizes:
// ORGANIZER_ROLES in src/contracts/roles.ts, canOrganize in lib/scope.ts.)

import { vietnamInstant } from '../../../contracts/vietnam-time.ts';

export interface AudienceFacts {
  audience: 'all' | 'branch' | 'association' | 'invited';
  audience_unit_id: string | null;
  audience_association_id: string | null;
}

export interface EnterpriseFacts {
  /** The managing unit and its parents. */
  unitAncestry: readonly string[];
  associationIds: readonly string[];
  invited: boolean;
}

/** Whether an enterprise belongs to an event's audience. */
export function inAudience(event: AudienceFacts, enterprise: EnterpriseFacts): boolean {
  switch (event.audience) {
    case 'all':
      return true;
    case 'branch':
      return event.audience_unit_id !== null && enterprise.unitAncestry.includes(event.audience_unit_id);
    case 'association':
      return (
        event.audience_association_id !== null && enterprise.associationIds.includes(event.audience_association_id)
      );
    case 'invited':
      return enterprise.invited;
  }
}

/** Registration is open while the event is published and not over (late arrivals register at the door). */
export function registrationOpen(event: { status: string; ends_at: Date }, now: Date): boolean {
  return event.status === 'published' && event.ends_at.getTime() > now.getTime();
}

/** The last Monday of a month (month 1–12), as year, month, day. */
export function lastMonday(year: number, month: number): { year: number; month: number; day: number } {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  const back = (last.getUTCDay() + 6) % 7; // days since Monday
  return { year, month, day: last.getUTCDate() - back };
}

/** The instants of a monthly series on the last Monday at a local time. */
export function lastMondaySeries(fromMonth: string, months: number, startTime: string): Date[] {
  const [y, m] = fromMonth.split('-').map(Number) as [number, number];
  const dates: Date[] = [];
  for (let i = 0; i < months; i++) {
    const year = y + Math.floor((m - 1 + i) / 12);
    const month = ((m - 1 + i) % 12) + 1;
    const { day } = lastMonday(year, month);
    dates.push(vietnamInstant(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, startTime));
  }
  return dates;
}

export function isOverdue(item: { due_at: Date | null; answered_at: Date | null }, now: Date): boolean {
  return item.answered_at === null && item.due_at !== null && item.due_at.getTime() < now.getTime();
}
