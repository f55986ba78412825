import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { FollowUpItem, statsResponse } from '../../../contracts/events.ts';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { eventKeys } from './keys.ts';

/** Events held by unit and kind, participation, and the follow-up items still open. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useQuery({
    queryKey: eventKeys.stats,
    queryFn: () => api<z.infer<typeof statsResponse>>('/api/events/stats'),
  });
  const open = useQuery({
    queryKey: eventKeys.openFollowUps,
    queryFn: () => api<FollowUpItem[]>('/api/follow-ups', { query: { status: 'open', limit: 100 } }),
  });
  return (
    <>
      <PageHeader title={t('partnership.results.title')} description={t('partnership.results.intro')} />
      {stats.data && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          {(['open', 'overdue', 'answered'] as const).map((key) => (
            <Card key={key} withBorder radius="md" padding="md">
              <Text size="sm" c="dimmed">
                {t(`partnership.results.${key}`)}
              </Text>
              <Text fz={28} fw={700} data-testid={`follow-ups-${key}`}>
                {format.number(stats.data.followUps[key])}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Card withBorder radius="md" padding="md" mb="md">
        <Title order={2} size="h4" mb="sm">
          {t('partnership.results.byUnit')}
        </Title>
        <ListState query={stats} empty={t('partnership.results.none')} isEmpty={(data) => data.rows.length === 0}>
          {(data) => (
            <ListTable
              label={t('partnership.results.byUnit')}
              minWidth={640}
              columns={[
                t('partnership.results.unit'),
                t('partnership.events.kind'),
                t('partnership.results.events'),
                t('partnership.results.held'),
                t('partnership.results.registrations'),
                t('partnership.results.attended'),
              ]}
            >
              {data.rows.map((r) => (
                <Table.Tr key={`${r.unit.id}-${r.kind}`}>
                  <Table.Td>
                    {r.unit.code} — {r.unit.name}
                  </Table.Td>
                  <Table.Td>{t(`partnership.events.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>{format.number(r.events)}</Table.Td>
                  <Table.Td>{format.number(r.held)}</Table.Td>
                  <Table.Td>{format.number(r.registrations)}</Table.Td>
                  <Table.Td>{format.number(r.attended)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('partnership.results.openItems')}
        </Title>
        <ListState query={open} empty={t('partnership.results.noOpen')}>
          {(data) => (
            <Stack gap="xs">
              {data.map((item) => (
                <Group key={item.id} justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0} style={{ flex: '1 1 320px' }}>
                    <Text size="sm">{item.text}</Text>
                    <Anchor component={Link} to={`/app/events/${item.eventId}`} size="xs">
                      {item.eventTitle}
                    </Anchor>
                  </Stack>
                  <Group gap="xs">
                    <Text size="xs">
                      {item.ownerUnit?.code} · {format.date(item.dueAt)}
                    </Text>
                    {item.overdue && <Badge color="red">{t('partnership.events.overdue')}</Badge>}
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </ListState>
      </Card>
    </>
  );
}
