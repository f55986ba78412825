// Frozen: declarations with their processing steps, assessments and their
// ratings, misconduct cases, and the roll-ups dashboards read.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table declarations (
      id bigserial primary key,
      number text not null unique,
      type_code text not null,
      enterprise_id uuid not null references enterprises(id),
      declarant_id uuid references enterprises(id),
      office_unit_id uuid not null references units(id),
      channel text not null check (channel in ('green', 'yellow', 'red')),
      registered_at timestamptz not null,
      cleared_at timestamptz,
      status text not null default 'registered',
      rating_token text not null unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index declarations_enterprise_idx on declarations (enterprise_id, registered_at desc);
    create index declarations_declarant_idx on declarations (declarant_id, registered_at desc);

    create table declaration_steps (
      declaration_id bigint not null references declarations(id) on delete cascade,
      seq smallint not null,
      stage text not null,
      team_unit_id uuid references units(id),
      officer_id uuid references officers(id),
      started_at timestamptz not null,
      finished_at timestamptz,
      primary key (declaration_id, seq)
    );
    create index declaration_steps_officer_idx on declaration_steps (officer_id);

    create table assessments (
      id bigserial primary key,
      declaration_id bigint not null unique references declarations(id),
      enterprise_id uuid not null references enterprises(id),
      submitted_by_user_id uuid references users(id),
      submitted_via text not null check (submitted_via in ('link', 'app', 'api')),
      comment text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      editable_until timestamptz not null,
      revision integer not null default 1
    );

    create table assessment_ratings (
      id bigserial primary key,
      assessment_id bigint not null references assessments(id) on delete cascade,
      subject_kind text not null check (subject_kind in ('branch', 'team', 'stage', 'officer')),
      subject_ref text not null,
      unit_id uuid not null references units(id),
      officer_id uuid references officers(id),
      stars smallint not null check (stars between 1 and 5),
      reason text,
      flags text[] not null default '{}'
    );
    create index assessment_ratings_assessment_idx on assessment_ratings (assessment_id);
    create index assessment_ratings_officer_idx on assessment_ratings (officer_id) where officer_id is not null;

    create table flag_cases (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      assessment_id bigint not null references assessments(id),
      rating_id bigint not null,
      kinds text[] not null,
      subject_kind text not null,
      subject_unit_id uuid not null references units(id),
      subject_officer_id uuid references officers(id),
      handler_unit_id uuid not null references units(id),
      handler_role text not null,
      status text not null default 'open' check (status in ('open', 'in_review', 'resolved')),
      escalation_level smallint not null default 0,
      opened_at timestamptz not null,
      due_at timestamptz not null,
      substantiated boolean,
      responsible_unit_id uuid references units(id),
      responsible_officer_id uuid references officers(id),
      measure text,
      finding_note text,
      resolved_at timestamptz,
      resolved_by_user_id uuid references users(id),
      enterprise_notified_at timestamptz,
      handling_stars smallint check (handling_stars between 1 and 5),
      handling_comment text
    );
    create index flag_cases_handler_idx on flag_cases (handler_unit_id, status);
    create index flag_cases_due_idx on flag_cases (due_at) where status <> 'resolved';
    create index flag_cases_assessment_idx on flag_cases (assessment_id);

    create table flag_case_events (
      id bigserial primary key,
      case_id uuid not null references flag_cases(id),
      at timestamptz not null,
      action text not null,
      actor_user_id uuid,
      details jsonb not null default '{}'::jsonb
    );
    create index flag_case_events_case_idx on flag_case_events (case_id, at);

    -- Ratings waiting to be folded into the roll-ups (+1 when given, -1 when amended away).
    create table rollup_pending (
      id bigserial primary key,
      day date not null,
      unit_path uuid[] not null,
      officer_id uuid,
      channel text not null,
      type_code text not null,
      subject_kind text not null,
      stars smallint not null,
      flags text[] not null,
      sign smallint not null
    );

    create table rollup_unit_day (
      day date not null,
      unit_id uuid not null,
      channel text not null,
      type_code text not null,
      subject_kind text not null,
      n integer not null default 0,
      stars_sum integer not null default 0,
      s1 integer not null default 0, s2 integer not null default 0, s3 integer not null default 0,
      s4 integer not null default 0, s5 integer not null default 0,
      f_inconvenience integer not null default 0, f_harassment integer not null default 0,
      f_negativity integer not null default 0, f_delay integer not null default 0, f_error integer not null default 0,
      primary key (unit_id, day, channel, type_code, subject_kind)
    );

    create table rollup_officer_day (
      day date not null,
      officer_id uuid not null,
      n integer not null default 0,
      stars_sum integer not null default 0,
      s1 integer not null default 0, s2 integer not null default 0, s3 integer not null default 0,
      s4 integer not null default 0, s5 integer not null default 0,
      f_inconvenience integer not null default 0, f_harassment integer not null default 0,
      f_negativity integer not null default 0, f_delay integer not null default 0, f_error integer not null default 0,
      primary key (officer_id, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table rollup_officer_day; drop table rollup_unit_day; drop table rollup_pending;
    drop table flag_case_events; drop table flag_cases; drop table assessment_ratings; drop table assessments;
    drop table declaration_steps; drop table declarations;
  `.execute(db);
}
