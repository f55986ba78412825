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
import { cpuMs, processTreeCpuMs } from './cpu.ts';
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
          body: JSON.stringify({
            subjects: [
              { kind: 'branch', ref: '03NK', stars: 5 },
              { kind: 'team', ref: '03NK01', stars: 4 },
              { kind: 'officer', ref: officerCode, stars: 5, reason: 'Hỗ trợ nhanh' },
            ],
          }),
        };
      },
    },
  ];
}

/** Transactions committed in the database so far (each autocommitted statement counts one). */
async function countCommits(url: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500)); // statistics reach the view within a second
  const handle = await connectDatabase({ databaseUrl: url });
  const row = await sql<{
    n: number;
  }>`select xact_commit::int8 as n from pg_stat_database where datname = current_database()`.execute(handle.db);
  await handle.close();
  return row.rows[0]?.n ?? 0;
}

async function printStatementStats(url: string, requests: number) {
  const handle = await connectDatabase({ databaseUrl: url });
  await sql`create extension if not exists pg_stat_statements`.execute(handle.db);
  const rows = await sql<Record<string, string | number>>`
    select calls, round(total_plan_time::numeric, 0) as plan_ms, round(total_exec_time::numeric, 0) as exec_ms,
           round(((total_plan_time + total_exec_time) / ${Math.max(1, requests)})::numeric, 3) as ms_per_request, left(regexp_replace(query, '\s+', ' ', 'g'), 90) as query
    from pg_stat_statements order by total_plan_time + total_exec_time desc limit 8`.execute(handle.db);
  await handle.close();
  printTable('Database time by statement (pg_stat_statements)', rows.rows);
}

/** Load while measuring the CPU each party spent per request, in ms. */
async function measuredLoad(
  url: string,
  requests: autocannon.Request[],
  pids: { server?: number | undefined; database?: number | undefined },
  seconds: number,
  connections: number,
) {
  const cpu = () => ({
    server: pids.server ? cpuMs(pids.server) : 0,
    database: pids.database ? processTreeCpuMs(pids.database) : 0,
    load: process.cpuUsage(),
  });
  const before = cpu();
  const result = await load({ url, seconds, connections, requests });
  const after = cpu();
  const per = (ms: number) => (result.requests ? Number((ms / result.requests).toFixed(3)) : 0);
  const loadUsage = process.cpuUsage(before.load);
  return {
    result,
    cpu: {
      server: per(after.server - before.server),
      database: pids.database ? per(after.database - before.database) : undefined,
      load: per((loadUsage.user + loadUsage.system) / 1000),
    },
  };
}

export async function runAssessmentBench(): Promise<void> {
  const seconds = option('seconds', 10);
  const connections = option('connections', 32);
  const capacity = option('size', 60_000);
  const rows: Record<string, string | number>[] = [];
  const record = (name: string, run: Awaited<ReturnType<typeof measuredLoad>>, stored?: number, commits?: number) => {
    const { result: r, cpu } = run;
    rows.push({
      setup: name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      requests: r.requests,
      'non-2xx': r.non2xx,
      errors: r.errors,
      'rows stored': stored ?? '-',
      'statements/req': commits === undefined ? '-' : Number(commits.toFixed(2)),
      'CPU ms/req server': cpu.server,
      'CPU ms/req database': cpu.database ?? '-',
      'CPU ms/req load gen': cpu.load,
    });
  };

  const bare = await startProcess('bench/bare-server.ts', {});
  record(
    'bare Fastify endpoint (baseline)',
    await measuredLoad(bare.base, submissions('X'), { server: bare.pid }, seconds, connections),
  );
  await bare.stop();

  for (const kind of (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['postgres', 'pglite']) as (
    'postgres' | 'pglite'
  )[]) {
    // BENCH_PG_STATS=1 prints where the database's time went (pg_stat_statements, planning included).
    const statements = process.env.BENCH_PG_STATS === '1';
    const pgServer =
      kind === 'postgres'
        ? await startPostgresServer({
            fsync: process.env.BENCH_FSYNC !== 'off',
            settings: statements
              ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track_planning=on']
              : [],
          })
        : null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-'));
    const handle = await connectDatabase(pgServer ? { databaseUrl: pgServer.url } : { dataDir: dir });
    await migrateToLatest(handle.db);
    const { officers } = await createDeclarations(handle.db, capacity);
    await handle.close();
    const env: Record<string, string> = pgServer ? { DATABASE_URL: pgServer.url } : { DATA_DIR: dir, DATABASE_URL: '' };
    const commitsBefore = pgServer ? await countCommits(pgServer.url) : 0;
    const server = await startProcess('src/server/main.ts', { ...env, CAUNOI_BOOTSTRAP_API_KEY: KEY });
    // PGlite runs inside the server process (a worker thread), so its CPU is in the server's figure.
    const run = await measuredLoad(
      server.base,
      submissions(officers.first.code),
      { server: server.pid, database: pgServer?.pid() },
      seconds,
      connections,
    );
    await server.stop();
    if (pgServer && statements) await printStatementStats(pgServer.url, run.result.requests);
    // Statements the server committed per acknowledged submission (start-up and roll-up jobs included).
    const commits = pgServer
      ? ((await countCommits(pgServer.url)) - commitsBefore) / Math.max(1, run.result.requests)
      : undefined;
    const check = await connectDatabase(pgServer ? { databaseUrl: pgServer.url } : { dataDir: dir });
    const stored = await sql<{ n: number }>`select count(*)::int as n from assessments`.execute(check.db);
    await check.close();
    record(
      kind === 'postgres' ? 'Cầu Nối on PostgreSQL 15 (synchronous commit)' : 'Cầu Nối on PGlite (embedded)',
      run,
      stored.rows[0]?.n,
      commits,
    );
    await pgServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    if (run.result.requests >= capacity) console.warn(`warning: ${kind} ran out of declarations; raise --size`);
  }
  printTable(`Assessment submissions, ${seconds}s per run, ${connections} connections, 3 subjects each`, rows);
}
