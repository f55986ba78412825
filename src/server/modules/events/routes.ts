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
import { createDialogueService } from './dialogues.ts';
import { createFollowUpService } from './follow-ups.ts';
import { createEventService } from './service.ts';

export function eventRoutes(deps: AppDeps): FastifyPluginAsync {
  const shared = { db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config), mailFrom: deps.config.MAIL_FROM };
  const events = createEventService(shared);
  const followUps = createFollowUpService(shared);
  const dialogues = createDialogueService(shared);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['events'];
    const params = z.object({ id: z.uuid() });
    app.get('/events', { schema: { tags, querystring: eventListQuery, response: { 200: z.array(eventSummary) } } }, (request) => events.listEvents(request.actor, request.query));
    app.post('/events', { schema: { tags, body: createEventBody, response: { 201: eventDetail } } }, async (request, reply) => reply.status(201).send(await events.createEvent(auditContext(request), request.body)));
    app.post('/events/series', { schema: { tags, body: createSeriesBody, response: { 201: z.array(eventSummary) } } }, async (request, reply) =>
      reply.status(201).send(await events.createSeries(auditContext(request), request.body)),
    );
    app.get('/events/stats', { schema: { tags, querystring: statsQuery, response: { 200: statsResponse } } }, (request) => followUps.stats(request.actor, request.query));
    app.get('/events/:id', { schema: { tags, params, response: { 200: eventDetail } } }, (request) => events.getEvent(request.actor, request.params.id));
    app.post('/events/:id/cancel', { schema: { tags, params, response: { 200: eventDetail } } }, (request) => events.cancelEvent(auditContext(request), request.params.id));
    app.post('/events/:id/registrations', { schema: { tags, params, body: registerBody, response: { 201: eventDetail } } }, async (request, reply) =>
      reply.status(201).send(await events.register(auditContext(request), request.params.id, request.body)),
    );
    app.post('/events/:id/questions', { schema: { tags, params, body: questionBody, response: { 201: eventDetail } } }, async (request, reply) =>
      reply.status(201).send(await events.addQuestion(auditContext(request), request.params.id, request.body)),
    );
    app.post('/events/:id/check-in', { schema: { tags, params, body: checkInBody, response: { 200: eventDetail } } }, (request) => events.checkIn(auditContext(request), request.params.id, request.body));
    app.post('/events/:id/minutes', { schema: { tags, params, body: minutesBody, response: { 200: eventDetail } } }, (request) => events.recordMinutes(auditContext(request), request.params.id, request.body));
    app.post('/event-questions/:id/votes', { schema: { tags, params, response: { 200: eventDetail } } }, (request) => events.vote(auditContext(request), request.params.id));

    app.get('/follow-ups', { schema: { tags, querystring: followUpListQuery, response: { 200: z.array(followUpItem) } } }, (request) => followUps.listFollowUps(request.actor, request.query));
    app.patch('/follow-ups/:id', { schema: { tags, params, body: updateFollowUpBody, response: { 200: followUpItem } } }, (request) => followUps.updateFollowUp(auditContext(request), request.params.id, request.body));
    app.post('/follow-ups/:id/answer', { schema: { tags, params, body: answerBody, response: { 200: followUpItem } } }, (request) => followUps.answerFollowUp(auditContext(request), request.params.id, request.body));
    app.post('/follow-ups/:id/link', { schema: { tags, params, body: linkBody, response: { 200: followUpItem } } }, (request) => followUps.linkFollowUp(auditContext(request), request.params.id, request.body));

    app.get('/dialogue-requests', { schema: { tags, response: { 200: z.array(dialogueRequestView) } } }, (request) => dialogues.listRequests(request.actor));
    app.post('/dialogue-requests', { schema: { tags, body: dialogueRequestBody, response: { 201: dialogueRequestView } } }, async (request, reply) =>
      reply.status(201).send(await dialogues.createRequest(auditContext(request), request.body)),
    );
    app.post('/dialogue-requests/:id/decision', { schema: { tags, params, body: dialogueDecisionBody, response: { 200: dialogueRequestView } } }, (request) => dialogues.decide(auditContext(request), request.params.id, request.body));
    app.post('/dialogue-requests/:id/accept-proposal', { schema: { tags, params, response: { 200: dialogueRequestView } } }, (request) => dialogues.acceptProposal(auditContext(request), request.params.id));
  };
}
