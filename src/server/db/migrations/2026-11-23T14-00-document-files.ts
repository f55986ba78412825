// Frozen: the file of each library document (every version kept, the current
// one marked by replaced_at is null), the unit that maintains a document, the
// unit a newsletter belongs to (one per unit and month), and recipients left
// out of a send because they had unsubscribed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table legal_documents add column unit_id uuid references units(id);
    update legal_documents d set unit_id = coalesce(
      (select r.unit_id from user_roles r where r.user_id = d.created_by and r.unit_id is not null
         and r.role in ('branch_leader', 'department_leader', 'gd_staff') order by r.unit_id limit 1),
      (select u.id from units u where u.parent_id is null order by u.code limit 1));

    create table legal_document_files (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references legal_documents(id),
      version integer not null check (version > 0),
      file_name text not null,
      stored_name text not null unique,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now(),
      replaced_at timestamptz
    );
    create unique index legal_document_files_current_idx on legal_document_files (document_id) where replaced_at is null;
    create unique index legal_document_files_version_idx on legal_document_files (document_id, version);

    alter table newsletters add column unit_id uuid references units(id);
    update newsletters set unit_id = (select u.id from units u where u.parent_id is null order by u.code limit 1);
    alter table newsletters drop constraint newsletters_month_key;
    alter table newsletters add constraint newsletters_unit_month_key unique nulls not distinct (unit_id, month);

    alter table newsletter_recipients add column skipped text check (skipped in ('unsubscribed'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table newsletter_recipients drop column skipped;
    alter table newsletters drop constraint newsletters_unit_month_key;
    alter table newsletters add constraint newsletters_month_key unique (month);
    alter table newsletters drop column unit_id;
    drop table legal_document_files;
    alter table legal_documents drop column unit_id;
  `.execute(db);
}
