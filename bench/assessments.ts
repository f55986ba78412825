// Submission throughput through the HTTP API (validated, stored, audited,
// queued for the roll-ups), on PGlite and on PostgreSQL, beside a bare Fastify
// endpoint measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import { connectDatabase } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { createDeclarations } from './fixtures.ts';
import { load, option, printTable } from './lib.ts';
import { startProcess } from './servers.ts';

const KEY = 'bench-bootstrap-key-0123456789abcdefghij';

function submissions(officerCode: string): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        next++;
        return {
          ...request,
          path: `/api/v1/declarations/${String(100000000000 + next)}/assessments`,
          headers: { ...request.headers, authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }, { kind: 'team', ref: '03NK01', stars: 4 }, { kind: 'officer', ref: officerCode, stars: 5, reason: 'Hỗ trợ nhanh' }] }),
        };
      },
    },
  ];
}

export async function runAssessmentBench(): Promise<void> {
  const seconds = option('seconds', 10);
  const connections = option('connections', 32);
  const capacity = option('size', 60_000);
  const rows: Record<string, string | number>[] = [];
  const record = (name: string, r: Awaited<ReturnType<typeof load>>, stored?: number) =>
    rows.push({ setup: name, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, requests: r.requests, 'non-2xx': r.non2xx, errors: r.errors, 'rows stored': stored ?? '-' });

  const bare = await startProcess('bench/bare-server.ts', {});
  record('bare Fastify endpoint (baseline)', await load({ url: bare.base, seconds, connections, requests: submissions('X') }));
  await bare.stop();

  for (const kind of (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['postgres', 'pglite']) as ('postgres' | 'pglite')[]) {
    const pgServer = kind === 'postgres' ? await startPostgresServer({ fsync: process.env.BENCH_FSYNC !== 'off' }) : null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-'));
    const handle = await connectDatabase(pgServer ? { databaseUrl: pgServer.url } : { dataDir: dir });
    await migrateToLatest(handle.db);
    const { officers } = await createDeclarations(handle.db, capacity);
    await handle.close();
    const env: Record<string, string> = pgServer ? { DATABASE_URL: pgServer.url } : { DATA_DIR: dir, DATABASE_URL: '' };
    const server = await startProcess('src/server/main.ts', { ...env, CAUNOI_BOOTSTRAP_API_KEY: KEY });
    const result = await load({ url: server.base, seconds, connections, requests: submissions(officers.first.code) });
    await server.stop();
    const check = await connectDatabase(pgServer ? { databaseUrl: pgServer.url } : { dataDir: dir });
    const stored = await sql<{ n: number }>`select count(*)::int as n from assessments`.execute(check.db);
    await check.close();
    record(kind === 'postgres' ? 'Cầu Nối on PostgreSQL 15 (synchronous commit)' : 'Cầu Nối on PGlite (embedded)', result, stored.rows[0]?.n);
    await pgServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    if (result.requests >= capacity) console.warn(`warning: ${kind} ran out of declarations; raise --size`);
  }
  printTable(`Assessment submissions, ${seconds}s per run, ${connections} connections, 3 subjects each`, rows);
}
