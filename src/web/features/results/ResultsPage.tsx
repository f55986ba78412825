// A unit's results over a released period: its figures, its own ratings, stars and
// flags, the monthly trend, the units and officers under it ranked by a fair
// score (each a link further down), and the comments released about it.
// /app/ket-qua opens the user's own unit; an officer without a leader's role lands
// on their own results.
import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import type { UnitDashboard } from '../../../contracts/dashboards.ts';
import type { PeriodsResponse } from '../../../contracts/periods.ts';
import { hasRole, useSession } from '../../app/session.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { CommentBatches } from './Comments.tsx';
import { Coverage, DistributionChart, FigureCards, FlagsTable, OwnFigures } from './Figures.tsx';
import { useResultsFormat } from './format.ts';
import { PeriodPicker, UnreleasedPeriodNotice } from './PeriodPicker.tsx';
import { exportUrl, UNIT_DASHBOARD_ROLES, useResultsPeriod, useUnitDashboard, type RequestedPeriod } from './query.ts';
import { RankingTable } from './Ranking.tsx';
import { ResultsAction } from './ResultsAction.tsx';
import { NothingReleased, ResultsFooter } from './Release.tsx';
import { ResultsBreadcrumbs } from './ResultsBreadcrumbs.tsx';
import { TrendChart } from './TrendChart.tsx';
import './results.css';

export default function ResultsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { unitId } = useParams();
  const leader = hasRole(me, UNIT_DASHBOARD_ROLES);
  const period = useResultsPeriod();
  const query = useUnitDashboard(unitId, period.key, leader && period.ready);
  if (!leader) {
    if (me?.officer) return <Navigate to={`/app/ket-qua/cong-chuc/${me.officer.id}${period.search}`} replace />;
    return (
      <>
        <PageHeader title={t('results.title')} />
        <Alert color="gray">{t('results.noScope')}</Alert>
      </>
    );
  }
  const error = period.periods.error ?? query.error;
  if (error) {
    return (
      <>
        <PageHeader title={t('results.title')} />
        <QueryError
          error={error}
          onRetry={() => void (period.periods.error ? period.periods.refetch() : query.refetch())}
        />
      </>
    );
  }
  if (!query.data || !period.periods.data) return <PageLoader />;
  return (
    <UnitView
      data={query.data}
      periods={period.periods.data}
      requested={period.requested}
      search={period.search}
      choose={period.choose}
      stale={query.isPlaceholderData}
    />
  );
}

interface ViewProps {
  data: UnitDashboard;
  periods: PeriodsResponse;
  requested: RequestedPeriod;
  search: string;
  choose: (key: string) => void;
  stale: boolean;
}

function UnitView({ data, periods, requested, search, choose, stale }: ViewProps) {
  const { t, i18n } = useTranslation();
  const format = useResultsFormat();
  const name = (unit: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? unit.nameEn : unit.nameVi);
  const title = `${t('results.title')}: ${data.unit.code} — ${name(data.unit)}`;
  const kind = t(`unitKinds.${data.unit.kind}`);
  const shown = data.period;
  if (!shown) {
    return (
      <Stack gap="md" data-testid="unit-results">
        <ResultsBreadcrumbs path={data.path} search={search} />
        <PageHeader title={title} description={kind} />
        <NothingReleased periods={periods} />
        <ResultsFooter periods={periods} />
      </Stack>
    );
  }
  const reportMonth = shown.kind === 'month' ? shown.key : shown.months.at(-1)!;
  const monthsInPeriod = shown.months.length;
  const showChildren = data.children.length > 0 || data.unit.kind !== 'team';
  const showOfficers = data.officers.length > 0 || data.unit.kind === 'team';
  return (
    <Stack gap="md" style={{ opacity: stale ? 0.7 : 1 }} data-testid="unit-results" aria-busy={stale}>
      <ResultsBreadcrumbs path={data.path} search={search} />
      <PageHeader
        title={title}
        description={`${kind} · ${format.periodWithMonths(shown, periods.periods[0]?.key)}`}
        actions={
          <div className="no-print results-actions">
            <ResultsAction
              stale={stale}
              href={exportUrl({ unitId: data.unit.id }, shown.key, 'csv')}
              download
              testId="export-csv"
            >
              {t('results.exportCsv')}
            </ResultsAction>
            <ResultsAction
              stale={stale}
              href={exportUrl({ unitId: data.unit.id }, shown.key, 'xlsx')}
              download
              testId="export-xlsx"
            >
              {t('results.exportXlsx')}
            </ResultsAction>
            <ResultsAction
              stale={stale}
              to={`/app/ket-qua/bao-cao?${new URLSearchParams({ unit: data.unit.id, month: reportMonth }).toString()}`}
              primary
              testId="open-report"
            >
              {t('results.monthlyReport')}
            </ResultsAction>
          </div>
        }
      />
      <UnreleasedPeriodNotice requested={requested} shown={shown} next={periods.next} />
      <PeriodPicker
        periods={periods}
        selected={requested.state === 'released' ? requested.period : shown}
        onChange={choose}
      />
      <Stack gap="xs" component="section" aria-labelledby="overall-title">
        <Title order={2} size="h4" id="overall-title">
          {t('results.overall.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(data.unit.kind === 'team' ? 'results.overall.scopeTeam' : 'results.overall.scope')}
        </Text>
        <Coverage figures={data.figures} />
        <FigureCards figures={data.figures} minimum={periods.minimumBusinesses} kind="unit" />
      </Stack>
      <OwnFigures figures={data.own} unitName={name(data.unit)} />
      {data.figures.published && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DistributionChart figures={data.figures} />
          <FlagsTable figures={data.figures} />
        </SimpleGrid>
      )}
      <TrendChart trend={data.trend} />
      {showChildren && (
        <RankingTable
          title={t(`results.childrenTitle.${data.unit.kind}`)}
          testId="ranking"
          empty={t('results.noChildren')}
          monthsInPeriod={monthsInPeriod}
          rows={data.children.map((child) => ({
            key: child.unit.id,
            to: `/app/ket-qua/don-vi/${child.unit.id}${search}`,
            code: child.unit.code,
            name: name(child.unit),
            figures: child.figures,
            score: child.score,
          }))}
        />
      )}
      {showOfficers && (
        <RankingTable
          title={t(data.unit.kind === 'team' ? 'results.officersTitle' : 'results.officersOfUnitTitle')}
          testId="officer-ranking"
          empty={t('results.noOfficers')}
          monthsInPeriod={monthsInPeriod}
          rows={data.officers.map((officer) => ({
            key: officer.id,
            to: `/app/ket-qua/cong-chuc/${officer.id}${search}`,
            code: officer.code,
            name: officer.fullName,
            figures: officer.figures,
            score: officer.score,
          }))}
        />
      )}
      <CommentBatches
        title={t('results.comments.unitTitle', { name: name(data.unit) })}
        batches={data.comments}
        minimum={periods.minimumBusinesses}
      />
      <ResultsFooter periods={periods} />
    </Stack>
  );
}
