import { Button, Card, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { serviceLevelBody, type serviceLevelList, type ServiceLevelView } from '../../../contracts/support-inbound.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { supportKeys } from './keys.ts';

/** Targets in hours for the page (minutes on the wire). */
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** First-response and resolution targets per category and priority; the General Department edits them. */
export default function ServiceLevelsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<ServiceLevelView | null>(null);
  const query = useQuery({
    queryKey: supportKeys.serviceLevels,
    queryFn: () => api<z.infer<typeof serviceLevelList>>('/api/support/service-levels'),
  });
  const canEdit = query.data?.canEdit ?? false;
  return (
    <>
      <PageHeader
        title={t('supportInbound.levels.title')}
        description={canEdit ? t('supportInbound.levels.introEdit') : t('supportInbound.levels.intro')}
      />
      <Card withBorder padding="md" radius="md">
        <ListState query={query}>
          {(data) => (
            <ListTable
              label={t('supportInbound.levels.title')}
              minWidth={760}
              verticalSpacing="xs"
              data-testid="levels-table"
              columns={[
                t('support.desk.category'),
                t('support.desk.priority'),
                t('supportInbound.levels.clock'),
                t('supportInbound.levels.firstResponse'),
                t('supportInbound.levels.resolution'),
                t('supportInbound.levels.updated'),
                canEdit && t('supportInbound.inbox.actions'),
              ]}
            >
              {data.items.map((level) => (
                <Table.Tr key={`${level.category}-${level.priority}`} data-testid="level-row">
                  <Table.Td>{t(`support.categories.${level.category}`)}</Table.Td>
                  <Table.Td>{t(`support.priorities.${level.priority}`)}</Table.Td>
                  <Table.Td>{t(`supportInbound.levels.calendars.${level.calendar}`)}</Table.Td>
                  <Table.Td>
                    {t('supportInbound.levels.hours', { n: format.number(hours(level.firstResponseMinutes)) })}
                  </Table.Td>
                  <Table.Td>
                    {t('supportInbound.levels.hours', { n: format.number(hours(level.resolutionMinutes)) })}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {level.updatedByName
                        ? `${level.updatedByName}, ${format.dateTime(level.updatedAt)}`
                        : t('supportInbound.levels.initial')}
                    </Text>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(level)}
                        aria-label={`${t('supportInbound.levels.edit')}: ${t(`support.categories.${level.category}`)}, ${t(`support.priorities.${level.priority}`)}`}
                        data-testid="level-edit"
                      >
                        {t('supportInbound.levels.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </Card>
      {editing && <EditLevel level={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function EditLevel({ level, onClose }: { level: ServiceLevelView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState();
  const [calendar, setCalendar] = useState<string | null>(level.calendar);
  const [first, setFirst] = useState<string | number>(hours(level.firstResponseMinutes));
  const [resolution, setResolution] = useState<string | number>(hours(level.resolutionMinutes));
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<ServiceLevelView>(`/api/support/service-levels/${level.category}/${level.priority}`, { method: 'PUT', body }),
    onSuccess: async () => {
      notifySuccess(t('support.desk.saved'));
      await client.invalidateQueries({ queryKey: supportKeys.serviceLevels });
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  const minutes = (value: string | number) => (value === '' ? undefined : Math.round(Number(value) * 60));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(serviceLevelBody, {
      calendar: calendar ?? undefined,
      firstResponseMinutes: minutes(first),
      resolutionMinutes: minutes(resolution),
    });
    if (body) save.mutate(body);
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={`${t(`support.categories.${level.category}`)} — ${t(`support.priorities.${level.priority}`)}`}
    >
      <form onSubmit={submit} noValidate data-testid="level-form">
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={['calendar', 'firstResponseMinutes', 'resolutionMinutes']} />
          <Select
            label={t('supportInbound.levels.clock')}
            data={(['24x7', 'working'] as const).map((c) => ({
              value: c,
              label: t(`supportInbound.levels.calendars.${c}`),
            }))}
            value={calendar}
            onChange={setCalendar}
            allowDeselect={false}
            error={form.errors.calendar}
          />
          <NumberInput
            label={t('supportInbound.levels.firstResponseHours')}
            min={0.25}
            step={0.5}
            decimalScale={2}
            value={first}
            onChange={setFirst}
            error={form.errors.firstResponseMinutes}
            required
            data-testid="level-first"
          />
          <NumberInput
            label={t('supportInbound.levels.resolutionHours')}
            min={0.25}
            step={1}
            decimalScale={2}
            value={resolution}
            onChange={setResolution}
            error={form.errors.resolutionMinutes}
            required
            data-testid="level-resolution"
          />
          <Text size="xs" c="dimmed">
            {t('supportInbound.levels.note')}
          </Text>
          <ModalFooter onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} testId="level-save" />
        </Stack>
      </form>
    </AppModal>
  );
}
