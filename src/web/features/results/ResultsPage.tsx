// A unit's results: figures, stars, flags, trend, and the units (or officers) under
// it ranked by a fair score; each one a link further down. /app/ket-qua opens the
// user's own unit; an officer without a leader's role lands on their own results.
import { Alert, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { hasRole, useSession } from '../../app/session.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { DistributionChart, FigureCards, FlagsTable, WithheldNotice } from './Figures.tsx';
import { FiltersBar } from './FiltersBar.tsx';
import { useResultsFormat } from './format.ts';
import { exportUrl, UNIT_DASHBOARD_ROLES, useResultsFilters, useUnitDashboard, vietnamToday } from './query.ts';
import { RankingTable } from './Ranking.tsx';
import { ResultsBreadcrumbs } from './ResultsBreadcrumbs.tsx';
import { TrendChart } from './TrendChart.tsx';
import './results.css';

export default function ResultsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { unitId } = useParams();
  const leader = hasRole(me, UNIT_DASHBOARD_ROLES);
  const { filters, search } = useResultsFilters();
  const query = useUnitDashboard(unitId, filters, leader);
  if (!leader) {
    if (me?.officer) return <Navigate to={`/app/ket-qua/cong-chuc/${me.officer.id}${search}`} replace />;
    return (
      <>
        <PageHeader title={t('results.title')} />
        <Alert color="gray">{t('results.noScope')}</Alert>
      </>
    );
  }
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('results.title')} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  return <UnitView data={query.data} stale={query.isPlaceholderData} />;
}

function UnitView({ data, stale }: { data: NonNullable<ReturnType<typeof useUnitDashboard>['data']>; stale: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useResultsFormat();
  const { filters, search } = useResultsFilters();
  const name = (unit: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? unit.nameEn : unit.nameVi);
  const kind = t(`unitKinds.${data.unit.kind}`);
  const month = vietnamToday().slice(0, 7);
  return (
    <Stack gap="md" style={{ opacity: stale ? 0.7 : 1 }} data-testid="unit-results" aria-busy={stale}>
      <ResultsBreadcrumbs path={data.path} search={search} />
      <PageHeader
        title={`${t('results.title')}: ${data.unit.code} — ${name(data.unit)}`}
        description={`${kind} · ${t('results.periodRange', { from: format.date(data.from), to: format.date(data.to) })}`}
        actions={
          <div className="no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button component="a" href={exportUrl({ unitId: data.unit.id }, filters, 'csv')} download variant="default" size="sm" data-testid="export-csv">
              {t('results.exportCsv')}
            </Button>
            <Button component="a" href={exportUrl({ unitId: data.unit.id }, filters, 'xlsx')} download variant="default" size="sm" data-testid="export-xlsx">
              {t('results.exportXlsx')}
            </Button>
            <Button component={Link} to={`/app/ket-qua/bao-cao?unit=${data.unit.id}&month=${month}`} size="sm" data-testid="open-report">
              {t('results.monthlyReport')}
            </Button>
          </div>
        }
      />
      <FiltersBar stages={data.stages} />
      <WithheldNotice figures={data.figures} minimum={data.minimumCount} />
      <FigureCards figures={data.figures} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DistributionChart figures={data.figures} />
        <FlagsTable figures={data.figures} />
      </SimpleGrid>
      <TrendChart trend={data.trend} granularity={filters.granularity} />
      {data.unit.kind !== 'team' && (
        <RankingTable
          title={t('results.childrenTitle', { kind: t(`unitKinds.${childKind(data.unit.kind)}`) })}
          testId="ranking"
          empty={t('results.noChildren')}
          rows={data.children.map((child) => ({ key: child.unit.id, to: `/app/ket-qua/don-vi/${child.unit.id}${search}`, code: child.unit.code, name: name(child.unit), figures: child.figures, score: child.score }))}
        />
      )}
      {data.unit.kind === 'team' && (
        <RankingTable
          title={t('results.officersTitle')}
          testId="officer-ranking"
          empty={t('results.noOfficers')}
          rows={data.officers.map((officer) => ({ key: officer.id, to: `/app/ket-qua/cong-chuc/${officer.id}${search}`, code: officer.code, name: officer.fullName, figures: officer.figures, score: officer.score }))}
        />
      )}
      {data.unit.kind === 'team' && Boolean(filters.channel ?? filters.typeCode ?? filters.subjectKind) && (
        <Text size="sm" c="dimmed">
          {t('results.officersUnfiltered')}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('results.anonymity')} {data.minimumCount > 1 && t('results.minimumNote', { minimum: data.minimumCount })}
      </Text>
    </Stack>
  );
}

function childKind(kind: string): string {
  return kind === 'general_department' ? 'department' : kind === 'department' ? 'branch' : 'team';
}
