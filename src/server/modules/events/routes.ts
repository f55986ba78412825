import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerBody,
  checkInBody,
  createEventBody,
  createSeriesBody,
  dialogueDecisionBody,
  dialogueRequestBody,
  dialogueRequestView,
  eventDetail,
  eventListQuery,
  eventSummary,
  followUpItem,
  followUpListQuery,
  linkBody,
  minutesBody,
  questionBody,
  registerBody,
  statsQuery,
  statsResponse,
  updateFollowUpBody,
} from '../../../contracts/events.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createDialogueService } from './dialogues.ts';
import { createFollowUpService } from './follow-ups.ts';
import { createEventService } from './service.ts';

export function eventRoutes(deps: AppDeps): FastifyPluginAsync {
  const shared = {
    db: deps.db,
    clock: deps.clock,
    publicBase: publicUrl(deps.config),
    mailFrom: deps.config.MAIL_FROM,
  };
  const events = createEventService(shared);
  const followUps = createFollowUpService(shared);
  const dialogues = createDialogueService(shared);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['events'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/events',
      {
        schema: sessionRoute('listEvents', 'List events', {
          tags,
          querystring: eventListQuery,
          response: { 200: z.array(eventSummary) },
          errors: [403],
        }),
      },
      (request) => events.listEvents(request.actor, request.query),
    );
    app.post(
      '/events',
      {
        schema: sessionRoute('createEvent', 'Create an event', {
          tags,
          body: createEventBody,
          response: { 201: eventDetail },
        }),
      },
      async (request, reply) => reply.status(201).send(await events.createEvent(auditContext(request), request.body)),
    );
    app.post(
      '/events/series',
      {
        schema: sessionRoute('createEventSeries', 'Create a series of recurring events', {
          tags,
          body: createSeriesBody,
          response: { 201: z.array(eventSummary) },
        }),
      },
      async (request, reply) => reply.status(201).send(await events.createSeries(auditContext(request), request.body)),
    );
    app.get(
      '/events/stats',
      {
        schema: sessionRoute('getEventStats', 'Read event and follow-up figures', {
          tags,
          querystring: statsQuery,
          response: { 200: statsResponse },
          errors: [403],
        }),
      },
      (request) => followUps.stats(request.actor, request.query),
    );
    app.get(
      '/events/:id',
      { schema: sessionRoute('getEvent', 'Read an event', { tags, params, response: { 200: eventDetail } }) },
      (request) => events.getEvent(request.actor, request.params.id),
    );
    app.post(
      '/events/:id/cancel',
      {
        schema: sessionRoute('cancelEvent', 'Cancel an event', {
          tags,
          params,
          response: { 200: eventDetail },
          errors: [409],
        }),
      },
      (request) => events.cancelEvent(auditContext(request), request.params.id),
    );
    app.post(
      '/events/:id/registrations',
      {
        schema: sessionRoute('registerForEvent', 'Register for an event', {
          tags,
          params,
          body: registerBody,
          response: { 201: eventDetail },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await events.register(auditContext(request), request.params.id, request.body)),
    );
    app.post(
      '/events/:id/questions',
      {
        schema: sessionRoute('askEventQuestion', 'Ask a question for an event', {
          tags,
          params,
          body: questionBody,
          response: { 201: eventDetail },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await events.addQuestion(auditContext(request), request.params.id, request.body)),
    );
    app.post(
      '/events/:id/check-in',
      {
        schema: sessionRoute('checkInToEvent', 'Check a participant in at an event', {
          tags,
          params,
          body: checkInBody,
          response: { 200: eventDetail },
          errors: [409],
        }),
      },
      (request) => events.checkIn(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/events/:id/minutes',
      {
        schema: sessionRoute('recordEventMinutes', "Record an event's minutes and follow-ups", {
          tags,
          params,
          body: minutesBody,
          response: { 200: eventDetail },
          errors: [409],
        }),
      },
      (request) => events.recordMinutes(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/event-questions/:id/votes',
      {
        schema: sessionRoute('voteForEventQuestion', "Vote for another business's event question", {
          tags,
          params,
          response: { 200: eventDetail },
          errors: [409],
        }),
      },
      (request) => events.vote(auditContext(request), request.params.id),
    );

    app.get(
      '/follow-ups',
      {
        schema: sessionRoute('listFollowUps', 'List event follow-ups', {
          tags,
          querystring: followUpListQuery,
          response: { 200: z.array(followUpItem) },
          errors: [403],
        }),
      },
      (request) => followUps.listFollowUps(request.actor, request.query),
    );
    app.patch(
      '/follow-ups/:id',
      {
        schema: sessionRoute('updateFollowUp', 'Change a follow-up', {
          tags,
          params,
          body: updateFollowUpBody,
          response: { 200: followUpItem },
          errors: [409],
        }),
      },
      (request) => followUps.updateFollowUp(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/follow-ups/:id/answer',
      {
        schema: sessionRoute('answerFollowUp', 'Answer a follow-up', {
          tags,
          params,
          body: answerBody,
          response: { 200: followUpItem },
          errors: [409],
        }),
      },
      (request) => followUps.answerFollowUp(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/follow-ups/:id/link',
      {
        schema: sessionRoute('linkFollowUp', 'Link a follow-up to a question-bank entry or a document', {
          tags,
          params,
          body: linkBody,
          response: { 200: followUpItem },
        }),
      },
      (request) => followUps.linkFollowUp(auditContext(request), request.params.id, request.body),
    );

    app.get(
      '/dialogue-requests',
      {
        schema: sessionRoute('listDialogueRequests', 'List dialogue requests', {
          tags,
          response: { 200: z.array(dialogueRequestView) },
          errors: [403],
        }),
      },
      (request) => dialogues.listRequests(request.actor),
    );
    app.post(
      '/dialogue-requests',
      {
        schema: sessionRoute('createDialogueRequest', 'Ask customs for a dialogue', {
          tags,
          body: dialogueRequestBody,
          response: { 201: dialogueRequestView },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await dialogues.createRequest(auditContext(request), request.body)),
    );
    app.post(
      '/dialogue-requests/:id/decision',
      {
        schema: sessionRoute('decideDialogueRequest', 'Accept, propose a date for or decline a dialogue request', {
          tags,
          params,
          body: dialogueDecisionBody,
          response: { 200: dialogueRequestView },
          errors: [409],
        }),
      },
      (request) => dialogues.decide(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/dialogue-requests/:id/accept-proposal',
      {
        schema: sessionRoute('acceptDialogueProposal', "Accept customs' proposed dialogue date", {
          tags,
          params,
          response: { 200: dialogueRequestView },
          errors: [409],
        }),
      },
      (request) => dialogues.acceptProposal(auditContext(request), request.params.id),
    );
  };
}
