import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.ts';
import { Plus, Search } from '../../components/icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { useFormat } from '../../lib/format.ts';
import { CreateEventModal } from './CreateEventModal.tsx';
import { useEvents } from './hooks.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

/** Upcoming and past dialogues: a business sees those it is invited to; an organizer those of its units. */
export default function EventsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const organizer = mayOrganize(me);
  const [when, setWhen] = useState('upcoming');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState<'one' | 'series' | null>(null);
  const events = useEvents({ when, q });

  return (
    <>
      <PageHeader
        title={t('partnership.events.title')}
        description={organizer ? t('partnership.events.introOrganizer') : t('partnership.events.introBusiness')}
        actions={
          organizer && (
            <>
              <Button leftSection={<Plus />} onClick={() => setCreating('one')} data-testid="event-create">
                {t('partnership.events.create')}
              </Button>
              <Button variant="default" onClick={() => setCreating('series')} data-testid="event-series">
                {t('partnership.events.createSeries')}
              </Button>
            </>
          )
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          value={when}
          onChange={setWhen}
          aria-label={t('partnership.events.when')}
          data={[
            { value: 'upcoming', label: t('partnership.events.upcoming') },
            { value: 'past', label: t('partnership.events.past') },
            { value: 'all', label: t('partnership.events.all') },
          ]}
        />
        <TextInput
          aria-label={t('partnership.events.search')}
          placeholder={t('partnership.events.search')}
          leftSection={<Search size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
          data-testid="event-search"
        />
      </Group>
      <ListState query={events} empty={t('partnership.events.empty')}>
        {(data) => (
          <Stack gap="sm" data-testid="event-list">
            {data.map((event) => (
              <Card key={event.id} withBorder radius="md" padding="md" component="article">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={4} style={{ flex: '1 1 300px' }}>
                    <Group gap="xs">
                      <Badge variant="light" color="navy">
                        {t(`partnership.events.kinds.${event.kind}`)}
                      </Badge>
                      {event.status !== 'published' && (
                        <Badge color={event.status === 'held' ? 'green' : 'gray'}>
                          {t(`partnership.events.statuses.${event.status}`)}
                        </Badge>
                      )}
                      {event.myRegistration && <Badge color="green">{t('partnership.events.registered')}</Badge>}
                    </Group>
                    <Title order={2} size="h4">
                      <Anchor component={Link} to={`/app/events/${event.id}`} inherit>
                        {event.title}
                      </Anchor>
                    </Title>
                    <Text size="sm">
                      {format.dateTime(event.startsAt)} · {event.place ?? event.onlineUrl}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {event.organizer.code} — {event.organizer.name}
                    </Text>
                  </Stack>
                  <Text size="sm" c="dimmed">
                    {event.capacity
                      ? t('partnership.events.seats', { n: event.registered, capacity: event.capacity })
                      : t('partnership.events.registeredCount', { n: event.registered })}
                  </Text>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </ListState>
      {creating && <CreateEventModal series={creating === 'series'} onClose={() => setCreating(null)} />}
    </>
  );
}
