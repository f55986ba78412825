// Frozen: what rated parties may see is published once per closed month, in one
// release, and read from here only. Withheld cells are not stored at all (a
// missing cell reads "fewer than 5 businesses, or withheld to protect one").
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table disclosure_releases (
      table_name text not null,
      month date not null,
      released_at timestamptz not null,
      shown int not null,
      withheld int not null,
      primary key (table_name, month)
    )`.execute(db);
  await sql`
    create table disclosure_cells (
      table_name text not null,
      month date not null,
      node text not null,
      parent text,
      kind text not null check (kind in ('unit', 'own', 'officer')),
      unit_id uuid not null,
      officer_id uuid,
      businesses int not null,
      items int not null,
      counts jsonb not null,
      primary key (table_name, month, node)
    )`.execute(db);
  await sql`create index disclosure_cells_unit on disclosure_cells (table_name, unit_id, month)`.execute(db);
  await sql`create index disclosure_cells_parent on disclosure_cells (table_name, parent, month)`.execute(db);
  await sql`create index disclosure_cells_officer on disclosure_cells (table_name, officer_id, month) where officer_id is not null`.execute(db);
  await sql`
    create table disclosure_comment_batches (
      id uuid primary key default gen_random_uuid(),
      table_name text not null,
      node text not null,
      unit_id uuid not null,
      officer_id uuid,
      first_month date not null,
      month date not null,
      comments jsonb not null
    )`.execute(db);
  await sql`create index disclosure_comment_batches_node on disclosure_comment_batches (table_name, node, month)`.execute(db);
  await sql`create index disclosure_comment_batches_unit on disclosure_comment_batches (table_name, unit_id, month)`.execute(db);
  await sql`create index disclosure_comment_batches_officer on disclosure_comment_batches (table_name, officer_id, month) where officer_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table disclosure_comment_batches`.execute(db);
  await sql`drop table disclosure_cells`.execute(db);
  await sql`drop table disclosure_releases`.execute(db);
}
