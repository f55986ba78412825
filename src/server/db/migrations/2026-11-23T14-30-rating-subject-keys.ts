// Frozen: a rating's unit is no longer checked by a foreign key. Every
// submission rates its branch and team, and checking the key share-locks that
// unit's row: concurrent submissions for one branch queued on that one row (in
// the submission benchmark the check took 12 of a statement's 16 ms). The unit
// still cannot be made up: a rating's unit comes from the declaration's own
// processing steps, whose keys are checked, and units are never deleted
// (renames, moves and merges keep the row).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table assessment_ratings drop constraint assessment_ratings_unit_id_fkey`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table assessment_ratings add constraint assessment_ratings_unit_id_fkey foreign key (unit_id) references units(id)`.execute(db);
}
