// One error class, one mapping to HTTP. Codes are stable; messages follow the
// caller's language; a 500 never shows internals.
import { z } from 'zod';
import type { Locale } from './locale.ts';
import { isMessageKey, translate, type MessageKey } from './messages.ts';

export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'already_assessed'
  | 'edit_window_closed'
  | 'rate_limited'
  | 'sign_in_link_sent'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'bad_request'
  | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_assessed: 409,
  edit_window_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  sign_in_link_sent: 429,
  internal: 500,
};

export interface ErrorDetail {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Key of the human message; defaults to the code. */
  readonly messageKey: MessageKey | ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, messageKey?: MessageKey, details: ErrorDetail[] = []) {
    super(messageKey ?? code);
    this.code = code;
    this.messageKey = messageKey ?? code;
    this.details = details;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
export const unauthorized = (): AppError => new AppError('unauthorized');

/** A field-level validation error raised by a service (after the schema passed). */
export function invalidField(field: string, messageKey: MessageKey): AppError {
  return new AppError('validation_failed', 'validation_failed', [{ field, message: messageKey }]);
}

/** The error codes that answer with this HTTP status. */
export function codesOfStatus(status: number): ErrorCode[] {
  return (Object.keys(statusByCode) as ErrorCode[]).filter((code) => statusByCode[code] === status);
}

/** The one shape of every error answer, as a schema: `Error` in the OpenAPI document. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z
      .enum(Object.keys(statusByCode) as [ErrorCode, ...ErrorCode[]])
      .describe('Stable and machine-readable: a client decides on this, never on the message.'),
    message: z
      .string()
      .describe(
        "For a person, in the caller's language (the `caunoi_locale` cookie or Accept-Language; Vietnamese by default).",
      ),
    details: z
      .array(
        z.object({
          field: z
            .string()
            .describe(
              'The offending input: a body field by its path (`enterprise.taxCode`), `querystring.<name>`, `params.<name>`, `file`, or `body` when the body cannot be read.',
            ),
          message: z.string(),
        }),
      )
      .describe('One entry per offending field; empty when the error is not about a field.'),
  }),
});

export type ErrorBody = z.output<typeof errorBodySchema>;

function localizeZodIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith('msg:')) return translate(issue.message.slice(4), locale);
  const localeError = locale === 'vi' ? z.locales.vi().localeError : z.locales.en().localeError;
  const text = localeError(issue as never);
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
}

export function zodDetails(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix?: string): ErrorDetail[] {
  return issues.flatMap((issue) => {
    // A field the endpoint does not take (a filter it does not offer) is named, never ignored.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [prefix, ...issue.path.map(String), key].filter(Boolean).join('.'),
        message: translate('unknown_field', locale),
      }));
    }
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || (prefix ?? 'body');
    return [{ field, message: localizeZodIssue(issue, locale) }];
  });
}

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  const details = error.details.map((detail) => ({
    field: detail.field,
    message: isMessageKey(detail.message) ? translate(detail.message, locale) : detail.message,
  }));
  const base = translate(error.messageKey, locale);
  const message = details.length ? `${base}: ${details.map((d) => `${d.field} — ${d.message}`).join('; ')}` : base;
  return { error: { code: error.code, message, details } };
}
