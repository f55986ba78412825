// Every UI string the web app names exists in both languages, and the two catalogs hold the
// same keys with the same placeholders. The build serves each top-level key ("group") of
// src/web/i18n/{vi,en}.json as its own chunk (scripts/vite/i18n-split.ts), so a group present in
// one language only would fail to load in the other.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  hasString,
  keysUsedIn,
  leaves,
  lookup,
  placeholders,
  pluralBase,
  readCatalog,
  webSources,
  type KeyUse,
} from './i18n-keys.ts';

const catalogs = { vi: readCatalog('vi'), en: readCatalog('en') };
const groups = new Set(LANGUAGES.flatMap((language) => Object.keys(catalogs[language])));
const uses: KeyUse[] = webSources().flatMap((file) => keysUsedIn(fs.readFileSync(file, 'utf8'), file, groups));
const where = (use: KeyUse) => `${use.key} (${use.file}:${use.line})`;

describe('i18n keys', () => {
  it('finds the keys the web app uses', () => {
    // A guard on the scanner itself: if it stopped finding keys, every other check would pass.
    expect(uses.length).toBeGreaterThan(1000);
    const found = new Set(uses.map((use) => use.key));
    for (const key of ['rating.send', 'common.cancel', 'nav.cases', 'errors.']) expect(found).toContain(key);
  });

  it.each(LANGUAGES)('has every key used in the source in %s', (language) => {
    const missing = uses.filter((use) => !use.dynamic && !hasString(catalogs[language], use.key)).map(where);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('has the group of every key built at run time (`kinds.${kind}`) in %s', (language) => {
    const missing = uses
      .filter((use) => use.dynamic)
      .filter((use) => {
        const node = lookup(catalogs[language], use.key.replace(/\.$/, ''));
        return typeof node !== 'object' || node === null;
      })
      .map(where);
    expect(missing).toEqual([]);
  });

  it('holds the same keys in both languages', () => {
    const [vi, en] = LANGUAGES.map((language) => new Set([...leaves(catalogs[language]).keys()].map(pluralBase)));
    expect({
      viOnly: [...vi!].filter((key) => !en!.has(key)),
      enOnly: [...en!].filter((key) => !vi!.has(key)),
    }).toEqual({ viOnly: [], enOnly: [] });
  });

  it('uses the same placeholders in both languages, and no empty string', () => {
    const vi = leaves(catalogs.vi);
    const en = leaves(catalogs.en);
    const differ = [...vi]
      .filter(([key, text]) => en.has(key) && placeholders(text).join() !== placeholders(en.get(key)!).join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
    const empty = [...vi, ...en].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('has a message for every error code the server or the client may give, and every contract message', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    const errorsTs = fs.readFileSync(path.join(root, 'src/server/lib/errors.ts'), 'utf8');
    const codes = [...errorsTs.matchAll(/^ {2}\| '([a-z_]+)'/gm)].map((match) => match[1] ?? '');
    expect(codes).toContain('validation_failed');
    const contracts = fs
      .readdirSync(path.join(root, 'src/contracts'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => fs.readFileSync(path.join(root, 'src/contracts', file), 'utf8'))
      .join('\n');
    const messages = [...new Set([...contracts.matchAll(/'msg:([a-z_]+)'/g)].map((match) => match[1] ?? ''))];
    expect(messages.length).toBeGreaterThan(0);
    const keys = [...codes, 'network_error', ...messages].map((code) => `errors.${code}`);
    for (const language of LANGUAGES) {
      expect(
        keys.filter((key) => !hasString(catalogs[language], key)),
        language,
      ).toEqual([]);
    }
  });

  it('holds no string that nothing uses', () => {
    const named = new Set(uses.filter((use) => !use.dynamic).map((use) => use.key));
    const prefixes = uses.filter((use) => use.dynamic).map((use) => use.key);
    const unused = [...new Set([...leaves(catalogs.vi).keys()].map(pluralBase))].filter(
      (key) => !named.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
