// The OpenAPI document at /api/openapi.json, built from the routes. Each route
// wraps its schema in publicRoute, sessionRoute, ratingRoute or apiRoute: that
// names who may call it, and the document derives from it the operation's
// security and the error answers its access and inputs imply, every one with
// the one error schema. A route adds only what it alone can answer (409, 429…).
// Nothing here changes how a request is handled: it is the document's only.
import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codesOfStatus, errorBodySchema } from './errors.ts';
import { RATING_ACCESS_COOKIE, SESSION_COOKIE } from './request-context.ts';

/**
 * Who may call an operation.
 * - public: anyone, no credentials (`security: []`);
 * - session: a signed-in user (the session cookie, and its CSRF token on every method but GET);
 * - rating: the business that rated, signed in or holding the grant of a mailed one-time code;
 * - apiKey: an integration client (`Authorization: Bearer <key>`), never a session.
 */
export type Access = 'public' | 'session' | 'rating' | 'apiKey';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

declare module 'fastify' {
  interface FastifySchema {
    access?: Access;
    /** Error statuses beyond those the access and the inputs imply (see impliedErrors). */
    errors?: readonly ErrorStatus[];
    /** Implied statuses this route never answers (a PUT that creates what its path names never answers 404). */
    omitErrors?: readonly ErrorStatus[];
  }
}

/**
 * An operation's schema and who may call it. `operationId` is stable (generated
 * clients name their functions after it): camelCase, verb first (`putDeclaration`).
 * `summary` is one line in English; a `description` in the schema may say more.
 */
function operation<A extends Access>(access: A) {
  return <S extends FastifySchema & { tags: readonly string[] }>(operationId: string, summary: string, schema: S) => ({
    operationId,
    summary,
    ...schema,
    access,
  });
}

export const publicRoute = operation('public');
export const sessionRoute = operation('session');
export const ratingRoute = operation('rating');
export const apiRoute = operation('apiKey');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session a sign-in starts (`POST /api/auth/sign-in` sets the cookie). For the web app; `/api/v1` refuses it.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      "The session's CSRF token (`csrfToken` of `GET /api/auth/me`), sent with the session cookie on every request but GET; without it the request is refused with 403.",
  },
  ratingAccess: {
    type: 'apiKey',
    in: 'cookie',
    name: RATING_ACCESS_COOKIE,
    description:
      'The grant a one-time code mailed to the business opens (`POST /api/rate/{token}/access`): 30 minutes on that rating link only.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      "An integration client's API key (`Authorization: Bearer <key>`), created by an administrator; each operation needs its scope. The integration API takes nothing else.",
  },
} as const;

function securityOf(access: Access, method: string): Record<string, string[]>[] {
  const session: Record<string, string[]> = SAFE_METHODS.has(method) ? { session: [] } : { session: [], csrfToken: [] };
  switch (access) {
    case 'public':
      return [];
    case 'session':
      return [session];
    case 'rating':
      return [session, { ratingAccess: [] }];
    case 'apiKey':
      return [{ apiKey: [] }];
  }
}

/**
 * The error statuses an operation answers, from what it declares:
 * 400 when it takes any input (a field fails its schema, a body cannot be read);
 * 401 when it needs credentials; 403 for an integration client (each operation
 * needs its scope) and for every non-GET credentialed request (a session's CSRF
 * token; a role, a scope); 404 when its path names something (which may not exist,
 * or not for this caller); 413 and 415 for file uploads. GETs refused by role add 403,
 * and state conflicts 409, through `errors`.
 */
