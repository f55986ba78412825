import { Anchor, Badge, Button, Card, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DELIVERY_STATUSES, type DeliveryLogView, type DeliveryStatus } from '../../../contracts/documents.ts';
import { api, withQuery } from '../../app/api.ts';
import { EmptyState } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { documentKeys } from './keys.ts';

const COLORS: Record<DeliveryStatus, string> = {
  pending: 'gray',
  sending: 'navy',
  sent: 'green',
  failed: 'red',
  uncertain: 'dark',
  skipped: 'gray',
};
const LIMIT = 50;

/** Every recipient of a newsletter and where their copy stands; polls while a send is running. */
export default function DeliveryLogPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [offset, setOffset] = useState(0);
  const log = useQuery({
    queryKey: documentKeys.deliveries(id, status, offset),
    queryFn: () =>
      api<DeliveryLogView>(`/api/newsletters/${id}/deliveries`, { query: { status, limit: LIMIT, offset } }),
    refetchInterval: (query) => (query.state.data?.running ? 2000 : false),
  });
  const retry = useMutation({
    mutationFn: () => api<{ retried: number }>(`/api/newsletters/${id}/retry`, { method: 'POST' }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: documentKeys.deliveriesOf(id) });
      notifySuccess(t('library.deliveries.retried', { n: result.retried }));
    },
    onError: (error) => notifyError(error),
  });
  const data = log.data;
  const month = data ? data.newsletter.month.split('-').reverse().join('/') : '';
  const counts = data?.counts;
  const queued = counts ? counts.total - counts.skipped : 0;
  const done = counts ? counts.sent + counts.failed + counts.uncertain : 0;
  const percent = queued > 0 ? Math.round((done / queued) * 100) : 0;
  return (
    <>
      <PageHeader
        title={data ? t('library.deliveries.title', { month }) : t('library.deliveries.open')}
        description={t('library.deliveries.intro')}
        actions={
          <Anchor component={Link} to="/app/newsletters" size="sm">
            {t('library.deliveries.back')}
          </Anchor>
        }
      />
      <ListState query={log}>
        {() =>
          data &&
          counts && (
            <Stack gap="md">
              <Card withBorder radius="md" padding="md">
                <Stack gap="xs">
                  <Text size="sm">
                    {t('library.deliveries.unit', {
                      unit: data.newsletter.unit?.name ?? t('library.deliveries.national'),
                    })}
                  </Text>
                  {data.newsletter.status === 'draft' ? (
                    <Text size="sm">{t('library.deliveries.notSent')}</Text>
                  ) : (
                    <>
                      <Group justify="space-between" gap="xs">
                        <Text size="sm" fw={600} id="delivery-progress-label">
                          {t('library.deliveries.progress')}
                        </Text>
                        <Text size="sm" aria-live="polite" data-testid="delivery-progress-text">
                          {t('library.deliveries.progressText', {
                            done: format.number(done),
                            total: format.number(queued),
                          })}{' '}
                          · {data.running ? t('library.deliveries.running') : t('library.deliveries.finished')}
                        </Text>
                      </Group>
                      <Progress
                        value={percent}
                        size="lg"
                        radius="md"
                        animated={data.running}
                        aria-label={t('library.deliveries.progress')}
                        color={counts.failed > 0 ? 'orange' : 'green'}
                      />
                    </>
                  )}
                  <Group gap="xs" data-testid="delivery-counts">
                    {DELIVERY_STATUSES.filter((s) => counts[s] > 0).map((s) => (
                      <Badge key={s} color={COLORS[s]} variant="light">
                        {t(`library.deliveries.statuses.${s}`)}: {format.number(counts[s])}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              </Card>
              <Card withBorder radius="md" padding="md">
                <Group justify="space-between" align="flex-end" gap="sm" mb="sm">
                  <Select
                    label={t('library.deliveries.status')}
                    w={260}
                    data={[
                      { value: '', label: t('library.deliveries.all', { n: counts.total }) },
                      ...DELIVERY_STATUSES.map((s) => ({
                        value: s,
                        label: `${t(`library.deliveries.statuses.${s}`)} (${counts[s]})`,
                      })),
                    ]}
                    value={status ?? ''}
                    onChange={(value) => {
                      setStatus(value ? value : null);
                      setOffset(0);
                    }}
                    allowDeselect={false}
                    data-testid="delivery-status-filter"
                  />
                  <Group gap="xs">
                    <Button
                      component="a"
                      href={withQuery(`/api/newsletters/${id}/deliveries.csv`, { status })}
                      variant="default"
                      data-testid="delivery-export"
                    >
                      {t('library.deliveries.export')}
                    </Button>
                    {counts.failed > 0 && (
                      <Button onClick={() => retry.mutate()} loading={retry.isPending} data-testid="delivery-retry">
                        {t('library.deliveries.retry', { n: counts.failed })}
                      </Button>
                    )}
                  </Group>
                </Group>
                {(counts.failed > 0 || counts.uncertain > 0) && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('library.deliveries.retryHint')}
                  </Text>
                )}
                {data.rows.length === 0 ? (
                  <EmptyState>{t('library.deliveries.empty')}</EmptyState>
                ) : (
                  <ListTable
                    label={t('library.deliveries.title', { month })}
                    minWidth={720}
                    verticalSpacing="xs"
                    data-testid="delivery-table"
                    columns={[
                      t('library.deliveries.email'),
                      t('library.deliveries.status'),
                      t('library.deliveries.error'),
                      t('library.deliveries.attempts'),
                      t('library.deliveries.sentAt'),
                    ]}
                  >
                    {data.rows.map((r) => (
                      <Table.Tr key={r.email}>
                        <Table.Td>
                          <Text size="sm">{r.email}</Text>
                          {r.unsubscribedAt && r.status !== 'skipped' && (
                            <Text size="xs" c="dimmed">
                              {t('library.deliveries.unsubscribedAfter')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={COLORS[r.status]} variant="light">
                            {t(`library.deliveries.statuses.${r.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" style={{ wordBreak: 'break-word' }}>
                            {r.error ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>{r.attempts}</Table.Td>
                        <Table.Td>{format.dateTime(r.sentAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </ListTable>
                )}
                <Pager total={data.matched} limit={LIMIT} offset={offset} onChange={setOffset} />
              </Card>
            </Stack>
          )
        }
      </ListState>
    </>
  );
}
