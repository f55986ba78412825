// The printable monthly report of a unit: one released month against the month
// before, its own ratings, the units and officers under it, and the flag cases
// of the month. Only released months can be chosen.
import { Alert, Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FLAG_KINDS } from '../../../contracts/assessments.ts';
import type { Figures, MonthlyReport } from '../../../contracts/dashboards.ts';
import type { PeriodsResponse } from '../../../contracts/periods.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { Alert as AlertIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { flagTotal, NotPublished, OwnFigures, UnpublishedNotice } from './Figures.tsx';
import { useResultsFormat, type ResultsFormat } from './format.ts';
import { isMonth, useMonthlyReport, usePeriods, useUnitDashboard } from './query.ts';
import { rankRows } from './Ranking.tsx';
import { NothingReleased, ResultsFooter } from './Release.tsx';
import './results.css';

export default function MonthlyReportPage() {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const [params, setParams] = useSearchParams();
  const periods = usePeriods();
  const released = (periods.data?.periods ?? [])
    .filter((period) => period.kind === 'month')
    .map((period) => period.key);
  const asked = params.get('month');
  // A month in the URL is asked for only once it is known to be released; otherwise the latest is shown, and we say so.
  const month = isMonth(asked) && released.includes(asked) ? asked : null;
  const refused = asked !== null && periods.data !== undefined && month === null;
  const unitParam = params.get('unit');
  const fallback = useUnitDashboard(undefined, null, !unitParam);
  const unitId = unitParam ?? fallback.data?.unit.id ?? null;
  const query = useMonthlyReport(unitId, month, periods.data !== undefined);

  const error = periods.error ?? fallback.error ?? query.error;
  if (error) {
    return (
      <>
        <PageHeader title={t('results.report.heading')} />
        <QueryError
          error={error}
          onRetry={() => void (periods.error ? periods.refetch() : unitParam ? query.refetch() : fallback.refetch())}
        />
      </>
    );
  }
  if (!query.data || !periods.data) return <PageLoader />;
  const data = query.data;
  const choose = (value: string) =>
    setParams(new URLSearchParams({ unit: data.unit.id, month: value }), { preventScrollReset: true });
  return (
    <Stack
      gap="md"
      className="print-report"
      data-testid="monthly-report"
      aria-busy={query.isPlaceholderData}
      style={{ opacity: query.isPlaceholderData ? 0.7 : 1 }}
    >
      <Group className="no-print" justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Anchor
          component={Link}
          to={`/app/ket-qua/don-vi/${data.unit.id}${data.month ? `?period=${data.month}` : ''}`}
          size="sm"
        >
          ‹ {t('results.report.back')}
        </Anchor>
        {data.month && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('results.report.month')}
              description={t('results.report.monthHelp')}
              data={released.map((m) => ({ value: m, label: format.month(m) }))}
              value={data.month}
              allowDeselect={false}
              onChange={(value) => value && value !== data.month && choose(value)}
              data-testid="report-month"
              w={{ base: '100%', xs: 220 }}
            />
            <Button onClick={() => window.print()} data-testid="report-print">
              {t('results.report.print')}
            </Button>
          </Group>
        )}
      </Group>
      {refused && (
        <Alert
          color="gray"
          variant="light"
          icon={<AlertIcon />}
          className="no-print"
          styles={{ icon: { color: 'var(--mantine-color-dark-6)' } }}
          data-testid="unreleased-month"
        >
          <Text size="sm">
            {!isMonth(asked)
              ? t('results.report.unreleasedAny')
              : asked === periods.data.next.month
                ? t('results.report.unreleasedNext', {
                    month: format.month(asked),
                    date: format.date(periods.data.next.releasesAt),
                  })
                : t('results.report.unreleased', { month: format.month(asked) })}
          </Text>
        </Alert>
      )}
      <ReportBody data={data} periods={periods.data} />
    </Stack>
  );
}

interface Metric {
  key: string;
  label: string;
  pick: (f: Figures) => number | null;
  show: (v: number) => string;
  sub?: boolean;
}

