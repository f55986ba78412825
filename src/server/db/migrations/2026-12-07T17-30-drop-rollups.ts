// Frozen: results are read only from the released months of disclosure control
// (disclosure_cells); nothing reads the live roll-ups any more, and keeping them
// would keep a second, unprotected copy of every rating's figures up to the second.
import { sql, type Kysely } from 'kysely';

const TABLES = ['rollup_pending', 'rollup_unit_day', 'rollup_unit_day_total', 'rollup_unit_month', 'rollup_unit_month_total', 'rollup_unit_stage_day', 'rollup_unit_stage_month', 'rollup_officer_day'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await sql`drop table if exists ${sql.table(table)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('the roll-ups are gone for good: restore from a backup taken before 2026-12-07T17-30');
}
