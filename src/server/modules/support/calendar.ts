// Service-level clocks: 24/7, or working hours in Vietnam (UTC+7) — Monday to
// Friday, 08:00–12:00 and 13:00–17:00 — without public holidays.
import { startOfVietnamDayOf, vietnamDay, vietnamWeekday } from '../../../contracts/vietnam-time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Working periods of a day, in minutes after local midnight. */
const PERIODS: [number, number][] = [
  [8 * 60, 12 * 60],
  [13 * 60, 17 * 60],
];

/**
 * Vietnamese public holidays (days off, with Tết and the observed days as
 * announced or, for 2027, as customarily arranged): New Year, Lunar New Year,
 * Hung Kings' day, 30 April, 1 May, National Day.
 */
const PUBLIC_HOLIDAYS = new Set([
  '2025-01-01',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-09-01',
  '2025-09-02',
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
]);

export type Calendar = '24x7' | 'working';

function localDayStart(ms: number): number {
  return startOfVietnamDayOf(new Date(ms)).getTime();
}

function isWorkingDay(dayStartUtcMs: number): boolean {
  const day = new Date(dayStartUtcMs);
  const weekday = vietnamWeekday(day);
  if (weekday === 0 || weekday === 6) return false;
  return !PUBLIC_HOLIDAYS.has(vietnamDay(day));
}

/** The moment `minutes` of service time after `start`. */
export function addServiceMinutes(start: Date, minutes: number, calendar: Calendar): Date {
  if (calendar === '24x7') return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  let cursor = start.getTime();
  for (let guard = 0; guard < 2000; guard++) {
    const day = localDayStart(cursor);
    if (isWorkingDay(day)) {
      for (const [from, to] of PERIODS) {
        const periodStart = day + from * MINUTE;
        const periodEnd = day + to * MINUTE;
        if (cursor >= periodEnd) continue;
        const begin = Math.max(cursor, periodStart);
        const available = periodEnd - begin;
        if (remaining <= available) return new Date(begin + remaining);
        remaining -= available;
        cursor = periodEnd;
      }
    }
    cursor = day + DAY;
  }
  return new Date(cursor);
}

/** Service minutes between two moments (0 when `to` is not after `from`). */
export function serviceMinutesBetween(from: Date, to: Date, calendar: Calendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (calendar === '24x7') return (b - a) / MINUTE;
  let total = 0;
  for (let day = localDayStart(a), guard = 0; day < b && guard < 2000; day += DAY, guard++) {
    if (!isWorkingDay(day)) continue;
    for (const [start, end] of PERIODS) {
      const overlap = Math.min(b, day + end * MINUTE) - Math.max(a, day + start * MINUTE);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE;
}
