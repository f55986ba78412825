import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { unsubscribeView } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { notifyError } from '../../lib/notify.ts';
import { documentKeys } from './keys.ts';

type Status = z.infer<typeof unsubscribeView>;

/** The page an unsubscribe link opens: one button, no sign-in. */
export default function UnsubscribePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: documentKeys.unsubscribe(token),
    queryFn: () => api<Status>(`/api/newsletter/unsubscribe/${token}`),
  });
  const done = useMutation({
    mutationFn: () => api<Status>(`/api/newsletter/unsubscribe/${token}`, { method: 'POST' }),
    onError: (error) => notifyError(error),
  });
  const result = done.data ?? status.data;
  return (
    <Stack maw={560} mx="auto">
      <PageHeader title={t('partnership.unsubscribe.title')} />
      {status.isPending && <PageLoader />}
      {status.isError && <QueryError error={status.error} />}
      {result && (
        <Card withBorder radius="md" padding="lg">
          {result.unsubscribed ? (
            <Alert color="green" title={t('partnership.unsubscribe.doneTitle')} data-testid="unsubscribed">
              {t('partnership.unsubscribe.done', { email: result.email })}
            </Alert>
          ) : (
            <Stack>
              <Text>{t('partnership.unsubscribe.question', { email: result.email })}</Text>
              <Button onClick={() => done.mutate()} loading={done.isPending} data-testid="unsubscribe">
                {t('partnership.unsubscribe.button')}
              </Button>
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
