import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportDashboard } from '../../../contracts/support.ts';
import { api, withQuery } from '../../app/api.ts';
import { EmptyState } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { supportKeys } from './keys.ts';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/** Open requests by unit and age, service levels, volume and satisfaction over the officer's scope. */
export default function SupportDashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = { from: from || undefined, to: to || undefined };
  const query = useQuery({
    queryKey: supportKeys.dashboard(from, to),
    queryFn: () => api<SupportDashboard>('/api/support/dashboard', { query: range }),
  });
  const pct = (value: number | null) => (value === null ? '—' : `${format.number(value)} %`);
  const minutes = (value: number | null) =>
    value === null
      ? '—'
      : value < 120
        ? t('support.dash.minutes', { n: value })
        : t('support.dash.hours', { n: Math.round(value / 6) / 10 });
  const d = query.data;
  return (
    <>
      <PageHeader
        title={t('support.dash.title')}
        description={d ? t('support.dash.range', { from: format.date(d.from), to: format.date(d.to) }) : undefined}
        actions={
          <Button
            component="a"
            href={withQuery('/api/support/requests.csv', range)}
            variant="default"
            data-testid="support-csv"
          >
            {t('support.dash.csv')}
          </Button>
        }
      />
      <Group mb="md" gap="sm">
        <TextInput
          type="date"
          label={t('support.dash.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput type="date" label={t('support.dash.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <ListState query={query}>
        {(d) => (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
              <Stat label={t('support.dash.firstOnTime')} value={pct(d.sla.firstResponseOnTime)} />
              <Stat label={t('support.dash.resolvedOnTime')} value={pct(d.sla.resolvedOnTime)} />
              <Stat label={t('support.dash.medianFirst')} value={minutes(d.sla.medianFirstResponseMinutes)} />
              <Stat label={t('support.dash.medianResolution')} value={minutes(d.sla.medianResolutionMinutes)} />
              <Stat label={t('support.dash.resolved')} value={format.number(d.sla.resolved)} />
              <Stat
                label={t('support.dash.rated')}
                value={
                  d.satisfaction.rated === null ? t('support.dash.unpublished') : format.number(d.satisfaction.rated)
                }
              />
              <Stat label={t('support.dash.helpful')} value={pct(d.satisfaction.helpful)} />
              <Stat label={t('support.dash.fast')} value={pct(d.satisfaction.fast)} />
            </SimpleGrid>
            <Text size="sm" c="dimmed" mb="md" data-testid="support-satisfaction-note">
              {t('support.dash.satisfactionNote')}
            </Text>
            <Card withBorder radius="md" padding="md" mb="md">
              <Title order={2} size="h4" mb="sm">
                {t('support.dash.openByUnit')}
              </Title>
              {d.openByUnit.length === 0 ? (
                <EmptyState>{t('support.dash.noneOpen')}</EmptyState>
              ) : (
                <ListTable
                  label={t('support.dash.openByUnit')}
                  minWidth={560}
                  columns={[
                    t('support.desk.team'),
                    t('support.dash.lt1d'),
                    t('support.dash.d1to3'),
                    t('support.dash.d3to7'),
                    t('support.dash.gt7d'),
                  ]}
                >
                  {d.openByUnit.map((u) => (
                    <Table.Tr key={u.unitCode}>
                      <Table.Th scope="row">
                        {u.unitCode} — {u.unitName}
                      </Table.Th>
                      <Table.Td>{u.lt1d}</Table.Td>
                      <Table.Td>{u.d1to3}</Table.Td>
                      <Table.Td>{u.d3to7}</Table.Td>
                      <Table.Td>{u.gt7d}</Table.Td>
                    </Table.Tr>
                  ))}
                </ListTable>
              )}
            </Card>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder radius="md" padding="md">
                <Title order={2} size="h4" mb="sm" id="by-category">
                  {t('support.dash.byCategory')}
                </Title>
                <BarChart
                  h={260}
                  data={d.byCategory.map((c) => ({ label: t(`support.categories.${c.category}`), count: c.count }))}
                  dataKey="label"
                  series={[{ name: 'count', label: t('support.dash.requests'), color: 'navy.7' }]}
                  orientation="vertical"
                  yAxisProps={{ width: 150 }}
                  aria-labelledby="by-category"
                />
              </Card>
              <Card withBorder radius="md" padding="md">
                <Title order={2} size="h4" mb="sm">
                  {t('support.dash.byChannel')}
                </Title>
                <Table>
                  <Table.Tbody>
                    {d.byChannel.map((c) => (
                      <Table.Tr key={c.channel}>
                        <Table.Th scope="row">{t(`support.channels.${c.channel}`)}</Table.Th>
                        <Table.Td>{format.number(c.count)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            </SimpleGrid>
          </>
        )}
      </ListState>
    </>
  );
}
