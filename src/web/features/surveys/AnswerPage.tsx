import { Alert, Container, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AnswerForm, AnswerMap } from '../../../contracts/surveys.ts';
import { api, ApiError } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { AnswerFormView } from './AnswerForm.tsx';
import { surveyKeys } from './keys.ts';

/** A business answers: from its link (/khao-sat/:token) or signed in (/app/khao-sat/tra-loi/:id). */
export default function AnswerPage() {
  const { t, i18n } = useTranslation();
  const { token, id } = useParams();
  const base = token ? `/api/survey-links/${token}` : `/api/my/surveys/${id}`;
  const client = useQueryClient();
  const form = useQuery({ queryKey: surveyKeys.form(base), queryFn: () => api<AnswerForm>(base) });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [received, setReceived] = useState(false);

  if (form.isPending) return <PageLoader />;
  if (form.error) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;
  const data = form.data;
  const title = i18n.language === 'en' && data.title.en ? data.title.en : data.title.vi;

  async function save(answers: AnswerMap) {
    setBusy(true);
    try {
      const result = await api<{ saved: string[]; errors: { field: string; message: string }[] }>(`${base}/draft`, {
        method: 'PUT',
        body: { answers },
      });
      setErrors(result.errors);
      notifySuccess(t('surveys.answer.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  async function submit(answers: AnswerMap) {
    setBusy(true);
    try {
      await api(`${base}/answer`, { method: 'POST', body: { answers } });
      setReceived(true);
      await client.invalidateQueries({ queryKey: surveyKeys.mine });
    } catch (error) {
      if (error instanceof ApiError && error.details.length) setErrors(error.details);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  const description = i18n.language === 'en' && data.description.en ? data.description.en : data.description.vi;
  return (
    <Container size="md" px={0}>
      <PageHeader title={title} description={description || t('surveys.answer.anonymous')} />
      {received || data.answered ? (
        <Alert color="green" title={t('surveys.answer.receivedTitle')} data-testid="survey-received">
          {t('surveys.answer.received')}
        </Alert>
      ) : data.status !== 'open' ? (
        <Alert color="gray">{t('surveys.answer.notOpen')}</Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="md">
            {t('surveys.answer.anonymous')}
          </Text>
          <AnswerFormView form={data} onSave={save} onSubmit={submit} busy={busy} errors={errors} />
        </>
      )}
    </Container>
  );
}
