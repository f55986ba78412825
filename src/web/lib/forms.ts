// Form state without a form library: client checks with the contracts' zod
// schemas, server failures mapped back onto the same field paths.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, toApiError } from '../app/api.ts';
import { i18n } from '../i18n/index.ts';
import { translateMessage } from './errors.ts';

export type FieldErrors = Record<string, string>;

/** Plain messages for the common cases; zod's own (localized) wording for the rest. */
const friendlyError: z.core.$ZodErrorMap = (issue) => {
  const t = i18n.t.bind(i18n);
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { n: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.pickAtLeast', { n: Number(issue.minimum) });
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { n: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.pickAtMost', { n: Number(issue.maximum) });
      return undefined;
    case 'invalid_type':
      return empty ? t('validation.required') : undefined;
    case 'invalid_value':
      return empty ? t('validation.required') : t('validation.pick');
    case 'invalid_format':
      if (empty) return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      return undefined;
    default:
      return undefined;
  }
};

function configureZodLocale(language: string): void {
  z.config({ ...(language === 'en' ? z.locales.en() : z.locales.vi()), customError: friendlyError });
}
configureZodLocale(i18n.language);
i18n.on('languageChanged', configureZodLocale);

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'form';
    errors[field] ??= translateMessage(issue.message);
  }
  return errors;
}

export function apiFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of error.details) errors[detail.field] ??= translateMessage(detail.message);
  return errors;
}

export interface FormState {
  errors: FieldErrors;
  failure: ApiError | null;
  /** Parses values with the schema; records field errors and returns null when they fail. */
  check: <S extends z.ZodType>(schema: S, values: unknown) => z.output<S> | null;
  /** Records a server failure: field errors next to the fields, the message on top. */
  fail: (error: unknown) => void;
  setError: (field: string, message: string) => void;
  /** Forgets one field's error (on edit), or everything when no field is given. */
  clear: (field?: string) => void;
  /** Forgets the errors of every field under a path, e.g. `roles`. */
  clearUnder: (prefix: string) => void;
}

export function useFormState(): FormState {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  useTranslation();

  const check = useCallback(<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null => {
    const result = schema.safeParse(values);
    setFailure(null);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(issuesToErrors(result.error.issues));
    return null;
  }, []);

  const fail = useCallback((error: unknown) => {
    const apiError = toApiError(error);
    setErrors(apiFieldErrors(apiError));
    setFailure(apiError);
  }, []);

  const setError = useCallback(
    (field: string, message: string) => setErrors((current) => ({ ...current, [field]: message })),
    [],
  );

  const clear = useCallback((field?: string) => {
    if (field === undefined) {
      setErrors({});
      setFailure(null);
      return;
    }
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  const clearUnder = useCallback((prefix: string) => {
    setErrors((current) => {
      const keys = Object.keys(current).filter((key) => key === prefix || key.startsWith(`${prefix}.`));
      if (keys.length === 0) return current;
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });
  }, []);

  return { errors, failure, check, fail, setError, clear, clearUnder };
}
