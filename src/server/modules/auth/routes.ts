import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  demoAccountsResponse,
  meResponse,
  setLocaleBody,
  signInBody,
  signInLinkBody,
} from '../../../contracts/auth.ts';
import { okResponse } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { clientIp, setCookie, userAgent } from '../../lib/http.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { LOCALE_COOKIE, SESSION_COOKIE, SIGNED_IN_COOKIE } from '../../lib/request-context.ts';
import { toMe } from './mapper.ts';
import { createAuthService } from './service.ts';

export function authRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAuthService(deps);
  function sessionStarted(
    request: FastifyRequest,
    reply: FastifyReply,
    session: { token: string; expiresAt: Date; locale: 'vi' | 'en' },
  ) {
    setCookie(reply, deps.config, SESSION_COOKIE, session.token, { expires: session.expiresAt });
    setCookie(reply, deps.config, SIGNED_IN_COOKIE, '1', { expires: session.expiresAt, httpOnly: false });
    if (!request.cookies[LOCALE_COOKIE])
      setCookie(reply, deps.config, LOCALE_COOKIE, session.locale, { httpOnly: false });
    return { ok: true as const };
  }

  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    app.post(
      '/sign-in',
      {
        schema: publicRoute('signIn', 'Sign in with e-mail and password', {
          tags,
          body: signInBody,
          response: { 200: okResponse },
          errors: [401, 429],
        }),
      },
      async (request, reply) => {
        const session = await service.signIn({ ...request.body, ip: clientIp(request), userAgent: userAgent(request) });
        return sessionStarted(request, reply, session);
      },
    );

    // The second step of a sign-in held over its limit: the one-time link sent to the account's address, with the password.
    app.post(
      '/sign-in/link',
      {
        schema: publicRoute('signInWithLink', 'Sign in with a mailed one-time link and the password', {
          tags,
          body: signInLinkBody,
          response: { 200: okResponse },
          errors: [401],
        }),
      },
      async (request, reply) => {
        const session = await service.signInWithLink({
          ...request.body,
          ip: clientIp(request),
          userAgent: userAgent(request),
        });
        return sessionStarted(request, reply, session);
      },
    );

    app.post(
      '/sign-out',
      {
        schema: publicRoute('signOut', 'Sign out', {
          description:
            'Ends the session of the cookie sent, if any; like every signed-in request that changes something, it needs the x-csrf-token header.',
          tags,
          response: { 200: okResponse },
          errors: [403],
        }),
      },
      async (request, reply) => {
        await service.signOut(request.actor, clientIp(request));
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        void reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/me',
      {
        schema: sessionRoute('getMe', 'Read the signed-in user, with the CSRF token of the session', {
          tags,
          response: { 200: meResponse },
        }),
      },
      async (request) => {
        const { actor, parts } = await service.getMe(request.actor);
        return toMe(actor, parts);
      },
    );

    app.post(
      '/password',
      {
        schema: sessionRoute('changePassword', "Change the signed-in user's password", {
          tags,
          body: changePasswordBody,
          response: { 200: okResponse },
        }),
      },
      async (request) => {
        await service.changePassword(request.actor, request.body, clientIp(request));
        return { ok: true as const };
      },
    );

    app.post(
      '/locale',
      {
        schema: publicRoute('setLocale', 'Choose the language of answers and mail', {
          tags,
          body: setLocaleBody,
          response: { 200: okResponse },
        }),
      },
      async (request, reply) => {
        await service.setLocale(request.actor, request.body.locale);
        setCookie(reply, deps.config, LOCALE_COOKIE, request.body.locale, { httpOnly: false });
        return { ok: true as const };
      },
    );

    app.get(
      '/demo-accounts',
      {
        schema: publicRoute('listDemoAccounts', 'List the demo accounts, when they are enabled', {
          tags,
          response: { 200: demoAccountsResponse },
        }),
      },
      () => service.listDemoAccounts(),
    );
  };
}
