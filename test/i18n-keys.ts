// The keys the web app names in its source, and the keys each language has: what
// test/i18n-keys.test.ts compares. Kept apart from the test so a reader can run it alone.
import fs from 'node:fs';
import path from 'node:path';

export type Catalog = Record<string, unknown>;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const WEB = path.join(root, 'src/web');
export const LANGUAGES = ['vi', 'en'] as const;

export function readCatalog(language: string): Catalog {
  return JSON.parse(fs.readFileSync(path.join(WEB, 'i18n', `${language}.json`), 'utf8')) as Catalog;
}

/** Every leaf key (`group.a.b`) with its string. */
export function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(full, value);
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of leaves(value as Catalog, full)) found.set(k, v);
    } else found.set(full, String(value));
  }
  return found;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A key without its plural suffix: `stars_one` and `stars_other` are both `stars` to t(). */
export const pluralBase = (key: string): string => key.replace(PLURAL, '');

/** The node at a dotted path, or undefined. */
export function lookup(catalog: Catalog, key: string): unknown {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Catalog)[part];
  }
  return node;
}

/** Whether `t(key)` finds a string: the key itself or, for a count, its plural forms. */
export function hasString(catalog: Catalog, key: string): boolean {
  if (typeof lookup(catalog, key) === 'string') return true;
  return ['other', 'one'].some((form) => typeof lookup(catalog, `${key}_${form}`) === 'string');
}

export interface KeyUse {
  key: string;
  file: string;
  line: number;
  /** A template literal: only the part before the first `${` is known. */
  dynamic: boolean;
}

export function webSources(dir = WEB): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...webSources(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

/**
 * The string literals in the source that name a key of a known group, as the build's
 * i18n split reads them (scripts/vite/i18n-split.ts): `t('rating.send')`, `labelKey: 'nav.cases'`,
 * `i18nKey="home.intro"`, a ternary inside t(), `` t(`errors.${code}`) ``.
 */
export function keysUsedIn(code: string, file: string, groups: ReadonlySet<string>): KeyUse[] {
  const uses: KeyUse[] = [];
  const literal = /(['"])([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)\1|`([A-Za-z][A-Za-z0-9]*\.[A-Za-z0-9_.]*)(\$\{)?/g;
  for (const match of code.matchAll(literal)) {
    const key = match[2] ?? match[3] ?? '';
    const group = key.split('.')[0] ?? '';
    if (!groups.has(group)) continue;
    const dynamic = match[4] !== undefined;
    if (!dynamic && match[3] !== undefined && !code.startsWith('`', (match.index ?? 0) + match[0].length)) continue;
    const line = code.slice(0, match.index).split('\n').length;
    uses.push({ key, file: path.relative(root, file), line, dynamic });
  }
  // Where a key is expected, whatever its group: a key of a group no language has is a use too.
  const explicit = /(?:\bt\(\s*|\bi18nKey=\{?\s*|\b\w+Key:\s*)(['"`])([A-Za-z][\w.]*)(\$\{)?/g;
  for (const match of code.matchAll(explicit)) {
    const key = match[2] ?? '';
    if (groups.has(key.split('.')[0] ?? '')) continue;
    const line = code.slice(0, match.index).split('\n').length;
    uses.push({ key, file: path.relative(root, file), line, dynamic: match[3] !== undefined });
  }
  return uses;
}

/** `{{name}}` placeholders of a string. */
export const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? ''))].sort();
