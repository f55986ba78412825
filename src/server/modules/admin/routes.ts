import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeyResponse, auditEntryResponse, auditQuery, createApiKeyBody, createdApiKeyResponse, outboxEntryResponse } from '../../../contracts/admin.ts';
import { page, pageQuery } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { createAdminService } from './service.ts';

export function adminRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAdminService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    app.get('/api-keys', { schema: { tags, response: { 200: z.array(apiKeyResponse) } } }, (request) => service.listApiKeys(request.actor));
    app.post('/api-keys', { schema: { tags, body: createApiKeyBody, response: { 201: createdApiKeyResponse } } }, async (request, reply) =>
      reply.status(201).send(await service.createApiKey(auditContext(request), request.body)),
    );
    app.post('/api-keys/:id/revoke', { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: apiKeyResponse } } }, (request) =>
      service.revokeApiKey(auditContext(request), request.params.id),
    );
    app.get('/audit', { schema: { tags, querystring: auditQuery, response: { 200: page(auditEntryResponse) } } }, (request) =>
      service.listAudit(request.actor, request.query),
    );
    app.get('/outbox', { schema: { tags, querystring: pageQuery, response: { 200: page(outboxEntryResponse) } } }, (request) =>
      service.listOutbox(request.actor, request.query),
    );
  };
}
