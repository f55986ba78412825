// Folds pending ratings into the daily and monthly roll-ups. Runs in one transaction under
// an advisory lock, so any number of processes may call it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const ROLLUP_LOCK = 4_204_201;
const COUNTS = `
  sum(sign)::int as n, sum(sign * stars)::int as stars_sum,
  sum(case when stars = 1 then sign else 0 end)::int as s1, sum(case when stars = 2 then sign else 0 end)::int as s2,
  sum(case when stars = 3 then sign else 0 end)::int as s3, sum(case when stars = 4 then sign else 0 end)::int as s4,
  sum(case when stars = 5 then sign else 0 end)::int as s5,
  sum(case when 'inconvenience' = any(flags) then sign else 0 end)::int as f_inconvenience,
  sum(case when 'harassment' = any(flags) then sign else 0 end)::int as f_harassment,
  sum(case when 'negativity' = any(flags) then sign else 0 end)::int as f_negativity,
  sum(case when 'delay' = any(flags) then sign else 0 end)::int as f_delay,
  sum(case when 'error' = any(flags) then sign else 0 end)::int as f_error`;
const ADD = ['n', 'stars_sum', 's1', 's2', 's3', 's4', 's5', 'f_inconvenience', 'f_harassment', 'f_negativity', 'f_delay', 'f_error']
  .map((c) => `${c} = t.${c} + excluded.${c}`)
  .join(', ');

/** Returns how many pending ratings were folded in (0 when another process holds the lock). */
export async function flushRollups(db: Kysely<Database>, batch = 200_000): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${ROLLUP_LOCK}) as ok`.execute(tx);
    if (!locked.rows[0]?.ok) return 0;
    // One statement, one snapshot: the rows folded in are exactly the rows deleted.
    const result = await sql
      .raw(
        `with moved as (
           delete from rollup_pending where id in (select id from rollup_pending order by id limit ${Number(batch)}) returning *
         ),
         officers as (
           insert into rollup_officer_day as t (day, officer_id, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select day, officer_id, ${COUNTS}
           from moved where officer_id is not null and subject_kind = 'officer'
           group by day, officer_id
           on conflict (officer_id, day) do update set ${ADD}
         ),
         totals as (
           insert into rollup_unit_day_total as t (day, unit_id, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select day, unit_id, ${COUNTS}
           from (select m.*, unnest(m.unit_path) as unit_id from moved m) x
           group by day, unit_id
           on conflict (unit_id, day) do update set ${ADD}
         ),
         units as (
           insert into rollup_unit_day as t (day, unit_id, channel, type_code, subject_kind, stage, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select day, unit_id, channel, type_code, subject_kind, stage, ${COUNTS}
           from (select m.*, unnest(m.unit_path) as unit_id from moved m) x
           group by day, unit_id, channel, type_code, subject_kind, stage
           on conflict (unit_id, day, channel, type_code, subject_kind, stage) do update set ${ADD}
         ),
         month_totals as (
           insert into rollup_unit_month_total as t (month, unit_id, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select date_trunc('month', day)::date, unit_id, ${COUNTS}
           from (select m.*, unnest(m.unit_path) as unit_id from moved m) x
           group by 1, unit_id
           on conflict (unit_id, month) do update set ${ADD}
         ),
         months as (
           insert into rollup_unit_month as t (month, unit_id, channel, type_code, subject_kind, stage, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select date_trunc('month', day)::date, unit_id, channel, type_code, subject_kind, stage, ${COUNTS}
           from (select m.*, unnest(m.unit_path) as unit_id from moved m) x
           group by 1, unit_id, channel, type_code, subject_kind, stage
           on conflict (unit_id, month, channel, type_code, subject_kind, stage) do update set ${ADD}
         ),
         stage_days as (
           insert into rollup_unit_stage_day as t (day, unit_id, stage, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select day, unit_id, stage, ${COUNTS}
           from (select m.*, unnest(m.unit_path) as unit_id from moved m where m.stage <> '') x
           group by day, unit_id, stage
           on conflict (unit_id, stage, day) do update set ${ADD}
         ),
         stage_months as (
           insert into rollup_unit_stage_month as t (month, unit_id, stage, n, stars_sum, s1, s2, s3, s4, s5, f_inconvenience, f_harassment, f_negativity, f_delay, f_error)
           select date_trunc('month', day)::date, unit_id, stage, ${COUNTS}
           from (select m.*, unnest(m.unit_path) as unit_id from moved m where m.stage <> '') x
           group by 1, unit_id, stage
           on conflict (unit_id, stage, month) do update set ${ADD}
         )
         select count(*)::int as n from moved`,
      )
      .execute(tx);
    return Number((result.rows[0] as { n: number } | undefined)?.n ?? 0);
  });
}

const ROLLUP_TABLES = [
  'rollup_pending',
  'rollup_unit_day',
  'rollup_unit_day_total',
  'rollup_unit_month',
  'rollup_unit_month_total',
  'rollup_unit_stage_day',
  'rollup_unit_stage_month',
  'rollup_officer_day',
].join(', ');

/**
 * The embedded database has no autovacuum: without this, every fold leaves the
 * roll-up rows it updated behind as dead versions that dashboard reads step over,
 * and the planner never gets statistics. Vacuum skips pages unchanged since the
 * last run, so a run costs what changed since.
 */
export async function tidyRollups(db: Kysely<Database>): Promise<void> {
  await sql.raw(`vacuum (analyze) ${ROLLUP_TABLES}`).execute(db);
}
