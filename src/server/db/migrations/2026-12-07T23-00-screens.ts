// Frozen: the waiting-room screens. Processing steps of a declaration as they
// happen (one per stage, the row id is the sequence screens follow), the screens
// a branch sets up for an office, and their pairing codes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table declaration_progress (
      id bigserial primary key,
      declaration_id bigint not null references declarations(id) on delete cascade,
      office_unit_id uuid not null references units(id),
      stage text not null check (stage in ('registered', 'documents_checked', 'goods_inspected', 'awaiting_payment', 'cleared')),
      channel text not null check (channel in ('green', 'yellow', 'red')),
      counter text,
      team_unit_id uuid references units(id),
      at timestamptz not null,
      received_at timestamptz not null,
      unique (declaration_id, stage)
    );
    create index declaration_progress_office_idx on declaration_progress (office_unit_id, at desc);

    create table screen_events (
      id bigserial primary key,
      office_unit_id uuid not null references units(id),
      declaration_id bigint not null references declarations(id) on delete cascade,
      created_at timestamptz not null
    );
    create index screen_events_office_idx on screen_events (office_unit_id, id);

    create table screens (
      id uuid primary key default gen_random_uuid(),
      office_unit_id uuid not null references units(id),
      name text not null,
      stages text[] not null,
      rotation text[] not null,
      language text not null check (language in ('vi', 'en', 'both')),
      number_digits smallint not null check (number_digits between 3 and 6),
      company_names text not null default 'hidden' check (company_names in ('hidden', 'masked')),
      question_ids uuid[] not null default '{}',
      document_ids uuid[] not null default '{}',
      announcements jsonb not null default '[]'::jsonb,
      opening_hours jsonb not null default '{}'::jsonb,
      key_hash text not null unique,
      key_prefix text not null,
      pairing_code_hash text unique,
      pairing_expires_at timestamptz,
      revoked_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index screens_office_idx on screens (office_unit_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table screens; drop table screen_events; drop table declaration_progress;`.execute(db);
}
