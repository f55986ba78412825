// Units (or officers) under the one shown, ranked by the fair score, each a link one
// level down. Rows that are not published come after the ranked ones, unranked,
// saying only that they are not published.
import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Figures } from '../../../contracts/dashboards.ts';
import { MIN_BUSINESSES } from '../../../contracts/periods.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { flagTotal, NotPublished } from './Figures.tsx';
import { useResultsFormat } from './format.ts';

export interface RankRow {
  key: string;
  to: string;
  code: string;
  name: string;
  figures: Figures;
  score: number | null;
}

/** Published rows by score (best first), then the others by code. */
export function rankRows<T extends { code: string; figures: Figures; score: number | null }>(rows: readonly T[]): T[] {
  const ranked = rows
    .filter((row) => row.figures.published)
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.code.localeCompare(b.code));
  const others = rows.filter((row) => !row.figures.published).sort((a, b) => a.code.localeCompare(b.code));
  return [...ranked, ...others];
}

export function RankingTable({
  title,
  rows,
  empty,
  testId,
  monthsInPeriod,
}: {
  title: string;
  rows: RankRow[];
  empty: string;
  testId: string;
  monthsInPeriod: number;
}) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const titleId = `${testId}-title`;
  const sorted = rankRows(rows);
  const several = monthsInPeriod > 1;
  const columns = several ? 6 : 5;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId}>
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
        <ScrollTable label={t('results.tableOf', { title })} minWidth={several ? 860 : 780}>
          <Table verticalSpacing="xs" striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.rank')}</Table.Th>
                <Table.Th scope="col">{t('results.name')}</Table.Th>
                {several && (
                  <Table.Th scope="col" ta="right">
                    {t('results.monthsColumn')}
                  </Table.Th>
                )}
                <Table.Th scope="col" ta="right">
                  {t('results.figures.declarations')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.figures.mean')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.figures.satisfied')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.flagsRaised')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.score')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row, index) => {
                const f = row.figures;
                return (
                  <Table.Tr key={row.key} data-testid={`${testId}-row-${row.code}`} data-published={f.published}>
                    <Table.Td>{f.published ? index + 1 : '—'}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={row.to} fw={600}>
                        {row.code} — {row.name}
                      </Anchor>
                    </Table.Th>
                    {f.published ? (
                      <>
                        {several && (
                          <Table.Td ta="right">{`${String(f.monthsShown)}/${String(f.monthsInPeriod)}`}</Table.Td>
                        )}
                        <Table.Td ta="right">{f.declarations === null ? '—' : format.count(f.declarations)}</Table.Td>
                        <Table.Td ta="right">{f.meanStars === null ? '—' : format.mean(f.meanStars)}</Table.Td>
                        <Table.Td ta="right">
                          {f.satisfiedShare === null ? '—' : format.percent(f.satisfiedShare)}
                        </Table.Td>
                        <Table.Td ta="right">{format.count(flagTotal(f) ?? 0)}</Table.Td>
                        <Table.Td ta="right">{row.score === null ? '—' : format.score(row.score)}</Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={columns}>
                        <NotPublished />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {sorted.some((row) => !row.figures.published) && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('results.unpublishedRows', { minimum: MIN_BUSINESSES })}
        </Text>
      )}
    </Card>
  );
}
