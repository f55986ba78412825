// Frozen: who may read or change a rating once it is sent, and an audit log
// that cannot tie a rating to its rater.
// - rating_access_codes: one-time codes mailed to the business's registered
//   addresses (hashed, short-lived, few attempts); rating_access_grants: what a
//   verified code grants (a browser cookie, hashed here), for one declaration.
// - assessments.submitted_api_client_id: an integration client amends only what
//   it sent itself.
// - rating_audit_pending: rating-side events waiting for the per-office,
//   per-day audit summary. No id, no time, no actor: nothing orders them or
//   ties them to the business; a job folds each closed Vietnam day into one
//   audit entry per office and deletes them.
// - mail_deliveries.sealed: mail carrying a secret (a code) or naming a rater
//   (a case outcome) never enters the administrators' outbox; its text is
//   wiped once it has gone.
// - Support-answer and case-handling ratings no longer keep their values in
//   the events the handling team reads.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table assessments add column submitted_api_client_id uuid references api_clients(id);

    create table rating_access_codes (
      id uuid primary key default gen_random_uuid(),
      declaration_id bigint not null references declarations(id) on delete cascade,
      code_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      used_at timestamptz
    );
    create index rating_access_codes_declaration_idx on rating_access_codes (declaration_id, created_at);
    create index rating_access_codes_expiry_idx on rating_access_codes (expires_at);

    create table rating_access_grants (
      token_hash text primary key,
      declaration_id bigint not null references declarations(id) on delete cascade,
      expires_at timestamptz not null
    );
    create index rating_access_grants_expiry_idx on rating_access_grants (expires_at);

    create table rating_audit_pending (
      day date not null,
      office_unit_id uuid not null,
      kind text not null check (kind in ('submitted', 'amended', 'case_opened', 'handling_rated', 'code_sent', 'code_verified')),
      via text check (via in ('link', 'app', 'api')),
      case_number text
    );
    create index rating_audit_pending_day_idx on rating_audit_pending (day);

    alter table mail_deliveries add column sealed boolean not null default false;

    update support_events set details = '{}'::jsonb where action = 'rated';
    update flag_case_events set details = '{}'::jsonb where action = 'handling_rated';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table mail_deliveries drop column sealed;
    drop table rating_audit_pending;
    drop table rating_access_grants;
    drop table rating_access_codes;
    alter table assessments drop column submitted_api_client_id;
  `.execute(db);
}