function ReportBody({ data, periods }: { data: MonthlyReport; periods: PeriodsResponse }) {
  const { t, i18n } = useTranslation();
  const format = useResultsFormat();
  const name = (unit: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? unit.nameEn : unit.nameVi);
  const description = `${data.unit.code} — ${name(data.unit)} · ${t(`unitKinds.${data.unit.kind}`)}`;
  if (!data.month) {
    return (
      <>
        <PageHeader title={t('results.report.heading')} description={description} />
        <NothingReleased periods={periods} />
      </>
    );
  }
  const current = format.month(data.month);
  const previous = data.previousMonth ? format.month(data.previousMonth) : null;
  const metrics: Metric[] = [
    { key: 'declarations', label: t('results.figures.declarations'), pick: (f) => f.declarations, show: format.count },
    { key: 'businesses', label: t('results.figures.businesses'), pick: (f) => f.businesses, show: format.count },
    { key: 'satisfied', label: t('results.figures.satisfied'), pick: (f) => f.satisfiedShare, show: format.percent },
    { key: 'mean', label: t('results.figures.mean'), pick: (f) => f.meanStars, show: format.mean },
    { key: 'ratings', label: t('results.figures.ratings'), pick: (f) => f.ratings, show: format.count },
    { key: 'flags', label: t('results.flagsRaised'), pick: flagTotal, show: format.count },
    ...FLAG_KINDS.map((kind) => ({
      key: kind,
      label: t(`results.flags.${kind}`),
      pick: (f: Figures) => f.flags?.[kind] ?? null,
      show: format.count,
      sub: true,
    })),
  ];
  const cell = (f: Figures, metric: Metric): ReactNode => {
    if (!f.published) return <NotPublished />;
    const v = metric.pick(f);
    return v === null ? '—' : metric.show(v);
  };
  const change = (metric: Metric): string => {
    const a = data.current.published ? metric.pick(data.current) : null;
    const b = data.previous.published ? metric.pick(data.previous) : null;
    if (a === null || b === null) return '—';
    const d = metric.key === 'satisfied' ? Math.round((a - b) * 1000) / 1000 : a - b;
    return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${metric.key === 'satisfied' ? t('results.report.points', { value: format.count(Math.round(Math.abs(d) * 1000) / 10) }) : metric.show(Math.abs(d))}`;
  };
  const inWords = format.monthSpan(data.month, data.month);
  const figuresTitle = data.previousMonth
    ? t('results.report.figures', {
        month: current,
        previous: format.monthSpan(data.previousMonth, data.previousMonth),
      })
    : t('results.report.figuresAlone', { month: inWords });
  return (
    <>
      <PageHeader title={t('results.report.title', { month: inWords })} description={description} />
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="report-figures">
        <Title order={2} size="h4" id="report-figures" mb="sm">
          {figuresTitle}
        </Title>
        {!data.current.published && !data.previous.published ? (
          <UnpublishedNotice minimum={periods.minimumBusinesses} />
        ) : (
          <ScrollTable label={t('results.tableOf', { title: figuresTitle })} minWidth={previous ? 560 : 380}>
            <Table verticalSpacing={6} data-testid="report-figures-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('results.report.metric')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {current}
                  </Table.Th>
                  {previous && (
                    <>
                      <Table.Th scope="col" ta="right">
                        {previous}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('results.report.change')}
                      </Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {metrics.map((metric) => (
                  <Table.Tr key={metric.key} data-testid={`report-metric-${metric.key}`}>
                    <Table.Th scope="row" fw={metric.sub ? 400 : 600} pl={metric.sub ? 'lg' : undefined}>
                      {metric.label}
                    </Table.Th>
                    <Table.Td ta="right">{cell(data.current, metric)}</Table.Td>
                    {previous && (
                      <>
                        <Table.Td ta="right">{cell(data.previous, metric)}</Table.Td>
                        <Table.Td ta="right">{change(metric)}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {!previous && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('results.report.noPrevious')}
          </Text>
        )}
      </Card>
      <OwnFigures figures={data.own} unitName={name(data.unit)} />
      {(data.children.length > 0 || data.unit.kind !== 'team') && (
        <ReportRanking
          id="report-ranking"
          title={t(`results.childrenTitle.${data.unit.kind}`)}
          empty={t('results.noChildren')}
          current={format.shortMonth(data.month)}
          previous={data.previousMonth ? format.shortMonth(data.previousMonth) : null}
          format={format}
          rows={data.children.map((c) => ({
            key: c.unit.id,
            code: c.unit.code,
            label: `${c.unit.code} — ${name(c.unit)}`,
            figures: c.current,
            previous: c.previous,
            score: c.score,
          }))}
        />
      )}
      {(data.officers.length > 0 || data.unit.kind === 'team') && (
        <ReportRanking
          id="report-officers"
          title={t(data.unit.kind === 'team' ? 'results.officersTitle' : 'results.officersOfUnitTitle')}
          empty={t('results.noOfficers')}
          current={format.shortMonth(data.month)}
          previous={data.previousMonth ? format.shortMonth(data.previousMonth) : null}
          format={format}
          rows={data.officers.map((o) => ({
            key: o.id,
            code: o.code,
            label: `${o.code} — ${o.fullName}`,
            figures: o.current,
            previous: o.previous,
            score: o.score,
          }))}
        />
      )}
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="report-cases">
        <Title order={2} size="h4" id="report-cases" mb="sm">
          {t('results.report.cases', { month: inWords })}
        </Title>
        {data.cases ? (
          <Table verticalSpacing={6} data-testid="report-cases-table">
            <Table.Tbody>
              {(['opened', 'open', 'inReview', 'resolved', 'substantiated', 'overdue'] as const).map((key) => (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={400}>
                    {t(`results.report.caseCounts.${key}`)}
                  </Table.Th>
                  <Table.Td ta="right">{format.count(data.cases?.[key] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" fs="italic" data-testid="report-cases-unpublished">
            {t('results.report.casesUnpublished')}
          </Text>
        )}
      </Card>
      <Text size="sm" c="dimmed" data-testid="report-generated">
        {t('results.report.generated', { at: format.dateTime(data.generatedAt) })}
      </Text>
      <ResultsFooter periods={periods} />
    </>
  );
}

interface ReportRow {
  key: string;
  code: string;
  label: string;
  figures: Figures;
  previous: Figures;
  score: number | null;
}

function ReportRanking({
  id,
  title,
  empty,
  rows,
  current,
  previous,
  format,
}: {
  id: string;
  title: string;
  empty: string;
  rows: ReportRow[];
  current: string;
  previous: string | null;
  format: ResultsFormat;
}) {
  const { t } = useTranslation();
  const sorted = rankRows(rows);
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('results.scoreHelp')}
      </Text>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {empty}
        </Text>
      ) : (
        <ScrollTable label={t('results.tableOf', { title })} minWidth={720}>
          <Table verticalSpacing={6} striped data-testid={`${id}-table`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.rank')}</Table.Th>
                <Table.Th scope="col">{t('results.name')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.report.declarationsIn', { month: current })}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.report.satisfiedIn', { month: current })}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.report.meanIn', { month: current })}
                </Table.Th>
                {previous && (
                  <Table.Th scope="col" ta="right">
                    {t('results.report.meanIn', { month: previous })}
                  </Table.Th>
                )}
                <Table.Th scope="col" ta="right">
                  {t('results.score')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row, index) => (
                <Table.Tr key={row.key} data-published={row.figures.published}>
                  <Table.Td>{row.figures.published ? index + 1 : '—'}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {row.label}
                  </Table.Th>
                  {row.figures.published ? (
                    <>
                      <Table.Td ta="right">
                        {row.figures.declarations === null ? '—' : format.count(row.figures.declarations)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {row.figures.satisfiedShare === null ? '—' : format.percent(row.figures.satisfiedShare)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {row.figures.meanStars === null ? '—' : format.mean(row.figures.meanStars)}
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={3}>
                      <NotPublished />
                    </Table.Td>
                  )}
                  {previous && (
                    <Table.Td ta="right">
                      {row.previous.published && row.previous.meanStars !== null ? (
                        format.mean(row.previous.meanStars)
                      ) : (
                        <NotPublished />
                      )}
                    </Table.Td>
                  )}
                  <Table.Td ta="right">{row.score === null ? '—' : format.score(row.score)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
