import { Anchor, Badge, Button, Card, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EventDetail } from '../../../contracts/events.ts';
import { useSession } from '../../app/session.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useEvent, useEventAction } from './hooks.ts';
import { OrganizerPanel } from './OrganizerPanel.tsx';
import { QuestionList } from './QuestionList.tsx';

export default function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const event = useEvent(id);
  if (event.isPending) return <PageLoader />;
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  return (
    <>
      <Anchor component={Link} to="/app/events" size="sm">
        ← {t('partnership.events.back')}
      </Anchor>
      <PageHeader
        title={e.title}
        description={`${t(`partnership.events.kinds.${e.kind}`)} · ${e.organizer.code} — ${e.organizer.name}`}
      />
      <Stack gap="md">
        <Card withBorder radius="md" padding="md">
          <Group gap="xs" mb="xs">
            <Badge
              color={e.status === 'held' ? 'green' : e.status === 'cancelled' ? 'gray' : 'navy'}
              data-testid="event-status"
            >
              {t(`partnership.events.statuses.${e.status}`)}
            </Badge>
            {e.myRegistration && <Badge color="green">{t('partnership.events.registered')}</Badge>}
          </Group>
          <Text size="sm">
            <b>{t('partnership.events.when')}:</b> {format.dateTime(e.startsAt)} – {format.dateTime(e.endsAt)}
          </Text>
          <Text size="sm">
            <b>{t('partnership.events.place')}:</b> {e.place ?? '—'}
            {e.onlineUrl && (
              <>
                {' · '}
                <Anchor href={e.onlineUrl} target="_blank" rel="noreferrer">
                  {t('partnership.events.onlineUrl')}
                </Anchor>
              </>
            )}
          </Text>
          <Text size="sm">
            <b>{t('partnership.events.audience')}:</b> {t(`partnership.events.audiences.${e.audience}`)}
            {e.audienceUnit && ` — ${e.audienceUnit.code} ${e.audienceUnit.name}`}
            {e.audienceAssociation && ` — ${e.audienceAssociation}`}
          </Text>
          <Text size="sm">
            <b>{t('partnership.events.participation')}:</b>{' '}
            {e.capacity
              ? t('partnership.events.seats', { n: e.registered, capacity: e.capacity })
              : t('partnership.events.registeredCount', { n: e.registered })}
            {e.canManage && ` · ${t('partnership.events.checkedInCount', { n: e.checkedIn })}`}
          </Text>
          {e.agenda && (
            <>
              <Title order={2} size="h5" mt="sm">
                {t('partnership.events.agenda')}
              </Title>
              <Text size="sm" className="pre-wrap">
                {e.agenda}
              </Text>
            </>
          )}
        </Card>
        {e.canRegister && <RegisterCard event={e} />}
        {e.registration && <TicketCard event={e} />}
        {e.minutes && (
          <Card withBorder radius="md" padding="md">
            <Title order={2} size="h4" mb="xs">
              {t('partnership.events.minutes')}
            </Title>
            <Text size="sm" className="pre-wrap" data-testid="event-minutes">
              {e.minutes}
            </Text>
          </Card>
        )}
        <QuestionList event={e} />
        {e.canManage && <OrganizerPanel event={e} />}
      </Stack>
    </>
  );
}

function RegisterCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const form = useFormState();
  const [name, setName] = useState(me?.fullName ?? '');
  const register = useEventAction<{ attendeeName: string }>(
    event.id,
    () => `/api/events/${event.id}/registrations`,
    () => notifySuccess(t('partnership.events.registeredDone')),
  );
  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate({ attendeeName: name }, { onError: (error) => form.fail(error) });
        }}
      >
        <Title order={2} size="h4" mb="xs">
          {t('partnership.events.register')}
        </Title>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('partnership.events.attendee')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.errors.attendeeName ?? form.failure?.summary}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" loading={register.isPending} data-testid="event-register">
            {t('partnership.events.register')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

/** The registration and its QR code, shown at the door. */
function TicketCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [qr, setQr] = useState<string | null>(null);
  const token = event.registration?.token ?? '';
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(token, { margin: 1, width: 200 })
      .then((url) => live && setQr(url))
      .catch((error: unknown) => notifyError(error));
    return () => {
      live = false;
    };
  }, [token]);
  const registration = event.registration!;
  return (
    <Card withBorder radius="md" padding="md" data-testid="event-ticket">
      <Title order={2} size="h4" mb="xs">
        {t('partnership.events.ticket')}
      </Title>
      <Group align="flex-start" gap="lg">
        {qr && <Image src={qr} alt={t('partnership.events.qrAlt', { code: token })} w={160} h={160} />}
        <Stack gap={4}>
          <Text size="sm">
            {t('partnership.events.attendee')}: <b>{registration.attendeeName}</b>
          </Text>
          <Text size="sm">
            {t('partnership.events.checkInCode')}: <code data-testid="ticket-token">{token}</code>
          </Text>
          <Text size="sm" data-testid="ticket-status">
            {registration.checkedInAt
              ? t('partnership.events.checkedInAt', { at: format.dateTime(registration.checkedInAt) })
              : t('partnership.events.notCheckedIn')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
