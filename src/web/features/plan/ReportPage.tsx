// The year-end report of a unit, in the form a department sends to the General
// Department: every target with its result and status, the units below, the
// activities. Printed from the browser (the print stylesheet hides the app's chrome).
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PLAN_CONTENTS, type PlanDetail } from '../../../contracts/plan.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageLoader.tsx';
import { planKeys } from './keys.ts';
import { formatValue } from './parts.tsx';
import './plan.css';

export default function PlanReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = useQuery({ queryKey: planKeys.detail(id), queryFn: () => api<PlanDetail>(`/api/plans/${id}`) });
  usePageTitle(t('plan.yearEndReport'));
  if (plan.isPending) return <TableSkeleton />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  return (
    <Stack className="plan-report" data-testid="plan-report">
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed">
          {t('plan.printHelp')}
        </Text>
        <Button onClick={() => window.print()} data-testid="plan-print">
          {t('plan.print')}
        </Button>
      </Group>
      <Text ta="center" fw={600}>
        {p.unit.name.toUpperCase()}
      </Text>
      <Title order={1} size="h3" ta="center">
        {t('plan.reportHeading', { year: p.year })}
      </Title>
      <Text ta="center" size="sm">
        {p.title}
      </Text>
      {PLAN_CONTENTS.map((content, index) => {
        const targets = p.targets_.filter((tg) => tg.content === content);
        if (targets.length === 0) return null;
        return (
          <Stack key={content} gap={4}>
            <Title order={2} size="h5">
              {['I', 'II', 'III', 'IV', 'V'][index]}. {t(`plan.contents.${content}`)}
            </Title>
            <Table withTableBorder withColumnBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.targetTitle')}</Table.Th>
                  <Table.Th>{t('plan.value')}</Table.Th>
                  <Table.Th>{t('plan.current')}</Table.Th>
                  <Table.Th>{t('plan.statusLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {targets.map((tg) => (
                  <Table.Tr key={tg.id}>
                    <Table.Td>{tg.title}</Table.Td>
                    <Table.Td>{formatValue(tg, tg.value)}</Table.Td>
                    <Table.Td>
                      {tg.measured
                        ? formatValue(tg, tg.progress.value)
                        : t('plan.unitsDone', { done: tg.progress.value ?? 0, of: tg.progress.expected ?? 0 })}
                    </Table.Td>
                    <Table.Td>{t(`plan.status.${tg.progress.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      })}
      {p.activities.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('plan.activities')}
          </Title>
          {p.activities.map((a) => (
            <Text size="sm" key={a.id}>
              {a.startsOn}: {a.title} ({a.ownerName}) — {t(`plan.activityStatus.${a.status}`)}
            </Text>
          ))}
        </Stack>
      )}
      {p.children.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('plan.children')}
          </Title>
          {p.children.map((c) => (
            <Text size="sm" key={c.id}>
              {c.unit.code} — {c.unit.name}:{' '}
              {t('plan.childSummary', {
                achieved: c.counts.achieved,
                onTrack: c.counts.on_track,
                atRisk: c.counts.at_risk,
                missed: c.counts.missed,
              })}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
