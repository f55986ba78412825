// Frozen: information to businesses — the legal document library, topic
// subscriptions (by businesses, and by associations for their members), the
// monthly newsletter with its per-recipient unsubscribe tokens, opt-outs, and
// announcements for a unit's businesses.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table legal_documents (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      doc_type text not null check (doc_type in ('law', 'decree', 'decision', 'circular', 'official_letter')),
      issuer text not null,
      title text not null,
      issued_on date not null,
      effective_on date,
      summary_vi text not null,
      summary_en text not null default '',
      topics text[] not null default '{}',
      status text not null default 'in_force' check (status in ('in_force', 'amended', 'replaced', 'expired')),
      replaced_by_id uuid references legal_documents(id),
      file_url text,
      search_text text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index legal_documents_created_idx on legal_documents (created_at);
    create index legal_documents_topics_idx on legal_documents using gin (topics);

    create table topic_subscriptions (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('enterprise', 'association')),
      user_id uuid not null unique references users(id),
      enterprise_id uuid references enterprises(id),
      association_id uuid references associations(id),
      topics text[] not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table newsletter_optouts (
      email text primary key,
      at timestamptz not null default now()
    );

    create table newsletters (
      id uuid primary key default gen_random_uuid(),
      month text not null unique,
      status text not null default 'draft' check (status in ('draft', 'sent')),
      intro_vi text not null,
      items jsonb not null default '[]'::jsonb,
      recipients integer not null default 0,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      sent_by uuid references users(id)
    );

    create table newsletter_recipients (
      newsletter_id uuid not null references newsletters(id),
      email text not null,
      token text not null unique,
      unsubscribed_at timestamptz,
      primary key (newsletter_id, email)
    );

    create table announcements (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      title text not null,
      body text not null,
      published_at timestamptz not null default now(),
      expires_on date,
      created_by uuid references users(id)
    );
    create index announcements_published_idx on announcements (published_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table announcements; drop table newsletter_recipients; drop table newsletters; drop table newsletter_optouts; drop table topic_subscriptions; drop table legal_documents`.execute(db);
}
