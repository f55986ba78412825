// Frozen: the public question bank — entries in Vietnamese and English with
// their legal basis, versions, reader feedback and the searches readers made.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create sequence qa_entry_number_seq;
    create table qa_entries (
      id uuid primary key default gen_random_uuid(),
      number integer not null unique default nextval('qa_entry_number_seq'),
      category text not null check (category in ('hs_code', 'tax_refund', 'tax_exemption', 'commodity_policy', 'procedures',
        'processing_export', 'origin', 'it_ecustoms', 'other')),
      tags text[] not null default '{}',
      status text not null default 'draft' check (status in ('draft', 'reviewed', 'published', 'archived')),
      title_vi text not null,
      body_vi text not null,
      title_en text not null default '',
      body_en text not null default '',
      legal_basis jsonb not null default '[]'::jsonb,
      search_title text not null,
      search_text text not null,
      version integer not null default 1,
      views integer not null default 0,
      helpful_yes integer not null default 0,
      helpful_no integer not null default 0,
      author_user_id uuid references users(id),
      reviewed_by_user_id uuid references users(id),
      source_request_id uuid,
      last_reviewed_at timestamptz,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index qa_entries_status_category_idx on qa_entries (status, category);
    create index qa_entries_tags_idx on qa_entries using gin (tags);
    create index qa_entries_search_title_trgm on qa_entries using gin (search_title gin_trgm_ops);
    create index qa_entries_search_text_trgm on qa_entries using gin (search_text gin_trgm_ops);
    create index qa_entries_views_idx on qa_entries (views desc) where status = 'published';

    create table qa_entry_versions (
      id bigserial primary key,
      entry_id uuid not null references qa_entries(id) on delete cascade,
      version integer not null,
      status text not null,
      snapshot jsonb not null,
      actor_user_id uuid references users(id),
      note text,
      at timestamptz not null default now()
    );
    create index qa_entry_versions_entry_idx on qa_entry_versions (entry_id, id);

    create table qa_searches (
      id bigserial primary key,
      query text not null,
      normalized text not null,
      results integer not null,
      at timestamptz not null default now()
    );
    create index qa_searches_empty_idx on qa_searches (at desc) where results = 0;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table qa_searches; drop table qa_entry_versions; drop table qa_entries; drop sequence qa_entry_number_seq;`.execute(db);
}
