import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  branchView,
  csvBody,
  methodBody,
  methodVersionView,
  publishBody,
  publishedIndexSummary,
  publishedIndexView,
  resultView,
  sandboxBody,
  sandboxResult,
  verifyResult,
} from '../../../contracts/cdci.ts';
import { exportQuery } from '../../../contracts/surveys.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { createMeasureService } from '../measures/service.ts';
import { measuresPlatform } from './platform.ts';
import { createCdciPublication } from './publication.ts';
import { createCdciService } from './service.ts';

export function cdciRoutes(deps: AppDeps): FastifyPluginAsync {
  const platform = measuresPlatform(createMeasureService({ db: deps.db, clock: deps.clock }));
  const cdci = createCdciService({ db: deps.db, clock: deps.clock, platform });
  const publication = createCdciPublication({ db: deps.db, clock: deps.clock });
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['cdci'];
    const params = z.object({ id: z.uuid() });

    app.get(
      '/cdci/methods',
      {
        schema: sessionRoute('listCdciMethods', 'List the index methods (every version) of the departments in scope', {
          tags,
          response: { 200: z.array(methodVersionView) },
          errors: [403],
        }),
      },
      (request) => cdci.listMethods(request.actor),
    );
    app.post(
      '/cdci/methods',
      {
        schema: sessionRoute('createCdciMethod', 'Save (or import) a method as a new version', {
          tags,
          body: methodBody,
          response: { 201: methodVersionView },
          errors: [409],
        }),
      },
      async (request, reply) => reply.status(201).send(await cdci.saveMethod(auditContext(request), request.body)),
    );
    app.get(
      '/cdci/methods/:id',
      {
        schema: sessionRoute('getCdciMethod', 'Read a method version', {
          tags,
          params,
          response: { 200: methodVersionView },
        }),
      },
      (request) => cdci.getMethod(request.actor, request.params.id),
    );
    app.get(
      '/cdci/methods/:id/document',
      {
        schema: sessionRoute('getCdciMethodDocument', 'The method as a JSON document to import', {
          tags,
          params,
          response: { 200: methodBody },
        }),
      },
      (request) => cdci.exportMethod(request.actor, request.params.id),
    );
    app.put(
      '/cdci/methods/:id/department-scores',
      {
        schema: sessionRoute(
          'putCdciDepartmentScores',
          'Replace the Department’s scores (CSV: unit, indicator, value)',
          {
            tags,
            params,
            body: csvBody,
            response: { 200: z.object({ rows: z.number().int() }) },
            errors: [409],
          },
        ),
      },
      (request) => cdci.uploadScores(auditContext(request), request.params.id, request.body.csv),
    );
    app.post(
      '/cdci/methods/:id/compute',
      {
        schema: sessionRoute('createCdciResult', 'Compute every branch’s index with its uncertainty', {
          tags,
          params,
          response: { 200: resultView },
          errors: [409],
        }),
      },
      (request) => cdci.compute(auditContext(request), request.params.id),
    );
    app.get(
      '/cdci/methods/:id/result',
      {
        schema: sessionRoute('getCdciResult', 'The latest computation of a method version', {
          tags,
          params,
          response: { 200: resultView.nullable() },
        }),
      },
      (request) => cdci.latestResult(request.actor, request.params.id),
    );
    app.post(
      '/cdci/methods/:id/publish',
      {
        schema: sessionRoute('publishCdci', 'Publish a computation; the method is frozen from then on', {
          tags,
          params,
          body: publishBody,
          response: { 200: methodVersionView },
          errors: [409],
        }),
      },
      (request) => cdci.publish(auditContext(request), request.params.id, request.body.resultId),
    );
    app.post(
      '/cdci/results/:id/verify',
      {
        schema: sessionRoute('checkCdciResult', 'Recompute a stored result from its inputs and compare', {
          tags,
          params,
          response: { 200: verifyResult },
        }),
      },
      (request) => cdci.verify(auditContext(request), request.params.id),
    );
    app.post(
      '/cdci/sandbox',
      {
        schema: sessionRoute(
          'createCdciSandboxRun',
          'Run one or two methods over an uploaded data set (nothing is stored)',
          {
            tags,
            body: sandboxBody,
            response: { 200: sandboxResult },
          },
        ),
      },
      (request) => cdci.sandbox(request.actor, request.body),
    );
    app.get(
      '/cdci/branches/:id',
      {
        schema: sessionRoute('getCdciBranchView', 'A branch’s own index profile with its released evidence', {
          tags,
          params,
          querystring: z.object({ methodId: z.uuid().optional() }),
          response: { 200: branchView },
          errors: [403],
        }),
      },
      (request) => publication.branchView(request.actor, request.params.id, request.query.methodId),
    );
    app.get(
      '/public/cdci',
      {
        schema: publicRoute('listPublishedCdci', 'Published indexes by department and year', {
          tags,
          querystring: z.object({ departmentId: z.uuid().optional() }),
          response: { 200: z.array(publishedIndexSummary) },
        }),
      },
      (request) => publication.listPublished(request.query.departmentId),
    );
    app.get(
      '/public/cdci/:id',
      {
        schema: publicRoute('getPublishedCdci', 'A published index: ranking, bands, components, method', {
          tags,
          params,
          response: { 200: publishedIndexView },
          errors: [404],
        }),
      },
      (request) => publication.getPublished(request.params.id),
    );
    app.get(
      '/public/cdci/:id/download',
      {
        schema: publicRoute('exportPublishedCdci', 'Download a published index as CSV or Excel', {
          tags,
          params,
          querystring: exportQuery,
          errors: [404],
        }),
      },
      async (request, reply) =>
        sendDownload(reply, await publication.downloadResults(request.params.id, request.query.format)),
    );
    app.get(
      '/public/cdci/:id/method',
      {
        schema: publicRoute('getPublishedCdciMethod', 'The method of a published index as a JSON document', {
          tags,
          params,
          response: { 200: methodBody },
          errors: [404],
        }),
      },
      (request) => publication.methodDocument(request.params.id),
    );
  };
}
