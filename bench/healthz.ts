// /healthz latency while the database runs heavy queries, beside the same
// endpoint idle and beside PGlite on the main thread (what the design forbids).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { parseConfig } from '../src/server/config.ts';
import { createPlatform } from '../src/server/platform.ts';
import { load, option, printTable } from './lib.ts';

const HEAVY = 'select count(*) from generate_series(1, 3000000) a, lateral (select a % 7) b';

export async function runHealthzBench(): Promise<void> {
  const seconds = option('seconds', 8);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-'));
  const platform = await createPlatform({ config: parseConfig({ DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent' }) });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/healthz`;
  const rows: Record<string, string | number>[] = [];
  const row = (name: string, r: Awaited<ReturnType<typeof load>>, heavyQueries: number) =>
    rows.push({
      setup: name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'max ms': r.max,
      'heavy queries done': heavyQueries,
      'timed out (3 s)': r.timeouts,
      errors: r.errors - r.timeouts + r.non2xx,
    });

  row('Cầu Nối, idle database (baseline)', await load({ url, seconds, connections: 10 }), 0);

  let running = true;
  let done = 0;
  const started = Date.now();
  const heavyLoop = (async () => {
    while (running) {
      await sql.raw(HEAVY).execute(platform.deps.db);
      done++;
    }
  })();
  const busy = await load({ url, seconds, connections: 10 });
  running = false;
  await heavyLoop;
  row('Cầu Nối, heavy query running (PGlite in worker)', busy, done);
  const perQuery = ((Date.now() - started) / Math.max(done, 1)).toFixed(0);
  await platform.close();

  // The forbidden shape: PGlite on the web server's own thread.
  const db = await PGlite.create();
  const naive = Fastify();
  naive.get('/healthz', () => ({ status: 'ok' }));
  await naive.listen({ port: 0, host: '127.0.0.1' });
  const naiveAddress = naive.server.address();
  const naiveUrl = `http://127.0.0.1:${typeof naiveAddress === 'object' && naiveAddress ? naiveAddress.port : 0}/healthz`;
  running = true;
  let naiveDone = 0;
  const naiveLoop = (async () => {
    while (running) {
      await db.query(HEAVY);
      naiveDone++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const naiveBusy = await load({ url: naiveUrl, seconds, connections: 10 });
  running = false;
  await naiveLoop;
  row('naive: PGlite on the main thread, heavy query running', naiveBusy, naiveDone);
  await naive.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  printTable(`/healthz latency, ${seconds}s per run, 10 connections; heavy query ≈ ${perQuery} ms each`, rows);
}
