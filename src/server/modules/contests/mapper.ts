// The only way contest rows leave the server: fields listed one by one. A
// question's right choice is mapped only by toOrganizerQuestion (organizers) and
// toResultItem (after the participant's attempt ended).
import type { QaCategory } from '../../../contracts/questions.ts';
import type { ContestQuestion, ContestRound, ContestSummary, ReviewTask } from '../../../contracts/contests.ts';
import type { ContestRow, QuestionRow, RoundRow } from './repository.ts';

export function toContestSummary(row: ContestRow): ContestSummary {
  return {
    id: row.id,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    title: { vi: row.title_vi, en: row.title_en },
    status: row.status,
    resultsPublished: row.results_published,
    eligibility: row.eligibility,
    teamMax: row.team_max,
    registrations: Number(row.registrations ?? 0),
  };
}

export const choicesOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function toOrganizerQuestion(row: QuestionRow): ContestQuestion {
  return {
    id: row.id,
    topic: row.topic as QaCategory,
    difficulty: row.difficulty,
    text: { vi: row.text_vi, en: row.text_en },
    choices: choicesOf(row.choices),
    correct: row.correct,
    explanation: row.explanation,
    legalBasis: row.legal_basis,
    sourceEntryId: row.source_entry_id,
    sourceEntryNumber: row.entry_number ?? null,
    sourceDocumentId: row.source_document_id,
  };
}

export function toRound(row: RoundRow, poolSize: number): ContestRound {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    live: row.live,
    questionCount: row.question_count,
    secondsPerQuestion: row.seconds_per_question,
    topics: row.topics,
    difficulties: row.difficulties,
    poolSize,
  };
}

export function toLeaderboardRow(
  row: {
    display_name: string;
    team_name: string | null;
    enterprise: string;
    correct: number;
    answered: number;
    time_ms: string | number;
  },
  rank: number,
) {
  return {
    rank,
    name: row.team_name ?? row.display_name,
    team: row.team_name !== null,
    enterprise: row.enterprise,
    correct: row.correct,
    answered: row.answered,
    timeMs: Number(row.time_ms),
  };
}

export function toReviewTask(row: {
  id: string;
  entry_id: string;
  entry_number: number;
  entry_title: string;
  contest_title: string;
  question: string;
  share_correct: number;
  answers: number;
  wrong_choice: string | null;
  created_at: Date;
}): ReviewTask {
  return {
    id: row.id,
    entryId: row.entry_id,
    entryNumber: row.entry_number,
    entryTitle: row.entry_title,
    contestTitle: row.contest_title,
    question: row.question,
    shareCorrect: row.share_correct,
    answers: row.answers,
    wrongChoice: row.wrong_choice,
    createdAt: row.created_at.toISOString(),
  };
}
