// Days, months and their boundaries in Vietnam (UTC+7 all year, no daylight
// saving): the one place that turns instants into the calendar users live by,
// shared by the server and the web app. Pure: the current time is always passed in.

/** The IANA name, for Intl formatting. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET = '+07:00';
const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day in Vietnam, 'YYYY-MM-DD'. */
export function vietnamDay(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar month in Vietnam, 'YYYY-MM'. */
export function vietnamMonth(date: Date): string {
  return vietnamDay(date).slice(0, 7);
}

/** The day of the week in Vietnam: 0 Sunday … 6 Saturday. */
export function vietnamWeekday(date: Date): number {
  return new Date(date.getTime() + OFFSET_MS).getUTCDay();
}

/** The instant a Vietnam day ('YYYY-MM-DD') begins. */
export function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00${OFFSET}`);
}

/** The last moment of a Vietnam calendar day ('YYYY-MM-DD'). */
export function endOfVietnamDay(day: string): Date {
  return new Date(`${day}T23:59:59.999${OFFSET}`);
}

/** The instant the Vietnam day holding `date` began. */
export function startOfVietnamDayOf(date: Date): Date {
  return new Date(Math.floor((date.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS);
}

/** A wall-clock time in Vietnam ('YYYY-MM-DD' and 'HH:mm', or one 'YYYY-MM-DDTHH:mm[:ss]') as an ISO instant with its offset. */
export function vietnamDateTime(day: string, time?: string): string {
  const local = time === undefined ? day : `${day}T${time}`;
  if (local.length === 10) return `${local}T00:00:00${OFFSET}`;
  return `${local.length === 16 ? `${local}:00` : local}${OFFSET}`;
}

/** A wall-clock time in Vietnam as an instant. */
export function vietnamInstant(day: string, time = '00:00'): Date {
  return new Date(vietnamDateTime(day, time));
}

/** 'YYYY-MM-DD' moved by n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM' moved by n months. */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12))}-${pad((index % 12) + 1)}`;
}

/** The instant a Vietnam month ('YYYY-MM') begins. */
export function startOfVietnamMonth(month: string): Date {
  return startOfVietnamDay(`${month}-01`);
}

/** A Vietnam month as the instants [start, end). */
export function vietnamMonthRange(month: string): { start: Date; end: Date } {
  return { start: startOfVietnamMonth(month), end: startOfVietnamMonth(addMonths(month, 1)) };
}

/** Vietnam days 'from' to 'to' (both included) as the instants [start, end). */
export function vietnamDaysRange(from: string, to: string): { start: Date; end: Date } {
  return { start: startOfVietnamDay(from), end: startOfVietnamDay(addDays(to, 1)) };
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
  return `${month}-${pad(new Date(Date.UTC(year, m, 0)).getUTCDate())}`;
}
