import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { page } from '../../../contracts/common.ts';
import {
  associationResponse,
  createEnterpriseBody,
  enterpriseListQuery,
  enterpriseResponse,
  officerListQuery,
  officerResponse,
} from '../../../contracts/parties.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createPartyService } from './service.ts';

export function partyRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createPartyService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['parties'];
    app.get(
      '/enterprises',
      {
        schema: sessionRoute('listEnterprises', 'List enterprises', {
          tags,
          querystring: enterpriseListQuery,
          response: { 200: page(enterpriseResponse) },
        }),
      },
      (request) => service.listEnterprises(request.actor, request.query),
    );
    app.get(
      '/enterprises/:id',
      {
        schema: sessionRoute('getEnterprise', 'Read an enterprise', {
          tags,
          params: z.object({ id: z.uuid() }),
          response: { 200: enterpriseResponse },
        }),
      },
      (request) => service.getEnterprise(request.actor, request.params.id),
    );
    app.post(
      '/enterprises',
      {
        schema: sessionRoute('createEnterprise', 'Register an enterprise', {
          tags,
          body: createEnterpriseBody,
          response: { 201: enterpriseResponse },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await service.createEnterprise(auditContext(request), request.body)),
    );
    app.get(
      '/associations',
      {
        schema: sessionRoute('listAssociations', 'List business associations', {
          tags,
          response: { 200: z.array(associationResponse) },
        }),
      },
      (request) => service.listAssociations(request.actor),
    );
    app.get(
      '/officers',
      {
        schema: sessionRoute('listOfficers', 'List customs officers', {
          tags,
          querystring: officerListQuery,
          response: { 200: page(officerResponse) },
          errors: [403],
        }),
      },
      (request) => service.listOfficers(request.actor, request.query),
    );
  };
}
