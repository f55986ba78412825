// Numbers and periods on the results pages, in the UI language.
import { useTranslation } from 'react-i18next';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}:${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    cache.set(key, format);
  }
  return format;
}

export function useResultsFormat() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const tag = en ? 'en-US' : 'vi-VN';
  return {
    count: (value: number) => numberFormat(tag, {}).format(value),
    mean: (value: number) => numberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value),
    score: (value: number) => numberFormat(tag, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value),
    percent: (value: number) => numberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    /** '2026-11-01' as a month (11/2026) or the week starting that day (23/11/2026). */
    period: (value: string, granularity: 'week' | 'month') => {
      const [y, m, d] = value.split('-');
      if (granularity === 'month') return en ? `${m ?? ''}/${y ?? ''}` : `${m ?? ''}/${y ?? ''}`;
      return en ? `${y ?? ''}-${m ?? ''}-${d ?? ''}` : `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
    },
    date: (value: string) => {
      const [y, m, d] = value.split('-');
      return en ? value : `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
    },
    month: (value: string) => {
      const [y, m] = value.split('-');
      return `${m ?? ''}/${y ?? ''}`;
    },
  };
}
