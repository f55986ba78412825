// The "Understanding Customs Laws" contest: contests, their questions (with
// source and legal basis), rounds, registrations, answering under the server's
// timer, leaderboards, statistics, and the review tasks handed to the question bank.
import { z } from 'zod';
import { uuid } from './common.ts';
import { QA_CATEGORIES } from './questions.ts';

export const CONTEST_STATUSES = ['draft', 'open', 'finished'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];
export const ROUND_KINDS = ['online', 'final'] as const;
export const ELIGIBILITIES = ['all', 'associations'] as const;
/** Grace after a question's timer for the answer's trip over a slow network (ms). */
export const ANSWER_GRACE_MS = 1500;
/** A question answered right by fewer than this share becomes a review task for its bank entry. */
export const REVIEW_THRESHOLD = 0.5;
/** …once at least this many participants answered it. */
export const REVIEW_MIN_ANSWERS = 5;

const text = (max: number) => z.string().trim().max(max);
const localized = z.object({ vi: text(300).min(1), en: text(300).default('') });

export const contestBody = z.object({
  ownerUnitId: uuid,
  title: localized,
  rules: text(4000).default(''),
  prizes: text(2000).default(''),
  eligibility: z.enum(ELIGIBILITIES),
  associationIds: z.array(uuid).max(50).default([]),
  teamMax: z.number().int().min(1).max(10).default(1),
});
export type ContestBody = z.infer<typeof contestBody>;

export const questionBody = z.object({
  topic: z.enum(QA_CATEGORIES),
  difficulty: z.number().int().min(1).max(3),
  text: z.object({ vi: text(1000).min(1), en: text(1000).default('') }),
  choices: z.array(text(300).min(1)).min(2).max(6),
  correct: z.number().int().min(0).max(5),
  explanation: text(4000).default(''),
  legalBasis: text(1000).default(''),
  sourceEntryId: uuid.nullable().default(null),
  sourceDocumentId: uuid.nullable().default(null),
});
export type QuestionBody = z.infer<typeof questionBody>;

export const roundBody = z.object({
  kind: z.enum(ROUND_KINDS),
  name: text(200).min(1),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  live: z.boolean().default(false),
  questionCount: z.number().int().min(1).max(50),
  secondsPerQuestion: z.number().int().min(5).max(300),
  topics: z.array(z.enum(QA_CATEGORIES)).max(QA_CATEGORIES.length).default([]),
  difficulties: z.array(z.number().int().min(1).max(3)).max(3).default([]),
});
export type RoundBody = z.infer<typeof roundBody>;

