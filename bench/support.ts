// Support request creation throughput through the HTTP API (a signed-in
// business posting requests), beside GET /healthz in the same run; on PGlite
// and on a PostgreSQL 15 server (`BENCH_DB=pglite|postgres` for one of them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/server/config.ts';
import { createPlatform } from '../src/server/platform.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD } from '../test/factories.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { signIn } from '../test/platform.ts';
import { load, option, printTable } from './lib.ts';

export async function runSupportBench(): Promise<void> {
  const seconds = option('seconds', 8);
  const connections = option('connections', 10);
  const body = JSON.stringify({
    subject: 'Hoàn thuế nguyên liệu nhập sản xuất xuất khẩu',
    body: 'Công ty nhập nguyên liệu để sản xuất hàng xuất khẩu; xin hướng dẫn hồ sơ hoàn thuế và thời hạn giải quyết.',
    category: 'tax_refund',
  });
  const rows: Record<string, string | number>[] = [];
  const row = (name: string, r: Awaited<ReturnType<typeof load>>, written?: number) =>
    rows.push({
      request: name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p95 ms': r.p95,
      'p99 ms': r.p99,
      errors: r.errors + r.non2xx,
      requests: r.requests,
      written: written ?? '',
    });
  for (const kind of (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['pglite', 'postgres']) as (
    'postgres' | 'pglite'
  )[]) {
    const pgServer = kind === 'postgres' ? await startPostgresServer() : null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-support-'));
    const platform = await createPlatform({
      config: parseConfig({
        DATA_DIR: dir,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        JOBS: 'false',
        ...(pgServer && { DATABASE_URL: pgServer.url }),
      }),
    });
    try {
      const db = platform.deps.db;
      const org = await createOrg(db);
      const enterprise = await createEnterprise(db, { managingUnitId: org['03NK'] });
      await createUser(db, { email: 'bench@doanhnghiep.vn', role: 'enterprise_user', enterpriseId: enterprise.id });
      const session = await signIn(platform, 'bench@doanhnghiep.vn', TEST_PASSWORD);
      await platform.app.listen({ port: 0, host: '127.0.0.1' });
      const address = platform.app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      row(`GET /healthz (baseline), ${kind}`, await load({ url: `${base}/healthz`, seconds, connections }));
      const created = await load({
        url: `${base}/api/support/requests`,
        seconds,
        connections,
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        requests: [{ method: 'POST', body }],
      });
      const written = await db
        .selectFrom('support_requests')
        .select(db.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      row(`POST /api/support/requests, ${kind}`, created, Number(written.n));
    } finally {
      await platform.close();
      await pgServer?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(
    `Support request creation, ${seconds}s per run, ${connections} connections (each request written with its event, audit entry and acknowledgement mail in the outbox)`,
    rows,
  );
}
