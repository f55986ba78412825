// The printable monthly report of a unit: its figures against the month before,
// the units or officers under it, and the flag cases of the month.
import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FLAG_KINDS } from '../../../contracts/assessments.ts';
import type { DashboardFigures, MonthlyReport } from '../../../contracts/dashboards.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { flagTotal, Missing } from './Figures.tsx';
import { useResultsFormat } from './format.ts';
import { readFilters, useMonthlyReport, useUnitDashboard, vietnamToday } from './query.ts';
import './results.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function recentMonths(current: string, count: number): string[] {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

export default function MonthlyReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisMonth = vietnamToday().slice(0, 7);
  const month = MONTH.test(params.get('month') ?? '') ? (params.get('month') as string) : thisMonth;
  const unitParam = params.get('unit');
  const fallback = useUnitDashboard(undefined, readFilters(new URLSearchParams()), !unitParam);
  const unitId = unitParam ?? fallback.data?.unit.id ?? null;
  const query = useMonthlyReport(unitId, month);
  const format = useResultsFormat();
  const months = recentMonths(thisMonth, 24);
  if (!months.includes(month)) months.push(month);

  const error = query.error ?? fallback.error;
  if (error) {
    return (
      <>
        <PageHeader title={t('results.report.title', { month: format.month(month) })} />
        <QueryError error={error} onRetry={() => void (unitParam ? query.refetch() : fallback.refetch())} />
      </>
    );
  }
  if (!query.data) return <PageLoader />;
  const data = query.data;
  return (
    <Stack gap="md" className="monthly-report" data-testid="monthly-report" aria-busy={query.isPlaceholderData}>
      <Group className="no-print" justify="space-between" wrap="wrap" gap="sm">
        <Anchor component={Link} to={`/app/ket-qua/don-vi/${data.unit.id}`} size="sm">
          ‹ {t('results.report.back')}
        </Anchor>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('results.report.month')}
            data={months.map((m) => ({ value: m, label: format.month(m) }))}
            value={month}
            allowDeselect={false}
            onChange={(value) => value && setParams({ unit: data.unit.id, month: value })}
            data-testid="report-month"
            w={160}
          />
          <Button onClick={() => window.print()} data-testid="report-print">
            {t('results.report.print')}
          </Button>
        </Group>
      </Group>
      <ReportBody data={data} />
    </Stack>
  );
}

function ReportBody({ data }: { data: MonthlyReport }) {
  const { t, i18n } = useTranslation();
  const format = useResultsFormat();
  const { dateTime } = useFormat();
  const name = (unit: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? unit.nameEn : unit.nameVi);
  const thisMonth = format.month(data.month);
  const previousMonth = format.month(data.previousMonth);
  const value = (f: DashboardFigures, pick: (f: DashboardFigures) => number | null, show: (v: number) => string): ReactNode => {
    const v = pick(f);
    return v === null ? <Missing figures={f} /> : show(v);
  };
  const change = (pick: (f: DashboardFigures) => number | null, show: (v: number) => string) => {
    const a = pick(data.current);
    const b = pick(data.previous);
    if (a === null || b === null) return '—';
    const d = a - b;
    return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${show(Math.abs(d))}`;
  };
  const metrics: { key: string; label: string; pick: (f: DashboardFigures) => number | null; show: (v: number) => string }[] = [
    { key: 'count', label: t('results.figures.count'), pick: (f) => f.count, show: format.count },
    { key: 'mean', label: t('results.figures.mean'), pick: (f) => f.meanStars, show: format.mean },
    { key: 'satisfied', label: t('results.figures.satisfied'), pick: (f) => f.satisfiedShare, show: format.percent },
    { key: 'flags', label: t('results.figures.flags'), pick: flagTotal, show: format.count },
    ...FLAG_KINDS.map((kind) => ({ key: kind, label: `— ${t(`results.flags.${kind}`)}`, pick: (f: DashboardFigures) => f.flags?.[kind] ?? null, show: format.count })),
  ];
  const ranked = data.unit.kind === 'team' ? data.officers.map((o) => ({ key: o.id, label: `${o.code} — ${o.fullName}`, ...o })) : data.children.map((c) => ({ key: c.unit.id, label: `${c.unit.code} — ${name(c.unit)}`, ...c }));
  return (
    <>
      <PageHeader title={t('results.report.title', { month: thisMonth })} description={`${data.unit.code} — ${name(data.unit)} · ${t(`unitKinds.${data.unit.kind}`)}`} />
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="report-figures">
        <Title order={2} size="h4" id="report-figures" mb="sm">
          {t('results.report.figures', { month: thisMonth, previous: previousMonth })}
        </Title>
        <ScrollTable label={t('results.tableOf', { title: t('results.report.figures', { month: thisMonth, previous: previousMonth }) })} minWidth={520}>
          <Table verticalSpacing={6} data-testid="report-figures-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.report.metric')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {thisMonth}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {previousMonth}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.report.change')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {metrics.map((metric) => (
                <Table.Tr key={metric.key} data-testid={`report-metric-${metric.key}`}>
                  <Table.Th scope="row" fw={metric.label.startsWith('—') ? 400 : 600}>
                    {metric.label}
                  </Table.Th>
                  <Table.Td ta="right">{value(data.current, metric.pick, metric.show)}</Table.Td>
                  <Table.Td ta="right">{value(data.previous, metric.pick, metric.show)}</Table.Td>
                  <Table.Td ta="right">{change(metric.pick, metric.show)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Card>
      {ranked.length > 0 && (
        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="report-ranking">
          <Title order={2} size="h4" id="report-ranking">
            {data.unit.kind === 'team' ? t('results.officersTitle') : t('results.report.ranking')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('results.scoreHelp')}
          </Text>
          <ScrollTable label={t('results.tableOf', { title: t('results.report.ranking') })} minWidth={680}>
            <Table verticalSpacing={6} striped data-testid="report-ranking-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('results.rank')}</Table.Th>
                  <Table.Th scope="col">{t('results.name')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('results.report.countIn', { month: thisMonth })}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('results.report.meanIn', { month: thisMonth })}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('results.report.meanIn', { month: previousMonth })}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('results.score')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ranked.map((row, index) => {
                    return (
                    <Table.Tr key={row.key}>
                      <Table.Td>{row.score === null ? '—' : index + 1}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        {row.label}
                      </Table.Th>
                      <Table.Td ta="right">{format.count(row.current.count)}</Table.Td>
                      <Table.Td ta="right">{value(row.current, (f) => f.meanStars, format.mean)}</Table.Td>
                      <Table.Td ta="right">{value(row.previous, (f) => f.meanStars, format.mean)}</Table.Td>
                      <Table.Td ta="right">{row.score === null ? '—' : format.score(row.score)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Card>
      )}
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="report-cases">
        <Title order={2} size="h4" id="report-cases" mb="sm">
          {t('results.report.cases', { month: thisMonth })}
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
          <Missing figures={data.current} />
        )}
      </Card>
      <Text size="sm" c="dimmed">
        {t('results.report.generated', { at: dateTime(data.generatedAt) })} · {t('results.anonymity')} {data.minimumCount > 1 && t('results.minimumNote', { minimum: data.minimumCount })}
      </Text>
    </>
  );
}
