// Frozen: the "Understanding Customs Laws" contest.
// - contests: the contest (owner unit, rules, prizes, eligibility, team size).
// - contest_questions: multiple-choice questions, each with its source (a
//   question-bank entry or a library document) and legal basis; `correct` is
//   the index of the right choice and never leaves the server before its time.
// - contest_rounds: an online round (open over days, a set per participant drawn
//   by topic and difficulty) or a final (at a set time, optionally live: the
//   organizer moves the hall from question to question).
// - contest_registrations: a participant (a person, or a team of an enterprise);
//   without a user when recorded from a past contest held outside the platform.
// - contest_attempts: one per registration and round, with its drawn questions,
//   the seed of its shuffles, and running totals (correct, time) for leaderboards.
// - contest_answers: one row per question served: when, what was picked, whether right.
// - qa_review_tasks: most-missed contest questions, for their bank entry's editors.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contests (
      id uuid primary key default gen_random_uuid(),
      owner_unit_id uuid not null references units(id),
      title_vi text not null,
      title_en text not null default '',
      rules text not null default '',
      prizes text not null default '',
      eligibility text not null check (eligibility in ('all', 'associations')),
      association_ids uuid[] not null default '{}',
      team_max integer not null default 1 check (team_max between 1 and 10),
      status text not null default 'draft' check (status in ('draft', 'open', 'finished')),
      results_published boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index contests_owner_idx on contests (owner_unit_id);

    create table contest_questions (
      id uuid primary key default gen_random_uuid(),
      contest_id uuid not null references contests(id) on delete cascade,
      topic text not null,
      difficulty integer not null check (difficulty between 1 and 3),
      text_vi text not null,
      text_en text not null default '',
      choices jsonb not null,
      correct integer not null,
      explanation text not null default '',
      legal_basis text not null default '',
      source_entry_id uuid references qa_entries(id),
      source_document_id uuid references legal_documents(id),
      created_at timestamptz not null
    );
    create index contest_questions_contest_idx on contest_questions (contest_id);

    create table contest_rounds (
      id uuid primary key default gen_random_uuid(),
      contest_id uuid not null references contests(id) on delete cascade,
      kind text not null check (kind in ('online', 'final')),
      name text not null,
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      live boolean not null default false,
      question_count integer not null check (question_count between 1 and 50),
      seconds_per_question integer not null check (seconds_per_question between 5 and 300),
      topics text[] not null default '{}',
      difficulties integer[] not null default '{}',
      fixed_question_ids uuid[] not null default '{}',
      live_index integer,
      live_started_at timestamptz,
      created_at timestamptz not null
    );
    create index contest_rounds_contest_idx on contest_rounds (contest_id);

    create table contest_registrations (
      id uuid primary key default gen_random_uuid(),
      contest_id uuid not null references contests(id) on delete cascade,
      user_id uuid references users(id),
      enterprise_id uuid not null references enterprises(id),
      display_name text not null,
      team_name text,
      members text[] not null default '{}',
      registered_at timestamptz not null,
      unique (contest_id, user_id)
    );
    create index contest_registrations_enterprise_idx on contest_registrations (enterprise_id);

    create table contest_attempts (
      id uuid primary key default gen_random_uuid(),
      round_id uuid not null references contest_rounds(id) on delete cascade,
      registration_id uuid not null references contest_registrations(id) on delete cascade,
      seed integer not null,
      question_ids uuid[] not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      correct integer not null default 0,
      answered integer not null default 0,
      time_ms bigint not null default 0,
      unique (round_id, registration_id)
    );
    create index contest_attempts_board_idx on contest_attempts (round_id, correct desc, time_ms);

    create table contest_answers (
      attempt_id uuid not null references contest_attempts(id) on delete cascade,
      question_id uuid not null references contest_questions(id),
      position integer not null,
      served_at timestamptz not null,
      choice integer,
      correct boolean,
      elapsed_ms integer,
      primary key (attempt_id, question_id)
    );

    create table qa_review_tasks (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references qa_entries(id),
      contest_id uuid not null references contests(id) on delete cascade,
      question_id uuid not null references contest_questions(id) on delete cascade,
      share_correct double precision not null,
      answers integer not null,
      wrong_choice text,
      status text not null default 'open' check (status in ('open', 'done')),
      created_at timestamptz not null,
      done_at timestamptz,
      done_by uuid references users(id),
      unique (question_id)
    );
    create index qa_review_tasks_open_idx on qa_review_tasks (status, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table qa_review_tasks;
    drop table contest_answers;
    drop table contest_attempts;
    drop table contest_registrations;
    drop table contest_rounds;
    drop table contest_questions;
    drop table contests;
  `.execute(db);
}
