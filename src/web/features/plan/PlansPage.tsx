// The year's plans: the national plan, the caller's own unit's, and every plan in scope.
import { Anchor, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PlanDetail, PlanList } from '../../../contracts/plan.ts';
import { api } from '../../app/api.ts';
import { EmptyState, QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageLoader.tsx';
import { notifyError } from '../../lib/notify.ts';
import { planKeys } from './keys.ts';
import { StatusChart } from './parts.tsx';

export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [title, setTitle] = useState('');
  const list = useQuery({
    queryKey: planKeys.list(year),
    queryFn: () => api<PlanList>(`/api/plans?year=${String(year)}`),
  });

  async function create() {
    try {
      const plan = await api<PlanDetail>('/api/plans', {
        method: 'POST',
        body: { year, title: title || t('plan.defaultTitle', { year }) },
      });
      await client.invalidateQueries({ queryKey: planKeys.all });
      void navigate(`/app/ke-hoach/${plan.id}`);
    } catch (error) {
      notifyError(error);
    }
  }

  const data = list.data;
  return (
    <Stack>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.description')}
        actions={
          <NumberInput
            label={t('plan.year')}
            value={year}
            onChange={(v) => setYear(Number(v) || year)}
            min={2020}
            max={2100}
            w={120}
          />
        }
      />
      {list.isPending && <TableSkeleton />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {data && (
        <>
          {data.canCreateNational && (
            <Card withBorder>
              <Group align="flex-end">
                <TextInput
                  label={t('plan.newTitle')}
                  placeholder={t('plan.defaultTitle', { year })}
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                  style={{ flex: '1 1 260px' }}
                />
                <Button onClick={() => void create()} data-testid="plan-create">
                  {t('plan.create')}
                </Button>
              </Group>
            </Card>
          )}
          {data.national && (
            <Card withBorder>
              <Text fw={600}>{t('plan.national')}</Text>
              <Anchor component={Link} to={`/app/ke-hoach/${data.national.id}`} data-testid="plan-national">
                {data.national.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`plan.planStatus.${data.national.status}`)} ·{' '}
                {t('plan.targetCount', { count: data.national.targets })}
              </Text>
            </Card>
          )}
          {data.own && data.own.id !== data.national?.id && (
            <Card withBorder>
              <Text fw={600}>{t('plan.own', { unit: data.own.unit.name })}</Text>
              <Anchor component={Link} to={`/app/ke-hoach/${data.own.id}`} data-testid="plan-own">
                {data.own.title}
              </Anchor>
              <StatusChart counts={data.own.counts} />
            </Card>
          )}
          {data.plans.length === 0 ? (
            <EmptyState>{t('plan.none')}</EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.unit')}</Table.Th>
                    <Table.Th>{t('plan.targets')}</Table.Th>
                    <Table.Th>{t('plan.status.on_track')}</Table.Th>
                    <Table.Th>{t('plan.status.at_risk')}</Table.Th>
                    <Table.Th>{t('plan.status.missed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.plans.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/app/ke-hoach/${p.id}`}>
                          {p.unit.code} — {p.unit.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.targets}</Table.Td>
                      <Table.Td>{p.counts.on_track + p.counts.achieved}</Table.Td>
                      <Table.Td>{p.counts.at_risk}</Table.Td>
                      <Table.Td>{p.counts.missed}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
