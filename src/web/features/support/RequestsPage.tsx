import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Link } from 'react-router';
import { SUPPORT_STATUSES, type requestList } from '../../../contracts/support.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { supportKeys } from './keys.ts';
import { StatusBadge } from './shared.tsx';
import { isSupportStaff } from '../../../contracts/roles.ts';

const LIMIT = 50;

/** A business's own requests, or the queue of the officer's units. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const staff = isSupportStaff(me);
  const [status, setStatus] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: supportKeys.requestList(status, mine, q, offset),
    queryFn: () =>
      api<z.infer<typeof requestList>>('/api/support/requests', {
        query: { status, mine: mine ? 'true' : undefined, q, limit: LIMIT, offset },
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={staff ? t('support.desk.queueTitle') : t('support.desk.mineTitle')}
        description={staff ? t('support.desk.queueIntro') : t('support.desk.mineIntro')}
        actions={
          <>
            <Button component={Link} to="/hoi-dap" variant="default">
              {t('support.desk.searchBank')}
            </Button>
            <Button component={Link} to="/app/ho-tro/moi" data-testid="request-new">
              {staff ? t('support.desk.logNew') : t('support.desk.new')}
            </Button>
          </>
        }
      />
      <Card withBorder padding="md" radius="md">
        <Group mb="md" gap="sm" align="flex-end">
          <Select
            label={t('support.desk.status')}
            placeholder={t('support.desk.allStatuses')}
            data={SUPPORT_STATUSES.map((s) => ({ value: s, label: t(`support.status.${s}`) }))}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setOffset(0);
            }}
            clearable
          />
          <TextInput
            label={t('support.desk.find')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={100}
          />
          {staff && (
            <Checkbox
              label={t('support.desk.mine')}
              checked={mine}
              onChange={(e) => setMine(e.currentTarget.checked)}
              mb={8}
            />
          )}
        </Group>
        <ListState query={query} empty={t('support.desk.empty')}>
          {(data) => (
            <ListTable
              label={t('support.desk.queueTitle')}
              minWidth={760}
              verticalSpacing="xs"
              data-testid="requests-table"
              columns={[
                t('support.desk.number'),
                t('support.desk.subject'),
                t('support.desk.status'),
                staff && t('support.desk.requester'),
                t('support.desk.team'),
                t('support.desk.created'),
                t('support.desk.due'),
              ]}
            >
              {data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/app/ho-tro/${r.id}`} data-testid="request-link">
                      {r.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {r.subject}
                    {r.unread && (
                      <Badge ml="xs" size="xs" color="red">
                        {t('support.desk.newReply')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  {staff && (
                    <Table.Td>
                      {r.enterpriseName ?? r.requesterName}
                      <Text size="xs" c="dimmed">
                        {t(`support.channels.${r.channel}`)}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>{r.teamCode}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(r.createdAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 700 : undefined}>
                      {format.dateTime(r.resolutionDue)}
                      {r.overdue ? ` · ${t('support.desk.overdue')}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
        {query.data && <Pager total={query.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      </Card>
    </>
  );
}
