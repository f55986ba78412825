// One officer's results over a released period, and the comments released about
// them in batches: never who wrote them, nor when.
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../app/session.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { CommentBatches } from './Comments.tsx';
import { Coverage, DistributionChart, FigureCards, FlagsTable } from './Figures.tsx';
import { useResultsFormat } from './format.ts';
import { PeriodPicker, UnreleasedPeriodNotice } from './PeriodPicker.tsx';
import { exportUrl, useOfficerDashboard, useResultsPeriod } from './query.ts';
import { NothingReleased, ResultsFooter } from './Release.tsx';
import { ResultsAction } from './ResultsAction.tsx';
import { ResultsBreadcrumbs } from './ResultsBreadcrumbs.tsx';
import { TrendChart } from './TrendChart.tsx';
import './results.css';

export default function OfficerResultsPage() {
  const { t } = useTranslation();
  const { officerId = '' } = useParams();
  const { me } = useSession();
  const format = useResultsFormat();
  const period = useResultsPeriod();
  const query = useOfficerDashboard(officerId, period.key, period.ready);
  const periods = period.periods.data;
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
  if (!query.data || !periods) return <PageLoader />;
  const data = query.data;
  const self = me?.officer?.id === data.officer.id;
  const title = self ? t('results.myTitle') : t('results.officerTitle', { name: data.officer.fullName });
  const shown = data.period;
  const stale = query.isPlaceholderData;
  return (
    <Stack gap="md" style={{ opacity: stale ? 0.7 : 1 }} data-testid="officer-results" aria-busy={stale}>
      <ResultsBreadcrumbs
        path={data.path}
        current={`${data.officer.code} — ${data.officer.fullName}`}
        search={period.search}
      />
      <PageHeader
        title={title}
        description={
          shown
            ? `${data.officer.code} · ${format.periodWithMonths(shown, periods.periods[0]?.key)}`
            : data.officer.code
        }
        actions={
          shown && (
            <div className="no-print results-actions">
              <ResultsAction
                stale={stale}
                href={exportUrl({ officerId: data.officer.id }, shown.key, 'csv')}
                download
                testId="export-csv"
              >
                {t('results.exportCsv')}
              </ResultsAction>
              <ResultsAction
                stale={stale}
                href={exportUrl({ officerId: data.officer.id }, shown.key, 'xlsx')}
                download
                testId="export-xlsx"
              >
                {t('results.exportXlsx')}
              </ResultsAction>
            </div>
          )
        }
      />
      {shown ? (
        <>
          <UnreleasedPeriodNotice requested={period.requested} shown={shown} next={periods.next} />
          <PeriodPicker
            periods={periods}
            selected={period.requested.state === 'released' ? period.requested.period : shown}
            onChange={period.choose}
          />
          <Stack gap="xs" component="section" aria-labelledby="overall-title">
            <Title order={2} size="h4" id="overall-title">
              {t('results.overall.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('results.overall.scopeOfficer')}
            </Text>
            <Coverage figures={data.figures} />
            <FigureCards figures={data.figures} minimum={periods.minimumBusinesses} kind="officer" />
          </Stack>
          {data.figures.published && (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <DistributionChart figures={data.figures} />
              <FlagsTable figures={data.figures} />
            </SimpleGrid>
          )}
          <TrendChart trend={data.trend} />
          <CommentBatches
            title={t('results.comments.officerTitle')}
            batches={data.comments}
            minimum={periods.minimumBusinesses}
          />
        </>
      ) : (
        <NothingReleased periods={periods} />
      )}
      <ResultsFooter periods={periods} />
    </Stack>
  );
}
