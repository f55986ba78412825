// The boundaries of ../shared/design/README.md, checked on the source text so
// they cannot erode quietly: the repository is the only place that queries and a
// mapper only maps; mail leaves through the delivery queue only; config.ts is the
// only reader of the environment; the server takes the time from its clock; and
// Vietnam time is computed in one module. Each failure names the file and line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return files(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [rel]
      : [];
  });
}

/**
 * The file's lines, an import statement that the formatter spread over several
 * lines joined into one (at its first line), so a rule on imports sees it whole.
 */
function statements(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let joined = lines[i]!;
    const start = i;
    if (/^import\b/.test(joined))
      while (!joined.includes(';') && i + 1 < lines.length) joined += ` ${lines[++i]!.trim()}`;
    out.push({ line: start + 1, text: joined });
  }
  return out;
}

/** `file:line: text` of every line matching `pattern` in the files `keep` selects. */
function matches(dir: string, pattern: RegExp, keep: (file: string) => boolean = () => true): string[] {
  return files(dir)
    .filter(keep)
    .flatMap((file) =>
      statements(fs.readFileSync(path.join(ROOT, file), 'utf8')).flatMap(({ line, text }) =>
        pattern.test(text) && !/^\s*(\/\/|\*|\/\*)/.test(text) ? [`${file}:${line}: ${text.trim().slice(0, 140)}`] : [],
      ),
    );
}

const isRepository = (file: string) => file.endsWith('repository.ts');

describe('module boundaries', () => {
  it('queries only in repositories (…repository.ts); the readiness probe asks the database itself', () => {
    // A query builder, raw SQL, or a value (not type-only) import from Kysely.
    const queries =
      /\b(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|executePrepared)\(|\bsql(`|<)|^import (?!type )[^;]*from 'kysely'/;
    const found = matches('src/server/modules', queries, (file) => !isRepository(file));
    expect(found.filter((hit) => !hit.startsWith('src/server/modules/health/routes.ts:'))).toEqual([]);
  });

  it('mappers only map: no queries, no awaiting, no database handle', () => {
    const mappers = (file: string) => file.endsWith('/mapper.ts');
    expect(matches('src/server/modules', /\bawait\b|\bKysely\b|\.execute|\bselectFrom\(|\bsql`/, mappers)).toEqual([]);
    // Row types from the repository, never its functions.
    expect(matches('src/server/modules', /^import (?!type )[^;]*from '\.\/[a-z-]*repository\.ts'/, mappers)).toEqual(
      [],
    );
  });

  it('mail leaves through the delivery queue only (lib/deliveries.ts hands it to the mailer)', () => {
    expect(
      matches('src', /\bmailer\.send\(|\.send\(\{ ?to\b/, (file) => file !== 'src/server/lib/deliveries.ts'),
    ).toEqual([]);
    expect(matches('src', /\bsendMail\(/, (file) => file !== 'src/server/lib/mailer.ts')).toEqual([]);
    expect(
      matches(
        'src',
        /\bcreateMailer\(/,
        (file) => !['src/server/lib/mailer.ts', 'src/server/platform.ts'].includes(file),
      ),
    ).toEqual([]);
  });

  it('config.ts is the only reader of the environment', () => {
    expect(matches('src', /process\.env|import\.meta\.env/, (file) => file !== 'src/server/config.ts')).toEqual([]);
  });

  it('the server takes the time from its clock (the process uptime of /healthz aside)', () => {
    expect(
      matches(
        'src/server',
        /new Date\(\)|Date\.now\(\)/,
        (file) => !['src/server/lib/clock.ts', 'src/server/modules/health/routes.ts'].includes(file),
      ),
    ).toEqual([]);
  });

  it('Vietnam time is computed in src/contracts/vietnam-time.ts only', () => {
    // The results pages are being rebuilt elsewhere; their vietnamToday should use vietnamDay from the shared module.
    const elsewhere = (file: string) =>
      file !== 'src/contracts/vietnam-time.ts' && !file.startsWith('src/web/features/results/');
    expect(
      matches('src', /\b7 ?\* ?3_?600\b|Asia\/Ho_Chi_Minh|\$\{[^}]*\}[^`'"]*\+07:00|\+ ?7 ?\* ?60/, elsewhere),
    ).toEqual([]);
    expect(matches('scripts', /\b7 ?\* ?(3_?600|HOUR)|Asia\/Ho_Chi_Minh|\$\{[^}]*\}[^`'"]*\+07:00/)).toEqual([]);
  });
});
