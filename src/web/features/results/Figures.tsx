// The headline figures of a unit or an officer: count, mean, satisfied share,
// flags, and the distribution of stars. Withheld figures say so; never a zero.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_KINDS } from '../../../contracts/assessments.ts';
import type { DashboardFigures } from '../../../contracts/dashboards.ts';
import { Alert as AlertIcon } from '../../components/icons.tsx';
import { useResultsFormat } from './format.ts';

export function flagTotal(figures: DashboardFigures): number | null {
  return figures.flags ? FLAG_KINDS.reduce((sum, kind) => sum + (figures.flags?.[kind] ?? 0), 0) : null;
}

/** Why a figure is missing: too few assessments to show (withheld), or none at all. */
export function Missing({ figures }: { figures: { count: number; withheld: boolean } }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="dimmed" fs="italic" data-testid={figures.withheld ? 'withheld' : 'no-data'}>
      {figures.withheld ? t('results.withheld') : t('results.noData')}
    </Text>
  );
}

export function WithheldNotice({ figures, minimum }: { figures: DashboardFigures; minimum: number }) {
  const { t } = useTranslation();
  if (!figures.withheld) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<AlertIcon />}
      title={t('results.withheld')}
      // Mantine's yellow text on its light yellow fails contrast: keep the yellow, darken the words.
      styles={{ title: { color: 'var(--mantine-color-dark-9)' }, icon: { color: 'var(--mantine-color-dark-7)' } }}
      data-testid="withheld-notice"
    >
      {t('results.withheldDetail', { count: figures.count, minimum })}
    </Alert>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      {typeof value === 'string' ? (
        <Text fz={26} fw={700} c="navy.8" lh={1.3} mt={4} data-testid={`${testId}-value`}>
          {value}
        </Text>
      ) : (
        <Text component="div" mt={8} data-testid={`${testId}-value`}>
          {value}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function FigureCards({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const missing = <Missing figures={figures} />;
  const flags = flagTotal(figures);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Stat label={t('results.figures.count')} value={format.count(figures.count)} testId="figure-count" />
      <Stat label={t('results.figures.mean')} value={figures.meanStars === null ? missing : `${format.mean(figures.meanStars)} / 5`} testId="figure-mean" />
      <Stat
        label={t('results.figures.satisfied')}
        value={figures.satisfiedShare === null ? missing : format.percent(figures.satisfiedShare)}
        hint={t('results.figures.satisfiedHint')}
        testId="figure-satisfied"
      />
      <Stat label={t('results.figures.flags')} value={flags === null ? missing : format.count(flags)} testId="figure-flags" />
    </SimpleGrid>
  );
}

/** Stars 1–5 as a bar chart, with the same numbers in a table for screen readers. */
export function DistributionChart({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const distribution = figures.distribution;
  const data = distribution ? (['1', '2', '3', '4', '5'] as const).map((star) => ({ stars: t('results.stars', { count: Number(star) }), count: distribution[star] })) : [];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="distribution-title">
      <Title order={2} size="h4" id="distribution-title" mb="sm">
        {t('results.distribution')}
      </Title>
      {distribution ? (
        <figure style={{ margin: 0 }}>
          <div aria-hidden="true">
            <BarChart h={220} data={data} dataKey="stars" series={[{ name: 'count', label: t('results.figures.count'), color: 'navy.6' }]} accessibilityLayer={false} tickLine="y" gridAxis="y" />
          </div>
          <VisuallyHidden>
            <table>
              <caption>{t('results.distribution')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.starsColumn')}</th>
                  <th scope="col">{t('results.figures.count')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr key={row.stars}>
                    <th scope="row">{row.stars}</th>
                    <td>{format.count(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </figure>
      ) : (
        <Missing figures={figures} />
      )}
    </Card>
  );
}

export function FlagsTable({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const flags = figures.flags;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="flags-title">
      <Title order={2} size="h4" id="flags-title" mb="sm">
        {t('results.flagsTitle')}
      </Title>
      {flags ? (
        <Table verticalSpacing={6} data-testid="flags-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.flagKind')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('results.flagCount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FLAG_KINDS.map((kind) => (
              <Table.Tr key={kind}>
                <Table.Th scope="row" fw={400}>
                  {t(`results.flags.${kind}`)}
                </Table.Th>
                <Table.Td ta="right">{format.count(flags[kind])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Missing figures={figures} />
      )}
    </Card>
  );
}
