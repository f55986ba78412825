// Frozen: partnership agreements (cooperation agreements with enterprises,
// coordination regulations with associations) and annual targets per unit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table agreements (
      id uuid primary key default gen_random_uuid(),
      number text not null,
      kind text not null check (kind in ('cooperation', 'coordination')),
      unit_id uuid not null references units(id),
      enterprise_id uuid references enterprises(id),
      association_id uuid references associations(id),
      title text not null,
      search_text text not null default '',
      signed_on date,
      expires_on date,
      commitments text not null default '',
      status text not null default 'draft' check (status in ('draft', 'signed', 'in_force', 'expired', 'terminated')),
      status_reason text,
      document_name text,
      document_size integer,
      document_path text,
      renewal_reminded_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'cooperation' and enterprise_id is not null and association_id is null) or (kind = 'coordination' and association_id is not null and enterprise_id is null)),
      check (expires_on is null or signed_on is null or expires_on > signed_on),
      unique (unit_id, number)
    );
    create index agreements_unit_idx on agreements (unit_id, signed_on);
    create index agreements_expiry_idx on agreements (expires_on) where status = 'in_force';

    create table agreement_targets (
      unit_id uuid not null references units(id),
      year integer not null check (year between 2000 and 2100),
      target_min integer not null check (target_min >= 0),
      target_max integer check (target_max is null or target_max >= target_min),
      updated_at timestamptz not null default now(),
      primary key (unit_id, year)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table agreement_targets; drop table agreements`.execute(db);
}
