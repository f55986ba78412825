// Human messages for failures: the server's (already in the user's language) when
// it sent one, else ours by code. Contract messages `msg:<key>` map to errors.<key>.
import { toApiError } from '../app/api.ts';
import { i18n } from '../i18n/index.ts';

export function translateMessage(message: string): string {
  if (message.startsWith('msg:'))
    return i18n.t(`errors.${message.slice(4)}`, { defaultValue: i18n.t('errors.validation_failed') });
  return message;
}

export function errorMessage(error: unknown): string {
  const apiError = toApiError(error);
  if (apiError.summary) return apiError.summary;
  return i18n.t(`errors.${apiError.code}`, { defaultValue: i18n.t('errors.internal') });
}
