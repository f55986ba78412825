import { Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseView } from '../../../contracts/cases.ts';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { CaseStatusBadge, FlagKindBadges, subjectLabel } from './CaseBits.tsx';
import { caseKeys } from './keys.ts';

const LIMIT = 50;
type StatusFilter = 'active' | 'open' | 'in_review' | 'resolved';

/** The flag cases this person must verify: overdue first, then by deadline. */
export default function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [limit, setLimit] = useState(LIMIT);
  const query = useQuery({
    queryKey: caseKeys.list(status, limit),
    queryFn: () =>
      api<CaseView[]>('/api/cases', { query: { status: status === 'active' ? undefined : status, limit } }),
    placeholderData: keepPreviousData,
  });
  const rows = (query.data ?? []).filter((c) => status !== 'active' || c.status !== 'resolved');
  return (
    <>
      <PageHeader title={t('cases.title')} description={t('cases.intro')} />
      <Card withBorder radius="md" padding="md">
        <SegmentedControl
          mb="md"
          aria-label={t('cases.filter')}
          value={status}
          onChange={(value) => setStatus(value)}
          data={(['active', 'open', 'in_review', 'resolved'] as const).map((value) => ({
            value,
            label: t(`cases.filters.${value}`),
          }))}
        />
        <ListState query={query} empty={t('cases.empty')} isEmpty={() => rows.length === 0} rows={6}>
          {() => (
            <ListTable
              label={t('cases.title')}
              minWidth={900}
              striped
              verticalSpacing="sm"
              data-testid="cases-table"
              columns={[
                t('cases.number'),
                t('cases.kinds'),
                t('cases.subject'),
                t('cases.openedAt'),
                t('cases.dueAt'),
                t('cases.status'),
                t('common.actions'),
              ]}
            >
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      {c.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <FlagKindBadges kinds={c.kinds} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{subjectLabel(c, t)}</Text>
                  </Table.Td>
                  <Table.Td>{format.dateTime(c.openedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={c.overdue ? 'red.8' : undefined} fw={c.overdue ? 700 : undefined}>
                      {format.dateTime(c.dueAt)}
                      {c.overdue ? ` · ${t('cases.overdue')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                    {c.escalationLevel > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('cases.escalated', { level: c.escalationLevel })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      component={Link}
                      to={`/app/phan-anh/${c.id}`}
                      size="compact-sm"
                      variant="light"
                      aria-label={t('cases.openFor', { number: c.number })}
                      data-testid={`case-open-${c.number}`}
                    >
                      {c.status === 'resolved' ? t('common.show') : t('cases.handle')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
        {query.data && query.data.length >= limit && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => setLimit((l) => Math.min(200, l + LIMIT))} disabled={limit >= 200}>
              {t('cases.more')}
            </Button>
          </Group>
        )}
      </Card>
    </>
  );
}
