// The figures of a unit or an officer over a released period: declarations rated,
// satisfied share, mean stars, ratings (and businesses, for a single month); the
// stars and the flags raised beneath. A figure that is not published says so
// calmly, with the rule, and never a number.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_KINDS } from '../../../contracts/assessments.ts';
import type { Figures } from '../../../contracts/dashboards.ts';
import { MIN_BUSINESSES } from '../../../contracts/periods.ts';
import { Alert as AlertIcon } from '../../components/icons.tsx';
import { useResultsFormat } from './format.ts';

export function flagTotal(figures: Figures): number | null {
  const flags = figures.flags;
  return flags ? FLAG_KINDS.reduce((sum, kind) => sum + flags[kind], 0) : null;
}

/** In a table cell or a card: the figure is not published (no count, no reason that hints at one). */
export function NotPublished() {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="dimmed" fs="italic" data-testid="not-published">
      {t('results.notPublished')}
    </Text>
  );
}

/** Instead of the figures: why there are none. */
export function UnpublishedNotice({
  minimum = MIN_BUSINESSES,
  testId = 'unpublished-notice',
}: {
  minimum?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<AlertIcon />}
      title={t('results.notPublished')}
      // Mantine's grey words on its light grey fail contrast: keep the calm grey, darken the words.
      styles={{ title: { color: 'var(--mantine-color-dark-9)' }, icon: { color: 'var(--mantine-color-dark-6)' } }}
      data-testid={testId}
    >
      <Text size="sm">{t('results.unpublished', { minimum })}</Text>
    </Alert>
  );
}

/** "Tổng hợp 10/12 tháng đã công bố" when a period sums several months. */
export function Coverage({ figures, testId = 'figures-coverage' }: { figures: Figures; testId?: string }) {
  const { t } = useTranslation();
  if (figures.monthsInPeriod <= 1 || !figures.published) return null;
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {t('results.coverage', { shown: figures.monthsShown, total: figures.monthsInPeriod })}
      {figures.monthsShown < figures.monthsInPeriod && ` ${t('results.coveragePartial')}`}
    </Text>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} c="navy.8" lh={1.3} mt={4} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The headline cards; when the figure is not published, the notice instead. */
export function FigureCards({
  figures,
  minimum,
  kind,
}: {
  figures: Figures;
  minimum: number;
  kind: 'unit' | 'officer';
}) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  if (!figures.published) return <UnpublishedNotice minimum={minimum} />;
  const cards: { key: string; label: string; value: string; hint?: string }[] = [];
  if (figures.declarations !== null)
    cards.push({
      key: 'declarations',
      label: t('results.figures.declarations'),
      value: format.count(figures.declarations),
      hint: t(`results.figures.declarationsHint.${kind}`),
    });
  if (figures.satisfiedShare !== null)
    cards.push({
      key: 'satisfied',
      label: t('results.figures.satisfied'),
      value: format.percent(figures.satisfiedShare),
      hint: t('results.figures.satisfiedHint'),
    });
  if (figures.meanStars !== null)
    cards.push({
      key: 'mean',
      label: t('results.figures.mean'),
      value: `${format.mean(figures.meanStars)} / 5`,
      hint: t('results.figures.meanHint'),
    });
  if (figures.ratings !== null)
    cards.push({
      key: 'ratings',
      label: t('results.figures.ratings'),
      value: format.count(figures.ratings),
      hint: t(`results.figures.ratingsHint.${kind}`),
    });
  if (figures.businesses !== null)
    cards.push({
      key: 'businesses',
      label: t('results.figures.businesses'),
      value: format.count(figures.businesses),
      hint: t('results.figures.businessesHint'),
    });
  return (
    <div>
      <SimpleGrid cols={{ base: 1, xs: 2, md: cards.length > 4 ? 5 : 4 }} spacing="sm" data-testid="figure-cards">
        {cards.map((card) => (
          <Stat key={card.key} label={card.label} value={card.value} hint={card.hint} testId={`figure-${card.key}`} />
        ))}
      </SimpleGrid>
      {figures.businesses === null && figures.monthsInPeriod > 1 && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('results.figures.businessesMonthOnly')}
        </Text>
      )}
    </div>
  );
}

/** The unit's ratings of itself, apart from those of the units and officers under it. */
export function OwnFigures({ figures, unitName }: { figures: Figures; unitName: string }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const titleId = useId();
  const items: [string, ReactNode][] = figures.published
    ? [
        [t('results.figures.declarations'), figures.declarations === null ? '—' : format.count(figures.declarations)],
        [
          t('results.figures.satisfied'),
          figures.satisfiedShare === null ? '—' : format.percent(figures.satisfiedShare),
        ],
        [t('results.figures.mean'), figures.meanStars === null ? '—' : `${format.mean(figures.meanStars)} / 5`],
        [t('results.figures.ratings'), figures.ratings === null ? '—' : format.count(figures.ratings)],
      ]
    : [];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={titleId} data-testid="own-figures">
      <Title order={2} size="h4" id={titleId}>
        {t('results.own.title', { name: unitName })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('results.own.help')}
      </Text>
      {figures.published ? (
        <>
          <Group gap="xl" wrap="wrap" component="dl" style={{ margin: 0 }}>
            {items.map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="xs" c="dimmed" fw={600}>
                  {label}
                </Text>
                <Text component="dd" fw={700} fz="lg" c="navy.8" m={0}>
                  {value}
                </Text>
              </div>
            ))}
          </Group>
          <Coverage figures={figures} testId="own-coverage" />
        </>
      ) : (
        <NotPublished />
      )}
    </Card>
  );
}

/** Stars 1–5 as a bar chart, with the same numbers in a table for screen readers. */
export function DistributionChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const distribution = figures.distribution;
  if (!figures.published || !distribution) return null;
  const data = (['1', '2', '3', '4', '5'] as const).map((star) => ({
    stars: t('results.stars', { count: Number(star) }),
    count: distribution[star],
  }));
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="distribution-title">
      <Title order={2} size="h4" id="distribution-title" mb="sm">
        {t('results.distribution')}
      </Title>
      <figure style={{ margin: 0 }}>
        <div aria-hidden="true">
          <BarChart
            h={220}
            data={data}
            dataKey="stars"
            series={[{ name: 'count', label: t('results.figures.ratings'), color: 'navy.6' }]}
            valueFormatter={(value) => format.count(value)}
            accessibilityLayer={false}
            tickLine="y"
            gridAxis="y"
          />
        </div>
        <VisuallyHidden>
          <table>
            <caption>{t('results.distribution')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.starsColumn')}</th>
                <th scope="col">{t('results.figures.ratings')}</th>
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
    </Card>
  );
}

/** Flags the businesses raised in these ratings, by kind: raised, not found true. */
export function FlagsTable({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const flags = figures.flags;
  if (!figures.published || !flags) return null;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="flags-title">
      <Title order={2} size="h4" id="flags-title">
        {t('results.flagsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('results.flagsHelp')}
      </Text>
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
    </Card>
  );
}
