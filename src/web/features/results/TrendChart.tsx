// Mean stars and the number of assessments per week or month, as a line chart and,
// for screen readers, as a table.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDashboard } from '../../../contracts/dashboards.ts';
import { useResultsFormat } from './format.ts';

type Point = UnitDashboard['trend'][number];

export function TrendChart({ trend, granularity }: { trend: Point[]; granularity: 'week' | 'month' }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const title = t(granularity === 'week' ? 'results.trendWeek' : 'results.trendMonth');
  const data = trend.map((point) => ({ period: format.period(point.period, granularity), meanStars: point.meanStars, count: point.count }));
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="trend-title">
      <Title order={2} size="h4" id="trend-title" mb="sm">
        {title}
      </Title>
      {trend.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('results.noData')}
        </Text>
      ) : (
        <figure style={{ margin: 0 }}>
          <div aria-hidden="true">
            <LineChart
              h={260}
              data={data}
              dataKey="period"
              series={[
                { name: 'meanStars', label: t('results.figures.mean'), color: 'navy.7' },
                { name: 'count', label: t('results.figures.count'), color: 'orange.9', yAxisId: 'right', strokeDasharray: '5 5' },
              ]}
              withRightYAxis
              yAxisProps={{ domain: [1, 5] }}
              withLegend
              connectNulls={false}
              accessibilityLayer={false}
              curveType="linear"
            />
          </div>
          <VisuallyHidden>
            <table data-testid="trend-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.period')}</th>
                  <th scope="col">{t('results.figures.count')}</th>
                  <th scope="col">{t('results.figures.mean')}</th>
                  <th scope="col">{t('results.figures.satisfied')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((point) => (
                  <tr key={point.period}>
                    <th scope="row">{format.period(point.period, granularity)}</th>
                    <td>{format.count(point.count)}</td>
                    <td>{point.meanStars === null ? t(point.count > 0 ? 'results.withheld' : 'results.noData') : format.mean(point.meanStars)}</td>
                    <td>{point.satisfiedShare === null ? t(point.count > 0 ? 'results.withheld' : 'results.noData') : format.percent(point.satisfiedShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </figure>
      )}
    </Card>
  );
}
