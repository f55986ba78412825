import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUnitBody, mergeUnitBody, unitHistoryResponse, unitIdParams, unitListQuery, unitResponse, updateUnitBody } from '../../../contracts/organization.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { createOrganizationService } from './service.ts';

export function organizationRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createOrganizationService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['organization'];

    app.get('/', { schema: { tags, querystring: unitListQuery, response: { 200: z.array(unitResponse) } } }, (request) =>
      service.listUnits(request.actor, { includeInactive: request.query.includeInactive === 'true' }),
    );
    app.get('/:id', { schema: { tags, params: unitIdParams, response: { 200: unitResponse } } }, (request) => service.getUnit(request.params.id));
    app.post('/', { schema: { tags, body: createUnitBody, response: { 201: unitResponse } } }, async (request, reply) => {
      const unit = await service.createUnit(auditContext(request), request.body);
      return reply.status(201).send(unit);
    });
    app.patch('/:id', { schema: { tags, params: unitIdParams, body: updateUnitBody, response: { 200: unitResponse } } }, (request) =>
      service.updateUnit(auditContext(request), request.params.id, request.body),
    );
    app.post('/:id/merge', { schema: { tags, params: unitIdParams, body: mergeUnitBody, response: { 200: unitResponse } } }, (request) =>
      service.mergeUnit(auditContext(request), request.params.id, request.body.intoId),
    );
    app.get('/:id/history', { schema: { tags, params: unitIdParams, response: { 200: unitHistoryResponse } } }, (request) =>
      service.getHistory(request.actor, request.params.id),
    );
  };
}
