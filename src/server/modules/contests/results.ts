// Results and learning: per-question statistics, certificates, and the review
// tasks that the most-missed questions hand to the question bank's editors.
import type { Kysely } from 'kysely';
import type { ContestStatistics, ReviewTask } from '../../../contracts/contests.ts';
import { mayWriteAnswers } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { renderCertificate } from './certificate.ts';
import { choicesOf, toReviewTask } from './mapper.ts';
import { questionStatistics } from './policy.ts';
import * as repo from './repository.ts';
import { conflict, getManagedContest } from './service.ts';

export interface ResultsDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/** Top places that earn a winner's certificate in a round. */
const WINNER_PLACES = 3;

export function createContestResults(deps: ResultsDeps) {
  const { db, clock } = deps;

  async function statistics(actor: Actor | null, contestId: string): Promise<ContestStatistics> {
    await getManagedContest(db, actor, contestId);
    const questions = await repo.findQuestions(db, contestId);
    const stats = new Map(
      questionStatistics(
        (await repo.findScoredAnswers(db, contestId)).map((a) => ({
          attemptId: a.attempt_id,
          questionId: a.question_id,
          choice: a.choice,
          correct: a.correct === true,
        })),
      ).map((s) => [s.questionId, s]),
    );
    return {
      participants: await repo.countParticipants(db, contestId),
      questions: questions
        .map((q) => {
          const s = stats.get(q.id);
          const choices = choicesOf(q.choices);
          return {
            questionId: q.id,
            text: q.text_vi,
            answers: s?.answers ?? 0,
            shareCorrect: s?.shareCorrect ?? null,
            discrimination: s?.discrimination ?? null,
            mostPickedWrong: s?.mostPickedWrong
              ? { choice: choices[s.mostPickedWrong.choice] ?? '', share: s.mostPickedWrong.share }
              : null,
            entryId: q.source_entry_id,
            entryNumber: q.entry_number ?? null,
          };
        })
        .sort((a, b) => (a.shareCorrect ?? 2) - (b.shareCorrect ?? 2)),
    };
  }

  /** The caller's certificate, once results are published; issuing it is audited. */
  async function certificate(context: AuditContext, contestId: string): Promise<Buffer> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    const contest = await repo.findContest(db, contestId);
    if (!contest || contest.status === 'draft') throw notFound();
    const registration = await repo.findRegistrationForCertificate(db, contestId, actor.userId);
    if (!registration) throw notFound();
    if (!contest.results_published) throw conflict('contest_results_not_published');
    const attempts = await repo.findBestAttempt(db, registration.id);
    const last = attempts[0];
    if (!last) throw notFound();
    const rank = await repo.findRank(db, last.round_id, last.correct, Number(last.time_ms));
    const now = clock.now();
    await writeAudit(db, context, {
      action: 'contest.certificate_issued',
      entityType: 'contest',
      entityId: contestId,
      unitId: contest.owner_unit_id,
      details: { registrationId: registration.id, rank },
    });
    return renderCertificate({
      contestTitle: contest.title_vi,
      name: registration.team_name ?? registration.display_name,
      enterprise: registration.enterprise,
      members: registration.members,
      round: last.name,
      correct: last.correct,
      total: last.total,
      rank,
      winner: rank <= WINNER_PLACES,
      issuedAt: now,
      organizer: contest.owner_unit_name,
    });
  }

  async function reviewTasks(actor: Actor | null): Promise<ReviewTask[]> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayWriteAnswers(actor)) throw forbidden();
    return (await repo.findReviewTasks(db)).map(toReviewTask);
  }

  async function closeReviewTask(context: AuditContext, id: string) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayWriteAnswers(actor)) throw forbidden();
    await db.transaction().execute(async (tx) => {
      if (!(await repo.closeReviewTask(tx, id, actor.userId, clock.now()))) throw conflict('contest_review_done');
      await writeAudit(tx, context, { action: 'qa_review_task.done', entityType: 'qa_review_task', entityId: id });
    });
    return { ok: true as const };
  }

  return { statistics, certificate, reviewTasks, closeReviewTask };
}
