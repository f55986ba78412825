// Units (or officers) under the one shown, ranked by the fair score, each a link one level down.
import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardFigures } from '../../../contracts/dashboards.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { flagTotal, Missing } from './Figures.tsx';
import { useResultsFormat } from './format.ts';

export interface RankRow {
  key: string;
  to: string;
  code: string;
  name: string;
  figures: DashboardFigures;
  score: number | null;
}

export function RankingTable({ title, rows, empty, testId }: { title: string; rows: RankRow[]; empty: string; testId: string }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const titleId = `${testId}-title`;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('results.scoreHelp')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {empty}
        </Text>
      ) : (
        <ScrollTable label={t('results.tableOf', { title })} minWidth={760}>
          <Table verticalSpacing="xs" striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.rank')}</Table.Th>
                <Table.Th scope="col">{t('results.name')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.figures.count')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.figures.mean')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.figures.satisfied')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.figures.flags')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.score')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const shown = row.figures.meanStars !== null;
                return (
                  <Table.Tr key={row.key} data-testid={`${testId}-row-${row.code}`}>
                    <Table.Td>{row.score === null ? '—' : index + 1}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={row.to} fw={600}>
                        {row.code} — {row.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right">{format.count(row.figures.count)}</Table.Td>
                    {shown ? (
                      <>
                        <Table.Td ta="right">{format.mean(row.figures.meanStars ?? 0)}</Table.Td>
                        <Table.Td ta="right">{row.figures.satisfiedShare === null ? '—' : format.percent(row.figures.satisfiedShare)}</Table.Td>
                        <Table.Td ta="right">{format.count(flagTotal(row.figures) ?? 0)}</Table.Td>
                        <Table.Td ta="right">{row.score === null ? '—' : format.score(row.score)}</Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={4}>
                        <Missing figures={row.figures} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
