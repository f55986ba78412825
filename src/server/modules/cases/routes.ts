import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseListQuery, caseResponse, findingBody, handlingFeedbackBody, identityResponse } from '../../../contracts/cases.ts';
import { okResponse } from '../../../contracts/common.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { createCaseService } from './service.ts';

export function caseRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createCaseService({ ...deps, publicBase: publicUrl(deps.config) });
  return async (plugin) => {
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
      { schema: { tags, params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), number: z.string().max(40) }), body: handlingFeedbackBody, response: { 200: okResponse } } },
      (request) => service.rateHandling(auditContext(request), request.params.token, request.params.number, request.body),
    );
  };
}
