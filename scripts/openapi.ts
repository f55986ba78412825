// npm run openapi [-- --lint] [-- <file>]: writes the OpenAPI document of the HTTP
// API (tmp/openapi.json by default), the one /api/openapi.json serves. It builds
// the app over a database that is never opened: the document comes from the
// routes alone. With --lint, Redocly then lints it (redocly.yaml and its ignore
// file): the "openapi lint" step of `npm test`. With --types, it also writes the
// TypeScript types a client generates from it (openapi-typescript), as
// test/openapi-client.test.ts does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/schema.ts';
import { systemClock } from '../src/server/lib/clock.ts';

export const OPENAPI_FILE = 'tmp/openapi.json';
/** Where the generated client types go; test/openapi-client/tsconfig.json maps the module `caunoi-openapi` to it. */
export const OPENAPI_TYPES_FILE = 'tmp/openapi-client/schema.d.ts';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const config = parseConfig({ NODE_ENV: 'test', DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' });
  const mailer = { send: () => Promise.reject(new Error('no mail while writing the OpenAPI document')) };
  const app = await buildApp({ db, dbKind: 'postgres', config, clock: systemClock, mailer });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** The types openapi-typescript generates from the document (`paths`, `operations`, `components`), written to a file. */
export async function writeOpenApiTypes(
  document: Record<string, unknown>,
  file: string = OPENAPI_TYPES_FILE,
): Promise<void> {
  const types = astToString(await openapiTS(document as unknown as OpenAPI3, { silent: true }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, types);
}

function lint(file: string): number {
  const result = spawnSync('npx', ['--no-install', 'redocly', 'lint', file], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  // Redocly boxes a notice that Node.js 20 support is ending (see the README's development notes).
  const output = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n');
  console.log(output.trim());
  return result.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const file = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? OPENAPI_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const document = await openApiDocument();
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), file)}`);
  if (args.includes('--types')) {
    await writeOpenApiTypes(document);
    console.log(`Client types written to ${OPENAPI_TYPES_FILE}`);
  }
  if (args.includes('--lint')) process.exitCode = lint(path.relative(process.cwd(), file));
}
