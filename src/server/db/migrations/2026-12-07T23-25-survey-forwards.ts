// Frozen: an association passes an open survey on to its members, once per
// survey. The row records that it did (when, by whom, its note), not to whom:
// the members it reached are those invited and not yet answered, which the
// association is never shown.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table survey_forwards (
      survey_id uuid not null references surveys(id) on delete cascade,
      association_id uuid not null references associations(id) on delete cascade,
      forwarded_by uuid references users(id) on delete set null,
      forwarded_at timestamptz not null,
      message text not null default '',
      primary key (survey_id, association_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table survey_forwards`.execute(db);
}
