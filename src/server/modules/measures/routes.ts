import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { measureCode, measureDefinition, measureRecords, measureRecordsQuery } from '../../../contracts/measures.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createMeasureViews } from './views.ts';

export function measureRoutes(deps: AppDeps): FastifyPluginAsync {
  const views = createMeasureViews({ db: deps.db, clock: deps.clock });
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['measures'];
    app.get(
      '/measures',
      {
        schema: sessionRoute('listMeasures', 'List the platform measures with their definitions', {
          tags,
          response: { 200: z.array(measureDefinition) },
          errors: [403],
        }),
      },
      (request) => views.listMeasures(request.actor),
    );
    app.get(
      '/measures/:code/records',
      {
        schema: sessionRoute(
          'getMeasureRecords',
          "A unit's value of a measure over a period, with the records it counts",
          {
            tags,
            params: z.object({ code: measureCode }),
            querystring: measureRecordsQuery,
            response: { 200: measureRecords },
            errors: [403],
          },
        ),
      },
      (request) =>
        views.getMeasureRecords(request.actor, request.params.code, request.query.unitId, {
          from: request.query.from,
          to: request.query.to,
        }),
    );
  };
}
