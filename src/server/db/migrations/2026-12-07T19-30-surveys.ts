// Frozen: customs surveys of businesses.
// - surveys: the form (a JSON definition checked by the application), its
//   status, and whether its results are published.
// - survey_invitations: who is asked (one row per business and survey), its
//   stratum, the branches it dealt with, its unfinished draft, and whether it
//   has answered (a flag and the Vietnam day, never a time).
// - survey_invitation_tokens: the hashes of the links mailed to it.
// - survey_responses: the answers. A random id, the stratum and the business
//   type (result filters), no business, no invitation, no time.
// - survey_counts: counts and sums per question, item, branch, stratum and
//   business type, kept up to date by each answer, so results never scan.
// - survey_texts: free text answers, apart from the rest of the answer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table surveys (
      id uuid primary key default gen_random_uuid(),
      owner_unit_id uuid not null references units(id),
      title_vi text not null,
      title_en text not null default '',
      description_vi text not null default '',
      description_en text not null default '',
      status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
      version integer not null default 1,
      frozen boolean not null default false,
      published boolean not null default false,
      closes_on date,
      targeting text,
      definition jsonb not null,
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index surveys_owner_idx on surveys (owner_unit_id);

    create table survey_invitations (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      enterprise_id uuid not null references enterprises(id),
      stratum text not null,
      branch_ids uuid[] not null default '{}',
      invited_on date,
      reminded_on date,
      answered boolean not null default false,
      answered_on date,
      draft jsonb,
      unique (survey_id, enterprise_id)
    );
    create index survey_invitations_enterprise_idx on survey_invitations (enterprise_id);

    create table survey_invitation_tokens (
      token_hash text primary key,
      invitation_id uuid not null references survey_invitations(id) on delete cascade
    );
    create index survey_invitation_tokens_invitation_idx on survey_invitation_tokens (invitation_id);

    create table survey_responses (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      version integer not null,
      stratum text not null,
      business_type text not null check (business_type in ('enterprise', 'broker')),
      answers jsonb not null
    );
    create index survey_responses_survey_idx on survey_responses (survey_id);

    create table survey_counts (
      survey_id uuid not null references surveys(id) on delete cascade,
      item text not null,
      branch_id text not null,
      stratum text not null,
      business_type text not null,
      value text not null,
      count bigint not null,
      total double precision not null default 0,
      primary key (survey_id, item, branch_id, stratum, business_type, value)
    );

    create table survey_texts (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      item text not null,
      body text not null
    );
    create index survey_texts_survey_idx on survey_texts (survey_id, item);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table survey_texts;
    drop table survey_counts;
    drop table survey_responses;
    drop table survey_invitation_tokens;
    drop table survey_invitations;
    drop table surveys;
  `.execute(db);
}
