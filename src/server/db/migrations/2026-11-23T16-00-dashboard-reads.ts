// Frozen: two reads of the dashboards made independent of the history's size.
// Roll-ups per processing stage alone. A stage filter on the dimensioned
// roll-ups still read every channel and declaration type of the stage (the
// country's year, one stage: ~26,000 rows, p95 133 ms at a million assessments
// on PGlite); these tables hold one row per unit, stage and day or month.
// An officer's recent written reasons: the officer index led to every rating of
// the officer, sorted; this one holds only the officer's ratings with a reason,
// in order, so the newest few are read directly.
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
      `create table rollup_unit_stage_day (
         day date not null,
         unit_id uuid not null,
         stage text not null,
         ${COUNTS},
         primary key (unit_id, stage, day)
       );
       create table rollup_unit_stage_month (
         month date not null,
         unit_id uuid not null,
         stage text not null,
         ${COUNTS},
         primary key (unit_id, stage, month)
       );
       insert into rollup_unit_stage_day
         select day, unit_id, stage, ${SUMS} from rollup_unit_day where stage <> '' group by 1, 2, 3;
       insert into rollup_unit_stage_month
         select month, unit_id, stage, ${SUMS} from rollup_unit_month where stage <> '' group by 1, 2, 3;
       create index assessment_ratings_officer_reasons_idx on assessment_ratings (officer_id, id)
         where subject_kind = 'officer' and reason is not null;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index assessment_ratings_officer_reasons_idx; drop table rollup_unit_stage_day; drop table rollup_unit_stage_month;`.execute(db);
}
