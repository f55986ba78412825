import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Grid,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import type { cannedAnswer, RequestDetail } from '../../../contracts/support.ts';
import { api, ApiError, toApiError } from '../../app/api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useSession } from '../../app/session.ts';
import { FormAlert, QueryError } from '../../components/Feedback.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CategoryBadge } from '../questions/shared.tsx';
import { HandlingActions } from './HandlingActions.tsx';
import { supportKeys } from './keys.ts';
import { StatusBadge } from './shared.tsx';
import { isSupportLead, isSupportStaff } from '../../../contracts/roles.ts';

async function uploadFile(id: string, file: File, internal: boolean, csrf: string | null) {
  const data = new FormData();
  data.append('file', file);
  const response = await fetch(`/api/support/requests/${id}/attachments?internal=${internal}`, {
    method: 'POST',
    body: data,
    credentials: 'same-origin',
    headers: { ...(csrf && { 'x-csrf-token': csrf }), 'Accept-Language': currentLanguage() },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string; details: { field: string; message: string }[] };
    } | null;
    throw new ApiError(
      body?.error?.code ?? 'internal',
      body?.error?.message ?? '',
      response.status,
      body?.error?.details ?? [],
    );
  }
}

/** One request: the conversation, and what the caller may do with it. */
export default function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const { me } = useSession();
  const staff = isSupportStaff(me);
  const query = useQuery({
    queryKey: supportKeys.request(id),
    queryFn: () => api<RequestDetail>(`/api/support/requests/${id}`),
  });
  const refresh = (detail?: RequestDetail) => {
    if (detail) client.setQueryData(supportKeys.request(id), detail);
    void client.invalidateQueries({ queryKey: supportKeys.requests });
  };
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const open = r.status !== 'resolved' && r.status !== 'merged';

  return (
    <>
      <PageHeader title={`${r.number} · ${r.subject}`} actions={<StatusBadge status={r.status} />} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Group gap="xs" mb="xs">
                <CategoryBadge category={r.category} />
                <Badge variant="outline" radius="sm" styles={{ label: { textTransform: 'none' } }}>
                  {t(`support.priorities.${r.priority}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t(`support.channels.${r.channel}`)} · {format.dateTime(r.createdAt)} · {r.requesterName}
                  {r.enterpriseName ? ` (${r.enterpriseName})` : ''}
                </Text>
              </Group>
              <Text className="pre-wrap">{r.body}</Text>
            </Card>
            <section aria-labelledby="conversation-title">
              <Title order={2} size="h4" id="conversation-title" mb="xs">
                {t('support.desk.conversation')}
              </Title>
              <Stack gap="xs" data-testid="conversation">
                {r.messages.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('support.desk.noMessages')}
                  </Text>
                )}
                {r.messages.map((m) => (
                  <Paper
                    key={m.id}
                    withBorder
                    p="sm"
                    radius="md"
                    bg={
                      m.kind === 'internal'
                        ? 'yellow.0'
                        : m.fromBusiness
                          ? 'gray.0'
                          : m.kind === 'system'
                            ? undefined
                            : 'blue.0'
                    }
                    data-testid={`message-${m.kind}`}
                  >
                    <Group gap="xs" mb={4}>
                      <Text size="sm" fw={700}>
                        {m.authorName}
                      </Text>
                      {m.kind === 'internal' && (
                        <Badge color="yellow.9" size="xs" variant="filled">
                          {t('support.desk.internal')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {format.dateTime(m.createdAt)}
                      </Text>
                    </Group>
                    <Text size="sm" className="pre-wrap">
                      {m.body}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            </section>
            {r.attachments.length > 0 && (
              <Card withBorder radius="md" padding="md">
                <Title order={2} size="h5" mb="xs">
                  {t('support.desk.attachments')}
                </Title>
                <Stack gap={4}>
                  {r.attachments.map((a) => (
                    <Anchor key={a.id} href={`/api/support/requests/${r.id}/attachments/${a.id}`} size="sm">
                      {a.fileName} ({Math.ceil(a.size / 1024)} KB){a.internal ? ` · ${t('support.desk.internal')}` : ''}
                    </Anchor>
                  ))}
                </Stack>
              </Card>
            )}
            {open && <ReplyForm request={r} staff={staff} onDone={refresh} />}
            {!staff && r.status === 'resolved' && <RateAndReopen request={r} onDone={refresh} />}
            {r.mergedIntoNumber && (
              <Text size="sm">{t('support.desk.mergedInto', { number: r.mergedIntoNumber })}</Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Stack gap={6}>
                <Text size="sm">
                  <strong>{t('support.desk.team')}:</strong> {r.teamName} ({r.teamCode}) · {r.branchCode}
                </Text>
                <Text size="sm">
                  <strong>{t('support.desk.firstResponseDue')}:</strong> {format.dateTime(r.firstResponseDue)}
                  {r.firstRespondedAt ? ` ✓ ${format.dateTime(r.firstRespondedAt)}` : ''}
                </Text>
                <Text size="sm" c={r.overdue ? 'red.8' : undefined}>
                  <strong>{t('support.desk.due')}:</strong> {format.dateTime(r.resolutionDue)}
                  {r.overdue ? ` · ${t('support.desk.overdue')}` : ''}
                  {r.paused ? ` · ${t('support.desk.paused')}` : ''}
                </Text>
                {r.resolvedAt && (
                  <Text size="sm">
                    <strong>{t('support.desk.resolvedAt')}:</strong> {format.dateTime(r.resolvedAt)}
                  </Text>
                )}
                {r.rating && (
                  <Text size="sm" data-testid="request-rating">
                    <strong>{t('support.desk.rating')}:</strong>{' '}
                    {r.rating.helpful ? t('support.desk.helpfulYes') : t('support.desk.helpfulNo')} ·{' '}
                    {r.rating.fast ? t('support.desk.fastYes') : t('support.desk.fastNo')}
                  </Text>
                )}
              </Stack>
            </Card>
            {staff && r.handling && <HandlingActions request={r} isLead={isSupportLead(me)} onDone={refresh} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function ReplyForm({
  request,
  staff,
  onDone,
}: {
  request: RequestDetail;
  staff: boolean;
  onDone: (detail?: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [wait, setWait] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const canned = useQuery({
    queryKey: supportKeys.cannedAnswers,
    queryFn: () => api<z.infer<typeof cannedAnswer>[]>('/api/support/canned-answers'),
    enabled: staff,
  });
  const mutation = useMutation({
    mutationFn: async () => {
      if (file) await uploadFile(request.id, file, internal, me?.csrfToken ?? null);
      if (body.trim())
        return api<RequestDetail>(`/api/support/requests/${request.id}/messages`, {
          method: 'POST',
          body: { body, internal, waitForBusiness: wait },
        });
      return api<RequestDetail>(`/api/support/requests/${request.id}`);
    },
    onSuccess: (detail) => {
      setBody('');
      setFile(null);
      setFailure(null);
      notifySuccess(t('support.desk.sent'));
      onDone(detail);
    },
    onError: (error) => setFailure(toApiError(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() && !file) return;
    mutation.mutate();
  };
  return (
    <Card withBorder radius="md" padding="md" component="form" onSubmit={submit} data-testid="reply-form">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {staff ? t('support.desk.answer') : t('support.desk.reply')}
        </Title>
        <FormAlert failure={failure} />
        {staff && canned.data && canned.data.length > 0 && (
          <Select
            label={t('support.desk.canned')}
            placeholder={t('support.desk.cannedPick')}
            data={canned.data.map((c) => ({ value: c.id, label: c.title }))}
            value={null}
            onChange={(value) => {
              const found = canned.data.find((c) => c.id === value);
              if (found) setBody((current) => (current ? `${current}\n\n${found.body}` : found.body));
            }}
            searchable
          />
        )}
        <Textarea
          label={t('support.desk.message')}
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={10_000}
          data-testid="reply-body"
        />
        <FileInput
          label={t('support.desk.attach')}
          description={t('support.desk.attachHint')}
          value={file}
          onChange={setFile}
          clearable
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt"
        />
        {staff && (
          <Group gap="md">
            <Checkbox
              label={t('support.desk.internalNote')}
              checked={internal}
              onChange={(e) => setInternal(e.currentTarget.checked)}
              data-testid="reply-internal"
            />
            <Checkbox
              label={t('support.desk.waitForBusiness')}
              checked={wait}
              disabled={internal}
              onChange={(e) => setWait(e.currentTarget.checked)}
            />
          </Group>
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending} data-testid="reply-send">
            {internal ? t('support.desk.saveNote') : t('support.desk.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RateAndReopen({ request, onDone }: { request: RequestDetail; onDone: (detail?: RequestDetail) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [helpful, setHelpful] = useState<string | null>(null);
  const [fast, setFast] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const rate = useMutation({
    mutationFn: () =>
      api<RequestDetail>(`/api/support/requests/${request.id}/rating`, {
        method: 'POST',
        body: { helpful: helpful === 'yes', fast: fast === 'yes', ...(comment.trim() && { comment }) },
      }),
    onSuccess: (detail) => {
      notifySuccess(t('support.desk.rated'));
      onDone(detail);
    },
    onError: (error) => setFailure(toApiError(error)),
  });
  const reopen = useMutation({
    mutationFn: () =>
      api<RequestDetail>(`/api/support/requests/${request.id}/reopen`, { method: 'POST', body: { reason } }),
    onSuccess: (detail) => {
      notifySuccess(t('support.desk.reopened'));
      onDone(detail);
    },
    onError: (error) => notifyError(error),
  });
  const [now] = useState(() => Date.now());
  const canReopen = request.reopenUntil && new Date(request.reopenUntil).getTime() > now;
  return (
    <Stack gap="md">
      {!request.rating && (
        <Card
          withBorder
          radius="md"
          padding="md"
          component="form"
          data-testid="rate-form"
          onSubmit={(e: FormEvent) => (e.preventDefault(), helpful && fast ? rate.mutate() : undefined)}
        >
          <Stack gap="sm">
            <Title order={2} size="h5">
              {t('support.desk.rateTitle')}
            </Title>
            <FormAlert failure={failure} />
            <Radio.Group label={t('support.desk.helpfulQuestion')} value={helpful} onChange={setHelpful} required>
              <Group mt={4}>
                <Radio value="yes" label={t('support.qa.yes')} data-testid="rate-helpful-yes" />
                <Radio value="no" label={t('support.qa.no')} />
              </Group>
            </Radio.Group>
            <Radio.Group label={t('support.desk.fastQuestion')} value={fast} onChange={setFast} required>
              <Group mt={4}>
                <Radio value="yes" label={t('support.qa.yes')} data-testid="rate-fast-yes" />
                <Radio value="no" label={t('support.qa.no')} />
              </Group>
            </Radio.Group>
            <Textarea
              label={t('support.desk.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Group>
              <Button type="submit" disabled={!helpful || !fast} loading={rate.isPending} data-testid="rate-send">
                {t('support.desk.rateSend')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {canReopen && (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Textarea
              label={t('support.desk.reopenReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            <Group>
              <Button
                variant="default"
                disabled={reason.trim().length < 5}
                loading={reopen.isPending}
                onClick={() => reopen.mutate()}
              >
                {t('support.desk.reopen')}
              </Button>
              <Button variant="subtle" onClick={() => void navigate('/hoi-dap')}>
                {t('support.desk.searchBank')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Anchor component={Link} to="/app/ho-tro" size="sm">
        {t('support.desk.backToList')}
      </Anchor>
    </Stack>
  );
}
