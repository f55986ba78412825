// Dates with dayjs (Vietnamese locale by default), numbers with Intl.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string): Intl.NumberFormat {
  const tag = language === 'en' ? 'en-US' : 'vi-VN';
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format;
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return dayjs(value)
    .locale(language === 'en' ? 'en' : 'vi')
    .format(language === 'en' ? 'D MMM YYYY, HH:mm' : 'DD/MM/YYYY HH:mm');
}

export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return dayjs(value)
    .locale(language === 'en' ? 'en' : 'vi')
    .format(language === 'en' ? 'D MMM YYYY' : 'DD/MM/YYYY');
}

/** Formatters bound to the current UI language; re-render on a language switch. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    number: (value: number) => formatNumber(value, language),
    dateTime: (value: string | null | undefined) => formatDateTime(value, language),
    date: (value: string | null | undefined) => formatDate(value, language),
  };
}
