// A TV without a screen key (`/man-hinh`): type the pairing code the branch was
// shown, and the screen opens its board.
import { Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';

export default function PairScreenPage() {
  const { t } = useTranslation();
  usePageTitle(t('screens.pair.title'));
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setFailure(null);
    try {
      const { key } = await api<{ key: string }>('/api/screen-pairing', { method: 'POST', body: { code } });
      void navigate(`/man-hinh/${key}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    } finally {
      setSending(false);
    }
  }

  return (
    <Container size="xs" py="xl">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('screens.pair.title')}
          </Title>
          <Text>{t('screens.pair.intro')}</Text>
          <FormAlert failure={failure} shownFields={['code']} />
          <TextInput
            label={t('screens.pairingCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            error={failure?.details.find((d) => d.field === 'code')?.message}
            size="xl"
            maxLength={8}
            autoComplete="off"
            data-testid="pair-code"
          />
          <Button type="submit" size="lg" loading={sending} data-testid="pair-submit">
            {t('screens.pair.open')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