export const registerBody = z.object({
  teamName: text(120).min(1).nullable().default(null),
  members: z.array(text(120).min(1)).max(10).default([]),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const answerBody = z.object({ questionId: uuid, choice: z.number().int().min(0).max(5) });
export type AnswerBody = z.infer<typeof answerBody>;

export const contestQuestion = z.object({
  id: uuid,
  topic: z.enum(QA_CATEGORIES),
  difficulty: z.number(),
  text: z.object({ vi: z.string(), en: z.string() }),
  choices: z.array(z.string()),
  correct: z.number(),
  explanation: z.string(),
  legalBasis: z.string(),
  sourceEntryId: uuid.nullable(),
  sourceEntryNumber: z.number().nullable(),
  sourceDocumentId: uuid.nullable(),
});
export type ContestQuestion = z.infer<typeof contestQuestion>;

export const contestRound = z.object({
  id: uuid,
  kind: z.enum(ROUND_KINDS),
  name: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  live: z.boolean(),
  questionCount: z.number(),
  secondsPerQuestion: z.number(),
  topics: z.array(z.string()),
  difficulties: z.array(z.number()),
  poolSize: z.number(),
});
export type ContestRound = z.infer<typeof contestRound>;

export const contestSummary = z.object({
  id: uuid,
  ownerUnitId: uuid,
  ownerUnitName: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  status: z.enum(CONTEST_STATUSES),
  resultsPublished: z.boolean(),
  eligibility: z.enum(ELIGIBILITIES),
  teamMax: z.number(),
  registrations: z.number(),
});
export type ContestSummary = z.infer<typeof contestSummary>;

export const myRegistration = z.object({
  id: uuid,
  displayName: z.string(),
  teamName: z.string().nullable(),
  members: z.array(z.string()),
  attempts: z.array(z.object({ roundId: uuid, attemptId: uuid, finished: z.boolean(), correct: z.number() })),
});

export const contestDetail = contestSummary.extend({
  rules: z.string(),
  prizes: z.string(),
  associationIds: z.array(uuid),
  rounds: z.array(contestRound),
  /** Organizers only; empty for participants. */
  questions: z.array(contestQuestion),
  mine: myRegistration.nullable(),
  canManage: z.boolean(),
});
export type ContestDetail = z.infer<typeof contestDetail>;

/** What a participant's browser receives while a question runs: never the right choice. */
export const servedQuestion = z.object({
  attemptId: uuid,
  status: z.enum(['question', 'waiting', 'finished']),
  position: z.number(),
  total: z.number(),
  question: z
    .object({ id: uuid, text: z.object({ vi: z.string(), en: z.string() }), choices: z.array(z.string()) })
    .nullable(),
  /** Milliseconds left on the server's timer when this answer was written. */
  remainingMs: z.number(),
  answered: z.boolean(),
});
export type ServedQuestion = z.infer<typeof servedQuestion>;

export const answerResult = z.object({ accepted: z.literal(true), position: z.number() });

export const attemptResult = z.object({
  correct: z.number(),
  total: z.number(),
  timeMs: z.number(),
  items: z.array(
    z.object({
      position: z.number(),
      text: z.object({ vi: z.string(), en: z.string() }),
      choices: z.array(z.string()),
      correct: z.number(),
      chosen: z.number().nullable(),
      isCorrect: z.boolean(),
      explanation: z.string(),
      legalBasis: z.string(),
      entryId: uuid.nullable(),
      entryNumber: z.number().nullable(),
    }),
  ),
});
export type AttemptResult = z.infer<typeof attemptResult>;

export const leaderboardRow = z.object({
  rank: z.number(),
  name: z.string(),
  team: z.boolean(),
  enterprise: z.string(),
  correct: z.number(),
  answered: z.number(),
  timeMs: z.number(),
});
export const leaderboard = z.object({
  roundId: uuid,
  participants: z.number(),
  /** By accuracy, then speed. */
  rows: z.array(leaderboardRow),
  /** The fastest total times among those who answered every question, apart from accuracy. */
  fastest: z.array(leaderboardRow),
});
export type Leaderboard = z.infer<typeof leaderboard>;

export const hallView = z.object({
  roundId: uuid,
  phase: z.enum(['waiting', 'question', 'reveal', 'finished']),
  index: z.number(),
  total: z.number(),
  question: z
    .object({ id: uuid, text: z.object({ vi: z.string(), en: z.string() }), choices: z.array(z.string()) })
    .nullable(),
  /** Only once the timer ended. */
  correct: z.number().nullable(),
  legalBasis: z.string().nullable(),
  remainingMs: z.number(),
  answers: z.number(),
  joined: z.number(),
  leaderboard: leaderboard.nullable(),
});
export type HallView = z.infer<typeof hallView>;

export const questionStatistics = z.object({
  questionId: uuid,
  text: z.string(),
  answers: z.number(),
  shareCorrect: z.number().nullable(),
  /** Correlation of the question with the rest of the score (Moodle's discrimination index, −1…1). */
  discrimination: z.number().nullable(),
  mostPickedWrong: z.object({ choice: z.string(), share: z.number() }).nullable(),
  entryId: uuid.nullable(),
  entryNumber: z.number().nullable(),
});
export const contestStatistics = z.object({
  participants: z.number(),
  questions: z.array(questionStatistics),
});
export type ContestStatistics = z.infer<typeof contestStatistics>;

export const reviewTask = z.object({
  id: uuid,
  entryId: uuid,
  entryNumber: z.number(),
  entryTitle: z.string(),
  contestTitle: z.string(),
  question: z.string(),
  shareCorrect: z.number(),
  answers: z.number(),
  wrongChoice: z.string().nullable(),
  createdAt: z.string(),
});
export type ReviewTask = z.infer<typeof reviewTask>;
