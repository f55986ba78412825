// Frozen: a channel, type or subject filter reads only its own roll-up rows
// instead of every dimension of the unit's days (the country view filtered by
// channel and type scanned ~44,000 rows per year).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index rollup_unit_day_channel_idx on rollup_unit_day (unit_id, channel, type_code, day);
    create index rollup_unit_day_type_idx on rollup_unit_day (unit_id, type_code, day);
    create index rollup_unit_day_subject_idx on rollup_unit_day (unit_id, subject_kind, day);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index rollup_unit_day_channel_idx; drop index rollup_unit_day_type_idx; drop index rollup_unit_day_subject_idx;`.execute(db);
}
