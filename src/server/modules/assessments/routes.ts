// The rating page behind a declaration's link or QR code (no account), the
// one-time code that opens a sent rating to the business, and a signed-in
// business rating from its own list. None of these routes logs its token or
// declaration number.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentBody,
  assessmentResponse,
  declarationNumber,
  myDeclaration,
  ratingAccessGranted,
  ratingCodeBody,
  ratingCodeRequested,
  ratingPageResponse,
  ratingTokenParams,
} from '../../../contracts/assessments.ts';
import { page, pageQuery } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, secureCookies } from '../../lib/http.ts';
import { sealRouteLog } from '../../lib/log-privacy.ts';
import { publicRoute, ratingRoute, sessionRoute } from '../../lib/openapi.ts';
import { createRatingAccessService, RATING_ACCESS_COOKIE } from './access.ts';
import { createAssessmentService } from './service.ts';
import { createMyDeclarationsService } from './my-declarations.ts';

export function assessmentRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAssessmentService(deps);
  const access = createRatingAccessService(deps);
  const mine = createMyDeclarationsService(deps);
  return async (plugin) => {
    plugin.addHook('onRoute', sealRouteLog);
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['assessments'];
    const token = ratingTokenParams;
    const number = z.object({ number: declarationNumber });
    const link = (request: { params: { token: string }; cookies: Record<string, string | undefined> }) => ({
      via: 'link' as const,
      token: request.params.token,
      grant: request.cookies[RATING_ACCESS_COOKIE],
    });

    app.get(
      '/rate/:token',
      {
        schema: publicRoute('getRatingPage', 'Read the rating page of a declaration link', {
          description:
            'The declaration and what may be rated; a sent rating only to the business (signed in, or with the grant of a mailed code).',
          tags,
          params: token,
          response: { 200: ratingPageResponse },
        }),
      },
      async (request, reply) => {
        void reply.header('cache-control', 'private, no-store');
        return service.getRatingPage(request.actor, link(request));
      },
    );
    app.post(
      '/rate/:token',
      {
        schema: publicRoute('submitRatingByLink', 'Send the first rating of a declaration from its link', {
          tags,
          params: token,
          body: assessmentBody,
          response: { 201: assessmentResponse },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply
          .status(201)
          .header('cache-control', 'private, no-store')
          .send(await service.submitAssessment(auditContext(request), link(request), request.body)),
    );
    app.patch(
      '/rate/:token',
      {
        schema: ratingRoute('amendRatingByLink', 'Amend a sent rating while its edit window is open', {
          tags,
          params: token,
          body: assessmentBody,
          response: { 200: assessmentResponse },
          errors: [409],
        }),
      },
      async (request, reply) => {
        void reply.header('cache-control', 'private, no-store');
        return service.amendAssessment(auditContext(request), link(request), request.body);
      },
    );
    app.post(
      '/rate/:token/code',
      {
        schema: publicRoute('requestRatingCode', "Mail a one-time code to the business's accounts", {
          description: 'Answers the same whether or not a code went out.',
          tags,
          params: token,
          response: { 202: ratingCodeRequested },
        }),
      },
      async (request, reply) => reply.status(202).send(await access.requestCode(request.params.token)),
    );
    app.post(
      '/rate/:token/access',
      {
        schema: publicRoute('openRatingAccess', 'Exchange a mailed code for a grant on this rating link', {
          description:
            'A right code sets the grant cookie (30 minutes, this link only); any other code gets the same refusal, on the field `code`.',
          tags,
          params: token,
          body: ratingCodeBody,
          response: { 200: ratingAccessGranted },
        }),
      },
      async (request, reply) => {
        const granted = await access.verifyCode(request.params.token, request.body.code);
        void reply.setCookie(RATING_ACCESS_COOKIE, granted.grant, {
          path: `/api/rate/${request.params.token}`,
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies(deps.config),
          expires: granted.expiresAt,
        });
        return { expiresAt: granted.expiresAt.toISOString() };
      },
    );

    const listQuery = pageQuery.extend({ unrated: z.enum(['true', 'false']).optional() });
    app.get(
      '/my/declarations',
      {
        schema: sessionRoute('listMyDeclarations', "List the signed-in business's declarations", {
          tags,
          querystring: listQuery,
          response: { 200: page(myDeclaration) },
          errors: [403],
        }),
      },
      (request) =>
        mine.listMyDeclarations(request.actor, { ...request.query, onlyUnrated: request.query.unrated === 'true' }),
    );
    app.get(
      '/my/declarations/:number',
      {
        schema: sessionRoute('getMyDeclaration', "Read one of the business's declarations with its rating", {
          tags,
          params: number,
          response: { 200: ratingPageResponse },
        }),
      },
      (request) => service.getRatingPage(request.actor, { via: 'app', number: request.params.number }),
    );
    app.post(
      '/my/declarations/:number/assessment',
      {
        schema: sessionRoute('submitMyRating', "Rate one of the business's declarations", {
          tags,
          params: number,
          body: assessmentBody,
          response: { 201: assessmentResponse },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.submitAssessment(
              auditContext(request),
              { via: 'app', number: request.params.number },
              request.body,
            ),
          ),
    );
    app.patch(
      '/my/declarations/:number/assessment',
      {
        schema: sessionRoute('amendMyRating', "Amend the rating of one of the business's declarations", {
          tags,
          params: number,
          body: assessmentBody,
          response: { 200: assessmentResponse },
          errors: [409],
        }),
      },
      (request) =>
        service.amendAssessment(auditContext(request), { via: 'app', number: request.params.number }, request.body),
    );
  };
}
