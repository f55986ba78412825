// Frozen: the annual partnership development plan.
// - plans: one per unit and year. The General Department's is the national plan
//   (draft, then published); a department's or branch's adopts the plan above it
//   (parent_plan_id).
// - plan_targets: a target under one of the five contents, with its goal, a
//   platform measure (or none: reported by hand), a value, a deadline within the
//   year and the level it applies to; source_target_id is the target above it
//   that it adopts or was assigned from.
// - plan_activities: a unit's own activities (owner, dates, status).
// - plan_reports: values reported by hand with evidence, reviewed by the level above.
// - plan_progress: the latest computed value, pace and status of each target
//   (dashboards read it, never the platform's raw records).
// - plan_alerts: a target that fell behind its pace, once per status change.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plans (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      year integer not null check (year between 2000 and 2100),
      parent_plan_id uuid references plans(id),
      status text not null default 'draft' check (status in ('draft', 'published', 'adopted')),
      title text not null,
      published_at timestamptz,
      adopted_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (unit_id, year)
    );
    create index plans_parent_idx on plans (parent_plan_id);

    create table plan_targets (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id) on delete cascade,
      unit_id uuid not null references units(id),
      content text not null check (content in ('information', 'support', 'consultation', 'cooperation', 'supervision')),
      goal text not null,
      title text not null,
      measure_code text,
      target_value double precision not null,
      deadline date not null,
      level text not null check (level in ('general_department', 'department', 'branch', 'team')),
      source_target_id uuid references plan_targets(id),
      owner_name text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index plan_targets_plan_idx on plan_targets (plan_id);
    create index plan_targets_source_idx on plan_targets (source_target_id);

    create table plan_activities (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id) on delete cascade,
      content text not null check (content in ('information', 'support', 'consultation', 'cooperation', 'supervision')),
      title text not null,
      owner_name text not null,
      starts_on date not null,
      ends_on date not null check (ends_on >= starts_on),
      status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index plan_activities_plan_idx on plan_activities (plan_id);

    create table plan_reports (
      id uuid primary key default gen_random_uuid(),
      target_id uuid not null references plan_targets(id) on delete cascade,
      value double precision not null,
      evidence text not null,
      evidence_url text,
      reported_by uuid references users(id),
      reported_at timestamptz not null,
      review_status text not null default 'pending' check (review_status in ('pending', 'accepted', 'rejected')),
      review_comment text,
      reviewed_by uuid references users(id),
      reviewed_at timestamptz
    );
    create index plan_reports_target_idx on plan_reports (target_id, reported_at);

    create table plan_progress (
      target_id uuid primary key references plan_targets(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      value double precision,
      expected double precision,
      projected double precision,
      progress double precision,
      status text not null check (status in ('achieved', 'on_track', 'at_risk', 'missed', 'no_data')),
      computed_at timestamptz not null
    );
    create index plan_progress_plan_idx on plan_progress (plan_id);

    create table plan_alerts (
      id uuid primary key default gen_random_uuid(),
      target_id uuid not null references plan_targets(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      unit_id uuid not null references units(id),
      status text not null,
      value double precision,
      expected double precision,
      created_at timestamptz not null
    );
    create index plan_alerts_unit_idx on plan_alerts (unit_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table plan_alerts, plan_progress, plan_reports, plan_activities, plan_targets, plans`.execute(db);
}
