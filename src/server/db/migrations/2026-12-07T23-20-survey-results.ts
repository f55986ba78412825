// Frozen: a closed survey's results, stored once per view (all respondents, a
// stratum, a stratum and business type) as the JSON the page reads. A closed
// survey never changes, so its withheld figures are computed once instead of
// on every request (60 suppression trees per read were the cost).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table survey_result_views (
      survey_id uuid not null references surveys(id) on delete cascade,
      view_key text not null,
      body text not null,
      primary key (survey_id, view_key)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table survey_result_views`.execute(db);
}
