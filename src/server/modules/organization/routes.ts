import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUnitBody,
  mergeUnitBody,
  unitHistoryResponse,
  unitIdParams,
  unitListQuery,
  unitResponse,
  updateUnitBody,
} from '../../../contracts/organization.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { createOrganizationService } from './service.ts';

export function organizationRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createOrganizationService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['organization'];

    app.get(
      '/',
      {
        schema: publicRoute('listOrgUnits', 'List the units of the organization', {
          tags,
          querystring: unitListQuery,
          response: { 200: z.array(unitResponse) },
        }),
      },
      (request) => service.listUnits(request.actor, { includeInactive: request.query.includeInactive === 'true' }),
    );
    app.get(
      '/:id',
      {
        schema: publicRoute('getOrgUnit', 'Read a unit', {
          tags,
          params: unitIdParams,
          response: { 200: unitResponse },
        }),
      },
      (request) => service.getUnit(request.params.id),
    );
    app.post(
      '/',
      {
        schema: sessionRoute('createOrgUnit', 'Create a unit', {
          tags,
          body: createUnitBody,
          response: { 201: unitResponse },
          errors: [409],
        }),
      },
      async (request, reply) => {
        const unit = await service.createUnit(auditContext(request), request.body);
        return reply.status(201).send(unit);
      },
    );
    app.patch(
      '/:id',
      {
        schema: sessionRoute('updateOrgUnit', 'Rename or move a unit', {
          tags,
          params: unitIdParams,
          body: updateUnitBody,
          response: { 200: unitResponse },
          errors: [409],
        }),
      },
      (request) => service.updateUnit(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/:id/merge',
      {
        schema: sessionRoute('mergeOrgUnit', 'Merge a unit into another, keeping its history', {
          tags,
          params: unitIdParams,
          body: mergeUnitBody,
          response: { 200: unitResponse },
          errors: [409],
        }),
      },
      (request) => service.mergeUnit(auditContext(request), request.params.id, request.body.intoId),
    );
    app.get(
      '/:id/history',
      {
        schema: sessionRoute('getOrgUnitHistory', "Read a unit's history of changes", {
          tags,
          params: unitIdParams,
          response: { 200: unitHistoryResponse },
          errors: [403],
        }),
      },
      (request) => service.getHistory(request.actor, request.params.id),
    );
  };
}
