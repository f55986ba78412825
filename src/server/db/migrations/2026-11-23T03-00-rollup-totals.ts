// Frozen: per unit and day totals without the channel/type/subject dimensions,
// so the unfiltered dashboards (the common case) read a few hundred rows per unit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rollup_unit_day_total (
      day date not null,
      unit_id uuid not null,
      n integer not null default 0,
      stars_sum integer not null default 0,
      s1 integer not null default 0, s2 integer not null default 0, s3 integer not null default 0,
      s4 integer not null default 0, s5 integer not null default 0,
      f_inconvenience integer not null default 0, f_harassment integer not null default 0,
      f_negativity integer not null default 0, f_delay integer not null default 0, f_error integer not null default 0,
      primary key (unit_id, day)
    );
    insert into rollup_unit_day_total
      select day, unit_id, sum(n), sum(stars_sum), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5),
             sum(f_inconvenience), sum(f_harassment), sum(f_negativity), sum(f_delay), sum(f_error)
      from rollup_unit_day group by day, unit_id;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rollup_unit_day_total`.execute(db);
}
