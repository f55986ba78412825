// The Fastify instance: plugins, one register() per module, one error handler.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { demoAccountsMode } from './config.ts';
import type { AppDeps } from './lib/deps.ts';
import { AppError, errorBody, zodDetails } from './lib/errors.ts';
import { secureCookies } from './lib/http.ts';
import { pickLocale } from './lib/locale.ts';
import { openApiOptions } from './lib/openapi.ts';
import { requestContext } from './lib/request-context.ts';
import { requestLogSerializer } from './lib/log-privacy.ts';
import { securityHeaders } from './lib/security-headers.ts';
import { registerModules } from './modules/index.ts';

export type App = FastifyInstance;

/** A validation failure, kept with its zod issues so the message can follow the caller's language. */
class RequestValidationError extends Error {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('validation_failed');
  }
}

function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    const prefix = error.part === 'body' ? undefined : error.part;
    return new AppError('validation_failed', 'validation_failed', zodDetails(error.issues, request.locale, prefix));
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large');
  if (status === 415) return new AppError('unsupported_media_type');
  if (status === 429) return new AppError('rate_limited');
  if (status === 404) return new AppError('not_found', 'route_not_found');
  if (status >= 400 && status < 500) {
    return new AppError('bad_request', 'bad_request', [
      {
        field:
          fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'body'
            : 'request',
        message: fastifyError.message,
      },
    ]);
  }
  return new AppError('internal');
}

/**
 * A refusal to a caller who has not identified themselves asks them to sign in:
 * 401, never 403, whichever service refused (many authorize with "is this role
 * allowed?", which an anonymous caller simply fails).
 */
function forCaller(error: AppError, request: FastifyRequest): AppError {
  return error.code === 'forbidden' && request.actor === null ? new AppError('unauthorized') : error;
}

export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.LOG_LEVEL,
          // Never log secrets: cookies, API keys, CSRF tokens, passwords.
          redact: [
            'req.headers.cookie',
            'req.headers.authorization',
            'req.headers["x-csrf-token"]',
            'res.headers["set-cookie"]',
          ],
          // Rating pages and routes are logged without their token, declaration number or address.
          serializers: { req: requestLogSerializer },
        }
      : false,
    // The client address comes from X-Forwarded-For only when the connection is from a proxy named in TRUSTED_PROXIES.
    trustProxy: deps.config.TRUSTED_PROXIES.length ? [...deps.config.TRUSTED_PROXIES] : false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
    // Router-level failures (bad URL encoding, over-long params) get the one error shape too.
    frameworkErrors: (error, request, reply) => {
      const header = request.headers['accept-language'];
      const locale = pickLocale({ acceptLanguage: typeof header === 'string' ? header : undefined });
      const appError = new AppError('bad_request', 'bad_request', [
        { field: 'url', message: error.message.slice(0, 200) },
      ]);
      void (reply as FastifyReply).status(appError.status).send(errorBody(appError, locale));
    },
  }).withTypeProvider<ZodTypeProvider>();

  const webRoot = resolveWebRoot();

  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const appError = forCaller(toAppError(error, request), request);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      if (deps.config.DEBUG_ERRORS) console.error(error);
    }
    void reply.status(appError.status).send(errorBody(appError, request.locale));
  });
  app.setNotFoundHandler((request, reply) => {
    const accept = request.headers.accept ?? '';
    if (request.method === 'GET' && !request.url.startsWith('/api/') && accept.includes('text/html') && webRoot) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(new AppError('not_found', 'route_not_found'), request.locale));
  });

  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects CSS variables at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  // Scripts and style sheets are not documents: a policy, framing or referrer header means nothing
  // on them, and sent with each of a page's files it cost a kilobyte apiece on a phone's connection.
  const assetHeaders = { 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' };
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/assets/') ? assetHeaders : headers);
    done();
  });
  await app.register(cookie);
  await app.register(requestContext, {
    db: deps.db,
    clock: deps.clock,
    demoAccounts: demoAccountsMode(deps.config).enabled,
    secureCookies: secureCookies(deps.config),
  });

  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await registerModules(app, deps);

  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      // The build writes `.br` and `.gz` beside each text file (scripts/vite/compress.ts): the one the
      // browser accepts is sent as is, with Content-Encoding, the original's type and Vary: Accept-Encoding.
      preCompressed: true,
      setHeaders(res, filePath) {
        res.header(
          'Cache-Control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const relative = decodeURIComponent((request.params as { '*': string })['*']);
      const file = path.join(webRoot, relative);
      if (relative && file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile())
        return reply.sendFile(relative);
      if (relative.startsWith('api/') || relative.startsWith('assets/')) {
        return reply.status(404).send(errorBody(new AppError('not_found', 'route_not_found'), request.locale));
      }
      // A page reached by a personal link (a rating, a survey invitation, unsubscribing, signing in) is never indexed.
      if (PERSONAL_LINK_PAGES.test(relative)) void reply.header('x-robots-tag', 'noindex, nofollow');
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}

const PERSONAL_LINK_PAGES = /^(danh-gia|huy-dang-ky|khao-sat|dang-nhap\/lien-ket)(\/|$)/;

function resolveWebRoot(): string | null {
  const root = path.resolve('dist/web');
  return fs.existsSync(path.join(root, 'index.html')) ? root : null;
}
