// Mean stars and declarations rated per released month, up to the end of the
// period shown: a line chart with a gap where a month is not published, and the
// same figures as a table for screen readers.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDashboard } from '../../../contracts/dashboards.ts';
import { useResultsFormat } from './format.ts';

type Point = UnitDashboard['trend'][number];

export function TrendChart({ trend }: { trend: Point[] }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const title = t('results.trend.title');
  const first = trend[0]?.month;
  const last = trend.at(-1)?.month;
  const published = trend.filter((point) => point.published);
  const gaps = trend.filter((point) => !point.published).map((point) => format.shortMonth(point.month));
  const data = trend.map((point) => ({
    month: format.shortMonth(point.month),
    meanStars: point.meanStars,
    declarations: point.declarations,
  }));
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="trend-title" data-testid="trend">
      <Title order={2} size="h4" id="trend-title">
        {title}
      </Title>
      {first && last && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('results.trend.subtitle', { months: format.monthSpan(first, last) })}
        </Text>
      )}
      {published.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" data-testid="trend-empty">
          {t('results.trend.empty')}
        </Text>
      ) : (
        <figure style={{ margin: 0 }}>
          <div aria-hidden="true">
            <LineChart
              h={260}
              data={data}
              dataKey="month"
              series={[
                { name: 'meanStars', label: t('results.figures.mean'), color: 'navy.7' },
                {
                  name: 'declarations',
                  label: t('results.figures.declarations'),
                  color: 'orange.9',
                  yAxisId: 'right',
                  strokeDasharray: '5 5',
                },
              ]}
              withRightYAxis
              yAxisProps={{ domain: [1, 5] }}
              rightYAxisProps={{ allowDecimals: false }}
              withLegend
              connectNulls={false}
              accessibilityLayer={false}
              curveType="linear"
              valueFormatter={(value) => format.count(value)}
            />
          </div>
          {gaps.length > 0 && (
            <Text size="xs" c="dimmed" mt={4} data-testid="trend-gaps">
              {t('results.trend.gaps', { months: gaps.join(', ') })}
            </Text>
          )}
          <VisuallyHidden>
            <table data-testid="trend-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.month')}</th>
                  <th scope="col">{t('results.figures.declarations')}</th>
                  <th scope="col">{t('results.figures.mean')}</th>
                  <th scope="col">{t('results.figures.satisfied')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((point) => (
                  <tr key={point.month}>
                    <th scope="row">{format.month(point.month)}</th>
                    {point.published ? (
                      <>
                        <td>{point.declarations === null ? '—' : format.count(point.declarations)}</td>
                        <td>{point.meanStars === null ? '—' : format.mean(point.meanStars)}</td>
                        <td>{point.satisfiedShare === null ? '—' : format.percent(point.satisfiedShare)}</td>
                      </>
                    ) : (
                      <td colSpan={3}>{t('results.notPublished')}</td>
                    )}
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
