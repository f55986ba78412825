// Frozen: monthly roll-ups beside the daily ones. A year's view of the country's
// 35 departments read ~51,000 daily rows when filtered by channel and type (p95
// 1.3 s at a million assessments on PGlite); whole months now come from these
// tables and only the partial months at the ends from the daily ones.
// The dimensioned roll-ups also gain the processing stage a stage rating is
// about ('' for ratings of a branch, team or officer), to filter by stage. Rows
// folded before this migration cannot say their stage and keep ''.
import { sql, type Kysely } from 'kysely';

const COUNTS = `
  n integer not null default 0,
  stars_sum integer not null default 0,
  s1 integer not null default 0, s2 integer not null default 0, s3 integer not null default 0,
  s4 integer not null default 0, s5 integer not null default 0,
  f_inconvenience integer not null default 0, f_harassment integer not null default 0,
  f_negativity integer not null default 0, f_delay integer not null default 0, f_error integer not null default 0`;
const SUMS = `sum(n), sum(stars_sum), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5),
  sum(f_inconvenience), sum(f_harassment), sum(f_negativity), sum(f_delay), sum(f_error)`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table rollup_unit_month_total (
         month date not null,
         unit_id uuid not null,
         ${COUNTS},
         primary key (unit_id, month)
       );
       alter table rollup_pending add column stage text not null default '';
       alter table rollup_unit_day add column stage text not null default '';
       alter table rollup_unit_day drop constraint rollup_unit_day_pkey;
       alter table rollup_unit_day add primary key (unit_id, day, channel, type_code, subject_kind, stage);
       create index rollup_unit_day_stage_idx on rollup_unit_day (unit_id, stage, day) where stage <> '';
       create table rollup_unit_month (
         month date not null,
         unit_id uuid not null,
         channel text not null,
         type_code text not null,
         subject_kind text not null,
         stage text not null default '',
         ${COUNTS},
         primary key (unit_id, month, channel, type_code, subject_kind, stage)
       );
       create index rollup_unit_month_stage_idx on rollup_unit_month (unit_id, stage, month) where stage <> '';
       create index rollup_unit_month_channel_idx on rollup_unit_month (unit_id, channel, type_code, month);
       create index rollup_unit_month_type_idx on rollup_unit_month (unit_id, type_code, month);
       create index rollup_unit_month_subject_idx on rollup_unit_month (unit_id, subject_kind, month);
       insert into rollup_unit_month_total
         select date_trunc('month', day)::date, unit_id, ${SUMS} from rollup_unit_day_total group by 1, 2;
       insert into rollup_unit_month
         select date_trunc('month', day)::date, unit_id, channel, type_code, subject_kind, stage, ${SUMS}
         from rollup_unit_day group by 1, 2, 3, 4, 5, 6;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table rollup_unit_month; drop table rollup_unit_month_total;
    drop index rollup_unit_day_stage_idx;
    alter table rollup_unit_day drop constraint rollup_unit_day_pkey;
    delete from rollup_unit_day where stage <> '';
    alter table rollup_unit_day drop column stage;
    alter table rollup_unit_day add primary key (unit_id, day, channel, type_code, subject_kind);
    alter table rollup_pending drop column stage;`.execute(db);
}
