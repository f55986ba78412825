// Numbers, months and periods on the results pages as a Vietnamese reader expects
// them (1.234 · 4,25 · 90,1% · Tháng 10/2026 · Quý III/2026 · 08/12/2026), or in
// English; instants always in Vietnam time, whatever the device's zone.
import { useTranslation } from 'react-i18next';
import type { ReleasedPeriod } from '../../../contracts/periods.ts';

type Language = 'vi' | 'en';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${language}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', options);
    cache.set(key, format);
  }
  return format;
}
function englishMonthFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    cache.set(key, format);
  }
  return format;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

function split(month: string): { year: number; month: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { year: y, month: m };
}

/** '2026-10' → '10/2026' (both languages: short, for tables and axes). */
export function shortMonth(month: string): string {
  const { year, month: m } = split(month);
  return `${pad(m)}/${String(year)}`;
}

/** '2026-10' → 'Tháng 10/2026' | 'October 2026'. */
export function monthLabel(month: string, language: Language): string {
  const { year, month: m } = split(month);
  if (language === 'en')
    return englishMonthFormat({ month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, m - 1, 1)));
  return `Tháng ${String(m)}/${String(year)}`;
}

/** Months from `first` to `last` in words: 'tháng 8–10/2026', 'tháng 11/2025–1/2026' | 'August–October 2026'. */
export function monthSpan(first: string, last: string, language: Language): string {
  const a = split(first);
  const b = split(last);
  if (language === 'en') {
    const long = englishMonthFormat({ month: 'long' });
    const name = (x: { year: number; month: number }) => long.format(new Date(Date.UTC(x.year, x.month - 1, 1)));
    if (first === last) return monthLabel(last, 'en');
    if (a.year === b.year) return `${name(a)}–${name(b)} ${String(b.year)}`;
    return `${monthLabel(first, 'en')} – ${monthLabel(last, 'en')}`;
  }
  if (first === last) return `tháng ${String(b.month)}/${String(b.year)}`;
  if (a.year === b.year) return `tháng ${String(a.month)}–${String(b.month)}/${String(b.year)}`;
  return `tháng ${String(a.month)}/${String(a.year)}–${String(b.month)}/${String(b.year)}`;
}

/** A released period in words, as the picker and the page headers show it. */
export function periodLabel(
  period: Pick<ReleasedPeriod, 'key' | 'kind' | 'months'>,
  language: Language,
  latest = true,
): string {
  const en = language === 'en';
  switch (period.kind) {
    case 'month':
      return monthLabel(period.key, language);
    case 'quarter': {
      const [year = '', q = '1'] = period.key.split('-Q');
      return en ? `Q${q} ${year}` : `Quý ${ROMAN[Number(q) - 1] ?? q}/${year}`;
    }
    case 'year':
      return en ? `Year ${period.key}` : `Năm ${period.key}`;
    case 'last12': {
      const end = period.key.slice('last12-'.length);
      if (latest) return en ? 'Last 12 months' : '12 tháng gần nhất';
      return en ? `12 months to ${monthLabel(end, 'en')}` : `12 tháng đến ${monthLabel(end, 'vi').toLowerCase()}`;
    }
  }
}

/** The months a period covers, 'tháng 11/2025–10/2026', or null for a single month. */
export function periodMonths(period: Pick<ReleasedPeriod, 'kind' | 'months'>, language: Language): string | null {
  if (period.kind === 'month' || period.months.length === 0) return null;
  return monthSpan(period.months[0]!, period.months.at(-1)!, language);
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant: '08/12/2026' | '8 December 2026'. */
export function vietnamDate(iso: string, language: Language): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  if (language === 'en') return englishMonthFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(local);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${String(local.getUTCFullYear())}`;
}

/** An instant in Vietnam time: '07/12/2026 23:05' | '7 December 2026, 23:05'. */
export function vietnamDateTime(iso: string, language: Language): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return `${vietnamDate(iso, language)}${language === 'en' ? ',' : ''} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export function resultsFormat(language: Language) {
  return {
    language,
    count: (value: number) => numberFormat(language, {}).format(value),
    mean: (value: number) =>
      numberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value),
    score: (value: number) =>
      numberFormat(language, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value),
    percent: (value: number) =>
      numberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value),
    shortMonth,
    month: (month: string) => monthLabel(month, language),
    monthSpan: (first: string, last: string) => monthSpan(first, last, language),
    period: (period: Pick<ReleasedPeriod, 'key' | 'kind' | 'months'>, latest = true) =>
      periodLabel(period, language, latest),
    periodMonths: (period: Pick<ReleasedPeriod, 'kind' | 'months'>) => periodMonths(period, language),
    /** 'Quý III/2026 (tháng 7–9/2026)', '12 tháng gần nhất (tháng 11/2025–10/2026)': `latestKey` is the newest period offered. */
    periodWithMonths: (period: Pick<ReleasedPeriod, 'key' | 'kind' | 'months'>, latestKey: string | undefined) => {
      const label = periodLabel(period, language, period.key === latestKey);
      const months = period.kind === 'year' ? null : periodMonths(period, language);
      return months ? `${label} (${months})` : label;
    },
    date: (iso: string) => vietnamDate(iso, language),
    dateTime: (iso: string) => vietnamDateTime(iso, language),
  };
}

export type ResultsFormat = ReturnType<typeof resultsFormat>;

export function useResultsFormat(): ResultsFormat {
  const { i18n } = useTranslation();
  return resultsFormat(i18n.language === 'en' ? 'en' : 'vi');
}
