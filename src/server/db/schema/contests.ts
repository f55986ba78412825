// The "Understanding Customs Laws" contest: contests, questions, rounds,
// registrations, attempts, answers, and the review tasks it hands the question bank.
import type { Generated } from 'kysely';
import type { Json } from './common.ts';

export interface ContestsTable {
  id: Generated<string>;
  owner_unit_id: string;
  title_vi: string;
  title_en: Generated<string>;
  rules: Generated<string>;
  prizes: Generated<string>;
  eligibility: 'all' | 'associations';
  association_ids: Generated<string[]>;
  team_max: Generated<number>;
  status: Generated<'draft' | 'open' | 'finished'>;
  results_published: Generated<boolean>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ContestQuestionsTable {
  id: Generated<string>;
  contest_id: string;
  topic: string;
  difficulty: number;
  text_vi: string;
  text_en: Generated<string>;
  choices: Json<string[]>;
  correct: number;
  explanation: Generated<string>;
  legal_basis: Generated<string>;
  source_entry_id: string | null;
  source_document_id: string | null;
  created_at: Date;
}

export interface ContestRoundsTable {
  id: Generated<string>;
  contest_id: string;
  kind: 'online' | 'final';
  name: string;
  opens_at: Date;
  closes_at: Date;
  live: Generated<boolean>;
  question_count: number;
  seconds_per_question: number;
  topics: Generated<string[]>;
  difficulties: Generated<number[]>;
  fixed_question_ids: Generated<string[]>;
  live_index: number | null;
  live_started_at: Date | null;
  created_at: Date;
}

export interface ContestRegistrationsTable {
  id: Generated<string>;
  contest_id: string;
  user_id: string | null;
  enterprise_id: string;
  display_name: string;
  team_name: string | null;
  members: Generated<string[]>;
  registered_at: Date;
}

export interface ContestAttemptsTable {
  id: Generated<string>;
  round_id: string;
  registration_id: string;
  seed: number;
  question_ids: string[];
  started_at: Date;
  finished_at: Date | null;
  correct: Generated<number>;
  answered: Generated<number>;
  time_ms: Generated<string | number>;
}

export interface ContestAnswersTable {
  attempt_id: string;
  question_id: string;
  position: number;
  served_at: Date;
  choice: number | null;
  correct: boolean | null;
  elapsed_ms: number | null;
}

export interface QaReviewTasksTable {
  id: Generated<string>;
  entry_id: string;
  contest_id: string;
  question_id: string;
  share_correct: number;
  answers: number;
  wrong_choice: string | null;
  status: Generated<'open' | 'done'>;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
}
