// Results over a large history: `--size` assessments (default 1,000,000 on
// PGlite; `--db postgres --size 20000000` for the national figure), generated
// set-based into declarations, assessments and ratings; then the monthly releases
// of disclosure control (timed, one month at a time, as the release job runs them)
// and the answer time of every results view over the released months. Baseline
// from the same run: a primary-key lookup on the same database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import type { Database } from '../src/server/db/schema.ts';
import { createPlatform } from '../src/server/platform.ts';
import { fixedClock } from '../src/server/lib/clock.ts';
import { createDisclosureRelease } from '../src/server/modules/disclosure/release.ts';
import { seedDemoData } from '../scripts/seed/index.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { argument, option, printTable } from './lib.ts';

const CHUNK = 500_000;

/**
 * `size` assessments over the year to 2026-11-22 in the order they arrive, each
 * rating the branch, a team and an officer, one in three also a stage; one officer
 * rating in twenty has a reason.
 */
async function generate(db: Kysely<Database>, size: number, log: (line: string) => void): Promise<void> {
  await sql`create temporary table bench_teams as
    select t.id as team_id, t.parent_id as branch_id, b.parent_id as department_id, d.parent_id as root_id,
           (select o.id from officers o where o.unit_id = t.id order by o.code limit 1) as officer_id,
           row_number() over (order by t.code) - 1 as k
    from units t join units b on b.id = t.parent_id join units d on d.id = b.parent_id
    where t.kind = 'team' and t.status = 'active'`.execute(db);
  await sql`create temporary table bench_enterprises as select id, row_number() over (order by tax_code) - 1 as k from enterprises`.execute(
    db,
  );
  const teams = Number((await sql<{ n: number }>`select count(*)::int as n from bench_teams`.execute(db)).rows[0]?.n);
  const enterprises = Number(
    (await sql<{ n: number }>`select count(*)::int as n from bench_enterprises`.execute(db)).rows[0]?.n,
  );
  for (let start = 0; start < size; start += CHUNK) {
    const end = Math.min(size, start + CHUNK);
    const started = Date.now();
    await db.transaction().execute(async (tx) => {
      await sql`
        insert into declarations (number, type_code, enterprise_id, office_unit_id, channel, registered_at, rating_token)
        select (900000000000 + g)::text, (array['A11','A12','B11','E31','A41','B13'])[1 + g % 6], e.id, t.branch_id,
               (array['green','green','green','yellow','yellow','red'])[1 + (g / 7) % 6],
               timestamptz '2026-11-22 10:00+07' - (364 - ((g - 1) * 365) / ${size}) * interval '1 day', md5(g::text)
        from generate_series(${start + 1}::bigint, ${end}::bigint) g
        join bench_teams t on t.k = g % ${teams}
        join bench_enterprises e on e.k = (g * 31) % ${enterprises}`.execute(tx);
      await sql`
        insert into assessments (declaration_id, enterprise_id, submitted_via, created_at, updated_at, editable_until)
        select d.id, d.enterprise_id, 'api', d.registered_at + interval '5 hours', d.registered_at + interval '5 hours', d.registered_at + interval '7 days'
        from declarations d where d.number between ${String(900000000000 + start + 1)} and ${String(900000000000 + end)}`.execute(
        tx,
      );
      // The ratings the app writes for each assessment (branch, team, officer, and a stage one time in three).
      await sql`
        insert into assessment_ratings (assessment_id, subject_kind, subject_ref, unit_id, officer_id, stars, reason, flags)
        select a.id, p.kind, p.ref, p.unit_id, p.officer_id,
               greatest(1, least(5, 5 - (g % 10 = 0)::int - (g % 7 = 0)::int - (g % 23 = 0)::int * 2 - (p.kind = 'officer' and g % 11 = 0)::int)),
               case when p.kind = 'officer' and g % 20 = 0 then 'Thời gian kiểm tra hồ sơ kéo dài, cần hướng dẫn rõ hơn' end,
               case when g % 97 = 0 then array['delay'] else '{}'::text[] end
        from generate_series(${start + 1}::bigint, ${end}::bigint) g
        join declarations d on d.number = (900000000000 + g)::text
        join assessments a on a.declaration_id = d.id
        join bench_teams t on t.k = g % ${teams}
        cross join lateral (values
          ('branch', 'bench', t.branch_id, null::uuid),
          ('team', 'bench', t.team_id, null::uuid),
          ('officer', 'bench', t.team_id, t.officer_id),
          ('stage', (array['Tiếp nhận','Kiểm tra hồ sơ','Kiểm tra thực tế hàng hóa','Thu thuế'])[1 + g % 4], t.team_id, null::uuid))
          as p(kind, ref, unit_id, officer_id)
        where p.kind <> 'stage' or g % 3 = 0`.execute(tx);
    });
    log(
      `  ${end.toLocaleString('en')} / ${size.toLocaleString('en')} assessments (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  await sql`analyze`.execute(db);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runDashboardBench(): Promise<void> {
  const kind = argument('db') === 'postgres' ? 'postgres' : 'pglite';
  const size = option('size', kind === 'postgres' ? 20_000_000 : 1_000_000);
  const rounds = option('rounds', 40);
  const log = (line: string) => console.log(line);
  // A server sized for the machine (24 GiB); durability off while the history is generated, which changes no read.
  const pgServer =
    kind === 'postgres'
      ? await startPostgresServer({
          fsync: false,
          settings: [
            'shared_buffers=4GB',
            'effective_cache_size=16GB',
            'work_mem=64MB',
            'maintenance_work_mem=1GB',
            'max_wal_size=16GB',
          ],
        })
      : null;
  // `--data <dir>` (PGlite): keep the generated database there, and reuse it when it is already there.
  const kept = kind === 'pglite' ? argument('data') : undefined;
  const reuse = kept !== undefined && fs.existsSync(path.join(kept, 'pg', 'PG_VERSION'));
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-dash-'));
  // Reads as a demo account (seeded below): DEMO_ACCOUNTS lets it sign in without the demo start.
  const config = parseConfig({
    DEMO: 'false',
    DEMO_ACCOUNTS: 'true',
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    ...(pgServer && { DATABASE_URL: pgServer.url }),
  });
  const database = await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  // The day after November's release: every month of the generated year is due.
  const platform = await createPlatform({ config, database, clock: fixedClock(new Date('2026-12-08T02:00:00Z')) });
  try {
    if (reuse) log(`Reusing the database generated in ${dir}…`);
    else {
      log(`Seeding the organization and generating ${size.toLocaleString('en')} assessments on ${kind}…`);
      await seedDemoData(platform.deps.db, { scale: 1 });
      await generate(platform.deps.db, size, log);
    }
    // The releases, one month at a time, as the release job runs them (already done when the data is reused).
    const release = createDisclosureRelease(platform.deps);
    const releaseRows: Record<string, string | number>[] = [];
    for (const month of await release.dueMonths('service_ratings')) {
      const t = process.hrtime.bigint();
      await release.releaseMonth('service_ratings', month);
      releaseRows.push({ month, 'release s': (Number(process.hrtime.bigint() - t) / 1e9).toFixed(2) });
    }
    await release.releaseDue();
    if (releaseRows.length > 0)
      printTable(
        `Monthly releases of the service ratings on ${kind} (each: read the month's raw ratings once, suppress, store the shown cells and comment batches)`,
        releaseRows,
      );
    const counts = await sql<{
      a: number;
      r: number;
      c: number;
    }>`select (select count(*) from assessments)::int as a, (select count(*) from assessment_ratings)::int as r, (select count(*) from disclosure_cells)::int as c`.execute(
      platform.deps.db,
    );
    const admin = await platform.deps.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'tongcuc@demo.caunoi.vn')
      .executeTakeFirstOrThrow();
    const signIn = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: admin.email, password: 'CauNoi@2026' },
    });
    const cookie = `caunoi_session=${signIn.cookies.find((c) => c.name === 'caunoi_session')?.value ?? ''}`;
    const units = await platform.deps.db
      .selectFrom('units')
      .select(['id', 'code', 'kind'])
      .where('code', 'in', ['00', '03', '03NK', '03NK01'])
      .execute();
    const id = (code: string) => units.find((u) => u.code === code)?.id ?? '';
    const officer = await platform.deps.db
      .selectFrom('officers')
      .select('id')
      .where('unit_id', '=', id('03NK01'))
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const views: [string, string][] = [
      ['released periods', '/api/dashboards/periods'],
      ['country, last 12 months', '/api/dashboards/units'],
      ['country, one month', '/api/dashboards/units?period=2026-10'],
      ['country, one quarter', '/api/dashboards/units?period=2026-Q3'],
      ['department 03, last 12 months', `/api/dashboards/units/${id('03')}`],
      ['branch 03NK, last 12 months', `/api/dashboards/units/${id('03NK')}`],
      ['team 03NK01 with officers', `/api/dashboards/units/${id('03NK01')}`],
      ['officer', `/api/dashboards/officers/${officer.id}`],
      ['monthly report, country', `/api/dashboards/units/${id('00')}/report?month=2026-10`],
      ['monthly report, department 03', `/api/dashboards/units/${id('03')}/report?month=2026-10`],
      ['CSV export, department 03 (audited)', `/api/dashboards/units/${id('03')}/export?format=csv`],
      ['Excel export, department 03 (audited)', `/api/dashboards/units/${id('03')}/export?format=xlsx`],
      ['baseline: /api/auth/me (one indexed lookup)', '/api/auth/me'],
    ];
    const rows: Record<string, string | number>[] = [];
    for (const [label, url] of views) {
      const times: number[] = [];
      // The first request of a view is reported apart ("first ms"): it pays for compiling that view's code.
      let first = 0;
      for (let i = -1; i < rounds; i++) {
        const t = process.hrtime.bigint();
        const response = await platform.app.inject({ method: 'GET', url, headers: { cookie } });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (i < 0) first = ms;
        else times.push(ms);
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      }
      rows.push({
        view: label,
        'first ms': first.toFixed(1),
        'p50 ms': percentile(times, 50).toFixed(1),
        'p95 ms': percentile(times, 95).toFixed(1),
        'max ms': Math.max(...times).toFixed(1),
      });
    }
    printTable(
      `Results answer time on ${kind}: ${counts.rows[0]?.a.toLocaleString('en')} assessments, ${counts.rows[0]?.r.toLocaleString('en')} ratings, ${counts.rows[0]?.c.toLocaleString('en')} published cells, ${rounds} requests per view after its first (through the HTTP stack, app.inject)`,
      rows,
    );
  } finally {
    await platform.close();
    await database.close();
    await pgServer?.stop();
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }
}
