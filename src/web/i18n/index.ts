// UI language: Vietnamese by default, English on request. The choice lives in the
// `caunoi_locale` cookie (set by the server, readable here) and follows the user.
//
// The strings arrive by group (the top-level keys of vi.json / en.json), each a small chunk: every
// module that uses a group's keys asks for it when it loads (scripts/vite/i18n-split.ts adds the
// `needStrings` call), so a page downloads the strings it shows, in the current language only.
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import catalog from 'virtual:i18n-catalog';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LOCALE_COOKIE = 'caunoi_locale';

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

export function readLocaleCookie(): Language | null {
  if (typeof document === 'undefined') return null;
  const match = document.cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE);
  const value = match?.[1];
  return isLanguage(value) ? value : null;
}

/** Keeps the choice even before the server answers (or when it cannot). */
export function writeLocaleCookie(language: Language): void {
  document.cookie = `${LOCALE_COOKIE}=${language}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'vi');
}

i18n.on('languageChanged', applyDocumentLanguage);
// Synchronous, with no strings yet: groups are added as they arrive (and components that render
// before theirs re-render when it does).
void i18n.use(initReactI18next).init({
  lng: readLocaleCookie() ?? 'vi',
  fallbackLng: 'vi',
  resources: {},
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { bindI18nStore: 'added' },
});

const needed = new Set<string>();
const loads = new Map<string, Promise<void>>();
const pending = new Set<Promise<void>>();

function loadGroup(language: Language, group: string): Promise<void> {
  const key = `${language}/${group}`;
  let load = loads.get(key);
  if (!load) {
    const loader = catalog[language][group];
    load = loader
      ? loader().then((module) => {
          i18n.addResourceBundle(language, 'translation', { [group]: module.default }, true, true);
        })
      : Promise.resolve();
    // A chunk that failed to arrive may be asked for again (the next page, a retry).
    load.catch(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}

/** Asks for the strings of these groups in the current language (called by every module that uses them). */
export function needStrings(groups: readonly string[]): void {
  for (const group of groups) {
    if (needed.has(group)) continue;
    needed.add(group);
    const load = loadGroup(currentLanguage(), group);
    pending.add(load);
    void load.finally(() => pending.delete(load)).catch(() => undefined);
  }
}

/** Resolves once every group asked for so far has arrived (rejects if one could not be loaded). */
export async function stringsReady(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

export async function initI18n(): Promise<void> {
  await stringsReady();
  applyDocumentLanguage(i18n.language);
}

export async function changeLanguage(language: Language): Promise<void> {
  await Promise.all([...needed].map((group) => loadGroup(language, group)));
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

export { i18n };
