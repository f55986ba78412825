import { Alert, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../app/api.ts';
import { errorMessage } from '../lib/errors.ts';
import { Alert as AlertIcon } from './icons.tsx';

/** A failed load, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('common.loadFailed')} icon={<AlertIcon />} role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {onRetry && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** The server's message on top of a form; field errors it could not place are listed. */
export function FormAlert({ failure, shownFields = [] }: { failure: ApiError | null; shownFields?: string[] }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const unplaced = failure.details.filter((detail) => !shownFields.includes(detail.field));
  return (
    <Alert color="red" icon={<AlertIcon />} role="alert" data-testid="form-error" title={t('common.failed')}>
      <Text size="sm">{errorMessage(failure)}</Text>
      {unplaced.length > 0 && (
        <List size="sm" mt={4}>
          {unplaced.map((detail) => (
            <List.Item key={`${detail.field}-${detail.message}`}>
              {detail.field}: {detail.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function EmptyState({ children }: { children: string }) {
  return (
    <Text c="dimmed" ta="center" py="xl">
      {children}
    </Text>
  );
}
