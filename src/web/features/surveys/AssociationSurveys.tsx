import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationSurvey } from '../../../contracts/surveys.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { surveyKeys } from './keys.ts';

const MESSAGE_MAX = 1000;

/**
 * An association's focal point: the open surveys that invite some of its members, each passed on once.
 * It never sees which members are invited or who answered.
 */
export function AssociationSurveys() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const surveys = useQuery({
    queryKey: surveyKeys.association,
    queryFn: () => api<{ items: AssociationSurvey[] }>('/api/association/surveys'),
  });
  const [forwarding, setForwarding] = useState<AssociationSurvey | null>(null);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const title = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);

  async function send() {
    if (!forwarding) return;
    setSending(true);
    try {
      await api(`/api/association/surveys/${forwarding.id}/forward`, { method: 'POST', body: { message } });
      notifySuccess(t('surveys.association.sent'));
      setForwarding(null);
      setMessage('');
      await client.invalidateQueries({ queryKey: surveyKeys.association });
    } catch (error) {
      notifyError(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <PageHeader title={t('surveys.title')} description={t('surveys.association.intro')} />
      <ListState query={surveys} empty={t('surveys.association.none')}>
        {(data) => (
          <Stack>
            {data.items.map((s) => (
              <Card key={s.id} withBorder data-testid="association-survey">
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Text fw={600}>{title(s.title)}</Text>
                    <Text size="sm" c="dimmed">
                      {s.ownerUnitName}
                      {s.closesOn && ` · ${t('surveys.closesOn', { day: format.date(s.closesOn) })}`}
                    </Text>
                  </div>
                  {s.forwardedAt ? (
                    <Badge color="green" variant="light">
                      {t('surveys.association.forwardedOn', { day: format.date(s.forwardedAt) })}
                    </Badge>
                  ) : (
                    <Button onClick={() => setForwarding(s)} data-testid="survey-forward">
                      {t('surveys.association.forward')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </ListState>
      <AppModal
        opened={forwarding !== null}
        onClose={() => setForwarding(null)}
        title={t('surveys.association.forwardTitle')}
      >
        <Stack>
          <Text size="sm">{t('surveys.association.forwardHelp')}</Text>
          <Textarea
            label={t('surveys.association.message')}
            description={t('surveys.association.messageHelp', { max: MESSAGE_MAX })}
            value={message}
            maxLength={MESSAGE_MAX}
            autosize
            minRows={3}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <ModalFooter
            onCancel={() => setForwarding(null)}
            submitLabel={t('surveys.association.send')}
            onSubmit={() => void send()}
            loading={sending}
            testId="survey-forward-send"
          />
        </Stack>
      </AppModal>
    </>
  );
}
