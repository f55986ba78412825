// Frozen: the business support desk — requests with their service-level
// deadlines and escalation, the conversation (public replies, internal notes,
// attachments), followers, canned answers and the category routing per branch.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create sequence support_request_number_seq;
    create table support_requests (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      subject text not null,
      body text not null,
      category text not null check (category in ('hs_code', 'tax_refund', 'tax_exemption', 'commodity_policy', 'procedures',
        'processing_export', 'origin', 'it_ecustoms', 'other')),
      priority text not null check (priority in ('normal', 'high', 'urgent')),
      channel text not null check (channel in ('web', 'phone', 'in_person', 'writing', 'email')),
      status text not null default 'open' check (status in ('open', 'in_progress', 'waiting', 'resolved', 'merged')),
      calendar text not null check (calendar in ('24x7', 'working')),
      enterprise_id uuid references enterprises(id),
      association_id uuid references associations(id),
      requester_user_id uuid references users(id),
      requester_name text not null,
      requester_email text,
      requester_phone text,
      branch_unit_id uuid not null references units(id),
      team_unit_id uuid not null references units(id),
      handler_unit_id uuid not null references units(id),
      handler_role text not null,
      escalation_level integer not null default 0,
      assignee_user_id uuid references users(id),
      first_response_due timestamptz not null,
      resolution_due timestamptz not null,
      escalation_due_at timestamptz,
      first_responded_at timestamptz,
      resolved_at timestamptz,
      paused_at timestamptz,
      reopen_until timestamptz,
      merged_into_id uuid references support_requests(id),
      rating_helpful boolean,
      rating_fast boolean,
      rating_comment text,
      rated_at timestamptz,
      business_unread boolean not null default false,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index support_requests_team_idx on support_requests (team_unit_id, status);
    create index support_requests_handler_idx on support_requests (handler_unit_id, status);
    create index support_requests_enterprise_idx on support_requests (enterprise_id, created_at desc);
    create index support_requests_requester_idx on support_requests (requester_user_id, created_at desc);
    create index support_requests_created_idx on support_requests (created_at desc);
    create index support_requests_escalation_idx on support_requests (escalation_due_at) where status in ('open', 'in_progress') and paused_at is null;

    create table support_messages (
      id bigserial primary key,
      request_id uuid not null references support_requests(id),
      kind text not null check (kind in ('public', 'internal', 'system')),
      from_business boolean not null default false,
      author_user_id uuid references users(id),
      author_name text not null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index support_messages_request_idx on support_messages (request_id, id);

    create table support_attachments (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references support_requests(id),
      internal boolean not null default false,
      from_business boolean not null default false,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      storage_key text not null unique,
      uploaded_by_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index support_attachments_request_idx on support_attachments (request_id);

    create table support_followers (
      request_id uuid not null references support_requests(id),
      user_id uuid not null references users(id),
      primary key (request_id, user_id)
    );

    create table support_canned_answers (
      id uuid primary key default gen_random_uuid(),
      category text,
      title text not null,
      body text not null,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );

    create table support_routes (
      branch_unit_id uuid not null references units(id),
      category text not null,
      team_unit_id uuid not null references units(id),
      primary key (branch_unit_id, category)
    );

    create table support_events (
      id bigserial primary key,
      request_id uuid not null references support_requests(id),
      at timestamptz not null,
      action text not null,
      actor_user_id uuid references users(id),
      details jsonb not null default '{}'::jsonb
    );
    create index support_events_request_idx on support_events (request_id, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table support_events; drop table support_routes; drop table support_canned_answers; drop table support_followers;
    drop table support_attachments; drop table support_messages; drop table support_requests; drop sequence support_request_number_seq;
  `.execute(db);
}
