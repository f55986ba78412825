// Taking part: register (a person or a team of one enterprise), start a round,
// receive one question at a time under the server's timer, answer once. A live
// final is driven by the organizer's hall screen: everyone gets the same
// question at the same moment. No question reaches a browser before it is
// served, and no right choice before its timer ended.
import type { Kysely } from 'kysely';
import type {
  AnswerBody,
  AttemptResult,
  HallView,
  Leaderboard,
  RegisterBody,
  ServedQuestion,
} from '../../../contracts/contests.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, speaksForEnterprise } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { choicesOf, toLeaderboardRow } from './mapper.ts';
import { choiceOrder, drawSet, remainingMs, roundPool, withinTimer } from './policy.ts';
import * as repo from './repository.ts';
import { conflict, getManagedContest, organizes } from './service.ts';

export interface PlayDeps {
  db: Kysely<Database>;
  clock: Clock;
  random?: () => number;
}

const LEADERBOARD_SIZE = 20;

export function createPlayService(deps: PlayDeps) {
  const { db, clock } = deps;
  const random = deps.random ?? Math.random;

  async function register(context: AuditContext, contestId: string, body: RegisterBody) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!speaksForEnterprise(actor)) throw forbidden();
    const contest = await repo.findContest(db, contestId);
    if (!contest || contest.status === 'draft') throw notFound();
    if (contest.status !== 'open') throw conflict('contest_not_open');
    if (
      contest.eligibility === 'associations' &&
      !(await repo.isAssociationMember(db, actor.enterpriseId, contest.association_ids))
    )
      throw forbiddenWith('contest_not_eligible');
    if (body.teamName !== null) {
      if (contest.team_max < 2) throw invalidField('teamName', 'contest_no_teams');
      if (body.members.length + 1 > contest.team_max) throw invalidField('members', 'contest_team_too_large');
    } else if (body.members.length > 0) throw invalidField('members', 'contest_no_teams');
    await db.transaction().execute(async (tx) => {
      const id = await repo.insertRegistration(tx, {
        contest_id: contestId,
        user_id: actor.userId,
        enterprise_id: actor.enterpriseId,
        display_name: actor.fullName,
        team_name: body.teamName,
        members: body.teamName ? [actor.fullName, ...body.members] : [],
        registered_at: clock.now(),
      });
      if (!id) throw conflict('contest_already_registered');
      await writeAudit(tx, context, {
        action: 'contest.registered',
        entityType: 'contest',
        entityId: contestId,
        unitId: contest.owner_unit_id,
        details: { registrationId: id, team: body.teamName !== null, members: body.members.length + 1 },
      });
    });
    return { ok: true as const };
  }

  /** Starts (or returns) the caller's one attempt at a round. */
  async function startAttempt(actor: Actor | null, roundId: string): Promise<ServedQuestion> {
    if (!isUser(actor)) throw unauthorized();
    const round = await repo.findRound(db, roundId);
    if (!round) throw notFound();
    const contest = await repo.findContest(db, round.contest_id);
    if (!contest || contest.status === 'draft') throw notFound();
    const registration = await repo.findRegistration(db, contest.id, actor.userId);
    if (!registration) throw forbiddenWith('contest_not_registered');
    const existing = await repo.findAttemptByRound(db, roundId, registration.id);
    if (existing) return current(actor, existing.id);
    const now = clock.now();
    if (contest.status !== 'open' || now < round.opens_at || now > round.closes_at)
      throw conflict('contest_round_closed');
    const seed = Math.floor(random() * 2 ** 31);
    const questionIds = round.live
      ? round.fixed_question_ids
      : drawSet(roundPool(await repo.findQuestions(db, contest.id), round), round.question_count, seed);
    await repo.insertAttempt(db, {
      round_id: roundId,
      registration_id: registration.id,
      seed,
      question_ids: questionIds,
      started_at: now,
    });
    const attempt = await repo.findAttemptByRound(db, roundId, registration.id);
    return current(actor, attempt!.id);
  }

  async function ownAttempt(actor: Actor | null, attemptId: string): Promise<repo.AttemptRow> {
    if (!isUser(actor)) throw unauthorized();
    const attempt = await repo.findAttempt(db, attemptId);
    if (!attempt || attempt.user_id !== actor.userId) throw notFound();
    return attempt;
  }

  async function presented(
    attempt: repo.AttemptRow,
    questionId: string,
    position: number,
    servedAt: Date,
    answered: boolean,
  ): Promise<ServedQuestion> {
    const q = (await repo.findQuestion(db, questionId))!;
    const choices = choicesOf(q.choices);
    const order = attempt.live ? choices.map((_, i) => i) : choiceOrder(choices.length, attempt.seed, position);
    return {
      attemptId: attempt.id,
      status: 'question',
      position,
      total: attempt.question_ids.length,
      question: { id: q.id, text: { vi: q.text_vi, en: q.text_en }, choices: order.map((i) => choices[i]!) },
      remainingMs: remainingMs(servedAt, attempt.seconds_per_question, clock.now()),
      answered,
    };
  }

  const idle = (
    attempt: repo.AttemptRow,
    status: 'waiting' | 'finished',
    position: number,
    answered = false,
  ): ServedQuestion => ({
    attemptId: attempt.id,
    status,
    position,
    total: attempt.question_ids.length,
    question: null,
    remainingMs: 0,
    answered,
  });

  /** The question running now for this attempt, serving the next one when the last was answered or ran out. */
  async function current(actor: Actor | null, attemptId: string): Promise<ServedQuestion> {
    const attempt = await ownAttempt(actor, attemptId);
    const now = clock.now();
    const total = attempt.question_ids.length;
    if (attempt.finished_at) return idle(attempt, 'finished', total);
    if (attempt.live) {
      const index = attempt.live_index;
      if (index === null || !attempt.live_started_at) return idle(attempt, 'waiting', 0);
      if (index >= total) return idle(attempt, 'finished', total);
      const questionId = attempt.question_ids[index]!;
      const served = (await repo.findServed(db, attempt.id)).find((s) => s.question_id === questionId);
      if (remainingMs(attempt.live_started_at, attempt.seconds_per_question, now) <= 0)
        return idle(attempt, 'waiting', index, served?.choice != null);
      if (!served) await repo.insertServed(db, attempt.id, questionId, index, attempt.live_started_at);
      return presented(attempt, questionId, index, attempt.live_started_at, served?.choice != null);
    }
    if (now > attempt.closes_at || attempt.contest_status !== 'open') {
      await repo.finishAttempt(db, attempt.id, now);
      return idle(attempt, 'finished', total);
    }
    const served = await repo.findServed(db, attempt.id);
    const last = served[served.length - 1];
    if (last && last.choice === null && remainingMs(last.served_at, attempt.seconds_per_question, now) > 0)
      return presented(attempt, last.question_id, last.position, last.served_at, false);
    const position = served.length;
    if (position >= total) {
      await repo.finishAttempt(db, attempt.id, now);
      return idle(attempt, 'finished', total);
    }
    await repo.insertServed(db, attempt.id, attempt.question_ids[position]!, position, now);
    return presented(attempt, attempt.question_ids[position]!, position, now, false);
  }

  async function answer(actor: Actor | null, attemptId: string, body: AnswerBody) {
    const attempt = await ownAttempt(actor, attemptId);
    const now = clock.now();
    const served = (await repo.findServed(db, attempt.id)).find((s) => s.question_id === body.questionId);
    if (!served || attempt.finished_at) throw conflict(served ? 'contest_time_up' : 'contest_not_served');
    if (served.choice !== null) throw conflict('contest_already_answered');
    if (!withinTimer(served.served_at, attempt.seconds_per_question, now)) throw conflict('contest_time_up');
    const q = (await repo.findQuestion(db, body.questionId))!;
    const count = choicesOf(q.choices).length;
    if (body.choice >= count) throw invalidField('choice', 'contest_unknown_choice');
    const original = attempt.live ? body.choice : choiceOrder(count, attempt.seed, served.position)[body.choice]!;
    const elapsed = Math.min(now.getTime() - served.served_at.getTime(), attempt.seconds_per_question * 1000);
    const position = await db.transaction().execute((tx) =>
      repo.recordAnswer(tx, {
        attemptId: attempt.id,
        questionId: body.questionId,
        choice: original,
        correct: original === q.correct,
        elapsedMs: elapsed,
      }),
    );
    if (position === null) throw conflict('contest_already_answered');
    return { accepted: true as const, position };
  }

  /** The participant's score and the right answers with their legal basis, once the attempt ended. */
  async function result(actor: Actor | null, attemptId: string): Promise<AttemptResult> {
    const attempt = await ownAttempt(actor, attemptId);
    if (!attempt.finished_at) throw conflict('contest_attempt_running');
    const served = new Map((await repo.findServed(db, attempt.id)).map((s) => [s.question_id, s]));
    const questions = new Map((await repo.findQuestions(db, attempt.contest_id)).map((q) => [q.id, q]));
    return {
      correct: attempt.correct,
      total: attempt.question_ids.length,
      timeMs: Number(attempt.time_ms),
      items: attempt.question_ids.map((id, position) => {
        const q = questions.get(id)!;
        const s = served.get(id);
        return {
          position,
          text: { vi: q.text_vi, en: q.text_en },
          choices: choicesOf(q.choices),
          correct: q.correct,
          chosen: s?.choice ?? null,
          isCorrect: s?.correct === true,
          explanation: q.explanation,
          legalBasis: q.legal_basis,
          entryId: q.source_entry_id,
          entryNumber: q.entry_number ?? null,
        };
      }),
    };
  }

  async function boardOf(roundId: string): Promise<Leaderboard> {
    const [rows, fastest, counts] = await Promise.all([
      repo.findLeaderboard(db, roundId, LEADERBOARD_SIZE),
      repo.findLeaderboard(db, roundId, 5, true),
      repo.countRound(db, roundId, null),
    ]);
    return {
      roundId,
      participants: counts.joined,
      rows: rows.map((r, i) => toLeaderboardRow(r, i + 1)),
      fastest: fastest.map((r, i) => toLeaderboardRow(r, i + 1)),
    };
  }

  async function managedRound(actor: Actor | null, roundId: string) {
    if (!isUser(actor)) throw unauthorized();
    const round = await repo.findRound(db, roundId);
    if (!round) throw notFound();
    const contest = await getManagedContest(db, actor, round.contest_id);
    return { round, contest };
  }

  /** The organizer moves the hall to the next question (after the current one's timer ended). */
  async function nextQuestion(context: AuditContext, roundId: string): Promise<HallView> {
    const { round, contest } = await managedRound(context.actor, roundId);
    if (!round.live) throw conflict('contest_not_live');
    if (contest.status !== 'open') throw conflict('contest_not_open');
    const now = clock.now();
    if (
      round.live_started_at &&
      round.live_index !== null &&
      remainingMs(round.live_started_at, round.seconds_per_question, now) > 0
    )
      throw conflict('contest_live_running');
    const total = round.fixed_question_ids.length;
    const next = round.live_index === null ? 0 : Math.min(round.live_index + 1, total);
    if (next !== round.live_index && !(await repo.advanceLive(db, roundId, round.live_index, next, now)))
      throw conflict('contest_live_running');
    if (next >= total) await repo.finishRoundAttempts(db, roundId, now);
    return hall(context.actor, roundId);
  }

  /** What the hall screen shows: the question, then (once its timer ended) the right choice and the leaderboard. */
  async function hall(actor: Actor | null, roundId: string): Promise<HallView> {
    const { round } = await managedRound(actor, roundId);
    if (!round.live) throw conflict('contest_not_live');
    const total = round.fixed_question_ids.length;
    const index = round.live_index;
    const base = { roundId, total, index: index ?? 0, correct: null, legalBasis: null, remainingMs: 0 };
    if (index === null || !round.live_started_at) {
      const counts = await repo.countRound(db, roundId, null);
      return { ...base, phase: 'waiting', question: null, answers: 0, joined: counts.joined, leaderboard: null };
    }
    if (index >= total) {
      const counts = await repo.countRound(db, roundId, null);
      return {
        ...base,
        phase: 'finished',
        question: null,
        answers: 0,
        joined: counts.joined,
        leaderboard: await boardOf(roundId),
      };
    }
    const q = (await repo.findQuestion(db, round.fixed_question_ids[index]!))!;
    const left = remainingMs(round.live_started_at, round.seconds_per_question, clock.now());
    const counts = await repo.countRound(db, roundId, q.id);
    const reveal = left <= 0;
    return {
      ...base,
      phase: reveal ? 'reveal' : 'question',
      question: { id: q.id, text: { vi: q.text_vi, en: q.text_en }, choices: choicesOf(q.choices) },
      correct: reveal ? q.correct : null,
      legalBasis: reveal ? q.legal_basis : null,
      remainingMs: left,
      answers: counts.answered,
      joined: counts.joined,
      leaderboard: reveal ? await boardOf(roundId) : null,
    };
  }

  /**
   * A round's leaderboard: organizers at any time; participants of a live final
   * between questions, and everyone registered once results are published.
   */
  async function leaderboard(actor: Actor | null, roundId: string): Promise<Leaderboard> {
    if (!isUser(actor)) throw unauthorized();
    const round = await repo.findRound(db, roundId);
    if (!round) throw notFound();
    const contest = await repo.findContest(db, round.contest_id);
    if (!contest) throw notFound();
    if (await organizes(db, actor, contest)) return boardOf(roundId);
    if (contest.status === 'draft' || !(await repo.findRegistration(db, contest.id, actor.userId))) throw notFound();
    const between =
      round.live &&
      round.live_index !== null &&
      round.live_started_at !== null &&
      remainingMs(round.live_started_at, round.seconds_per_question, clock.now()) <= 0;
    if (!contest.results_published && !between) throw conflict('contest_results_not_published');
    return boardOf(roundId);
  }

  return { register, startAttempt, current, answer, result, nextQuestion, hall, leaderboard };
}

function forbiddenWith(key: 'contest_not_eligible' | 'contest_not_registered') {
  return new AppError('forbidden', key);
}
