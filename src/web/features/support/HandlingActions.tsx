import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useNavigate } from 'react-router';
import type { requestList, RequestDetail } from '../../../contracts/support.ts';
import { api, toApiError, type ApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { supportKeys } from './keys.ts';

type Dialog = 'escalate' | 'transfer' | 'merge' | null;

/** What an officer can do with a request: take it, follow it, resolve, escalate, transfer, merge, turn it into a bank entry. */
export function HandlingActions({
  request,
  isLead,
  onDone,
}: {
  request: RequestDetail;
  isLead: boolean;
  onDone: (detail?: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { me } = useSession();
  const handling = request.handling!;
  const open = request.status !== 'resolved' && request.status !== 'merged';
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useMutation({
    mutationFn: ({ path, body, method }: { path: string; body?: unknown; method?: 'POST' | 'DELETE' }) =>
      api<RequestDetail>(`/api/support/requests/${request.id}/${path}`, { method: method ?? 'POST', body }),
    onSuccess: (detail) => {
      notifySuccess(t('support.desk.saved'));
      onDone(detail);
    },
    onError: (error) => notifyError(error),
  });
  const draft = useMutation({
    mutationFn: () => api<{ entryId: string }>(`/api/support/requests/${request.id}/draft-entry`, { method: 'POST' }),
    onSuccess: async ({ entryId }) => {
      notifySuccess(t('support.desk.draftCreated'));
      await navigate(`/app/hoi-dap/${entryId}`);
    },
    onError: (error) => notifyError(error),
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid="handling">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('support.desk.handling')}
        </Title>
        <Text size="sm">
          {t('support.desk.level', { level: handling.escalationLevel })} · {handling.handlerUnitCode} ·{' '}
          {t(`roles.${handling.handlerRole}`, { defaultValue: handling.handlerRole })}
        </Text>
        <Text size="sm">
          {t('support.desk.assignee')}: {handling.assigneeName ?? t('support.desk.nobody')}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`support.calendars.${handling.calendar}`)}
        </Text>
        {open && (
          <Group gap="xs">
            {handling.assigneeUserId !== me?.id && (
              <Button
                size="xs"
                variant="light"
                onClick={() => action.mutate({ path: 'assign', body: { userId: me?.id ?? null } })}
                data-testid="take-request"
              >
                {t('support.desk.take')}
              </Button>
            )}
            <Button
              size="xs"
              color="green"
              onClick={() => action.mutate({ path: 'status', body: { status: 'resolved' } })}
              data-testid="resolve-request"
            >
              {t('support.desk.resolve')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog('escalate')}>
              {t('support.desk.escalate')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog('transfer')}>
              {t('support.desk.transfer')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog('merge')}>
              {t('support.desk.merge')}
            </Button>
          </Group>
        )}
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            onClick={() => action.mutate({ path: 'follow', method: handling.following ? 'DELETE' : 'POST' })}
          >
            {handling.following ? t('support.desk.unfollow') : t('support.desk.follow')}
          </Button>
          {handling.draftEntryId ? (
            <Button size="xs" variant="subtle" onClick={() => void navigate(`/app/hoi-dap/${handling.draftEntryId}`)}>
              {t('support.desk.openDraft')}
            </Button>
          ) : (
            request.status === 'resolved' && (
              <Button
                size="xs"
                variant="light"
                onClick={() => draft.mutate()}
                loading={draft.isPending}
                data-testid="draft-entry"
              >
                {t('support.desk.draftEntry')}
              </Button>
            )
          )}
        </Group>
        {isLead && (
          <Text size="xs" c="dimmed">
            {t('support.desk.leadHint')}
          </Text>
        )}
        <Title order={3} size="h6" mt="xs">
          {t('support.desk.history')}
        </Title>
        <Stack gap={2}>
          {handling.events.map((e, index) => (
            <Text key={index} size="xs">
              {format.dateTime(e.at)} —{' '}
              {t([`support.events.${e.action}`, `supportInbound.events.${e.action}`], { defaultValue: e.action })}
              {typeof e.details.reason === 'string' ? `: ${e.details.reason}` : ''}
            </Text>
          ))}
        </Stack>
      </Stack>
      {dialog && <ActionDialog kind={dialog} request={request} onClose={() => setDialog(null)} onDone={onDone} />}
    </Card>
  );
}

function ActionDialog({
  kind,
  request,
  onClose,
  onDone,
}: {
  kind: Exclude<Dialog, null>;
  request: RequestDetail;
  onClose: () => void;
  onDone: (detail?: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const teams = useQuery({
    queryKey: supportKeys.teams,
    queryFn: () => api<{ id: string; code: string; name: string }[]>('/api/support/teams'),
    enabled: kind === 'transfer',
    staleTime: 300_000,
  });
  const mutation = useMutation({
    mutationFn: async () => {
      if (kind === 'escalate')
        return api<RequestDetail>(`/api/support/requests/${request.id}/escalate`, { method: 'POST', body: { reason } });
      if (kind === 'transfer')
        return api<RequestDetail>(`/api/support/requests/${request.id}/transfer`, {
          method: 'POST',
          body: { teamId, reason },
        });
      const found = await api<z.infer<typeof requestList>>('/api/support/requests', {
        query: { q: number.trim(), limit: 1 },
      });
      const target = found.items.find((item) => item.number === number.trim().toUpperCase());
      if (!target) throw toApiError(new Error(t('support.desk.mergeNotFound')));
      return api<RequestDetail>(`/api/support/requests/${request.id}/merge`, {
        method: 'POST',
        body: { intoId: target.id },
      });
    },
    onSuccess: (detail) => {
      notifySuccess(t('support.desk.saved'));
      onDone(detail);
      onClose();
    },
    onError: (error) => setFailure(toApiError(error)),
  });
  return (
    <AppModal opened onClose={onClose} title={t(`support.desk.${kind}`)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={failure} />
          {kind === 'transfer' && (
            <Select
              label={t('support.desk.toTeam')}
              data={(teams.data ?? []).map((team) => ({ value: team.id, label: `${team.code} — ${team.name}` }))}
              value={teamId}
              onChange={setTeamId}
              searchable
              required
            />
          )}
          {kind === 'merge' ? (
            <TextInput
              label={t('support.desk.mergeInto')}
              placeholder="HT26-000123"
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              required
              maxLength={20}
            />
          ) : (
            <Textarea
              label={t('support.desk.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              maxLength={1000}
            />
          )}
          <ModalFooter onCancel={onClose} submitLabel={t('support.desk.confirm')} loading={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
