// The rating page behind a declaration's link or QR code (no account), and a
// signed-in business rating from its own list.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentBody, assessmentResponse, declarationNumber, myDeclaration, ratingPageResponse } from '../../../contracts/assessments.ts';
import { page, pageQuery } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { createAssessmentService } from './service.ts';
import { createMyDeclarationsService } from './my-declarations.ts';

export function assessmentRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAssessmentService(deps);
  const mine = createMyDeclarationsService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['assessments'];
    const token = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'msg:invalid_rating_link') });
    const number = z.object({ number: declarationNumber });

    app.get('/rate/:token', { schema: { tags, params: token, response: { 200: ratingPageResponse } } }, (request) =>
      service.getRatingPage(request.actor, { via: 'link', token: request.params.token }),
    );
    app.post('/rate/:token', { schema: { tags, params: token, body: assessmentBody, response: { 201: assessmentResponse } } }, async (request, reply) =>
      reply.status(201).send(await service.submitAssessment(auditContext(request), { via: 'link', token: request.params.token }, request.body)),
    );
    app.patch('/rate/:token', { schema: { tags, params: token, body: assessmentBody, response: { 200: assessmentResponse } } }, (request) =>
      service.amendAssessment(auditContext(request), { via: 'link', token: request.params.token }, request.body),
    );

    const listQuery = pageQuery.extend({ unrated: z.enum(['true', 'false']).optional() });
    app.get('/my/declarations', { schema: { tags, querystring: listQuery, response: { 200: page(myDeclaration) } } }, (request) =>
      mine.listMyDeclarations(request.actor, { ...request.query, onlyUnrated: request.query.unrated === 'true' }),
    );
    app.get('/my/declarations/:number', { schema: { tags, params: number, response: { 200: ratingPageResponse } } }, (request) =>
      service.getRatingPage(request.actor, { via: 'app', number: request.params.number }),
    );
    app.post('/my/declarations/:number/assessment', { schema: { tags, params: number, body: assessmentBody, response: { 201: assessmentResponse } } }, async (request, reply) =>
      reply.status(201).send(await service.submitAssessment(auditContext(request), { via: 'app', number: request.params.number }, request.body)),
    );
    app.patch('/my/declarations/:number/assessment', { schema: { tags, params: number, body: assessmentBody, response: { 200: assessmentResponse } } }, (request) =>
      service.amendAssessment(auditContext(request), { via: 'app', number: request.params.number }, request.body),
    );
  };
}
