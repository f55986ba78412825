import { Anchor, Button, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewTask } from '../../../contracts/contests.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { notifyError } from '../../lib/notify.ts';
import { contestKeys } from './keys.ts';
import { percent } from './shared.tsx';

/** The question bank's editors: entries whose contest questions most participants missed. */
export default function ReviewTasksPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tasks = useQuery({
    queryKey: contestKeys.reviewTasks,
    queryFn: () => api<ReviewTask[]>('/api/qa-review-tasks'),
  });
  async function done(id: string) {
    try {
      await api(`/api/qa-review-tasks/${id}/done`, { method: 'POST' });
      await client.invalidateQueries({ queryKey: contestKeys.reviewTasks });
    } catch (error) {
      notifyError(error);
    }
  }
  return (
    <>
      <PageHeader title={t('contests.reviewTitle')} description={t('contests.reviewIntro')} />
      <ListState query={tasks} empty={t('contests.reviewNone')}>
        {(rows) => (
          <ListTable
            label={t('contests.reviewTitle')}
            minWidth={640}
            data-testid="review-tasks"
            columns={[
              t('contests.entry'),
              t('contests.question'),
              t('contests.shareCorrect'),
              t('contests.wrongChoice'),
              t('common.actions'),
            ]}
          >
            {rows.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/app/hoi-dap/${task.entryId}`}>
                    #{task.entryNumber} {task.entryTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {task.question}
                  <Text size="xs" c="dimmed">
                    {task.contestTitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {percent(task.shareCorrect)} ({t('contests.ofAnswers', { count: task.answers })})
                </Table.Td>
                <Table.Td>{task.wrongChoice ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void done(task.id)}>
                    {t('contests.reviewDone')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </ListState>
    </>
  );
}
