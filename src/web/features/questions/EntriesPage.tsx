import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Link } from 'react-router';
import { QA_STATUSES, type officerListResponse, type reportResponse } from '../../../contracts/questions.ts';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { questionKeys } from './keys.ts';

const LIMIT = 50;
export const QA_STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  reviewed: 'blue',
  published: 'green',
  archived: 'dark',
};

/** Officers' list of entries in every status, and what readers looked for. */
export default function EntriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: questionKeys.editorList(status, q, offset),
    queryFn: () =>
      api<z.infer<typeof officerListResponse>>('/api/question-bank/entries', {
        query: { status, q, limit: LIMIT, offset },
      }),
    placeholderData: keepPreviousData,
  });
  const report = useQuery({
    queryKey: questionKeys.report,
    queryFn: () => api<z.infer<typeof reportResponse>>('/api/question-bank/report'),
  });
  return (
    <>
      <PageHeader
        title={t('support.qa.editorTitle')}
        description={t('support.qa.editorIntro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/app/hoi-dap-dong-nghia" variant="default" data-testid="qa-synonyms">
              {t('qsearch.synonyms.title')}
            </Button>
            <Button component={Link} to="/app/hoi-dap/moi" data-testid="qa-new">
              {t('support.qa.newEntry')}
            </Button>
          </Group>
        }
      />
      <Card withBorder radius="md" padding="md" mb="md">
        <Group mb="md" gap="sm" align="flex-end">
          <Select
            label={t('support.qa.status')}
            placeholder={t('support.desk.allStatuses')}
            data={QA_STATUSES.map((s) => ({ value: s, label: t(`support.qaStatus.${s}`) }))}
            value={status}
            onChange={(v) => (setStatus(v), setOffset(0))}
            clearable
          />
          <TextInput
            label={t('support.desk.find')}
            value={search}
            onChange={(e) => (setSearch(e.currentTarget.value), setOffset(0))}
            maxLength={200}
          />
        </Group>
        <ListState query={list} empty={t('support.qa.emptyList')}>
          {(data) => (
            <ListTable
              label={t('support.qa.editorTitle')}
              minWidth={700}
              verticalSpacing="xs"
              columns={[
                '#',
                t('support.qa.question'),
                t('support.qa.status'),
                t('support.qa.version'),
                t('support.qa.updated'),
                t('support.qa.views'),
              ]}
            >
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/hoi-dap/${item.id}`}>
                      {item.titleVi}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={QA_STATUS_COLORS[item.status]}
                      variant="light"
                      radius="sm"
                      styles={{ label: { textTransform: 'none' } }}
                    >
                      {t(`support.qaStatus.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.version}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(item.updatedAt)}</Table.Td>
                  <Table.Td>{format.number(item.views)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
        {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      </Card>
      {report.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder radius="md" padding="md">
            <Title order={2} size="h4" mb="sm">
              {t('support.qa.mostViewed')}
            </Title>
            {report.data.mostViewed.slice(0, 10).map((row) => (
              <Text key={row.id} size="sm">
                <Anchor component={Link} to={`/hoi-dap/${row.id}`} underline="always">
                  {row.titleVi}
                </Anchor>{' '}
                —{' '}
                {t('support.qa.viewsHelpful', {
                  views: format.number(row.views),
                  yes: row.helpfulYes,
                  no: row.helpfulNo,
                })}
              </Text>
            ))}
          </Card>
          <Card withBorder radius="md" padding="md">
            <Title order={2} size="h4" mb="sm">
              {t('support.qa.emptySearches')}
            </Title>
            {report.data.emptySearches.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('support.qa.noEmptySearches')}
              </Text>
            ) : (
              report.data.emptySearches.slice(0, 15).map((row) => (
                <Text key={row.query} size="sm">
                  “{row.query}” — {t('support.qa.times', { n: row.count })}
                </Text>
              ))
            )}
          </Card>
          <Card withBorder radius="md" padding="md" data-testid="qa-unopened">
            <Title order={2} size="h4" mb="sm">
              {t('qsearch.unopenedSearches')}
            </Title>
            {report.data.unopenedSearches.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('support.qa.noEmptySearches')}
              </Text>
            ) : (
              report.data.unopenedSearches.slice(0, 15).map((row) => (
                <Text key={row.query} size="sm">
                  “{row.query}” — {t('support.qa.times', { n: row.count })}
                </Text>
              ))
            )}
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}
