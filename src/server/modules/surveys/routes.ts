import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../contracts/common.ts';
import {
  answerForm,
  associationSurvey,
  forwardBody,
  answersBody,
  draftResult,
  exportQuery,
  myInvitation,
  participationView,
  publishedSurvey,
  resultsQuery,
  submitResult,
  surveyBody,
  surveyDetail,
  surveyResults,
  surveySummary,
  targetingBody,
} from '../../../contracts/surveys.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload, sendStoredJson } from '../../lib/http.ts';
import { sealRouteLog } from '../../lib/log-privacy.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { createAnsweringService } from './answering.ts';
import { createForwardingService } from './forwarding.ts';
import { createSurveyReporting } from './reporting.ts';
import { createSurveyService } from './service.ts';

export function surveyRoutes(deps: AppDeps): FastifyPluginAsync {
  const surveys = createSurveyService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  const answering = createAnsweringService({ db: deps.db, clock: deps.clock });
  const reporting = createSurveyReporting({ db: deps.db, clock: deps.clock });
  const forwarding = createForwardingService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  return async (plugin) => {
    // Answer routes carry a business's link or invitation: their log lines name neither, nor the address.
    plugin.addHook('onRoute', sealRouteLog);
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['surveys'];
    const params = z.object({ id: z.uuid() });
    const tokenParams = z.object({ token: z.string().min(20).max(100) });

    app.get(
      '/surveys',
      {
        schema: sessionRoute('listSurveys', 'List the surveys of the units the caller organizes for', {
          tags,
          response: { 200: z.array(surveySummary) },
          errors: [403],
        }),
      },
      (request) => surveys.listSurveys(request.actor),
    );
    app.post(
      '/surveys',
      {
        schema: sessionRoute('createSurvey', 'Create a survey (a draft)', {
          tags,
          body: surveyBody,
          response: { 201: surveyDetail },
        }),
      },
      async (request, reply) => reply.status(201).send(await surveys.createSurvey(auditContext(request), request.body)),
    );
    app.get(
      '/surveys/:id',
      { schema: sessionRoute('getSurvey', 'Read a survey', { tags, params, response: { 200: surveyDetail } }) },
      (request) => surveys.getSurvey(request.actor, request.params.id),
    );
    app.put(
      '/surveys/:id',
      {
        schema: sessionRoute('updateSurvey', 'Change a survey while it has no answer', {
          tags,
          params,
          body: surveyBody,
          response: { 200: surveyDetail },
          errors: [409],
        }),
      },
      (request) => surveys.updateSurvey(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/surveys/:id/targeting',
      {
        schema: sessionRoute('setSurveyTargets', 'Choose who is invited: all businesses, a CSV list or a sample', {
          tags,
          params,
          body: targetingBody,
          response: { 200: surveyDetail },
          errors: [409],
        }),
      },
      (request) => surveys.setTargets(auditContext(request), request.params.id, request.body),
    );
    for (const [action, operationId, summary] of [
      ['open', 'openSurvey', 'Open a survey and invite its businesses'],
      ['remind', 'sendSurveyReminders', 'Remind the businesses that have not answered'],
      ['close', 'closeSurvey', 'Close a survey'],
    ] as const)
      app.post(
        `/surveys/:id/${action}`,
        {
          schema: sessionRoute(operationId, summary, { tags, params, response: { 200: surveyDetail }, errors: [409] }),
        },
        (request) =>
          action === 'open'
            ? surveys.openSurvey(auditContext(request), request.params.id)
            : action === 'remind'
              ? surveys.remind(auditContext(request), request.params.id)
              : surveys.closeSurvey(auditContext(request), request.params.id),
      );
    app.get(
      '/surveys/:id/participation',
      {
        schema: sessionRoute('getSurveyParticipation', 'Response rates per stratum, and who has answered', {
          tags,
          params,
          response: { 200: participationView },
        }),
      },
      (request) => surveys.participation(request.actor, request.params.id),
    );
    app.get(
      '/surveys/:id/results',
      {
        schema: sessionRoute('getSurveyResults', 'Results of a closed survey, small cells withheld', {
          tags,
          params,
          querystring: resultsQuery,
          response: { 200: surveyResults },
          errors: [409],
        }),
      },
      async (request, reply) =>
        sendStoredJson(reply, await reporting.results(request.actor, request.params.id, request.query)),
    );
    app.get(
      '/surveys/:id/export',
      {
        schema: sessionRoute('exportSurveyAnswers', 'Download the answers (one row each) as CSV or Excel', {
          tags,
          params,
          querystring: exportQuery,
          errors: [409],
        }),
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await reporting.exportAnswers(auditContext(request), request.params.id, request.query.format),
        ),
    );
    app.post(
      '/surveys/:id/publish',
      {
        schema: sessionRoute('publishSurveyResults', 'Publish the results on the public page of the survey', {
          tags,
          params,
          response: { 200: okResponse },
          errors: [409],
        }),
      },
      (request) => reporting.publish(auditContext(request), request.params.id),
    );
    // An association passes open surveys on to its members.
    app.get(
      '/association/surveys',
      {
        schema: sessionRoute('listAssociationSurveys', "Open surveys that invite members of the caller's association", {
          tags,
          response: { 200: z.object({ items: z.array(associationSurvey) }) },
          errors: [403],
        }),
      },
      async (request) => ({ items: await forwarding.list(request.actor) }),
    );
    app.post(
      '/association/surveys/:id/forward',
      {
        schema: sessionRoute('sendSurveyToMembers', "Pass an open survey on to the association's members (once)", {
          tags,
          params,
          body: forwardBody,
          response: { 200: associationSurvey },
          errors: [403, 404, 409],
        }),
      },
      (request) => forwarding.forward(auditContext(request), request.params.id, request.body),
    );
    app.get(
      '/public/surveys',
      {
        schema: publicRoute('listPublishedSurveys', 'Surveys whose results are published, the latest first', {
          tags,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
          response: { 200: z.object({ items: z.array(publishedSurvey) }) },
        }),
      },
      async (request) => ({ items: await reporting.publishedSurveys(request.query.limit) }),
    );
    app.get(
      '/public/surveys/:id/results',
      {
        schema: publicRoute('getPublishedSurveyResults', 'Published results of a survey', {
          tags,
          params,
          querystring: resultsQuery,
          response: { 200: surveyResults },
        }),
      },
      async (request, reply) => sendStoredJson(reply, await reporting.publicResults(request.params.id, request.query)),
    );

    // A business answers: signed in, from its list…
    app.get(
      '/my/surveys',
      {
        schema: sessionRoute('listMySurveys', "The surveys the caller's business is invited to", {
          tags,
          response: { 200: z.array(myInvitation) },
        }),
      },
      (request) => answering.myInvitations(request.actor),
    );
    app.get(
      '/my/surveys/:id',
      {
        schema: sessionRoute('getMySurveyForm', 'The form of an invitation', {
          tags,
          params,
          response: { 200: answerForm },
        }),
      },
      (request) => answering.getForm(request.actor, { invitationId: request.params.id }),
    );
    app.put(
      '/my/surveys/:id/draft',
      {
        schema: sessionRoute('saveMySurveyDraft', 'Save an unfinished answer (what is valid is kept)', {
          tags,
          params,
          body: answersBody,
          response: { 200: draftResult },
          errors: [409],
        }),
      },
      (request) =>
        answering.saveDraft(request.actor, { invitationId: request.params.id }, request.body, request.locale),
    );
    app.post(
      '/my/surveys/:id/answer',
      {
        schema: sessionRoute('submitMySurveyAnswer', 'Send the answer (once)', {
          tags,
          params,
          body: answersBody,
          response: { 201: submitResult },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await answering.submit(request.actor, { invitationId: request.params.id }, request.body)),
    );
    // …or from its invitation link.
    app.get(
      '/survey-links/:token',
      {
        schema: publicRoute('getSurveyLinkForm', 'The form behind an invitation link', {
          tags,
          params: tokenParams,
          response: { 200: answerForm },
          errors: [403],
        }),
      },
      (request) => answering.getForm(request.actor, { token: request.params.token }),
    );
    app.put(
      '/survey-links/:token/draft',
      {
        schema: publicRoute('saveSurveyLinkDraft', 'Save an unfinished answer from an invitation link', {
          tags,
          params: tokenParams,
          body: answersBody,
          response: { 200: draftResult },
          errors: [403, 409],
        }),
      },
      (request) => answering.saveDraft(request.actor, { token: request.params.token }, request.body, request.locale),
    );
    app.post(
      '/survey-links/:token/answer',
      {
        schema: publicRoute('submitSurveyLinkAnswer', 'Send the answer from an invitation link (once)', {
          tags,
          params: tokenParams,
          body: answersBody,
          response: { 201: submitResult },
          errors: [403, 409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await answering.submit(request.actor, { token: request.params.token }, request.body)),
    );
  };
}
