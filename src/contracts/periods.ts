// The closed calendar periods that results are published over, shared by the
// server and the web app. A month is released on a fixed day of the month after
// (once the 7-day window to amend its last ratings has closed); quarters, years
// and the last twelve months are made of released months only.
import { z } from 'zod';
import { addMonths } from './vietnam-time.ts';

/** A business may amend a sent assessment for this many days. */
export const EDIT_WINDOW_DAYS = 7;
/** Results of a month appear at 00:00 (Vietnam) on this day of the next month. */
export const RELEASE_DAY = EDIT_WINDOW_DAYS + 1;
/** Fewer distinct businesses than this behind a figure, and it is not published. */
export const MIN_BUSINESSES = 5;

const PERIOD_KINDS = ['month', 'quarter', 'year', 'last12'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** '2026-10' (month), '2026-Q3' (quarter), '2026' (year), 'last12-2026-10' (the twelve months to October 2026). */
export const periodSchema = z
  .string()
  .regex(/^(\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?|last12-\d{4}-(0[1-9]|1[0-2]))$/, 'msg:period_format');

export interface ParsedPeriod {
  key: string;
  kind: PeriodKind;
  /** The months it is made of, oldest first ('YYYY-MM'). */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriod(key: string): ParsedPeriod {
  if (key.startsWith('last12-')) {
    const last = key.slice('last12-'.length);
    return { key, kind: 'last12', months: Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11)) };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { key, kind: 'quarter', months: [0, 1, 2].map((i) => `${quarter[1]!}-${pad(first + i)}`) };
  }
  if (/^\d{4}$/.test(key))
    return { key, kind: 'year', months: Array.from({ length: 12 }, (_, i) => `${key}-${pad(i + 1)}`) };
  return { key, kind: 'month', months: [key] };
}

export const releasedPeriod = z.object({
  key: z.string(),
  kind: z.enum(PERIOD_KINDS),
  months: z.array(z.string()),
});
export type ReleasedPeriod = z.infer<typeof releasedPeriod>;

export const periodsResponse = z.object({
  /** Newest first; the first is the default view. */
  periods: z.array(releasedPeriod),
  /** The next month to be released and when (ISO instant), so a page can say when new results appear. */
  next: z.object({ month: z.string(), releasesAt: z.string() }),
  minimumBusinesses: z.number(),
});
export type PeriodsResponse = z.infer<typeof periodsResponse>;
