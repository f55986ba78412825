// Small helpers for routes: cookies and the caller's IP.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

export function secureCookies(config: Config): boolean {
  return config.SECURE_COOKIES ?? config.PUBLIC_URL?.startsWith('https://') ?? false;
}

export function setCookie(reply: FastifyReply, config: Config, name: string, value: string, options: { expires?: Date; httpOnly?: boolean } = {}): void {
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
