// Small helpers for routes: cookies, the caller's IP, downloads.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { attachmentDisposition } from './file-store.ts';

export function secureCookies(config: Config): boolean {
  return config.SECURE_COOKIES ?? config.PUBLIC_URL?.startsWith('https://') ?? false;
}

export function setCookie(
  reply: FastifyReply,
  config: Config,
  name: string,
  value: string,
  options: { expires?: Date; httpOnly?: boolean } = {},
): void {
  void reply.setCookie(name, value, {
    path: '/',
    httpOnly: options.httpOnly ?? true,
    sameSite: 'lax',
    secure: secureCookies(config),
    ...(options.expires ? { expires: options.expires } : { maxAge: 365 * 24 * 3600 }),
  });
}

export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

export function userAgent(request: FastifyRequest): string | null {
  const value = request.headers['user-agent'];
  return typeof value === 'string' ? value : null;
}

/** Who did it and from where, for the audit log. */
export function auditContext(request: FastifyRequest): { actor: FastifyRequest['actor']; ip: string } {
  return { actor: request.actor, ip: request.ip };
}

/**
 * Sends a file to download: its type, an attachment name that survives every
 * browser (ASCII fallback and UTF-8 form), never sniffed. A generated file
 * (an export) is never cached; a stored one (`etag`: its hash) is revalidated
 * before each use.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Buffer | Readable },
  stored?: { etag: string },
) {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', stored ? 'no-cache' : 'private, no-store')
    .header('x-content-type-options', 'nosniff');
  if (stored) reply.header('etag', `"${stored.etag}"`);
  return reply.send(file.body);
}

/**
 * Sends JSON that was serialized when it was stored (a frozen result read as a
 * row), as it is: parsing and checking it again against the route's schema on
 * every read would cost more than the read. The route keeps its response schema
 * for the OpenAPI document; the stored text was built from the same contract.
 */
export function sendStoredJson(reply: FastifyReply, json: string) {
  return reply
    .type('application/json; charset=utf-8')
    .serializer((payload: unknown) => payload as string)
    .send(json);
}
