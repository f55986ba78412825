// One officer's results and the comments written about them, anonymized: the
// month, the stars and the text, never who wrote them.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../app/session.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { DistributionChart, FigureCards, FlagsTable, WithheldNotice } from './Figures.tsx';
import { FiltersBar } from './FiltersBar.tsx';
import { useResultsFormat } from './format.ts';
import { exportUrl, useOfficerDashboard, useResultsFilters } from './query.ts';
import { ResultsBreadcrumbs } from './ResultsBreadcrumbs.tsx';
import { TrendChart } from './TrendChart.tsx';
import './results.css';

export default function OfficerResultsPage() {
  const { t } = useTranslation();
  const { officerId = '' } = useParams();
  const { me } = useSession();
  const format = useResultsFormat();
  const { filters, search } = useResultsFilters();
  const query = useOfficerDashboard(officerId, filters);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('results.title')} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const data = query.data;
  const self = me?.officer?.id === data.officer.id;
  return (
    <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.7 : 1 }} data-testid="officer-results" aria-busy={query.isPlaceholderData}>
      <ResultsBreadcrumbs path={data.path} current={`${data.officer.code} — ${data.officer.fullName}`} search={search} />
      <PageHeader
        title={self ? t('results.myTitle') : t('results.officerTitle', { name: data.officer.fullName })}
        description={`${data.officer.code} · ${t('results.periodRange', { from: format.date(data.from), to: format.date(data.to) })}`}
        actions={
          <div className="no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button component="a" href={exportUrl({ officerId: data.officer.id }, filters, 'csv')} download variant="default" size="sm" data-testid="export-csv">
              {t('results.exportCsv')}
            </Button>
            <Button component="a" href={exportUrl({ officerId: data.officer.id }, filters, 'xlsx')} download variant="default" size="sm" data-testid="export-xlsx">
              {t('results.exportXlsx')}
            </Button>
          </div>
        }
      />
      <FiltersBar dimensions={false} />
      <WithheldNotice figures={data.figures} minimum={data.minimumCount} />
      <FigureCards figures={data.figures} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DistributionChart figures={data.figures} />
        <FlagsTable figures={data.figures} />
      </SimpleGrid>
      <TrendChart trend={data.trend} granularity={filters.granularity} />
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="comments-title">
        <Title order={2} size="h4" id="comments-title">
          {t('results.commentsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('results.commentsHelp')}
        </Text>
        {data.comments.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            {data.figures.withheld ? t('results.withheld') : t('results.noComments')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="comments">
            {data.comments.map((comment, index) => (
              <Card key={`${comment.month}-${String(index)}`} component="li" withBorder padding="sm" radius="sm">
                <Group gap="xs" mb={4} wrap="wrap">
                  <Badge color="navy">{t('results.stars', { count: comment.stars })}</Badge>
                  <Text size="sm" c="dimmed">
                    {format.month(comment.month)}
                  </Text>
                  {comment.flags.map((flag) => (
                    <Badge key={flag} color="red">
                      {t(`results.flags.${flag}`)}
                    </Badge>
                  ))}
                </Group>
                <Text size="sm" className="pre-wrap">
                  {comment.reason}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </Card>
      <Text size="sm" c="dimmed">
        {t('results.anonymity')} {data.minimumCount > 1 && t('results.minimumNote', { minimum: data.minimumCount })}
      </Text>
    </Stack>
  );
}
