import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityBody,
  activityStatusBody,
  adoptBody,
  assignBody,
  planCreateBody,
  planDetail,
  planList,
  planListQuery,
  reportBody,
  reviewBody,
  targetBody,
} from '../../../contracts/plan.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { renderPlanWorkbook } from './export.ts';
import { createPlanService } from './service.ts';

export function planRoutes(deps: AppDeps): FastifyPluginAsync {
  const plans = createPlanService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan'];
    const params = z.object({ id: z.uuid() });
    const detail = { 200: planDetail };

    app.get(
      '/plans',
      {
        schema: sessionRoute('listPlans', 'The annual plans of a year visible to the caller', {
          tags,
          querystring: planListQuery,
          response: { 200: planList },
          errors: [403],
        }),
      },
      (request) => plans.listPlans(request.actor, request.query.year),
    );
    app.post(
      '/plans',
      {
        schema: sessionRoute('createPlan', "Write the year's national plan (a draft)", {
          tags,
          body: planCreateBody,
          response: { 201: planDetail },
          errors: [403, 409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await plans.createNationalPlan(auditContext(request), request.body)),
    );
    app.get(
      '/plans/:id',
      {
        schema: sessionRoute('getPlan', 'A plan with its targets, progress, activities and the units below', {
          tags,
          params,
          response: detail,
          errors: [403],
        }),
      },
      (request) => plans.getPlan(request.actor, request.params.id),
    );
    app.get(
      '/plans/:id/export',
      {
        schema: sessionRoute('exportPlan', 'The plan with its progress as an Excel workbook', {
          tags,
          params,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          errors: [403],
        }),
      },
      async (request, reply) => {
        const plan = await plans.getPlan(request.actor, request.params.id);
        return sendDownload(reply, await renderPlanWorkbook(plan, deps.clock.now()));
      },
    );
    app.post(
      '/plans/:id/targets',
      {
        schema: sessionRoute('createPlanTarget', "Add a target to the unit's own plan", {
          tags,
          params,
          body: targetBody,
          response: detail,
          errors: [403, 409],
        }),
      },
      (request) => plans.addTarget(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/plans/:id/publish',
      {
        schema: sessionRoute('publishPlan', 'Publish the national plan; departments are told', {
          tags,
          params,
          response: detail,
          errors: [403, 409],
        }),
      },
      (request) => plans.publishPlan(auditContext(request), request.params.id),
    );
    app.post(
      '/plans/:id/adoptions',
      {
        schema: sessionRoute('adoptPlan', 'Adopt the plan above for a unit, with its own values', {
          tags,
          params,
          body: adoptBody,
          response: { 201: planDetail },
          errors: [403, 409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await plans.adoptPlan(auditContext(request), request.params.id, request.body)),
    );
    app.post(
      '/plans/:id/activities',
      {
        schema: sessionRoute('createPlanActivity', "Add an activity to the unit's own plan", {
          tags,
          params,
          body: activityBody,
          response: detail,
          errors: [403],
        }),
      },
      (request) => plans.addActivity(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/plans/:id/refresh',
      {
        schema: sessionRoute('refreshPlanProgress', 'Recompute the progress of the plan and the plans below', {
          tags,
          params,
          response: detail,
          errors: [403],
        }),
      },
      (request) => plans.refreshPlan(auditContext(request), request.params.id),
    );
    app.post(
      '/plan-targets/:id/assignments',
      {
        schema: sessionRoute('assignPlanTarget', 'Assign a target to the units directly below', {
          tags,
          params,
          body: assignBody,
          response: detail,
          errors: [403],
        }),
      },
      (request) => plans.assignTarget(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/plan-targets/:id/reports',
      {
        schema: sessionRoute(
          'reportPlanTarget',
          'Report the value of a target the platform cannot measure, with evidence',
          { tags, params, body: reportBody, response: detail, errors: [403, 409] },
        ),
      },
      (request) => plans.reportValue(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/plan-reports/:id/review',
      {
        schema: sessionRoute('reviewPlanReport', 'Accept or reject a reported value (the level above)', {
          tags,
          params,
          body: reviewBody,
          response: detail,
          errors: [403, 409],
        }),
      },
      (request) => plans.reviewReport(auditContext(request), request.params.id, request.body),
    );
    app.patch(
      '/plan-activities/:id',
      {
        schema: sessionRoute('updatePlanActivity', "Change an activity's status", {
          tags,
          params,
          body: activityStatusBody,
          response: detail,
          errors: [403],
        }),
      },
      (request) => plans.setActivityStatus(auditContext(request), request.params.id, request.body.status),
    );
  };
}
