import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { integrationUnitsResponse } from '../../../contracts/integration.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { createIntegrationService } from './service.ts';

export function integrationRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createIntegrationService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['integration v1'];
    const security = [{ apiKey: [] }];
    app.get('/units', { schema: { tags, security, response: { 200: integrationUnitsResponse } } }, (request) => service.listUnits(request.actor));
  };
}
