import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseListQuery,
  caseResponse,
  findingBody,
  handlingFeedbackBody,
  identityResponse,
} from '../../../contracts/cases.ts';
import { okResponse } from '../../../contracts/common.ts';
import { ratingTokenParams } from '../../../contracts/assessments.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sealRouteLog } from '../../lib/log-privacy.ts';
import { ratingRoute, sessionRoute } from '../../lib/openapi.ts';
import { RATING_ACCESS_COOKIE } from '../assessments/access.ts';
import { createCaseService } from './service.ts';

export function caseRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createCaseService({ ...deps, publicBase: publicUrl(deps.config) });
  return async (plugin) => {
    plugin.addHook('onRoute', sealRouteLog); // the feedback route carries a rating token
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['cases'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/cases',
      {
        schema: sessionRoute('listCases', 'List the flag cases routed to the caller', {
          tags,
          querystring: caseListQuery,
          response: { 200: z.array(caseResponse) },
          errors: [403],
        }),
      },
      (request) => service.listCases(request.actor, request.query),
    );
    app.get(
      '/cases/:id',
      { schema: sessionRoute('getCase', 'Read a flag case', { tags, params, response: { 200: caseResponse } }) },
      (request) => service.getCase(request.actor, request.params.id),
    );
    app.post(
      '/cases/:id/identity',
      {
        schema: sessionRoute('revealCaseIdentity', 'Reveal who raised a flag (audited)', {
          tags,
          params,
          response: { 200: identityResponse },
        }),
      },
      (request) => service.revealIdentity(auditContext(request), request.params.id),
    );
    app.post(
      '/cases/:id/review',
      {
        schema: sessionRoute('startCaseReview', 'Start verifying a flag case', {
          tags,
          params,
          response: { 200: caseResponse },
          errors: [409],
        }),
      },
      (request) => service.startReview(auditContext(request), request.params.id),
    );
    app.post(
      '/cases/:id/finding',
      {
        schema: sessionRoute('recordCaseFinding', "Record a flag case's finding, responsibility and measure", {
          tags,
          params,
          body: findingBody,
          response: { 200: caseResponse },
          errors: [409],
        }),
      },
      (request) => service.recordFinding(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/rate/:token/cases/:number/feedback',
      {
        schema: ratingRoute('rateCaseHandling', 'Rate how a flag case was handled', {
          tags,
          params: ratingTokenParams.extend({ number: z.string().max(40) }),
          body: handlingFeedbackBody,
          response: { 200: okResponse },
          errors: [409],
        }),
      },
      (request) =>
        service.rateHandling(
          auditContext(request),
          { token: request.params.token, grant: request.cookies[RATING_ACCESS_COOKIE] },
          request.params.number,
          request.body,
        ),
    );
  };
}