function impliedErrors(schema: FastifySchema, access: Access, method: string): ErrorStatus[] {
  const upload = schema.consumes?.includes('multipart/form-data') ?? false;
  const implied: ErrorStatus[] = [];
  if (schema.params || schema.querystring || schema.body || upload) implied.push(400);
  if (access !== 'public') implied.push(401);
  if (access === 'apiKey' || (access !== 'public' && !SAFE_METHODS.has(method))) implied.push(403);
  if (schema.params) implied.push(404);
  if (upload) implied.push(413, 415);
  const omitted = new Set(schema.omitErrors ?? []);
  return [...new Set([...implied, ...(schema.errors ?? [])])]
    .filter((status) => !omitted.has(status))
    .sort((a, b) => a - b);
}

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is invalid: `details` names each offending field.' },
  401: { name: 'Unauthorized', description: 'No valid credentials: sign in, or send a valid API key.' },
  403: {
    name: 'Forbidden',
    description:
      'The caller may not do this (role, scope or unit), or a signed-in request that changes something came without its `x-csrf-token`.',
  },
  404: { name: 'NotFound', description: 'There is no such thing, or none this caller may see.' },
  409: { name: 'Conflict', description: 'Refused by the state of the thing: already done, closed, or taken.' },
  413: { name: 'PayloadTooLarge', description: 'The file is over the size this operation takes.' },
  415: {
    name: 'UnsupportedMediaType',
    description: 'Not a multipart upload, or a file of a type this operation does not take.',
  },
  429: { name: 'TooManyRequests', description: 'Too many attempts: wait, or follow the message.' },
};

const ERRORS_KEY = 'x-caunoi-errors';

/** Per route: the zod schemas turned into JSON Schema, plus security and the error statuses (kept for transformObject). */
const transform: SwaggerTransform = (input) => {
  if (!input.schema) return jsonSchemaTransform(input);
  const { access, errors: _errors, omitErrors: _omitErrors, ...schema } = input.schema;
  const result = jsonSchemaTransform({ ...input, schema });
  if (!access || schema.hide) return result;
  const method = String(input.route.method);
  return {
    url: result.url,
    schema: {
      ...result.schema,
      security: securityOf(access, method),
      [ERRORS_KEY]: impliedErrors(input.schema, access, method),
    },
  };
};

type Json = Record<string, unknown>;

/** The whole document: each operation's error statuses become references to the shared error responses. */
function transformObject(document: Parameters<NonNullable<FastifyDynamicSwaggerOptions['transformObject']>>[0]) {
  const openapi = ('openapiObject' in document ? document.openapiObject : document.swaggerObject) as Json & {
    paths?: Record<string, Record<string, Json>>;
    components?: Json;
  };
  const used = new Set<ErrorStatus>();
  for (const operations of Object.values(openapi.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const statuses = (operation[ERRORS_KEY] ?? []) as ErrorStatus[];
      delete operation[ERRORS_KEY];
      const responses = (operation.responses ?? {}) as Record<string, unknown>;
      for (const status of statuses) {
        responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
        used.add(status);
      }
      operation.responses = responses;
    }
  }
  const { $schema: _, ...errorSchema } = z.toJSONSchema(errorBodySchema, { target: 'openapi-3.0', io: 'output' });
  const responses = Object.fromEntries(
    [...used]
      .sort((a, b) => a - b)
      .map((status) => {
        const { name, description } = ERROR_RESPONSES[status];
        const codes = codesOfStatus(status).map((code) => `\`${code}\``);
        return [
          name,
          {
            description: `${description} ${codes.length > 1 ? 'Error codes' : 'Error code'}: ${codes.join(', ')}.`,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ];
      }),
  );
  const components = openapi.components ?? {};
  return {
    ...openapi,
    components: {
      ...components,
      schemas: { ...(components.schemas as Json | undefined), Error: errorSchema },
      responses,
    },
  };
}

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: {
      title: 'Cầu Nối API',
      version: '1.0.0',
      description: [
        'Customs–Business Partnership platform of Vietnam Customs.',
        '',
        'The integration API for declaration software and other systems is under `/api/v1` (tag `integration v1`): an API key as a bearer token, and it changes only by adding. The other operations serve the web app, with a session cookie.',
        '',
        "Every error answers with one shape (`Error`): a stable `code`, a message in the caller's language, and the offending fields.",
      ].join('\n'),
    },
    servers: [{ url: '/', description: 'The instance that serves this document' }],
    components: { securitySchemes },
  },
  transform,
  transformObject,
};
