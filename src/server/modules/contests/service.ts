// Contests, the organizer's side: create a contest, write or draw its questions
// from the question bank and the library, add rounds, open, finish, publish
// results (which turns the most-missed questions into review tasks for the bank).
// Taking a round is in play.ts, results in results.ts.
import type { Kysely } from 'kysely';
import {
  REVIEW_MIN_ANSWERS,
  REVIEW_THRESHOLD,
  type ContestBody,
  type ContestDetail,
  type ContestSummary,
  type QuestionBody,
  type RoundBody,
} from '../../../contracts/contests.ts';
import { isEnterpriseUser, mayOrganize } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { choicesOf, toContestSummary, toOrganizerQuestion, toRound } from './mapper.ts';
import { drawSet, questionStatistics, roundPool } from './policy.ts';
import * as repo from './repository.ts';

export interface ContestDeps {
  db: Kysely<Database>;
  clock: Clock;
  random?: () => number;
}

export const conflict = (key: MessageKey) => new AppError('conflict', key);

/** Whether the actor organizes for the contest's unit. */
export async function organizes(db: Kysely<Database>, actor: Actor | null, contest: repo.ContestRow): Promise<boolean> {
  return isUser(actor) && mayOrganize(actor) && canOrganize(actor, await getUnitAncestry(db, contest.owner_unit_id));
}

/** The contest, if the actor organizes it; 404 otherwise. */
export async function getManagedContest(db: Kysely<Database>, actor: Actor | null, id: string) {
  if (!isUser(actor)) throw unauthorized();
  const row = await repo.findContest(db, id);
  if (!row || !(await organizes(db, actor, row))) throw notFound();
  return row;
}

const legalBasisText = (items: unknown): string =>
  Array.isArray(items)
    ? items
        .map((i: { document?: string; article?: string }) => [i.article, i.document].filter(Boolean).join(', '))
        .filter(Boolean)
        .join('; ')
    : '';

