import { Anchor, Card, Progress, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContestStatistics } from '../../../contracts/contests.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { contestKeys } from './keys.ts';
import { percent } from './shared.tsx';

/** Per question: share correct (as a bar), discrimination, the wrong choice most picked, the bank entry. */
export function StatisticsCard({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: contestKeys.statistics(contestId),
    queryFn: () => api<ContestStatistics>(`/api/contests/${contestId}/statistics`),
  });
  return (
    <Card withBorder>
      <Text fw={600}>{t('contests.statistics')}</Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('contests.statisticsHelp')}
      </Text>
      <ListState query={stats}>
        {(data) => (
          <>
            <Text size="sm" mb="xs" data-testid="stats-participants">
              {t('contests.participants', { count: data.participants })}
            </Text>
            <ListTable
              label={t('contests.statistics')}
              minWidth={640}
              data-testid="stats-table"
              columns={[
                t('contests.question'),
                t('contests.answers'),
                t('contests.shareCorrect'),
                t('contests.discrimination'),
                t('contests.wrongChoice'),
                t('contests.entry'),
              ]}
            >
              {data.questions.map((q) => (
                <Table.Tr key={q.questionId}>
                  <Table.Td>{q.text}</Table.Td>
                  <Table.Td>{q.answers}</Table.Td>
                  <Table.Td style={{ minWidth: 120 }}>
                    <Text size="xs">{percent(q.shareCorrect)}</Text>
                    <Progress
                      value={(q.shareCorrect ?? 0) * 100}
                      color={(q.shareCorrect ?? 1) < 0.5 ? 'red' : 'teal'}
                      aria-label={`${t('contests.shareCorrect')} ${percent(q.shareCorrect)}`}
                    />
                  </Table.Td>
                  <Table.Td>{q.discrimination === null ? '—' : q.discrimination.toFixed(2)}</Table.Td>
                  <Table.Td>
                    {q.mostPickedWrong ? `${q.mostPickedWrong.choice} (${percent(q.mostPickedWrong.share)})` : '—'}
                  </Table.Td>
                  <Table.Td>
                    {q.entryId ? (
                      <Anchor component={Link} to={`/hoi-dap/${q.entryId}`}>
                        #{q.entryNumber}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </>
        )}
      </ListState>
    </Card>
  );
}
