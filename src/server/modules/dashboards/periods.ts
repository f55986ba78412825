// Splits a period of days into the whole calendar months it covers and the
// days left at either end, so the roll-ups can be read month by month.

export interface DayRange {
  from: string;
  to: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const addDays = (text: string, days: number) => iso(new Date(day(text).getTime() + days * 86_400_000));
const monthStart = (text: string) => `${text.slice(0, 7)}-01`;
const nextMonthStart = (text: string) => {
  const d = day(monthStart(text));
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
};

/**
 * `months` is the first day of the first and last whole month (null when there is
 * none); `days` the 0–2 ranges of days outside them. Together they cover
 * `from`–`to` (inclusive, 'YYYY-MM-DD') exactly once.
 */
export function splitPeriod(from: string, to: string): { months: DayRange | null; days: DayRange[] } {
  const firstWhole = from === monthStart(from) ? from : nextMonthStart(from);
  const afterLastWhole = addDays(to, 1) === nextMonthStart(to) ? nextMonthStart(to) : monthStart(to);
  if (firstWhole >= afterLastWhole) return { months: null, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (afterLastWhole <= to) days.push({ from: afterLastWhole, to });
  const lastMonth = monthStart(addDays(afterLastWhole, -1));
  return { months: { from: firstWhole, to: lastMonth }, days };
}
