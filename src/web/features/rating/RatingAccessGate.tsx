import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RATING_ACCESS_MINUTES, ratingCodeBody } from '../../../contracts/assessments.ts';
import { api } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { useFormState } from '../../lib/forms.ts';

/**
 * The link alone never shows or changes a sent rating: the business confirms
 * with a code mailed to its registered addresses, or signs in. The answer to
 * "send a code" is the same whether or not a code went out.
 */
export function RatingAccessGate({
  token,
  afterSending,
  onGranted,
  onCancel,
}: {
  token: string;
  afterSending: boolean;
  onGranted: () => void;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const form = useFormState();
  const [code, setCode] = useState('');
  const base = `/api/rate/${encodeURIComponent(token)}`;
  const request = useMutation({
    mutationFn: () => api<{ expiresInMinutes: number }>(`${base}/code`, { method: 'POST' }),
    onError: (error) => form.fail(error),
  });
  const verify = useMutation({
    mutationFn: (body: { code: string }) => api<{ expiresAt: string }>(`${base}/access`, { method: 'POST', body }),
    onSuccess: onGranted,
    onError: (error) => form.fail(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    const body = form.check(ratingCodeBody, { code });
    if (body) verify.mutate(body);
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="rating-access">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('rating.access.title')}
        </Title>
        <Text size="sm">{afterSending ? t('rating.access.amendIntro') : t('rating.access.intro')}</Text>
        <FormAlert failure={form.failure} shownFields={['code']} />
        {request.isSuccess ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text size="sm" role="status" data-testid="rating-code-sent">
                {t('rating.access.codeSent', { minutes: request.data.expiresInMinutes })}
              </Text>
              <TextInput
                label={t('rating.access.codeLabel')}
                description={t('rating.access.codeHint')}
                value={code}
                onChange={(event) => (
                  setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6)),
                  form.clear('code')
                )}
                error={form.errors.code}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                w={200}
                required
                data-testid="rating-code"
              />
              <Group gap="sm">
                <Button type="submit" loading={verify.isPending} data-testid="rating-code-verify">
                  {t('rating.access.verify')}
                </Button>
                <Button variant="subtle" loading={request.isPending} onClick={() => (setCode(''), request.mutate())}>
                  {t('rating.access.resend')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group gap="sm">
            <Button loading={request.isPending} onClick={() => request.mutate()} data-testid="rating-request-code">
              {t('rating.access.sendCode')}
            </Button>
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {t('rating.access.noAccount')}
        </Text>
        <Group justify="space-between" gap="sm">
          <Anchor component={Link} to={`/dang-nhap?next=${encodeURIComponent(`/danh-gia/${token}`)}`} size="sm">
            {t('rating.access.signIn')}
          </Anchor>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('rating.access.grantNote', { minutes: RATING_ACCESS_MINUTES })}
        </Text>
      </Stack>
    </Card>
  );
}
