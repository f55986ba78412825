import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../contracts/events.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useEventAction } from './hooks.ts';

/** At the door and after: check-in from the list or a QR code, and the minutes. */
export function OrganizerPanel({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [token, setToken] = useState('');
  const checkIn = useEventAction<{ token: string } | { registrationId: string }>(
    event.id,
    () => `/api/events/${event.id}/check-in`,
    () => {
      setToken('');
      notifySuccess(t('partnership.events.checkedInDone'));
    },
  );
  const started = event.started;
  return (
    <>
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('partnership.events.checkIn')}
        </Title>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            checkIn.mutate({ token: token.trim() }, { onError: (error) => notifyError(error) });
          }}
        >
          <Group align="flex-end" gap="sm" mb="md">
            <TextInput
              label={t('partnership.events.scanCode')}
              description={t('partnership.events.scanHelp')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
              data-testid="checkin-token"
            />
            <Button type="submit" loading={checkIn.isPending} data-testid="checkin-submit">
              {t('partnership.events.checkInButton')}
            </Button>
          </Group>
        </form>
        <ListTable
          label={t('partnership.events.registrations')}
          minWidth={620}
          verticalSpacing="xs"
          data-testid="registrations"
          columns={[
            t('partnership.events.enterprise'),
            t('partnership.events.attendee'),
            t('partnership.events.attendance'),
          ]}
        >
          {event.registrations?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text c="dimmed" size="sm">
                  {t('partnership.events.noRegistrations')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {event.registrations?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {r.enterprise.name}
                <Text size="xs" c="dimmed">
                  {t('common.taxCode')} {r.enterprise.taxCode}
                </Text>
              </Table.Td>
              <Table.Td>{r.attendeeName}</Table.Td>
              <Table.Td>
                {r.checkedInAt ? (
                  <Badge color="green">{format.dateTime(r.checkedInAt)}</Badge>
                ) : (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => checkIn.mutate({ registrationId: r.id }, { onError: (error) => notifyError(error) })}
                    aria-label={`${t('partnership.events.checkInButton')}: ${r.attendeeName}`}
                  >
                    {t('partnership.events.checkInButton')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Card>
      {started && event.status !== 'cancelled' && <MinutesForm event={event} />}
    </>
  );
}

function MinutesForm({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const form = useFormState();
  const [minutes, setMinutes] = useState(event.minutes ?? '');
  const [dueDays, setDueDays] = useState<number | string>(15);
  const save = useEventAction<{ minutes: string; dueDays: number }>(
    event.id,
    () => `/api/events/${event.id}/minutes`,
    () => notifySuccess(t('partnership.events.minutesSaved')),
  );
  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ minutes, dueDays: Number(dueDays) }, { onError: (error) => form.fail(error) });
        }}
      >
        <Title order={2} size="h4" mb="xs">
          {t('partnership.events.recordMinutes')}
        </Title>
        <Stack gap="sm">
          <Textarea
            label={t('partnership.events.minutes')}
            required
            autosize
            minRows={4}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            error={form.errors.minutes ?? form.failure?.summary}
            data-testid="minutes-text"
          />
          <NumberInput
            label={t('partnership.events.dueDays')}
            description={t('partnership.events.dueDaysHelp')}
            min={1}
            max={90}
            value={dueDays}
            onChange={setDueDays}
            w={260}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="minutes-submit">
              {t('partnership.events.saveMinutes')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
