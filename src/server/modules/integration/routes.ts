import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentBody,
  assessmentResponse,
  declarationNumber,
  declarationResponse,
  putDeclarationBody,
  satisfactionQuery,
  satisfactionResponse,
} from '../../../contracts/assessments.ts';
import { integrationUnitsResponse } from '../../../contracts/integration.ts';
import { progressBody, progressParams, progressResponse } from '../../../contracts/screens.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { auditContext } from '../../lib/http.ts';
import { sealRouteLog } from '../../lib/log-privacy.ts';
import { apiRoute } from '../../lib/openapi.ts';
import { createAssessmentService } from '../assessments/service.ts';
import { createDeclarationService } from '../declarations/service.ts';
import { createProgressService } from '../screens/progress.ts';
import { createIntegrationService } from './service.ts';

export function integrationRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createIntegrationService(deps);
  const declarations = createDeclarationService({ ...deps, publicBase: publicUrl(deps.config) });
  const assessments = createAssessmentService(deps);
  const progress = createProgressService(deps);
  return async (plugin) => {
    plugin.addHook('onRoute', sealRouteLog); // assessment routes carry the declaration number of a rating
    // Integration clients only, never a signed-in session: a customs account must not reach declarations'
    // rating links or anyone's rating through the API (web imports call the declaration service directly).
    plugin.addHook('onRequest', async (request) => {
      if (request.actor?.kind !== 'api') throw new AppError('unauthorized', 'api_key_required');
    });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['integration v1'];
    const params = z.object({ number: declarationNumber });

    app.get(
      '/units',
      {
        schema: apiRoute('listUnits', 'List the organization units', {
          tags,
          response: { 200: integrationUnitsResponse },
        }),
      },
      (request) => service.listUnits(request.actor),
    );
    app.get(
      '/units/:code/satisfaction',
      {
        schema: apiRoute('getUnitSatisfaction', "Read a unit's satisfaction over released months", {
          tags,
          params: z.object({ code: z.string().max(12) }),
          querystring: satisfactionQuery,
          response: { 200: satisfactionResponse },
        }),
      },
      (request) => service.getSatisfaction(request.actor, request.params.code, request.query),
    );
    app.put(
      '/declarations/:number',
      {
        schema: apiRoute('putDeclaration', 'Create or replace a declaration and its processing', {
          description: 'Idempotent: 201 when the declaration is new, 200 when it replaced the stored one.',
          tags,
          params,
          body: putDeclarationBody,
          response: { 200: declarationResponse, 201: declarationResponse },
          omitErrors: [404],
        }),
      },
      async (request, reply) => {
        const result = await declarations.putDeclaration(auditContext(request), request.params.number, request.body);
        return reply.status(result.created ? 201 : 200).send(result.declaration);
      },
    );
    app.get(
      '/declarations/:number',
      {
        schema: apiRoute('getDeclaration', 'Read a declaration as stored', {
          tags,
          params,
          response: { 200: declarationResponse },
        }),
      },
      (request) => declarations.getDeclaration(request.actor, request.params.number),
    );
    app.put(
      '/declarations/:number/progress/:stage',
      {
        schema: apiRoute('putDeclarationProgress', 'Record a processing step of a declaration as it happens', {
          description:
            "One step per stage (`registered`, `documents_checked`, `goods_inspected`, `awaiting_payment`, `cleared`), idempotent: sending the same step again changes nothing (`changed: false`); sending it with other values replaces it. Needs the `progress:write` scope. The step appears on the office's waiting-room screens within two seconds. `channel` changes the declaration's channel; `teamCode` must be a team of the declaration's office.",
          tags,
          params: progressParams,
          body: progressBody,
          response: { 200: progressResponse },
        }),
      },
      (request) => progress.recordProgress(request.actor, request.params.number, request.params.stage, request.body),
    );
    app.post(
      '/declarations/:number/assessments',
      {
        schema: apiRoute('submitAssessment', "Send the business's assessment of a declaration", {
          tags,
          params,
          body: assessmentBody,
          response: { 201: assessmentResponse },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await assessments.submitAssessment(
              auditContext(request),
              { via: 'api', number: request.params.number },
              request.body,
            ),
          ),
    );
    app.patch(
      '/declarations/:number/assessments',
      {
        schema: apiRoute('amendAssessment', 'Amend an assessment this client sent, while its edit window is open', {
          tags,
          params,
          body: assessmentBody,
          response: { 200: assessmentResponse },
          errors: [409],
        }),
      },
      (request) =>
        assessments.amendAssessment(auditContext(request), { via: 'api', number: request.params.number }, request.body),
    );
  };
}
