import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBody, demoAccountsResponse, meResponse, setLocaleBody, signInBody, signInLinkBody } from '../../../contracts/auth.ts';
import { okResponse } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { clientIp, setCookie, userAgent } from '../../lib/http.ts';
import { LOCALE_COOKIE, SESSION_COOKIE } from '../../lib/request-context.ts';
import { toMe } from './mapper.ts';
import { createAuthService } from './service.ts';

export function authRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAuthService(deps);
  function sessionStarted(request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date; locale: 'vi' | 'en' }) {
    setCookie(reply, deps.config, SESSION_COOKIE, session.token, { expires: session.expiresAt });
    if (!request.cookies[LOCALE_COOKIE]) setCookie(reply, deps.config, LOCALE_COOKIE, session.locale, { httpOnly: false });
    return { ok: true as const };
  }

  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    app.post('/sign-in', { schema: { tags, body: signInBody, response: { 200: okResponse } } }, async (request, reply) => {
      const session = await service.signIn({ ...request.body, ip: clientIp(request), userAgent: userAgent(request) });
      return sessionStarted(request, reply, session);
    });

    // The second step of a sign-in held over its limit: the one-time link sent to the account's address, with the password.
    app.post('/sign-in/link', { schema: { tags, body: signInLinkBody, response: { 200: okResponse } } }, async (request, reply) => {
      const session = await service.signInWithLink({ ...request.body, ip: clientIp(request), userAgent: userAgent(request) });
      return sessionStarted(request, reply, session);
    });

    app.post('/sign-out', { schema: { tags, response: { 200: okResponse } } }, async (request, reply) => {
      await service.signOut(request.actor, clientIp(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    app.get('/me', { schema: { tags, response: { 200: meResponse } } }, async (request) => {
      const { actor, parts } = await service.getMe(request.actor);
      return toMe(actor, parts);
    });

    app.post('/password', { schema: { tags, body: changePasswordBody, response: { 200: okResponse } } }, async (request) => {
      await service.changePassword(request.actor, request.body, clientIp(request));
      return { ok: true as const };
    });

    app.post('/locale', { schema: { tags, body: setLocaleBody, response: { 200: okResponse } } }, async (request, reply) => {
      await service.setLocale(request.actor, request.body.locale);
      setCookie(reply, deps.config, LOCALE_COOKIE, request.body.locale, { httpOnly: false });
      return { ok: true as const };
    });

    app.get('/demo-accounts', { schema: { tags, response: { 200: demoAccountsResponse } } }, () => service.listDemoAccounts());
  };
}
