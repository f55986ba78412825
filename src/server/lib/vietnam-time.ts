// Days, months and their boundaries in Vietnam (UTC+7 all year, no daylight
// saving): the one place that turns instants into the calendar users live by.
import { addMonths } from '../../contracts/periods.ts';

export { addMonths };

const OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day in Vietnam, 'YYYY-MM-DD'. */
export function vietnamDay(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar month in Vietnam, 'YYYY-MM'. */
export function vietnamMonth(date: Date): string {
  return vietnamDay(date).slice(0, 7);
}

/** The last moment of a Vietnam calendar day ('YYYY-MM-DD'). */
export function endOfVietnamDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`);
}

/** The instant a Vietnam day ('YYYY-MM-DD') begins. */
export function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The instant a Vietnam month ('YYYY-MM') begins. */
export function startOfVietnamMonth(month: string): Date {
  return startOfVietnamDay(`${month}-01`);
}

/** Every month from `first` to `last` inclusive ('YYYY-MM'). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The last day of a month ('YYYY-MM' → 'YYYY-MM-DD'). */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
