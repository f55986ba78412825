// What the HTTP request log may say about a rating: that a rating route was
// called, never which one. A rating link's token is a capability, and the
// declaration number of a rating route names the business that rates; with a
// time and an address beside them, a log line would tie a rating to its rater.
import type { FastifyRequest, RouteOptions } from 'fastify';

const RATING_PATHS: [RegExp, string][] = [
  // the page behind a link or QR code, also when carried in a query (?next=/danh-gia/…)
  [/(danh-gia(?:\/|%2F))[^/?&#%]+/gi, '$1:token'],
  [/(\/api\/rate\/)[^/?#]+/g, '$1:token'],
  // a survey invitation's link, and the invitation id of a business answering signed in
  [/(khao-sat(?:\/|%2F))[^/?&#%]+/gi, '$1:token'],
  [/(\/api\/survey-links\/)[^/?#]+/g, '$1:token'],
  [/(\/api\/my\/surveys\/)[^/?#]+/g, '$1:id'],
  [/(\/api\/my\/declarations\/)[^/?#]+/g, '$1:number'],
  [/(\/api\/v1\/declarations\/)[^/?#]+(\/assessments)/g, '$1:number$2'],
  // a waiting-room screen's key, and a declaration followed by its rating token
  [/(\/api\/screen-boards\/)[^/?#]+/g, '$1:key'],
  [/(man-hinh(?:\/|%2F))[^/?&#%]+/gi, '$1:key'],
  [/(\/api\/follow\/)[^/?#]+/g, '$1:token'],
  [/(theo-doi(?:\/|%2F))[^/?&#%]+/gi, '$1:token'],
];

/** The URL with rating tokens and rating routes' declaration numbers replaced; null when there were none. */
export function redactRatingUrl(url: string): string | null {
  let redacted = url;
  for (const [pattern, replacement] of RATING_PATHS) redacted = redacted.replace(pattern, replacement);
  return redacted === url ? null : redacted;
}

/**
 * Fastify's `req` log serializer, rating-safe: on a rating URL the path is
 * redacted and the caller's address left out. For the logger options
 * (`serializers: { req: requestLogSerializer }`) and for rating routes.
 */
export function requestLogSerializer(request: FastifyRequest): Record<string, unknown> {
  const redacted = redactRatingUrl(request.url);
  if (redacted !== null) return { method: request.method, url: redacted };
  return {
    method: request.method,
    url: request.url,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}

/** For a module's `onRoute` hook: its routes log through requestLogSerializer. */
export function sealRouteLog(route: RouteOptions): void {
  route.logSerializers = { ...route.logSerializers, req: requestLogSerializer };
}
