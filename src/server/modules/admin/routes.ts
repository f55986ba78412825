import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiKeyResponse,
  auditEntryResponse,
  auditQuery,
  createApiKeyBody,
  createdApiKeyResponse,
  outboxEntryResponse,
} from '../../../contracts/admin.ts';
import { page, pageQuery } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createAdminService } from './service.ts';

export function adminRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAdminService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    app.get(
      '/api-keys',
      {
        schema: sessionRoute('listApiKeys', 'List integration clients and their API keys', {
          tags,
          response: { 200: z.array(apiKeyResponse) },
          errors: [403],
        }),
      },
      (request) => service.listApiKeys(request.actor),
    );
    app.post(
      '/api-keys',
      {
        schema: sessionRoute('createApiKey', 'Create an integration client and its API key (shown once)', {
          tags,
          body: createApiKeyBody,
          response: { 201: createdApiKeyResponse },
        }),
      },
      async (request, reply) => reply.status(201).send(await service.createApiKey(auditContext(request), request.body)),
    );
    app.post(
      '/api-keys/:id/revoke',
      {
        schema: sessionRoute('revokeApiKey', 'Revoke an API key', {
          tags,
          params: z.object({ id: z.uuid() }),
          response: { 200: apiKeyResponse },
        }),
      },
      (request) => service.revokeApiKey(auditContext(request), request.params.id),
    );
    app.get(
      '/audit',
      {
        schema: sessionRoute('listAuditEntries', 'Search the audit log', {
          tags,
          querystring: auditQuery,
          response: { 200: page(auditEntryResponse) },
          errors: [403],
        }),
      },
      (request) => service.listAudit(request.actor, request.query),
    );
    app.get(
      '/outbox',
      {
        schema: sessionRoute('listOutboxMail', 'List the mail outbox', {
          tags,
          querystring: pageQuery,
          response: { 200: page(outboxEntryResponse) },
          errors: [403],
        }),
      },
      (request) => service.listOutbox(request.actor, request.query),
    );
  };
}
