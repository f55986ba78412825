// UI language: Vietnamese by default, English on request. The choice lives in the
// `caunoi_locale` cookie (set by the server, readable here) and follows the user.
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LOCALE_COOKIE = 'caunoi_locale';

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

export function readLocaleCookie(): Language | null {
  const match = document.cookie.split(';').map((part) => part.trim().split('=')).find(([name]) => name === LOCALE_COOKIE);
  const value = match?.[1];
  return isLanguage(value) ? value : null;
}

/** Keeps the choice even before the server answers (or when it cannot). */
export function writeLocaleCookie(language: Language): void {
  document.cookie = `${LOCALE_COOKIE}=${language}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
}

async function ensureResources(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const en = (await import('./en.json')).default;
    i18n.addResourceBundle('en', 'translation', en);
  }
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'vi');
}

export async function initI18n(): Promise<void> {
  const language = readLocaleCookie() ?? 'vi';
  i18n.on('languageChanged', applyDocumentLanguage);
  await i18n.use(initReactI18next).init({
    lng: 'vi',
    fallbackLng: 'vi',
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await changeLanguage(language);
  applyDocumentLanguage(i18n.language);
}

export async function changeLanguage(language: Language): Promise<void> {
  await ensureResources(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

export { i18n };
