import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Leaderboard } from '../../../contracts/contests.ts';
import { ListTable } from '../../components/ListTable.tsx';

export const STATUS_COLORS = { draft: 'gray', open: 'green', finished: 'navy' } as const;

export const seconds = (ms: number) => (ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/**
 * A round's leaderboard: accuracy first, time apart. Where a page shows several, give each
 * its own `label` (round and ranking), as two regions named alike fail axe's landmark-unique.
 */
export function LeaderboardTable({ board, testId, label }: { board: Leaderboard; testId?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <ListTable
      label={label ?? t('contests.leaderboard')}
      minWidth={360}
      data-testid={testId}
      striped
      columns={[t('contests.rank'), t('contests.participant'), t('contests.correct'), t('contests.time')]}
    >
      {board.rows.map((row) => (
        <Table.Tr key={`${row.rank}-${row.name}`}>
          <Table.Td>{row.rank}</Table.Td>
          <Table.Td>
            <Text size="sm" fw={600}>
              {row.name} {row.team && <Badge size="xs">{t('contests.team')}</Badge>}
            </Text>
            <Text size="xs" c="dimmed">
              {row.enterprise}
            </Text>
          </Table.Td>
          <Table.Td>{row.correct}</Table.Td>
          <Table.Td>{seconds(row.timeMs)} s</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
