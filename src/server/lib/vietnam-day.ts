// The one Vietnam-time helper for calendar days: Vietnam keeps UTC+7 all year
// (no daylight saving), so a day is a fixed 24-hour window.

/** The calendar day in Vietnam ('YYYY-MM-DD') at an instant. */
export function vietnamDay(date: Date): string {
  return new Date(date.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The last moment of a Vietnam calendar day ('YYYY-MM-DD'). */
export function endOfVietnamDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`);
}
