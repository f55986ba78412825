// Routes of the officers' mail inbox and the service-level table, under /api/support.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dismissMailBody, inboundList, inboundListQuery, inboundMailDetail, openFromMailBody, serviceLevelBody, serviceLevelList, serviceLevelParams, serviceLevelView } from '../../../contracts/support-inbound.ts';
import { requestDetail } from '../../../contracts/support.ts';
import { auditContext } from '../../lib/http.ts';
import type { InboundService } from './inbound.ts';
import type { createServiceLevelService } from './service-levels.ts';

export function registerInboundRoutes(plugin: FastifyInstance, inbound: InboundService, levels: ReturnType<typeof createServiceLevelService>): void {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const tags = ['support'];
  const params = z.object({ id: z.uuid() });
  app.get('/inbound', { schema: { tags, querystring: inboundListQuery, response: { 200: inboundList } } }, (request) => inbound.listInbox(request.actor, request.query));
  app.get('/inbound/:id', { schema: { tags, params, response: { 200: inboundMailDetail } } }, (request) => inbound.getInboxMail(request.actor, request.params.id));
  app.post('/inbound/:id/open-request', { schema: { tags, params, body: openFromMailBody, response: { 201: requestDetail } } }, async (request, reply) =>
    reply.status(201).send(await inbound.openFromMail(auditContext(request), request.params.id, request.body)),
  );
  app.post('/inbound/:id/dismiss', { schema: { tags, params, body: dismissMailBody, response: { 200: inboundMailDetail } } }, (request) => inbound.dismiss(auditContext(request), request.params.id, request.body));
  app.get('/service-levels', { schema: { tags, response: { 200: serviceLevelList } } }, (request) => levels.listServiceLevels(request.actor));
  app.put('/service-levels/:category/:priority', { schema: { tags, params: serviceLevelParams, body: serviceLevelBody, response: { 200: serviceLevelView } } }, (request) =>
    levels.updateServiceLevel(auditContext(request), request.params.category, request.params.priority, request.body),
  );
}
