// Frozen: consultation on draft legal documents.
// - consultations: the draft's card (owner unit, phase, open and close times,
//   who may comment, topics, optional questions, public extensions, the date
//   the response is due), its folded search text, and the library document it
//   produced.
// - consultation_articles: the text split into articles; version 1 is the
//   draft, version 2 the revised text.
// - consultation_comments: one comment on the whole draft or on an article (and
//   optionally a clause), by an enterprise or an association (a consolidated
//   position with the number of firms represented and its co-signers); its
//   near-duplicate group, its disposition with the reason.
// - consultation_member_views: an association's members' private views, which
//   only that association's members and representative read.
// - consultation_change_links: which comments caused the change of an article.
// - consultation_notices: in-app notices (the response is out, see your comment).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table consultations (
      id uuid primary key default gen_random_uuid(),
      owner_unit_id uuid not null references units(id),
      title text not null,
      summary text not null default '',
      doc_type text not null,
      phase text not null default 'draft' check (phase in ('draft', 'open', 'closed', 'published')),
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      response_due_on date,
      audience text not null default 'all' check (audience in ('all', 'list')),
      audience_association_ids uuid[] not null default '{}',
      audience_enterprise_ids uuid[] not null default '{}',
      topics text[] not null default '{}',
      questions jsonb not null default '[]',
      extensions jsonb not null default '[]',
      response_summary text not null default '',
      grouped_at timestamptz,
      published_at timestamptz,
      legal_document_id uuid references legal_documents(id),
      search_text text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index consultations_phase_idx on consultations (phase, closes_at);
    create index consultations_topics_idx on consultations using gin (topics);
    create index consultations_document_idx on consultations (legal_document_id);

    create table consultation_articles (
      consultation_id uuid not null references consultations(id) on delete cascade,
      version smallint not null check (version in (1, 2)),
      number integer not null,
      heading text not null default '',
      body text not null,
      primary key (consultation_id, version, number)
    );

    create table consultation_comments (
      id uuid primary key default gen_random_uuid(),
      consultation_id uuid not null references consultations(id) on delete cascade,
      article_number integer,
      clause text,
      body text not null,
      proposed_wording text,
      answers jsonb not null default '{}',
      kind text not null check (kind in ('enterprise', 'association')),
      enterprise_id uuid references enterprises(id),
      association_id uuid references associations(id),
      -- null: received outside the platform (a letter, a meeting) and entered by the drafting unit
      author_user_id uuid references users(id),
      anonymous boolean not null default false,
      represented_count integer,
      cosigner_ids uuid[] not null default '{}',
      status text not null default 'active' check (status in ('active', 'withdrawn')),
      group_id uuid,
      disposition text check (disposition in ('accepted', 'partly', 'not_accepted', 'noted')),
      reason text,
      disposed_by uuid references users(id),
      disposed_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index consultation_comments_article_idx on consultation_comments (consultation_id, article_number, created_at);
    create index consultation_comments_group_idx on consultation_comments (consultation_id, group_id);
    create index consultation_comments_author_idx on consultation_comments (author_user_id);
    create index consultation_comments_enterprise_idx on consultation_comments (enterprise_id);

    create table consultation_member_views (
      id uuid primary key default gen_random_uuid(),
      consultation_id uuid not null references consultations(id) on delete cascade,
      association_id uuid not null references associations(id),
      enterprise_id uuid not null references enterprises(id),
      author_user_id uuid not null references users(id),
      article_number integer,
      body text not null,
      created_at timestamptz not null
    );
    create index consultation_member_views_idx on consultation_member_views (consultation_id, association_id);

    create table consultation_change_links (
      consultation_id uuid not null references consultations(id) on delete cascade,
      article_number integer not null,
      comment_id uuid not null references consultation_comments(id) on delete cascade,
      primary key (consultation_id, article_number, comment_id)
    );

    create table consultation_notices (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      consultation_id uuid not null references consultations(id) on delete cascade,
      comment_id uuid references consultation_comments(id) on delete cascade,
      created_at timestamptz not null,
      read_at timestamptz,
      unique (user_id, consultation_id, comment_id)
    );
    create index consultation_notices_user_idx on consultation_notices (user_id, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table consultation_notices; drop table consultation_change_links; drop table consultation_member_views; drop table consultation_comments; drop table consultation_articles; drop table consultations`.execute(
    db,
  );
}
