import {
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  NumberInput,
  Progress,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView, ProgressRow } from '../../../contracts/agreements.ts';
import { api, withQuery } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { Plus, Search } from '../../components/icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CreateAgreementModal } from './CreateAgreementModal.tsx';
import { StatusModal } from './StatusModal.tsx';
import { agreementKeys } from './keys.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';

export const STATUS_COLORS = {
  draft: 'gray',
  signed: 'navy',
  in_force: 'green',
  expired: 'gray',
  terminated: 'red',
} as const;

/** Agreements by unit: progress toward the year's target, the table, export. */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const organizer = mayOrganize(me);
  const [year, setYear] = useState<number>(() => Number(vietnamDay(new Date()).slice(0, 4)));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<AgreementView | null>(null);
  const client = useQueryClient();
  const progress = useQuery({
    queryKey: agreementKeys.progress(year),
    queryFn: () => api<ProgressRow[]>('/api/agreements/progress', { query: { year } }),
    enabled: organizer,
  });
  const list = useQuery({
    queryKey: agreementKeys.list(year, q),
    queryFn: () => api<AgreementView[]>('/api/agreements', { query: { year, q, limit: 500 } }),
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: agreementKeys.all });
    await client.invalidateQueries({ queryKey: agreementKeys.progressAll });
  };

  async function upload(agreement: AgreementView, file: File | null) {
    if (!file || !me) return;
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(`/api/agreements/${agreement.id}/document`, {
      method: 'POST',
      body,
      headers: { 'x-csrf-token': me.csrfToken },
      credentials: 'same-origin',
    });
    if (!response.ok) {
      const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      notifyError(new Error(error?.error?.message ?? response.statusText));
      return;
    }
    notifySuccess(t('partnership.agreements.uploaded'));
    await refresh();
  }

  return (
    <>
      <PageHeader
        title={t('partnership.agreements.title')}
        description={t('partnership.agreements.intro')}
        actions={
          <>
            {organizer && (
              <Button leftSection={<Plus />} onClick={() => setCreating(true)} data-testid="agreement-create">
                {t('partnership.agreements.create')}
              </Button>
            )}
            <Button
              component="a"
              variant="default"
              href={withQuery('/api/agreements/export', { format: 'xlsx', year })}
              download
            >
              {t('partnership.agreements.exportExcel')}
            </Button>
            <Button
              component="a"
              variant="default"
              href={withQuery('/api/agreements/export', { format: 'csv', year })}
              download
            >
              {t('partnership.agreements.exportCsv')}
            </Button>
          </>
        }
      />
      <Group mb="md" gap="sm">
        <NumberInput
          label={t('partnership.agreements.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2000}
          max={2100}
          w={140}
          data-testid="agreement-year"
        />
        <TextInput
          label={t('partnership.agreements.search')}
          leftSection={<Search size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 240px' }}
        />
      </Group>
      {organizer && (
        <Card withBorder radius="md" padding="md" mb="md">
          <Title order={2} size="h4" mb="sm">
            {t('partnership.agreements.progress', { year })}
          </Title>
          <ListState query={progress} empty={t('partnership.agreements.noTargets')}>
            {(data) => (
              <ListTable
                label={t('partnership.agreements.progress', { year })}
                minWidth={640}
                data-testid="agreement-progress"
                columns={[
                  t('partnership.agreements.unit'),
                  t('partnership.agreements.target'),
                  t('partnership.agreements.signed'),
                  t('partnership.agreements.inForce'),
                  t('partnership.agreements.percent'),
                ]}
              >
                {data.map((row) => (
                  <Table.Tr key={row.unit.id} data-testid={`progress-${row.unit.code}`}>
                    <Table.Td>
                      {row.unit.code} — {row.unit.name}
                    </Table.Td>
                    <Table.Td>
                      {row.targetMin === null
                        ? '—'
                        : row.targetMax
                          ? `${row.targetMin}–${row.targetMax}`
                          : row.targetMin}
                    </Table.Td>
                    <Table.Td data-testid="progress-signed">{format.number(row.signed)}</Table.Td>
                    <Table.Td>{format.number(row.inForce)}</Table.Td>
                    <Table.Td style={{ minWidth: 160 }}>
                      {row.percent === null ? (
                        '—'
                      ) : (
                        <Group gap="xs" wrap="nowrap">
                          <Progress
                            value={Math.min(100, row.percent)}
                            w={100}
                            aria-label={`${row.unit.code}: ${row.percent}%`}
                            color={row.percent >= 100 ? 'green' : 'navy'}
                          />
                          <Text size="sm">{row.percent}%</Text>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            )}
          </ListState>
        </Card>
      )}
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('partnership.agreements.list')}
        </Title>
        <ListState query={list} empty={t('partnership.agreements.empty')}>
          {(data) => (
            <ListTable
              label={t('partnership.agreements.list')}
              minWidth={900}
              verticalSpacing="xs"
              data-testid="agreement-table"
              columns={[
                t('partnership.agreements.number'),
                t('partnership.agreements.party'),
                t('partnership.agreements.unit'),
                t('partnership.agreements.signedOn'),
                t('partnership.agreements.expiresOn'),
                t('partnership.agreements.status'),
                t('partnership.agreements.document'),
                organizer && t('common.actions'),
              ]}
            >
              {data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {a.number}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`partnership.agreements.kinds.${a.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {a.party.name}
                    {a.party.taxCode && (
                      <Text size="xs" c="dimmed">
                        {t('common.taxCode')} {a.party.taxCode}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.unit.code}</Table.Td>
                  <Table.Td>{format.date(a.signedOn)}</Table.Td>
                  <Table.Td>{format.date(a.expiresOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[a.status]}>{t(`partnership.agreements.statuses.${a.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.document ? (
                      <Anchor href={`/api/agreements/${a.id}/document`} size="sm">
                        {a.document.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  {organizer && (
                    <Table.Td>
                      {a.canManage && (
                        <Group gap={4} wrap="nowrap">
                          {a.nextStatuses.length > 0 && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => setChanging(a)}
                              aria-label={`${t('partnership.agreements.changeStatus')} ${a.number}`}
                            >
                              {t('partnership.agreements.changeStatus')}
                            </Button>
                          )}
                          <FileButton accept="application/pdf" onChange={(file) => void upload(a, file)}>
                            {(props) => (
                              <Button
                                {...props}
                                size="compact-xs"
                                variant="default"
                                aria-label={`${t('partnership.agreements.uploadPdf')} ${a.number}`}
                              >
                                {t('partnership.agreements.uploadPdf')}
                              </Button>
                            )}
                          </FileButton>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </Card>
      {creating && <CreateAgreementModal onClose={() => setCreating(false)} onDone={refresh} />}
      {changing && <StatusModal agreement={changing} onClose={() => setChanging(null)} onDone={refresh} />}
    </>
  );
}
