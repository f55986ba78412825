import { Button, Card, Code, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { auditEntryResponse } from '../../../../contracts/admin.ts';
import { api } from '../../../app/api.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { useFormat } from '../../../lib/format.ts';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters.tsx';
import { ListState } from '../../../components/ListState.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { auditKeys } from '../keys.ts';

type AuditEntry = z.infer<typeof auditEntryResponse>;
const LIMIT = 50;

/** The audit log: read-only, filterable, newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const query = useQuery({
    queryKey: auditKeys.list(filters, offset),
    queryFn: () =>
      api<{ items: AuditEntry[]; total: number }>('/api/admin/audit', { query: { ...filters, limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Stack gap="md">
        <Card withBorder padding="md" radius="md">
          <AuditFilters
            onApply={(values) => {
              setFilters(values);
              setOffset(0);
            }}
          />
        </Card>
        <Card withBorder padding="md" radius="md">
          <ListState query={query} empty={t('audit.empty')}>
            {(data) => (
              <ListTable
                label={t('audit.title')}
                minWidth={860}
                verticalSpacing="xs"
                data-testid="audit-table"
                style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
                columns={[
                  t('audit.at'),
                  t('audit.actor'),
                  t('audit.action'),
                  t('audit.entity'),
                  t('audit.ip'),
                  t('audit.details'),
                ]}
              >
                {data.items.map((entry) => {
                  const expanded = open.has(entry.id);
                  const hasDetails = Object.keys(entry.details).length > 0;
                  return (
                    <Fragment key={entry.id}>
                      <Table.Tr>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                        <Table.Td>{entry.actorLabel}</Table.Td>
                        <Table.Td>
                          <Code>{entry.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.entityType}</Text>
                          {entry.entityId && (
                            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                              {entry.entityId}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{entry.ip ?? '—'}</Table.Td>
                        <Table.Td>
                          {hasDetails ? (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              aria-expanded={expanded}
                              aria-controls={`audit-details-${entry.id}`}
                              onClick={() => toggle(entry.id)}
                            >
                              {expanded ? t('common.hide') : t('common.show')}
                            </Button>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr id={`audit-details-${entry.id}`}>
                          <Table.Td colSpan={6}>
                            <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
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
      </Stack>
    </>
  );
}
