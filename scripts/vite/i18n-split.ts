// The UI strings, split by route at build time. `src/web/i18n/<language>.json` stay one file per
// language (what translators and the key tests read); this plugin serves each top-level key
// ("group": `home`, `rating`, `errors`, …) as its own small module, and makes every module of the
// web app that names a key of a group (`t('rating.send')`, `` `errors.${code}` ``, `'nav.cases'`)
// ask for that group when it is evaluated. A page's chunk thus brings the strings it uses and no
// others; `lazyPage` (src/web/app/lazyPage.ts) renders a page once they have arrived.
//
//   virtual:i18n-catalog          { vi: { home: () => import(…), … }, en: { … } }
//   virtual:i18n/<language>/<g>   the group's strings, one chunk each (assets/i18n-vi-home-….js)
//
// index.html preloads the groups (in the first language, Vietnamese) that the shell itself uses.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const CATALOG = 'virtual:i18n-catalog';
const GROUP_PREFIX = 'virtual:i18n/';
const RESOLVED = '\0';

export interface I18nSplitOptions {
  /** Folder of `<language>.json`. */
  dir: string;
  languages: readonly string[];
  /** Source folder whose modules are scanned for keys. */
  sources: string;
  /** The module exporting `needStrings(groups)` (it is itself not scanned). */
  runtime: string;
}

/** The groups a module's source names: a string or template literal starting `group.` for a known group. */
export function groupsNamedIn(code: string, groups: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/['"`]([A-Za-z][A-Za-z0-9]*)\.[A-Za-z$]/g)) {
    const group = match[1];
    if (group && groups.has(group)) found.add(group);
  }
  return [...found].sort();
}

export function i18nSplit(options: I18nSplitOptions): Plugin {
  const catalogs = new Map<string, Record<string, unknown>>();
  const read = () => {
    for (const language of options.languages) {
      catalogs.set(
        language,
        JSON.parse(fs.readFileSync(path.join(options.dir, `${language}.json`), 'utf8')) as Record<string, unknown>,
      );
    }
  };
  const groupsByModule = new Map<string, string[]>();
  const groups = () => new Set(options.languages.flatMap((language) => Object.keys(catalogs.get(language) ?? {})));
  const runtime = path.resolve(options.runtime);
  const sources = path.resolve(options.sources) + path.sep;

  return {
    name: 'caunoi:i18n-split',
    enforce: 'pre',
    buildStart() {
      read();
      for (const language of options.languages) this.addWatchFile(path.join(options.dir, `${language}.json`));
    },
    resolveId(id) {
      if (id === CATALOG || id.startsWith(GROUP_PREFIX)) return RESOLVED + id;
      return null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      if (name === CATALOG) {
        const entries = options.languages.map((language) => {
          const loaders = Object.keys(catalogs.get(language) ?? {}).map(
            (group) =>
              `${JSON.stringify(group)}: () => import(${JSON.stringify(`${GROUP_PREFIX}${language}/${group}`)})`,
          );
          return `${JSON.stringify(language)}: {\n    ${loaders.join(',\n    ')}\n  }`;
        });
        return `export default {\n  ${entries.join(',\n  ')}\n};\n`;
      }
      if (name.startsWith(GROUP_PREFIX)) {
        const [language = '', group = ''] = name.slice(GROUP_PREFIX.length).split('/');
        const strings = catalogs.get(language)?.[group];
        if (strings === undefined) this.error(`no group "${group}" in ${language}.json`);
        return `export default ${JSON.stringify(strings)};\n`;
      }
      return null;
    },
    // The strings of the shell (what index.html loads) are fetched alongside it rather than after it.
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (!entry) return html;
        const initial = new Set<string>();
        const visit = (fileName: string) => {
          if (initial.has(fileName)) return;
          initial.add(fileName);
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          for (const imported of chunk?.imports ?? []) visit(imported);
        };
        visit(entry.fileName);
        const wanted = new Set(
          chunks
            .filter((chunk) => initial.has(chunk.fileName))
            .flatMap((chunk) => chunk.moduleIds.flatMap((id) => groupsByModule.get(id) ?? [])),
        );
        const language = options.languages[0];
        const links = chunks
          .filter((chunk) =>
            [...wanted].some((group) => chunk.facadeModuleId === `${RESOLVED}${GROUP_PREFIX}${language}/${group}`),
          )
          .map(
            (chunk) => `<link rel="modulepreload" crossorigin href="${context.server ? '' : '/'}${chunk.fileName}">`,
          );
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.startsWith(sources) || !/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file === runtime)
        return null;
      const named = groupsNamedIn(code, groups());
      groupsByModule.set(file, named);
      if (!named.length) return null;
      // Appended, so that line numbers (and source maps) stay as they were; imports are hoisted anyway.
      const request = `\nimport { needStrings as __needStrings } from ${JSON.stringify(runtime)};\n__needStrings(${JSON.stringify(named)});\n`;
      return { code: code + request, map: null };
    },
    handleHotUpdate(context) {
      if (options.languages.some((language) => context.file === path.join(options.dir, `${language}.json`))) read();
    },
  };
}

/** Chunk file names that say which strings a chunk holds: assets/i18n-vi-home-<hash>.js. */
export function i18nChunkName(facadeModuleId: string | null | undefined): string | null {
  if (!facadeModuleId?.startsWith(RESOLVED + GROUP_PREFIX)) return null;
  const [language, group] = facadeModuleId.slice(RESOLVED.length + GROUP_PREFIX.length).split('/');
  return `assets/i18n-${language}-${group}-[hash].js`;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The plugin as this app uses it: src/web/i18n/{vi,en}.json, for the modules of src/web. */
export function webStrings(): Plugin {
  return i18nSplit({
    dir: path.join(root, 'src/web/i18n'),
    languages: ['vi', 'en'],
    sources: path.join(root, 'src/web'),
    runtime: path.join(root, 'src/web/i18n/index.ts'),
  });
}
