// Routes of the officers' mail inbox and the service-level table, under /api/support.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dismissMailBody,
  inboundList,
  inboundListQuery,
  inboundMailDetail,
  openFromMailBody,
  serviceLevelBody,
  serviceLevelList,
  serviceLevelParams,
  serviceLevelView,
} from '../../../contracts/support-inbound.ts';
import { requestDetail } from '../../../contracts/support.ts';
import { auditContext } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import type { InboundService } from './inbound.ts';
import type { createServiceLevelService } from './service-levels.ts';

export function registerInboundRoutes(
  plugin: FastifyInstance,
  inbound: InboundService,
  levels: ReturnType<typeof createServiceLevelService>,
): void {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const tags = ['support'];
  const params = z.object({ id: z.uuid() });
  app.get(
    '/inbound',
    {
      schema: sessionRoute('listInboundMail', "List the support desk's unmatched mail", {
        tags,
        querystring: inboundListQuery,
        response: { 200: inboundList },
        errors: [403],
      }),
    },
    (request) => inbound.listInbox(request.actor, request.query),
  );
  app.get(
    '/inbound/:id',
    {
      schema: sessionRoute('getInboundMail', 'Read an unmatched mail', {
        tags,
        params,
        response: { 200: inboundMailDetail },
        errors: [403],
      }),
    },
    (request) => inbound.getInboxMail(request.actor, request.params.id),
  );
  app.post(
    '/inbound/:id/open-request',
    {
      schema: sessionRoute('openRequestFromMail', "Open a support request on a mail sender's behalf", {
        tags,
        params,
        body: openFromMailBody,
        response: { 201: requestDetail },
        errors: [409],
      }),
    },
    async (request, reply) =>
      reply.status(201).send(await inbound.openFromMail(auditContext(request), request.params.id, request.body)),
  );
  app.post(
    '/inbound/:id/dismiss',
    {
      schema: sessionRoute('dismissInboundMail', 'Dismiss an unmatched mail with a reason', {
        tags,
        params,
        body: dismissMailBody,
        response: { 200: inboundMailDetail },
        errors: [409],
      }),
    },
    (request) => inbound.dismiss(auditContext(request), request.params.id, request.body),
  );
  app.get(
    '/service-levels',
    {
      schema: sessionRoute('listServiceLevels', 'List the service-level targets', {
        tags,
        response: { 200: serviceLevelList },
        errors: [403],
      }),
    },
    (request) => levels.listServiceLevels(request.actor),
  );
  app.put(
    '/service-levels/:category/:priority',
    {
      schema: sessionRoute('updateServiceLevel', 'Change a service-level target', {
        tags,
        params: serviceLevelParams,
        body: serviceLevelBody,
        response: { 200: serviceLevelView },
        errors: [409],
      }),
    },
    (request) =>
      levels.updateServiceLevel(auditContext(request), request.params.category, request.params.priority, request.body),
  );
}
