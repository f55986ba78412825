import { Badge, Button, Card, Code, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { outboxEntryResponse } from '../../../../contracts/admin.ts';
import { api } from '../../../app/api.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { useFormat } from '../../../lib/format.ts';
import { ListState } from '../../../components/ListState.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { outboxKeys } from '../keys.ts';

type OutboxEntry = z.infer<typeof outboxEntryResponse>;
const LIMIT = 50;

/** Mail the platform sent or keeps (without SMTP configured, mail stays here). */
export default function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = useQuery({
    queryKey: outboxKeys.list(offset),
    queryFn: () =>
      api<{ items: OutboxEntry[]; total: number }>('/api/admin/outbox', { query: { limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        actions={
          <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching && !query.isPending}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card withBorder padding="md" radius="md">
        <ListState query={query} empty={t('outbox.empty')}>
          {(data) => (
            <ListTable
              label={t('outbox.title')}
              minWidth={760}
              verticalSpacing="xs"
              data-testid="outbox-table"
              columns={[
                t('outbox.createdAt'),
                t('outbox.to'),
                t('outbox.subject'),
                t('outbox.status'),
                t('outbox.body'),
              ]}
            >
              {data.items.map((entry) => {
                const expanded = openId === entry.id;
                return (
                  <Fragment key={entry.id}>
                    <Table.Tr>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.createdAt)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{entry.toAddress}</Table.Td>
                      <Table.Td>{entry.subject}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={entry.error ? 'red' : entry.sentAt ? 'green' : 'gray'}
                          radius="sm"
                          styles={{ label: { whiteSpace: 'nowrap' } }}
                        >
                          {entry.error
                            ? t('outbox.failed')
                            : entry.sentAt
                              ? t('outbox.sent', { date: format.dateTime(entry.sentAt) })
                              : t('outbox.kept')}
                        </Badge>
                        {entry.error && (
                          <Text size="xs" c="red" mt={2}>
                            {entry.error}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-expanded={expanded}
                          aria-controls={`outbox-body-${entry.id}`}
                          onClick={() => setOpenId(expanded ? null : entry.id)}
                        >
                          {expanded ? t('common.hide') : t('common.show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr id={`outbox-body-${entry.id}`}>
                        <Table.Td colSpan={5}>
                          <Code block className="pre-wrap">
                            {entry.textBody}
                          </Code>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </ListTable>
          )}
        </ListState>
        {query.data && <Pager total={query.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      </Card>
    </>
  );
}
