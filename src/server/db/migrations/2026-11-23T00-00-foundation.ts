// Frozen: the organization, parties, accounts, sessions, audit and API keys.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table units (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      kind text not null check (kind in ('general_department', 'department', 'branch', 'team')),
      name_vi text not null,
      name_en text not null,
      parent_id uuid references units(id),
      status text not null default 'active' check (status in ('active', 'merged', 'closed')),
      merged_into_id uuid references units(id),
      valid_from timestamptz not null default now(),
      valid_to timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index units_parent_idx on units (parent_id);

    create table unit_history (
      id bigserial primary key,
      unit_id uuid not null references units(id),
      action text not null,
      before jsonb,
      after jsonb,
      actor_user_id uuid,
      at timestamptz not null default now()
    );
    create index unit_history_unit_idx on unit_history (unit_id, at);

    create table enterprises (
      id uuid primary key default gen_random_uuid(),
      tax_code text not null unique,
      name text not null,
      name_en text,
      address text,
      province text,
      is_broker boolean not null default false,
      managing_unit_id uuid references units(id),
      created_at timestamptz not null default now()
    );
    create index enterprises_managing_unit_idx on enterprises (managing_unit_id);

    create table broker_clients (
      broker_id uuid not null references enterprises(id),
      enterprise_id uuid not null references enterprises(id),
      since timestamptz not null default now(),
      primary key (broker_id, enterprise_id)
    );

    create table associations (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name_vi text not null,
      name_en text not null,
      created_at timestamptz not null default now()
    );

    create table association_members (
      association_id uuid not null references associations(id),
      enterprise_id uuid not null references enterprises(id),
      joined_at timestamptz not null default now(),
      primary key (association_id, enterprise_id)
    );

    create table officers (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      full_name text not null,
      title text,
      unit_id uuid not null references units(id),
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create index officers_unit_idx on officers (unit_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      password_hash text not null,
      full_name text not null,
      phone text,
      locale text not null default 'vi' check (locale in ('vi', 'en')),
      enterprise_id uuid references enterprises(id),
      association_id uuid references associations(id),
      officer_id uuid unique references officers(id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_sign_in_at timestamptz
    );
    create index users_enterprise_idx on users (enterprise_id);

    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('enterprise_user', 'broker', 'association_rep', 'officer', 'team_lead',
        'branch_leader', 'department_leader', 'inspector', 'gd_staff', 'admin')),
      unit_id uuid references units(id),
      granted_at timestamptz not null default now(),
      primary key (user_id, role)
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);

    create table sign_in_attempts (
      id bigserial primary key,
      key text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    );
    create index sign_in_attempts_key_idx on sign_in_attempts (key, at);

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_api_client_id uuid,
      actor_label text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      unit_id uuid,
      details jsonb not null default '{}'::jsonb,
      ip text
    );
    create index audit_log_at_idx on audit_log (at desc);
    create index audit_log_entity_idx on audit_log (entity_type, entity_id);

    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_is_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_is_append_only();

    create table api_clients (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      key_prefix text not null,
      key_hash text not null unique,
      scopes text[] not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      attachments jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      error text
    );
    create index mail_outbox_created_idx on mail_outbox (created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table mail_outbox; drop table api_clients; drop table audit_log;
    drop function audit_log_is_append_only; drop table sign_in_attempts; drop table sessions;
    drop table user_roles; drop table users; drop table officers; drop table association_members;
    drop table associations; drop table broker_clients; drop table enterprises; drop table unit_history; drop table units;
  `.execute(db);
}
