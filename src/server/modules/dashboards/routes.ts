import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboardQuery, officerDashboardResponse, unitDashboardResponse } from '../../../contracts/dashboards.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { createDashboardService } from './service.ts';

export function dashboardRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createDashboardService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['dashboards'];
    app.get('/units', { schema: { tags, querystring: dashboardQuery, response: { 200: unitDashboardResponse } } }, (request) =>
      service.getUnitDashboard(request.actor, null, request.query),
    );
    app.get('/units/:id', { schema: { tags, params: z.object({ id: z.uuid() }), querystring: dashboardQuery, response: { 200: unitDashboardResponse } } }, (request) =>
      service.getUnitDashboard(request.actor, request.params.id, request.query),
    );
    app.get('/officers/:id', { schema: { tags, params: z.object({ id: z.uuid() }), querystring: dashboardQuery, response: { 200: officerDashboardResponse } } }, (request) =>
      service.getOfficerDashboard(request.actor, request.params.id, request.query),
    );
  };
}
