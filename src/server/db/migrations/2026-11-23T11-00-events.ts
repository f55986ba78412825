// Frozen: dialogues and meetings (events, registrations, questions and votes,
// follow-up items, enterprise dialogue requests) and queued mail deliveries
// keyed so that a send is never repeated.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table events (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('conference', 'quarterly_dialogue', 'morning_coffee', 'enterprise_dialogue')),
      title text not null,
      search_text text not null default '',
      agenda text not null default '',
      organizer_unit_id uuid not null references units(id),
      place text,
      online_url text,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer check (capacity is null or capacity > 0),
      audience text not null check (audience in ('all', 'branch', 'association', 'invited')),
      audience_unit_id uuid references units(id),
      audience_association_id uuid references associations(id),
      status text not null default 'published' check (status in ('published', 'held', 'cancelled')),
      series_id uuid,
      minutes text,
      minutes_at timestamptz,
      invitations_queued_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    );
    create index events_organizer_idx on events (organizer_unit_id, starts_at);
    create index events_starts_idx on events (starts_at);

    create table event_invitees (
      event_id uuid not null references events(id) on delete cascade,
      enterprise_id uuid not null references enterprises(id),
      primary key (event_id, enterprise_id)
    );

    create table event_registrations (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id),
      enterprise_id uuid not null references enterprises(id),
      user_id uuid not null references users(id),
      attendee_name text not null,
      token text not null unique,
      registered_at timestamptz not null default now(),
      checked_in_at timestamptz,
      checked_in_by uuid references users(id),
      unique (event_id, enterprise_id)
    );
    create index event_registrations_enterprise_idx on event_registrations (enterprise_id);

    create table event_questions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id),
      enterprise_id uuid references enterprises(id),
      user_id uuid references users(id),
      text text not null,
      raised_at_event boolean not null default false,
      votes integer not null default 0,
      created_at timestamptz not null default now(),
      owner_unit_id uuid references units(id),
      owner_user_id uuid references users(id),
      due_at timestamptz,
      answer text,
      answered_at timestamptz,
      answered_by uuid references users(id),
      link_kind text check (link_kind in ('support_request', 'question_bank')),
      link_ref text,
      link_status text
    );
    create index event_questions_event_idx on event_questions (event_id);
    create index event_questions_open_idx on event_questions (owner_unit_id, due_at) where answered_at is null and due_at is not null;

    create table event_question_votes (
      question_id uuid not null references event_questions(id),
      enterprise_id uuid not null references enterprises(id),
      voted_at timestamptz not null default now(),
      primary key (question_id, enterprise_id)
    );

    create table dialogue_requests (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises(id),
      user_id uuid not null references users(id),
      unit_id uuid not null references units(id),
      subject text not null,
      description text not null,
      preferred_at timestamptz,
      status text not null default 'pending' check (status in ('pending', 'proposed', 'accepted', 'declined')),
      proposed_at timestamptz,
      proposed_place text,
      decline_reason text,
      event_id uuid references events(id),
      decided_by uuid references users(id),
      decided_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index dialogue_requests_unit_idx on dialogue_requests (unit_id, status);

    create table mail_deliveries (
      id uuid primary key default gen_random_uuid(),
      key text not null unique,
      to_address text not null,
      subject text not null,
      text_body text not null,
      headers jsonb not null default '{}'::jsonb,
      attachments jsonb not null default '[]'::jsonb,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'uncertain')),
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      claimed_at timestamptz,
      sent_at timestamptz,
      error text
    );
    create index mail_deliveries_pending_idx on mail_deliveries (created_at) where status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table mail_deliveries; drop table dialogue_requests; drop table event_question_votes; drop table event_questions; drop table event_registrations; drop table event_invitees; drop table events`.execute(db);
}
