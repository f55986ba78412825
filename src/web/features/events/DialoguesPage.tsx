import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dialogueRequestBody, type DialogueRequestView } from '../../../contracts/events.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { ListState } from '../../components/ListState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { vietnamIso } from './hooks.ts';
import { eventKeys } from './keys.ts';

const STATUS_COLORS = { pending: 'red', proposed: 'navy', accepted: 'green', declined: 'gray' } as const;

/** Dialogues one enterprise asks for, and the unit's answer. */
export default function DialoguesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const requests = useQuery({
    queryKey: eventKeys.dialogueRequests,
    queryFn: () => api<DialogueRequestView[]>('/api/dialogue-requests'),
  });
  return (
    <>
      <PageHeader title={t('partnership.dialogues.title')} description={t('partnership.dialogues.intro')} />
      <Stack gap="md">
        {me?.enterprise && <RequestForm />}
        <ListState query={requests} empty={t('partnership.dialogues.empty')}>
          {(data) =>
            data.map((r) => (
              <Card key={r.id} withBorder radius="md" padding="md" component="article">
                <Group gap="xs" mb={4}>
                  <Badge color={STATUS_COLORS[r.status]}>{t(`partnership.dialogues.statuses.${r.status}`)}</Badge>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(r.createdAt)} · {r.unit.code} · {r.enterprise.name}
                  </Text>
                </Group>
                <Title order={2} size="h5">
                  {r.subject}
                </Title>
                <Text size="sm" className="pre-wrap">
                  {r.description}
                </Text>
                {r.preferredAt && (
                  <Text size="sm">{t('partnership.dialogues.preferred', { at: format.dateTime(r.preferredAt) })}</Text>
                )}
                {r.proposedAt && (
                  <Text size="sm">{t('partnership.dialogues.proposed', { at: format.dateTime(r.proposedAt) })}</Text>
                )}
                {r.declineReason && (
                  <Text size="sm">{t('partnership.dialogues.reason', { reason: r.declineReason })}</Text>
                )}
                {r.eventId && (
                  <Anchor component={Link} to={`/app/events/${r.eventId}`} size="sm">
                    {t('partnership.dialogues.openEvent')}
                  </Anchor>
                )}
                {r.canDecide && <DecisionForm request={r} />}
                {me?.enterprise && r.status === 'proposed' && <AcceptProposal id={r.id} />}
              </Card>
            ))
          }
        </ListState>
      </Stack>
    </>
  );
}

function useRequestChange(path: string, done: string) {
  const client = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (body: unknown) => api(path, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: eventKeys.dialogueRequests });
      notifySuccess(t(done));
    },
  });
}

function RequestForm() {
  const { t } = useTranslation();
  const units = useUnits();
  const form = useFormState();
  const [v, setV] = useState({ unitId: null as string | null, subject: '', description: '', preferredAt: '' });
  const create = useRequestChange('/api/dialogue-requests', 'partnership.dialogues.sent');
  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.check(dialogueRequestBody, {
            ...v,
            preferredAt: v.preferredAt ? vietnamIso(v.preferredAt) : null,
          });
          if (body)
            create.mutate(body, {
              onSuccess: () => setV({ unitId: null, subject: '', description: '', preferredAt: '' }),
              onError: (error) => form.fail(error),
            });
        }}
      >
        <Title order={2} size="h4" mb="xs">
          {t('partnership.dialogues.request')}
        </Title>
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={['unitId', 'subject', 'description', 'preferredAt']} />
          <UnitSelect
            index={units.data}
            kinds={['department', 'branch']}
            label={t('partnership.dialogues.unit')}
            required
            value={v.unitId}
            onChange={(unitId) => setV({ ...v, unitId })}
            error={form.errors.unitId}
          />
          <TextInput
            label={t('partnership.dialogues.subject')}
            required
            value={v.subject}
            onChange={(e) => setV({ ...v, subject: e.currentTarget.value })}
            error={form.errors.subject}
          />
          <Textarea
            label={t('partnership.dialogues.description')}
            required
            autosize
            minRows={3}
            value={v.description}
            onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
            error={form.errors.description}
          />
          <TextInput
            label={t('partnership.dialogues.preferredAt')}
            type="datetime-local"
            value={v.preferredAt}
            onChange={(e) => setV({ ...v, preferredAt: e.currentTarget.value })}
            error={form.errors.preferredAt}
            w={280}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('partnership.dialogues.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DecisionForm({ request }: { request: DialogueRequestView }) {
  const { t } = useTranslation();
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const decide = useRequestChange(`/api/dialogue-requests/${request.id}/decision`, 'partnership.dialogues.decided');
  const send = (body: object) => decide.mutate(body, { onError: (error) => notifyError(error) });
  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('partnership.dialogues.time')}
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
        />
        <TextInput
          label={t('partnership.events.place')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Button onClick={() => send({ decision: 'accept', place, ...(at && { startsAt: vietnamIso(at) }) })}>
          {t('partnership.dialogues.accept')}
        </Button>
        <Button
          variant="default"
          onClick={() => send({ decision: 'propose', place, proposedAt: at ? vietnamIso(at) : '' })}
        >
          {t('partnership.dialogues.propose')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('partnership.dialogues.declineReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
        />
        <Button color="red" variant="light" onClick={() => send({ decision: 'decline', reason })}>
          {t('partnership.dialogues.decline')}
        </Button>
      </Group>
    </Stack>
  );
}

function AcceptProposal({ id }: { id: string }) {
  const { t } = useTranslation();
  const accept = useRequestChange(`/api/dialogue-requests/${id}/accept-proposal`, 'partnership.dialogues.decided');
  return (
    <Group justify="flex-end" mt="xs">
      <Button
        onClick={() => accept.mutate(undefined, { onError: (error) => notifyError(error) })}
        loading={accept.isPending}
      >
        {t('partnership.dialogues.acceptProposal')}
      </Button>
    </Group>
  );
}
