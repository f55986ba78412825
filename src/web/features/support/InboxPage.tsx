import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { QA_CATEGORIES } from '../../../contracts/questions.ts';
import {
  dismissMailBody,
  openFromMailBody,
  type inboundList,
  type InboundMailView,
} from '../../../contracts/support-inbound.ts';
import { PRIORITIES, type RequestDetail } from '../../../contracts/support.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { supportKeys } from './keys.ts';

const LIMIT = 50;
type Tab = 'unmatched' | 'opened_by_officer' | 'dismissed';
type Summary = z.infer<typeof inboundList>['items'][number];

/** Mail to the desk's address that matched no account or request: an officer opens a request from it, or dismisses it. */
export default function InboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<Tab>('unmatched');
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = useQuery({
    queryKey: supportKeys.inboxList(status, offset),
    queryFn: () =>
      api<z.infer<typeof inboundList>>('/api/support/inbound', { query: { status, limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('supportInbound.inbox.title')} description={t('supportInbound.inbox.intro')} />
      <Card withBorder padding="md" radius="md">
        <SegmentedControl
          mb="md"
          value={status}
          onChange={(value) => {
            setStatus(value);
            setOffset(0);
          }}
          data={(['unmatched', 'opened_by_officer', 'dismissed'] as const).map((value) => ({
            value,
            label: t(`supportInbound.status.${value}`),
          }))}
          aria-label={t('supportInbound.inbox.filter')}
        />
        <ListState query={query} empty={t('supportInbound.inbox.empty')}>
          {(data) => (
            <ListTable
              label={t('supportInbound.inbox.title')}
              minWidth={720}
              verticalSpacing="xs"
              data-testid="inbox-table"
              columns={[
                t('supportInbound.inbox.received'),
                t('supportInbound.inbox.from'),
                t('supportInbound.inbox.subject'),
                t('supportInbound.inbox.reason'),
                t('supportInbound.inbox.actions'),
              ]}
            >
              {data.items.map((m: Summary) => (
                <Table.Tr key={m.id} data-testid="inbox-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(m.receivedAt)}</Table.Td>
                  <Table.Td>
                    {m.fromName || m.fromAddress}
                    {m.fromName && (
                      <Text size="xs" c="dimmed">
                        {m.fromAddress}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.subject || t('supportInbound.inbox.noSubject')}
                    {m.attachments.length > 0 && (
                      <Badge ml="xs" size="xs" variant="light" color="gray">
                        {t('supportInbound.inbox.attachments', { count: m.attachments.length })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.reason ? t(`supportInbound.reasons.${m.reason}`, { defaultValue: m.reason }) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {m.requestId ? (
                      <Anchor component={Link} to={`/app/ho-tro/${m.requestId}`}>
                        {m.requestNumber}
                      </Anchor>
                    ) : (
                      <Button size="xs" variant="light" onClick={() => setOpenId(m.id)} data-testid="inbox-open">
                        {t('supportInbound.inbox.read')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
        {query.data && <Pager total={query.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      </Card>
      {openId && <MailDialog id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function MailDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [mode, setMode] = useState<'read' | 'open' | 'dismiss'>('read');
  const mail = useQuery({
    queryKey: supportKeys.inboxMail(id),
    queryFn: () => api<InboundMailView>(`/api/support/inbound/${id}`),
  });
  const form = useFormState();
  const [values, setValues] = useState({
    category: null as string | null,
    priority: 'normal',
    requesterName: '',
    enterpriseTaxCode: '',
    reason: '',
  });
  const set = (key: keyof typeof values) => (value: string | null) => {
    setValues((current) => ({ ...current, [key]: value }));
    form.clear(key);
  };
  const open = useMutation({
    mutationFn: (body: unknown) =>
      api<RequestDetail>(`/api/support/inbound/${id}/open-request`, { method: 'POST', body }),
    onSuccess: async (created) => {
      // The request goes to the team that owns the category, which may not be the officer's own.
      notifySuccess(
        t('supportInbound.inbox.openedToast', {
          number: created.number,
          team: `${created.teamCode} — ${created.teamName}`,
        }),
      );
      await client.invalidateQueries({ queryKey: supportKeys.inbox });
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  const dismiss = useMutation({
    mutationFn: (body: unknown) => api<InboundMailView>(`/api/support/inbound/${id}/dismiss`, { method: 'POST', body }),
    onSuccess: async () => {
      notifySuccess(t('supportInbound.inbox.dismissed'));
      await client.invalidateQueries({ queryKey: supportKeys.inbox });
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  const m = mail.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'dismiss') {
      const body = form.check(dismissMailBody, { reason: values.reason });
      if (body) dismiss.mutate(body);
      return;
    }
    const body = form.check(openFromMailBody, {
      category: values.category ?? undefined,
      priority: values.priority ?? 'normal',
      requesterName: values.requesterName || m?.fromName || m?.fromAddress || '',
      ...(values.enterpriseTaxCode.trim() && { enterpriseTaxCode: values.enterpriseTaxCode.trim() }),
    });
    if (body) open.mutate(body);
  };
  const e = form.errors;
  return (
    <AppModal opened onClose={onClose} title={m?.subject || t('supportInbound.inbox.noSubject')} size="lg">
      <ListState query={mail} retry={false}>
        {(m) => (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text size="sm">
                {t('supportInbound.inbox.from')}: {m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress} ·{' '}
                {format.dateTime(m.receivedAt)}
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', maxHeight: 260, overflow: 'auto' }}
                p="xs"
                bg="gray.0"
                data-testid="inbox-body"
                tabIndex={0}
              >
                {m.textBody || '—'}
              </Text>
              {m.attachments.map((a, index) => (
                <Text key={index} size="xs">
                  {a.fileName} ({format.number(Math.ceil(a.size / 1024))} KB)
                  {a.refused ? ` — ${t(`supportInbound.refused.${a.refused}`)}` : ''}
                </Text>
              ))}
              <FormAlert
                failure={form.failure}
                shownFields={['category', 'priority', 'requesterName', 'enterpriseTaxCode', 'reason']}
              />
              {mode === 'open' && (
                <>
                  <Select
                    label={t('support.desk.category')}
                    required
                    data={QA_CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))}
                    value={values.category}
                    onChange={set('category')}
                    error={e.category}
                  />
                  <Select
                    label={t('support.desk.priority')}
                    data={PRIORITIES.map((p) => ({ value: p, label: t(`support.priorities.${p}`) }))}
                    value={values.priority}
                    onChange={set('priority')}
                    allowDeselect={false}
                  />
                  <TextInput
                    label={t('support.desk.requesterName')}
                    required
                    placeholder={m.fromName || m.fromAddress}
                    value={values.requesterName}
                    onChange={(ev) => set('requesterName')(ev.currentTarget.value)}
                    error={e.requesterName}
                    maxLength={200}
                  />
                  <TextInput
                    label={t('support.desk.taxCode')}
                    description={t('supportInbound.inbox.taxCodeHint')}
                    value={values.enterpriseTaxCode}
                    onChange={(ev) => set('enterpriseTaxCode')(ev.currentTarget.value)}
                    error={e.enterpriseTaxCode}
                    maxLength={20}
                  />
                </>
              )}
              {mode === 'dismiss' && (
                <Textarea
                  label={t('support.desk.reason')}
                  required
                  autosize
                  minRows={2}
                  value={values.reason}
                  onChange={(ev) => set('reason')(ev.currentTarget.value)}
                  error={e.reason}
                  maxLength={1000}
                />
              )}
              {mode === 'read' ? (
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setMode('dismiss')} data-testid="inbox-dismiss">
                    {t('supportInbound.inbox.dismiss')}
                  </Button>
                  <Button onClick={() => setMode('open')} data-testid="inbox-open-request">
                    {t('supportInbound.inbox.openRequest')}
                  </Button>
                </Group>
              ) : (
                <ModalFooter
                  onCancel={() => setMode('read')}
                  submitLabel={
                    mode === 'open' ? t('supportInbound.inbox.openRequest') : t('supportInbound.inbox.dismiss')
                  }
                  loading={open.isPending || dismiss.isPending}
                  testId="inbox-confirm"
                />
              )}
            </Stack>
          </form>
        )}
      </ListState>
    </AppModal>
  );
}
