import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventDetail } from '../../../contracts/events.ts';
import { createEventBody, createSeriesBody, EVENT_AUDIENCES, EVENT_KINDS } from '../../../contracts/events.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { vietnamIso } from './hooks.ts';
import { accountKeys } from '../admin/keys.ts';
import { eventKeys } from './keys.ts';

const ORGANIZER_KINDS = ['general_department', 'department', 'branch'] as const;

/** Publishes one event, or the monthly "morning coffee" on the last Monday of each month. */
export function CreateEventModal({ series, onClose }: { series: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormState();
  const units = useUnits();
  const associations = useQuery({
    queryKey: accountKeys.associations,
    queryFn: () => api<{ id: string; code: string; nameVi: string }[]>('/api/associations'),
  });
  const [v, setV] = useState({
    kind: series ? 'morning_coffee' : 'conference',
    title: series ? 'Cà phê doanh nhân' : '',
    agenda: '',
    organizerUnitId: null as string | null,
    place: '',
    onlineUrl: '',
    capacity: '' as number | string,
    audience: 'branch',
    audienceUnitId: null as string | null,
    audienceAssociationId: null as string | null,
    invited: '',
    startsAt: '',
    endsAt: '',
    fromMonth: '',
    months: 6 as number | string,
    startTime: '07:30',
    durationMinutes: 90 as number | string,
  });
  const set = (patch: Partial<typeof v>) => {
    setV((current) => ({ ...current, ...patch }));
    for (const key of Object.keys(patch)) form.clear(key);
  };
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      api<EventDetail | { id: string }[]>(series ? '/api/events/series' : '/api/events', { method: 'POST', body }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: eventKeys.all });
      notifySuccess(
        series
          ? t('partnership.events.seriesCreated', { n: Array.isArray(result) ? result.length : 0 })
          : t('partnership.events.created'),
      );
      onClose();
      if (!Array.isArray(result)) void navigate(`/app/events/${result.id}`);
    },
    onError: (error) => form.fail(error),
  });

  const submit = () => {
    const base = {
      title: v.title,
      agenda: v.agenda,
      organizerUnitId: v.organizerUnitId,
      place: v.place.trim() || null,
      onlineUrl: v.onlineUrl.trim() || null,
      capacity: v.capacity === '' ? null : Number(v.capacity),
      audience: v.audience,
      audienceUnitId: v.audienceUnitId,
      audienceAssociationId: v.audienceAssociationId,
      invitedTaxCodes: v.invited
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    };
    const body = series
      ? form.check(createSeriesBody, {
          ...base,
          fromMonth: v.fromMonth,
          months: Number(v.months),
          startTime: v.startTime,
          durationMinutes: Number(v.durationMinutes),
        })
      : form.check(createEventBody, {
          ...base,
          kind: v.kind,
          startsAt: vietnamIso(v.startsAt),
          endsAt: vietnamIso(v.endsAt),
        });
    if (body) mutation.mutate(body);
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      title={series ? t('partnership.events.createSeries') : t('partnership.events.create')}
      size="xl"
    >
      <form
        noValidate
        data-testid="event-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={Object.keys(v).concat(['invitedTaxCodes'])} />
          {!series && (
            <Select
              label={t('partnership.events.kind')}
              required
              data={EVENT_KINDS.filter((k) => k !== 'enterprise_dialogue').map((k) => ({
                value: k,
                label: t(`partnership.events.kinds.${k}`),
              }))}
              value={v.kind}
              onChange={(value) => set({ kind: value ?? 'conference' })}
              allowDeselect={false}
            />
          )}
          <TextInput
            label={t('partnership.events.fieldTitle')}
            required
            value={v.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={form.errors.title}
          />
          <Textarea
            label={t('partnership.events.agenda')}
            autosize
            minRows={3}
            value={v.agenda}
            onChange={(e) => set({ agenda: e.currentTarget.value })}
            error={form.errors.agenda}
          />
          <UnitSelect
            index={units.data}
            kinds={ORGANIZER_KINDS}
            label={t('partnership.events.organizer')}
            required
            value={v.organizerUnitId}
            onChange={(value) => set({ organizerUnitId: value })}
            error={form.errors.organizerUnitId}
          />
          {series ? (
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                label={t('partnership.events.fromMonth')}
                type="month"
                required
                value={v.fromMonth}
                onChange={(e) => set({ fromMonth: e.currentTarget.value })}
                error={form.errors.fromMonth}
              />
              <NumberInput
                label={t('partnership.events.months')}
                min={1}
                max={24}
                required
                value={v.months}
                onChange={(value) => set({ months: value })}
                error={form.errors.months}
              />
              <TextInput
                label={t('partnership.events.startTime')}
                type="time"
                required
                value={v.startTime}
                onChange={(e) => set({ startTime: e.currentTarget.value })}
                error={form.errors.startTime}
              />
              <NumberInput
                label={t('partnership.events.duration')}
                min={15}
                max={600}
                required
                value={v.durationMinutes}
                onChange={(value) => set({ durationMinutes: value })}
                error={form.errors.durationMinutes}
              />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('partnership.events.startsAt')}
                type="datetime-local"
                required
                value={v.startsAt}
                onChange={(e) => set({ startsAt: e.currentTarget.value })}
                error={form.errors.startsAt}
                data-testid="event-starts"
              />
              <TextInput
                label={t('partnership.events.endsAt')}
                type="datetime-local"
                required
                value={v.endsAt}
                onChange={(e) => set({ endsAt: e.currentTarget.value })}
                error={form.errors.endsAt}
                data-testid="event-ends"
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('partnership.events.place')}
              value={v.place}
              onChange={(e) => set({ place: e.currentTarget.value })}
              error={form.errors.place}
            />
            <TextInput
              label={t('partnership.events.onlineUrl')}
              type="url"
              value={v.onlineUrl}
              onChange={(e) => set({ onlineUrl: e.currentTarget.value })}
              error={form.errors.onlineUrl}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('partnership.events.capacity')}
              min={1}
              value={v.capacity}
              onChange={(value) => set({ capacity: value })}
              error={form.errors.capacity}
            />
            <Select
              label={t('partnership.events.audience')}
              required
              allowDeselect={false}
              data={EVENT_AUDIENCES.map((a) => ({ value: a, label: t(`partnership.events.audiences.${a}`) }))}
              value={v.audience}
              onChange={(value) => set({ audience: value ?? 'all' })}
            />
          </SimpleGrid>
          {v.audience === 'branch' && (
            <UnitSelect
              index={units.data}
              kinds={ORGANIZER_KINDS}
              label={t('partnership.events.audienceUnit')}
              required
              value={v.audienceUnitId}
              onChange={(value) => set({ audienceUnitId: value })}
              error={form.errors.audienceUnitId}
            />
          )}
          {v.audience === 'association' && (
            <Select
              label={t('partnership.events.audienceAssociation')}
              required
              searchable
              data={(associations.data ?? []).map((a) => ({ value: a.id, label: a.nameVi }))}
              value={v.audienceAssociationId}
              onChange={(value) => set({ audienceAssociationId: value })}
              error={form.errors.audienceAssociationId}
            />
          )}
          {v.audience === 'invited' && (
            <Textarea
              label={t('partnership.events.invitedTaxCodes')}
              description={t('partnership.events.invitedHelp')}
              required
              value={v.invited}
              onChange={(e) => set({ invited: e.currentTarget.value })}
              error={form.errors.invitedTaxCodes ?? form.errors['invitedTaxCodes.0']}
            />
          )}
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('partnership.events.publish')}
            loading={mutation.isPending}
            testId="event-submit"
            mt="md"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
