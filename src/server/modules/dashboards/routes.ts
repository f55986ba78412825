import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dashboardExportQuery,
  dashboardQuery,
  monthlyReportQuery,
  monthlyReportResponse,
  officerDashboardResponse,
  unitDashboardResponse,
} from '../../../contracts/dashboards.ts';
import { periodsResponse } from '../../../contracts/periods.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createDashboardService } from './service.ts';

const fileDescription =
  'A CSV (UTF-8 with a byte order mark) or Excel file of the same view: same period, same scope, same withholding.';

export function dashboardRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createDashboardService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['dashboards'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/periods',
      {
        schema: sessionRoute('listResultPeriods', 'List the released periods', {
          description: 'The released periods results can be read over, and when the next month is released.',
          tags,
          response: { 200: periodsResponse },
          errors: [403],
        }),
      },
      (request) => service.listPeriods(request.actor),
    );
    app.get(
      '/units',
      {
        schema: sessionRoute('getOwnUnitResults', "Read the results of the caller's own unit", {
          tags,
          querystring: dashboardQuery,
          response: { 200: unitDashboardResponse },
          errors: [403],
        }),
      },
      (request) => service.getUnitDashboard(request.actor, null, request.query),
    );
    app.get(
      '/units/:id',
      {
        schema: sessionRoute('getUnitResults', 'Read the results of a unit', {
          tags,
          params,
          querystring: dashboardQuery,
          response: { 200: unitDashboardResponse },
          errors: [403],
        }),
      },
      (request) => service.getUnitDashboard(request.actor, request.params.id, request.query),
    );
    app.get(
      '/units/:id/report',
      {
        schema: sessionRoute('getUnitMonthlyReport', "Read a unit's monthly report", {
          tags,
          params,
          querystring: monthlyReportQuery,
          response: { 200: monthlyReportResponse },
          errors: [403],
        }),
      },
      (request) => service.getMonthlyReport(request.actor, request.params.id, request.query.month),
    );
    app.get(
      '/units/:id/export',
      {
        schema: sessionRoute('exportUnitResults', "Download a unit's results as CSV or Excel", {
          description: fileDescription,
          tags,
          params,
          querystring: dashboardExportQuery,
          errors: [403],
        }),
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await service.exportDashboard(
            auditContext(request),
            request.locale,
            { unitId: request.params.id },
            request.query,
          ),
        ),
    );
    app.get(
      '/officers/:id',
      {
        schema: sessionRoute('getOfficerResults', 'Read the results of an officer', {
          tags,
          params,
          querystring: dashboardQuery,
          response: { 200: officerDashboardResponse },
          errors: [403],
        }),
      },
      (request) => service.getOfficerDashboard(request.actor, request.params.id, request.query),
    );
    app.get(
      '/officers/:id/export',
      {
        schema: sessionRoute('exportOfficerResults', "Download an officer's results as CSV or Excel", {
          description: fileDescription,
          tags,
          params,
          querystring: dashboardExportQuery,
          errors: [403],
        }),
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await service.exportDashboard(
            auditContext(request),
            request.locale,
            { officerId: request.params.id },
            request.query,
          ),
        ),
    );
  };
}
