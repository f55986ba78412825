// Every operation of the OpenAPI document × every caller, each cell a real
// request answered as test/denial-matrix.ts says. A new operation cannot join
// the API without its row, and a row cannot outlive its operation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, operationKey, parseTable, type Caller, type Cell, type Row } from './denial-matrix.ts';
import { REQUESTS, type CellRequest } from './denial-matrix-requests.ts';
import { buildWorld, MATRIX_API_KEY, multipart, type World } from './denial-matrix-world.ts';
import { startTestPlatform, type TestPlatform } from './platform.ts';

const rows = parseTable();
let platform: TestPlatform;
let world: World;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-matrix-'));
  platform = await startTestPlatform({ env: { CAUNOI_BOOTSTRAP_API_KEY: MATRIX_API_KEY, DATA_DIR: dataDir } });
  world = await buildWorld(platform);
});

afterAll(async () => {
  // Imports finish in the background: let them end before the database closes.
  for (let i = 0; i < 100 && platform; i++) {
    const running = await platform.deps.db
      .selectFrom('import_jobs')
      .select('id')
      .where('status', '=', 'running')
      .execute();
    if (running.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await platform?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function documentedOperations(): Promise<string[]> {
  const response = await platform.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  const document = response.json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
  );
}

async function send(row: Row, caller: Caller, request: CellRequest) {
  const form = request.upload ? multipart(request.upload) : null;
  const headers = { ...(request.headers ?? world.headers(caller)), ...form?.headers };
  if (request.cookie) headers.cookie = [headers.cookie, request.cookie].filter(Boolean).join('; ');
  return platform.app.inject({
    method: row.method,
    url: request.url,
    headers,
    ...(form ? { payload: form.payload } : request.payload !== undefined && { payload: request.payload }),
  });
}

const show = (cell: Cell) => `${cell.pending ? '~' : ''}${cell.expected}`;
const matches = (cell: Cell, status: number) =>
  cell.expected === 'ok' ? status >= 200 && status < 300 : status === cell.expected;

interface Outcome {
  operation: string;
  variant: string;
  caller: Caller;
  expected: string;
  got: number;
  code: string;
  note: string;
}

function errorCode(body: string): string {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    return '';
  }
}

function table(title: string, outcomes: Outcome[]): string {
  const head: Outcome = {
    operation: 'operation',
    variant: 'variant',
    caller: 'caller' as Caller,
    expected: 'expected',
    got: 0,
    code: 'answer',
    note: 'note',
  };
  const lines = [head, ...outcomes].map((o) => [
    o.operation,
    o.variant,
    o.caller,
    o.expected,
    o === head ? 'got' : String(o.got),
    o.code,
    o.note,
  ]);
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const format = (l: string[]) =>
    l
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    `${title} (${outcomes.length})`,
    format(lines[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.slice(1).map(format),
  ].join('\n');
}

describe('the role × operation denial matrix', () => {
  it('lists every operation of the OpenAPI document, and only those, each with a request for each variant', async () => {
    const documented = await documentedOperations();
    const listed = new Set(rows.map(operationKey));
    const missing = documented.filter((op) => !listed.has(op));
    const gone = [...listed].filter((op) => !documented.includes(op));
    const unbuilt = rows
      .filter((row) => !REQUESTS[operationKey(row)]?.[row.variant])
      .map((row) => `${operationKey(row)} ${row.variant}`);
    const unused = Object.entries(REQUESTS).flatMap(([op, variants]) =>
      Object.keys(variants)
        .filter((variant) => !rows.some((row) => operationKey(row) === op && row.variant === variant))
        .map((variant) => `${op} ${variant}`),
    );
    expect(
      { missing, gone, unbuilt, unused },
      'operations missing from test/denial-matrix.ts, listed there but gone from the API, or without a request builder',
    ).toEqual({ missing: [], gone: [], unbuilt: [], unused: [] });
    expect(documented.length).toBeGreaterThan(100);
  });

  // About three thousand requests and their throw-away rows: seconds on PGlite, but time must not decide the result on a busy machine.
  it('answers each cell as the table says', { timeout: 600_000 }, async () => {
    const failures: Outcome[] = [];
    const open: Outcome[] = [];
    let cells = 0;
    for (const row of rows) {
      const build = REQUESTS[operationKey(row)]?.[row.variant];
      if (!build) continue; // reported by the test above
      for (const caller of CALLERS) {
        const cell = row.cells[caller];
        cells++;
        const base = { operation: operationKey(row), variant: row.variant, caller, expected: show(cell) };
        let request: CellRequest;
        let response: Awaited<ReturnType<typeof send>>;
        try {
          request = await build({ w: world, caller, allowed: cell.expected === 'ok' });
          response = await send(row, caller, request);
        } catch (error) {
          failures.push({ ...base, got: 0, code: 'setup failed', note: String(error).slice(0, 160) });
          continue;
        }
        const got = response.statusCode;
        const outcome = { ...base, got, code: errorCode(response.body) };
        const leaked =
          got < 300 ? Object.entries(request.hidden ?? {}).filter(([, id]) => response.body.includes(id)) : [];
        const lost =
          got < 300 ? Object.entries(request.shown ?? {}).filter(([, id]) => !response.body.includes(id)) : [];
        const problems = [
          ...(leaked.length ? [`HOLE: the answer shows ${leaked.map(([name]) => name).join(', ')}`] : []),
          ...(lost.length ? [`the answer misses ${lost.map(([name]) => name).join(', ')}`] : []),
        ];
        if (got >= 500) failures.push({ ...outcome, note: 'server error' });
        else if (cell.pending && matches(cell, got) && problems.length === 0)
          failures.push({ ...outcome, note: 'now enforced here: remove the ~ from the table' });
        else if (cell.pending)
          open.push({ ...outcome, note: ['open: enforced by a branch not merged yet', ...problems].join('; ') });
        else if (!matches(cell, got))
          failures.push({
            ...outcome,
            note:
              cell.expected !== 'ok' && got >= 200 && got < 300
                ? 'HOLE: allowed where the policy refuses'
                : cell.expected === 'ok'
                  ? 'refused where the policy allows'
                  : 'refused with another status',
          });
        else if (problems.length) failures.push({ ...outcome, note: problems.join('; ') });
      }
    }
    const operations = new Set(rows.map(operationKey)).size;
    console.log(
      `denial matrix: ${operations} operations, ${rows.length} rows, ${cells} cells (${CALLERS.length} callers); ${failures.length} failing, ${open.length} marked ~ and still open`,
    );
    if (open.length) console.log(table('Cells (~) whose policy a branch not merged yet enforces (answer today)', open));
    if (failures.length) console.log(table('Cells answered against the table', failures));
    expect(failures, table('Cells answered against the table', failures)).toEqual([]);
  });
});
