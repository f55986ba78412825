import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountListQuery,
  accountResponse,
  createAccountBody,
  resetPasswordBody,
  updateAccountBody,
} from '../../../contracts/accounts.ts';
import { okResponse, page } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { createAccountService } from './service.ts';

export function accountRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAccountService(deps);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounts'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/',
      {
        schema: sessionRoute('listAccounts', 'List user accounts', {
          tags,
          querystring: accountListQuery,
          response: { 200: page(accountResponse) },
          errors: [403],
        }),
      },
      (request) => service.listAccounts(request.actor, request.query),
    );
    app.get(
      '/:id',
      {
        schema: sessionRoute('getAccount', 'Read a user account', {
          tags,
          params,
          response: { 200: accountResponse },
          errors: [403],
        }),
      },
      (request) => service.getAccount(request.actor, request.params.id),
    );
    app.post(
      '/',
      {
        schema: sessionRoute('createAccount', 'Create a user account', {
          tags,
          body: createAccountBody,
          response: { 201: accountResponse },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await service.createAccount(auditContext(request), request.body)),
    );
    app.patch(
      '/:id',
      {
        schema: sessionRoute('updateAccount', "Change a user account's details, roles or status", {
          tags,
          params,
          body: updateAccountBody,
          response: { 200: accountResponse },
        }),
      },
      (request) => service.updateAccount(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/:id/password',
      {
        schema: sessionRoute('resetAccountPassword', "Set a user account's password", {
          tags,
          params,
          body: resetPasswordBody,
          response: { 200: okResponse },
        }),
      },
      async (request) => {
        await service.resetPassword(auditContext(request), request.params.id, request.body.password);
        return { ok: true as const };
      },
    );
  };
}
