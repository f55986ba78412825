import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../contracts/common.ts';
import {
  answerBody,
  answerResult,
  attemptResult,
  contestBody,
  contestDetail,
  contestStatistics,
  contestSummary,
  hallView,
  leaderboard,
  questionBody,
  registerBody,
  reviewTask,
  roundBody,
  servedQuestion,
} from '../../../contracts/contests.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createPlayService } from './play.ts';
import { createContestResults } from './results.ts';
import { createContestService } from './service.ts';

export function contestRoutes(deps: AppDeps): FastifyPluginAsync {
  const contests = createContestService({ db: deps.db, clock: deps.clock });
  const play = createPlayService({ db: deps.db, clock: deps.clock });
  const results = createContestResults({ db: deps.db, clock: deps.clock });
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['contests'];
    const params = z.object({ id: z.uuid() });

    app.get(
      '/contests',
      {
        schema: sessionRoute('listContests', 'Contests: those the caller organizes, or those open to businesses', {
          tags,
          response: { 200: z.array(contestSummary) },
          errors: [403],
        }),
      },
      (request) => contests.listContests(request.actor),
    );
    app.post(
      '/contests',
      {
        schema: sessionRoute('createContest', 'Create a contest (a draft)', {
          tags,
          body: contestBody,
          response: { 201: contestDetail },
          errors: [403],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await contests.createContest(auditContext(request), request.body)),
    );
    app.get(
      '/contests/:id',
      {
        schema: sessionRoute('getContest', 'Read a contest (its questions for organizers only)', {
          tags,
          params,
          response: { 200: contestDetail },
        }),
      },
      (request) => contests.getContest(request.actor, request.params.id),
    );
    app.post(
      '/contests/:id/questions',
      {
        schema: sessionRoute(
          'createContestQuestion',
          'Write a question, or draw it from a question-bank entry or document',
          {
            tags,
            params,
            body: questionBody,
            response: { 200: contestDetail },
            errors: [409],
          },
        ),
      },
      (request) => contests.addQuestion(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/contests/:id/rounds',
      {
        schema: sessionRoute('createContestRound', 'Add a round: online over days, or a final (optionally live)', {
          tags,
          params,
          body: roundBody,
          response: { 200: contestDetail },
          errors: [409],
        }),
      },
      (request) => contests.addRound(auditContext(request), request.params.id, request.body),
    );
    for (const [action, operationId, summary] of [
      ['open', 'openContest', 'Open a contest for registration and its rounds'],
      ['finish', 'closeContest', 'Finish a contest'],
      ['publish', 'publishContestResults', 'Publish the results; most-missed questions become review tasks'],
    ] as const)
      app.post(
        `/contests/:id/${action}`,
        {
          schema: sessionRoute(operationId, summary, { tags, params, response: { 200: contestDetail }, errors: [409] }),
        },
        (request) =>
          action === 'open'
            ? contests.openContest(auditContext(request), request.params.id)
            : action === 'finish'
              ? contests.finishContest(auditContext(request), request.params.id)
              : contests.publishResults(auditContext(request), request.params.id),
      );
    app.post(
      '/contests/:id/registrations',
      {
        schema: sessionRoute('registerForContest', 'Register for a contest, alone or as a team of one enterprise', {
          tags,
          params,
          body: registerBody,
          response: { 200: okResponse },
          errors: [403, 409],
        }),
      },
      (request) => play.register(auditContext(request), request.params.id, request.body),
    );
    app.get(
      '/contests/:id/statistics',
      {
        schema: sessionRoute(
          'getContestStatistics',
          'Per-question statistics: share correct, discrimination, wrong choice',
          {
            tags,
            params,
            response: { 200: contestStatistics },
          },
        ),
      },
      (request) => results.statistics(request.actor, request.params.id),
    );
    app.get(
      '/contests/:id/certificate.pdf',
      {
        schema: sessionRoute('getContestCertificate', "The caller's certificate (PDF), once results are published", {
          tags,
          params,
          errors: [409],
        }),
      },
      async (request, reply) =>
        sendDownload(reply, {
          fileName: 'giay-chung-nhan.pdf',
          contentType: 'application/pdf',
          body: await results.certificate(auditContext(request), request.params.id),
        }),
    );
    app.post(
      '/contest-rounds/:id/attempt',
      {
        schema: sessionRoute('startContestAttempt', "Start (or resume) the caller's one attempt at a round", {
          tags,
          params,
          response: { 200: servedQuestion },
          errors: [403, 409],
        }),
      },
      (request) => play.startAttempt(request.actor, request.params.id),
    );
    app.get(
      '/contest-rounds/:id/leaderboard',
      {
        schema: sessionRoute('getContestLeaderboard', 'A round’s leaderboard: accuracy, then speed', {
          tags,
          params,
          response: { 200: leaderboard },
          errors: [409],
        }),
      },
      (request) => play.leaderboard(request.actor, request.params.id),
    );
    app.get(
      '/contest-rounds/:id/hall',
      {
        schema: sessionRoute('getContestHall', 'The hall screen of a live final', {
          tags,
          params,
          response: { 200: hallView },
          errors: [409],
        }),
      },
      (request) => play.hall(request.actor, request.params.id),
    );
    app.post(
      '/contest-rounds/:id/next',
      {
        schema: sessionRoute('startNextContestQuestion', 'Move a live final to its next question', {
          tags,
          params,
          response: { 200: hallView },
          errors: [409],
        }),
      },
      (request) => play.nextQuestion(auditContext(request), request.params.id),
    );
    app.get(
      '/contest-attempts/:id/question',
      {
        schema: sessionRoute('getContestQuestion', 'The question running now (served when asked), never its answer', {
          tags,
          params,
          response: { 200: servedQuestion },
        }),
      },
      (request) => play.current(request.actor, request.params.id),
    );
    app.post(
      '/contest-attempts/:id/answers',
      {
        schema: sessionRoute('answerContestQuestion', 'Answer the question served, within its timer, once', {
          tags,
          params,
          body: answerBody,
          response: { 200: answerResult },
          errors: [409],
        }),
      },
      (request) => play.answer(request.actor, request.params.id, request.body),
    );
    app.get(
      '/contest-attempts/:id/result',
      {
        schema: sessionRoute('getContestResult', 'Score and right answers with legal basis, once the attempt ended', {
          tags,
          params,
          response: { 200: attemptResult },
          errors: [409],
        }),
      },
      (request) => play.result(request.actor, request.params.id),
    );
    app.get(
      '/qa-review-tasks',
      {
        schema: sessionRoute('listQaReviewTasks', 'Question-bank entries to review: contest questions most missed', {
          tags,
          response: { 200: z.array(reviewTask) },
          errors: [403],
        }),
      },
      (request) => results.reviewTasks(request.actor),
    );
    app.post(
      '/qa-review-tasks/:id/done',
      {
        schema: sessionRoute('closeQaReviewTask', 'Mark a review task done', {
          tags,
          params,
          response: { 200: okResponse },
          errors: [403, 409],
        }),
      },
      (request) => results.closeReviewTask(auditContext(request), request.params.id),
    );
  };
}
