// The annual plan: the national progress dashboard (GET /api/plans/{id} of the
// national plan, with every department's roll-up) at national size — a General
// Department, 35 departments with --branches branches each (8 by default), every
// unit with a plan of 40 targets — over a year of generated platform data
// (--requests support requests, agreements, dialogues). Prints the time of one full
// progress recomputation, and the dashboard beside a primary-key read
// (GET /api/units/{id}) in the same run. PGlite by default; BENCH_DB=postgres for a server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { parseConfig } from '../src/server/config.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createPlanProgress } from '../src/server/modules/plan/progress.ts';
import { MEASURE_CODES } from '../src/contracts/measures.ts';
import { createPlatform } from '../src/server/platform.ts';
import { createUser, TEST_PASSWORD } from '../test/factories.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { signIn } from '../test/platform.ts';
import { load, option, printTable } from './lib.ts';

const TARGETS = 40;

export async function runPlanBench(): Promise<void> {
  const seconds = option('seconds', 8);
  const connections = option('connections', 10);
  const branchesPer = option('branches', 8);
  const requests = option('requests', 200_000);
  const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
  const pgServer = kind === 'postgres' ? await startPostgresServer() : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-plan-'));
  const platform = await createPlatform({
    config: parseConfig({
      DATA_DIR: dir,
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      JOBS: 'false',
      ...(pgServer && { DATABASE_URL: pgServer.url }),
    }),
  });
  const rows: Record<string, string | number>[] = [];
  try {
    const db = platform.deps.db;
    const started = Date.now();
    await sql`insert into units (code, kind, name_vi, name_en, parent_id, updated_at) values ('00', 'general_department', 'Tổng cục Hải quan', 'General Department of Customs', null, now())`.execute(
      db,
    );
    await sql`insert into units (code, kind, name_vi, name_en, parent_id, updated_at)
      select lpad(d::text, 2, '0'), 'department', 'Cục Hải quan ' || d, 'Customs Department ' || d, (select id from units where code = '00'), now()
      from generate_series(1, 35) d`.execute(db);
    await sql`insert into units (code, kind, name_vi, name_en, parent_id, updated_at)
      select p.code || 'B' || b, 'branch', 'Chi cục ' || p.code || '-' || b, 'Branch ' || p.code || '-' || b, p.id, now()
      from units p, generate_series(1, ${branchesPer}) b where p.kind = 'department'`.execute(db);
    // A year of platform data: support requests, agreements, dialogues, across the branches.
    await sql`insert into support_requests (number, subject, body, category, priority, channel, calendar, requester_name,
        branch_unit_id, team_unit_id, handler_unit_id, handler_role, first_response_due, resolution_due, first_responded_at, resolved_at,
        status, created_at, updated_at)
      select 'HT' || g, 'Vướng mắc ' || g, '', 'hs_code', 'normal', 'web', '24x7', 'DN', u.id, u.id, u.id, 'officer',
        t + interval '8 hours', t + interval '5 days', t + (g % 20) * interval '1 hour',
        case when g % 10 = 0 then null else t + (g % 7) * interval '1 day' end,
        case when g % 10 = 0 then 'open' else 'resolved' end, t, t
      from generate_series(1, ${requests}) g
      cross join lateral (select id from units where kind = 'branch' order by code offset (g % ${35 * branchesPer}) limit 1) u
      cross join lateral (select timestamptz '2026-01-01 00:00+07' + (g % 320) * interval '1 day' + (g % 24) * interval '1 hour' as t) tt`.execute(
      db,
    );
    await sql`insert into enterprises (tax_code, name) select lpad(g::text, 10, '0'), 'Doanh nghiệp ' || g from generate_series(1, 5000) g`.execute(
      db,
    );
    await sql`insert into agreements (number, kind, unit_id, enterprise_id, title, signed_on, status, updated_at)
      select 'TT' || e.tax_code, 'cooperation', u.id, e.id, 'Thỏa thuận', date '2026-01-05' + (row_number() over () % 300)::int, 'in_force', now()
      from enterprises e cross join lateral (select id from units where kind = 'branch' order by code offset (abs(hashtext(e.tax_code)) % ${35 * branchesPer}) limit 1) u`.execute(
      db,
    );
    await sql`insert into events (kind, title, organizer_unit_id, starts_at, ends_at, audience, status)
      select 'morning_coffee', 'Cà phê doanh nhân', u.id, timestamptz '2026-01-26 08:00+07' + m * interval '1 month', timestamptz '2026-01-26 10:00+07' + m * interval '1 month', 'all', 'held'
      from units u cross join generate_series(0, 9) m where u.kind in ('branch', 'department')`.execute(db);
    // Every unit's plan of 40 targets, each over one of the measures.
    await sql`insert into plans (unit_id, year, status, title, updated_at, published_at, adopted_at)
      select id, 2026, case when kind = 'general_department' then 'published' else 'adopted' end, 'Kế hoạch 2026', now(), now(), now() from units`.execute(
      db,
    );
    await sql`update plans c set parent_plan_id = p.id from units u, plans p where u.id = c.unit_id and p.unit_id = u.parent_id`.execute(
      db,
    );
    await sql`insert into plan_targets (plan_id, unit_id, content, goal, title, measure_code, target_value, deadline, level, updated_at)
      select p.id, p.unit_id, (array['information','support','consultation','cooperation','supervision'])[1 + n % 5], 'Mục tiêu', 'Chỉ tiêu ' || n,
        (${sql.val([...MEASURE_CODES])}::text[])[1 + n % ${MEASURE_CODES.length}],
        case when n % ${MEASURE_CODES.length} in (3, 5, 11, 12, 13) then 80 when n % ${MEASURE_CODES.length} = 6 then 8 else 10 end,
        date '2026-12-31', u.kind, now()
      from plans p join units u on u.id = p.unit_id cross join generate_series(1, ${TARGETS}) n`.execute(db);
    const seeded = ((Date.now() - started) / 1000).toFixed(1);
    const counts = await sql<{
      units: number;
      targets: number;
    }>`select (select count(*)::int from units) as units, (select count(*)::int from plan_targets) as targets`.execute(
      db,
    );
    const t0 = Date.now();
    await createPlanProgress({ db, clock: systemClock, publicBase: 'http://localhost' }).refreshYear(2026);
    const refresh = ((Date.now() - t0) / 1000).toFixed(1);

    await createUser(db, { email: 'gd@bench.vn', role: 'gd_staff' });
    const session = await signIn(platform, 'gd@bench.vn', TEST_PASSWORD);
    const national = await sql<{
      id: string;
      unit_id: string;
    }>`select p.id, p.unit_id from plans p join units u on u.id = p.unit_id where u.code = '00'`.execute(db);
    const department = await sql<{
      id: string;
    }>`select p.id from plans p join units u on u.id = p.unit_id where u.code = '03'`.execute(db);
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const address = platform.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const headers = { cookie: session.cookie };
    const row = (name: string, r: Awaited<ReturnType<typeof load>>, note = '') =>
      rows.push({
        request: name,
        'req/s': r.rps,
        'p50 ms': r.p50,
        'p95 ms': r.p95,
        'p99 ms': r.p99,
        errors: r.errors + r.non2xx,
        requests: r.requests,
        note,
      });
    row(
      `GET /api/units/{id} (primary-key read, baseline), ${kind}`,
      await load({ url: `${url}/api/units/${national.rows[0]!.unit_id}`, seconds, connections, headers }),
    );
    row(
      `GET national plan dashboard, ${kind}`,
      await load({ url: `${url}/api/plans/${national.rows[0]!.id}`, seconds, connections, headers }),
      `${String(counts.rows[0]!.units)} units, ${String(counts.rows[0]!.targets)} targets; seeded in ${seeded} s; full recompute ${refresh} s`,
    );
    row(
      `GET a department's plan dashboard, ${kind}`,
      await load({ url: `${url}/api/plans/${department.rows[0]!.id}`, seconds, connections, headers }),
    );
  } finally {
    await platform.close();
    await pgServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(`Annual plan (${String(requests)} support requests over the year)`, rows);
}
