// Small pieces shared by the plan pages: status badges, values in the measure's terms, the status chart.
import { Badge, Group, Progress, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { PlanTarget, StatusCounts, TargetStatus } from '../../../contracts/plan.ts';

export const STATUS_COLORS: Record<TargetStatus, string> = {
  achieved: 'teal.9',
  on_track: 'green.9',
  at_risk: 'orange.9',
  missed: 'red.9',
  no_data: 'gray.7',
};

export function StatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" data-testid={`status-${status}`}>
      {t(`plan.status.${status}`)}
    </Badge>
  );
}

/** A value in its measure's terms: shares in percent, hours with "h". */
export function formatValue(target: Pick<PlanTarget, 'measureDefinition'>, value: number | null): string {
  if (value === null) return '—';
  const kind = target.measureDefinition?.kind;
  const n = Math.round(value * 100) / 100;
  return kind === 'share' ? `${String(n)} %` : kind === 'median_hours' ? `${String(n)} h` : String(n);
}

export function ProgressCell({ progress }: { progress: number | null }) {
  if (progress === null) return <Text size="sm">—</Text>;
  const percent = Math.round(progress * 100);
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={Math.min(100, percent)} w={70} aria-label={`${String(percent)} %`} />
      <Text size="sm">{percent} %</Text>
    </Group>
  );
}

export function StatusChart({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const data = (Object.keys(STATUS_COLORS) as TargetStatus[]).map((status) => ({
    status: t(`plan.status.${status}`),
    targets: counts[status],
  }));
  return (
    <BarChart
      h={180}
      data={data}
      dataKey="status"
      series={[{ name: 'targets', label: t('plan.targets'), color: 'navy.7' }]}
      aria-label={t('plan.chartLabel')}
    />
  );
}
