import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NewsletterView } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { ListState } from '../../components/ListState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { documentKeys } from './keys.ts';

/** The monthly information email: drafted by a job, reviewed and sent here; and announcements. */
export default function NewslettersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [month, setMonth] = useState('');
  const list = useQuery({
    queryKey: documentKeys.newsletters,
    queryFn: () => api<NewsletterView[]>('/api/newsletters'),
    refetchInterval: 10_000,
  });
  const create = useMutation({
    mutationFn: () => api<NewsletterView>('/api/newsletters', { method: 'POST', body: { month } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: documentKeys.newsletters });
      notifySuccess(t('partnership.newsletters.drafted'));
    },
    onError: (error) => notifyError(error),
  });
  return (
    <>
      <PageHeader title={t('partnership.newsletters.title')} description={t('partnership.newsletters.intro')} />
      <Card withBorder radius="md" padding="md" mb="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="month"
            label={t('partnership.newsletters.month')}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
          />
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!month}>
            {t('partnership.newsletters.draft')}
          </Button>
        </Group>
      </Card>
      <ListState query={list} empty={t('partnership.newsletters.empty')}>
        {(data) => (
          <Stack gap="md">
            {data.map((n) => (
              <Issue key={n.id} issue={n} />
            ))}
          </Stack>
        )}
      </ListState>
      <AnnouncementForm />
    </>
  );
}

function Issue({ issue }: { issue: NewsletterView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [intro, setIntro] = useState(issue.introVi);
  const [removed, setRemoved] = useState<string[]>([]);
  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: documentKeys.newsletters });
    notifySuccess(message);
  };
  const review = useMutation({
    mutationFn: () =>
      api(`/api/newsletters/${issue.id}/review`, { method: 'POST', body: { introVi: intro, removeItemIds: removed } }),
    onSuccess: () => done(t('partnership.newsletters.saved')),
    onError: (e) => notifyError(e),
  });
  const send = useMutation({
    mutationFn: () => api(`/api/newsletters/${issue.id}/send`, { method: 'POST' }),
    onSuccess: () => done(t('partnership.newsletters.sentDone')),
    onError: (e) => notifyError(e),
  });
  const draft = issue.status === 'draft';
  return (
    <Card withBorder radius="md" padding="md" component="article">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('partnership.newsletters.issue', { month: issue.month.split('-').reverse().join('/') })}
        </Title>
        <Badge color={draft ? 'gray' : 'green'}>
          {draft
            ? t('partnership.newsletters.statusDraft')
            : t('partnership.newsletters.statusSent', { date: format.dateTime(issue.sentAt) })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('library.deliveries.unit', { unit: issue.unit?.name ?? t('library.deliveries.national') })}
      </Text>
      {!draft && (
        <Group gap="sm" mb="xs">
          <Text size="sm">
            {t('partnership.newsletters.delivery', {
              recipients: issue.recipients,
              sent: issue.delivery.sent,
              pending: issue.delivery.pending,
              failed: issue.delivery.failed,
            })}
          </Text>
          <Anchor
            component={Link}
            to={`/app/newsletters/${issue.id}/deliveries`}
            size="sm"
            data-testid="newsletter-deliveries"
          >
            {t('library.deliveries.open')}
          </Anchor>
        </Group>
      )}
      {draft ? (
        <Textarea
          label={t('partnership.newsletters.introLabel')}
          autosize
          minRows={2}
          value={intro}
          onChange={(e) => setIntro(e.currentTarget.value)}
        />
      ) : (
        <Text size="sm">{issue.introVi}</Text>
      )}
      <Stack gap={4} mt="sm">
        {issue.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('partnership.newsletters.noItems')}
          </Text>
        )}
        {issue.items.map((item) =>
          draft ? (
            <Checkbox
              key={item.id}
              checked={!removed.includes(item.id)}
              onChange={(e) =>
                setRemoved(e.currentTarget.checked ? removed.filter((x) => x !== item.id) : [...removed, item.id])
              }
              label={item.title}
              description={item.detail}
            />
          ) : (
            <Text key={item.id} size="sm">
              • {item.title}
            </Text>
          ),
        )}
      </Stack>
      {draft && (
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => review.mutate()} loading={review.isPending}>
            {t('partnership.newsletters.save')}
          </Button>
          <Button
            onClick={() => send.mutate()}
            loading={send.isPending}
            disabled={removed.length > 0 || intro !== issue.introVi}
          >
            {t('partnership.newsletters.send')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function AnnouncementForm() {
  const { t } = useTranslation();
  const units = useUnits();
  const form = useFormState();
  const client = useQueryClient();
  const [v, setV] = useState({ unitId: null as string | null, title: '', body: '', expiresOn: '' });
  const publish = useMutation({
    mutationFn: () => api('/api/announcements', { method: 'POST', body: { ...v, expiresOn: v.expiresOn || null } }),
    onSuccess: async () => {
      setV({ unitId: null, title: '', body: '', expiresOn: '' });
      await client.invalidateQueries({ queryKey: documentKeys.announcements });
      notifySuccess(t('partnership.announcements.published'));
    },
    onError: (error) => form.fail(error),
  });
  return (
    <Card withBorder radius="md" padding="md" mt="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate();
        }}
      >
        <Title order={2} size="h4" mb="xs">
          {t('partnership.announcements.create')}
        </Title>
        <Stack gap="sm">
          <UnitSelect
            index={units.data}
            kinds={['general_department', 'department', 'branch']}
            label={t('partnership.announcements.unit')}
            required
            value={v.unitId}
            onChange={(unitId) => setV({ ...v, unitId })}
            error={form.errors.unitId}
          />
          <TextInput
            label={t('partnership.announcements.titleField')}
            required
            value={v.title}
            onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
            error={form.errors.title}
          />
          <Textarea
            label={t('partnership.announcements.body')}
            required
            autosize
            minRows={3}
            value={v.body}
            onChange={(e) => setV({ ...v, body: e.currentTarget.value })}
            error={form.errors.body}
          />
          <TextInput
            type="date"
            label={t('partnership.announcements.expiresOn')}
            value={v.expiresOn}
            onChange={(e) => setV({ ...v, expiresOn: e.currentTarget.value })}
            error={form.errors.expiresOn}
            w={220}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={publish.isPending}>
              {t('partnership.announcements.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