export function createContestService(deps: ContestDeps) {
  const { db, clock } = deps;
  const random = deps.random ?? Math.random;

  async function listContests(actor: Actor | null): Promise<ContestSummary[]> {
    if (!isUser(actor)) throw unauthorized();
    if (mayOrganize(actor))
      return (await repo.findContests(db, await resolveScopeUnitIds(db, organizerScopeOf(actor)))).map(
        toContestSummary,
      );
    if (isEnterpriseUser(actor)) return (await repo.findVisibleContests(db)).map(toContestSummary);
    throw forbidden();
  }

  async function getContest(actor: Actor | null, id: string): Promise<ContestDetail> {
    if (!isUser(actor)) throw unauthorized();
    const row = await repo.findContest(db, id);
    if (!row) throw notFound();
    const manage = await organizes(db, actor, row);
    if (!manage && (row.status === 'draft' || !isEnterpriseUser(actor))) throw notFound();
    const questions = await repo.findQuestions(db, id);
    const rounds = await repo.findRounds(db, id);
    const registration = manage ? undefined : await repo.findRegistration(db, id, actor.userId);
    const attempts = registration ? await repo.findAttemptsOf(db, registration.id) : [];
    return {
      ...toContestSummary(row),
      rules: row.rules,
      prizes: row.prizes,
      associationIds: row.association_ids,
      rounds: rounds.map((r) => toRound(r, roundPool(questions, r).length)),
      questions: manage ? questions.map(toOrganizerQuestion) : [],
      mine: registration
        ? {
            id: registration.id,
            displayName: registration.display_name,
            teamName: registration.team_name,
            members: registration.members,
            attempts: attempts.map((a) => ({
              roundId: a.round_id,
              attemptId: a.id,
              finished: a.finished_at !== null,
              correct: a.correct,
            })),
          }
        : null,
      canManage: manage,
    };
  }

  async function createContest(context: AuditContext, body: ContestBody): Promise<ContestDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const unit = await repo.findUnit(db, body.ownerUnitId);
    if (!unit) throw invalidField('ownerUnitId', 'not_found');
    if (!canOrganize(actor, await getUnitAncestry(db, unit.id))) throw forbidden();
    if (unit.status !== 'active' || (unit.kind !== 'department' && unit.kind !== 'general_department'))
      throw invalidField('ownerUnitId', 'contest_owner_unit_kind');
    if (body.eligibility === 'associations' && body.associationIds.length === 0)
      throw invalidField('associationIds', 'validation_failed');
    const id = await db.transaction().execute(async (tx) => {
      const id = await repo.insertContest(tx, {
        owner_unit_id: body.ownerUnitId,
        title_vi: body.title.vi,
        title_en: body.title.en,
        rules: body.rules,
        prizes: body.prizes,
        eligibility: body.eligibility,
        association_ids: body.eligibility === 'associations' ? body.associationIds : [],
        team_max: body.teamMax,
        created_by: actor.userId,
        now: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'contest.created',
        entityType: 'contest',
        entityId: id,
        unitId: body.ownerUnitId,
      });
      return id;
    });
    return getContest(actor, id);
  }

  async function addQuestion(context: AuditContext, id: string, body: QuestionBody): Promise<ContestDetail> {
    const contest = await getManagedContest(db, context.actor, id);
    if (contest.status !== 'draft') throw conflict('contest_not_draft');
    if (body.correct >= body.choices.length) throw invalidField('correct', 'contest_correct_choice');
    let legalBasis = body.legalBasis;
    if (body.sourceEntryId) {
      const entry = await repo.findEntry(db, body.sourceEntryId);
      if (!entry || entry.status === 'archived') throw invalidField('sourceEntryId', 'not_found');
      if (!legalBasis) legalBasis = legalBasisText(entry.legal_basis);
    }
    if (body.sourceDocumentId) {
      const document = await repo.findDocument(db, body.sourceDocumentId);
      if (!document) throw invalidField('sourceDocumentId', 'not_found');
      if (!legalBasis) legalBasis = `${document.number} — ${document.title}`;
    }
    await repo.insertQuestion(db, {
      contest_id: id,
      topic: body.topic,
      difficulty: body.difficulty,
      text_vi: body.text.vi,
      text_en: body.text.en,
      choices: JSON.stringify(body.choices),
      correct: body.correct,
      explanation: body.explanation,
      legal_basis: legalBasis,
      source_entry_id: body.sourceEntryId,
      source_document_id: body.sourceDocumentId,
      created_at: clock.now(),
    });
    return getContest(context.actor, id);
  }

  async function addRound(context: AuditContext, id: string, body: RoundBody): Promise<ContestDetail> {
    const contest = await getManagedContest(db, context.actor, id);
    if (contest.status === 'finished') throw conflict('contest_not_open');
    const opensAt = new Date(body.opensAt);
    const closesAt = new Date(body.closesAt);
    if (closesAt <= opensAt) throw invalidField('closesAt', 'contest_invalid_window');
    const pool = roundPool(await repo.findQuestions(db, id), body);
    if (pool.length < body.questionCount) throw invalidField('questionCount', 'contest_pool_too_small');
    const live = body.kind === 'final' && body.live;
    await db.transaction().execute(async (tx) => {
      const roundId = await repo.insertRound(tx, {
        contest_id: id,
        kind: body.kind,
        name: body.name,
        opens_at: opensAt,
        closes_at: closesAt,
        live,
        question_count: body.questionCount,
        seconds_per_question: body.secondsPerQuestion,
        topics: body.topics,
        difficulties: body.difficulties,
        // A live final shows one set to the whole hall, drawn once now.
        fixed_question_ids: live ? drawSet(pool, body.questionCount, Math.floor(random() * 2 ** 31)) : [],
        live_index: null,
        live_started_at: null,
        created_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'contest.round_added',
        entityType: 'contest',
        entityId: id,
        unitId: contest.owner_unit_id,
        details: { roundId, kind: body.kind, live },
      });
    });
    return getContest(context.actor, id);
  }

  async function transition(context: AuditContext, id: string, action: 'open' | 'finish'): Promise<ContestDetail> {
    const contest = await getManagedContest(db, context.actor, id);
    if (action === 'open' && (await repo.findRounds(db, id)).length === 0) throw conflict('contest_needs_round');
    const [from, to] = action === 'open' ? (['draft', 'open'] as const) : (['open', 'finished'] as const);
    await db.transaction().execute(async (tx) => {
      if (!(await repo.setContestStatus(tx, id, from, to, clock.now())))
        throw conflict(action === 'open' ? 'contest_not_draft' : 'contest_not_open');
      await writeAudit(tx, context, {
        action: action === 'open' ? 'contest.opened' : 'contest.finished',
        entityType: 'contest',
        entityId: id,
        unitId: contest.owner_unit_id,
      });
    });
    return getContest(context.actor, id);
  }

  /** Publishes the results and hands the most-missed bank-sourced questions to the bank's editors. */
  async function publishResults(context: AuditContext, id: string): Promise<ContestDetail> {
    const contest = await getManagedContest(db, context.actor, id);
    if (contest.status !== 'finished') throw conflict('contest_not_finished');
    const questions = await repo.findQuestions(db, id);
    const stats = questionStatistics(
      (await repo.findScoredAnswers(db, id)).map((a) => ({
        attemptId: a.attempt_id,
        questionId: a.question_id,
        choice: a.choice,
        correct: a.correct === true,
      })),
    );
    const byId = new Map(questions.map((q) => [q.id, q]));
    const now = clock.now();
    const tasks = stats.flatMap((s) => {
      const q = byId.get(s.questionId);
      if (!q?.source_entry_id || s.shareCorrect === null) return [];
      if (s.answers < REVIEW_MIN_ANSWERS || s.shareCorrect >= REVIEW_THRESHOLD) return [];
      return [
        {
          entry_id: q.source_entry_id,
          contest_id: id,
          question_id: q.id,
          share_correct: s.shareCorrect,
          answers: s.answers,
          wrong_choice: s.mostPickedWrong ? (choicesOf(q.choices)[s.mostPickedWrong.choice] ?? null) : null,
          created_at: now,
        },
      ];
    });
    await db.transaction().execute(async (tx) => {
      if (!(await repo.publishResults(tx, id, now))) throw conflict('contest_already_published');
      const created = await repo.insertReviewTasks(tx, tasks);
      await writeAudit(tx, context, {
        action: 'contest.results_published',
        entityType: 'contest',
        entityId: id,
        unitId: contest.owner_unit_id,
        details: { reviewTasks: created },
      });
    });
    return getContest(context.actor, id);
  }

  return {
    listContests,
    getContest,
    createContest,
    addQuestion,
    addRound,
    openContest: (c: AuditContext, id: string) => transition(c, id, 'open'),
    finishContest: (c: AuditContext, id: string) => transition(c, id, 'finish'),
    publishResults,
  };
}

export type { UserActor };
