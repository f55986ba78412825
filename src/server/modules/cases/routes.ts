import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseListQuery, caseResponse, findingBody, handlingFeedbackBody, identityResponse } from '../../../contracts/cases.ts';
import { okResponse } from '../../../contracts/common.ts';
import { ratingTokenParams } from '../../../contracts/assessments.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sealRouteLog } from '../../lib/log-privacy.ts';
import { RATING_ACCESS_COOKIE } from '../assessments/access.ts';
import { createCaseService } from './service.ts';

export function caseRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createCaseService({ ...deps, publicBase: publicUrl(deps.config) });
  return async (plugin) => {
    plugin.addHook('onRoute', sealRouteLog); // the feedback route carries a rating token
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['cases'];
    const params = z.object({ id: z.uuid() });
    app.get('/cases', { schema: { tags, querystring: caseListQuery, response: { 200: z.array(caseResponse) } } }, (request) => service.listCases(request.actor, request.query));
    app.get('/cases/:id', { schema: { tags, params, response: { 200: caseResponse } } }, (request) => service.getCase(request.actor, request.params.id));
    app.post('/cases/:id/identity', { schema: { tags, params, response: { 200: identityResponse } } }, (request) => service.revealIdentity(auditContext(request), request.params.id));
    app.post('/cases/:id/review', { schema: { tags, params, response: { 200: caseResponse } } }, (request) => service.startReview(auditContext(request), request.params.id));
    app.post('/cases/:id/finding', { schema: { tags, params, body: findingBody, response: { 200: caseResponse } } }, (request) => service.recordFinding(auditContext(request), request.params.id, request.body));
    app.post(
      '/rate/:token/cases/:number/feedback',
      { schema: { tags, params: ratingTokenParams.extend({ number: z.string().max(40) }), body: handlingFeedbackBody, response: { 200: okResponse } } },
      (request) => service.rateHandling(auditContext(request), { token: request.params.token, grant: request.cookies[RATING_ACCESS_COOKIE] }, request.params.number, request.body),
    );
  };
}
