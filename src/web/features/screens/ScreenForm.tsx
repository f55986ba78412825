// The settings of a waiting-room screen: office, stages, rotation, language,
// masking, procedures and documents, announcements with a validity, opening hours.
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCESSING_STAGES, ROTATION_ITEMS, type ScreenBody, type ScreenDetail } from '../../../contracts/screens.ts';
import { api, ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useUnits } from '../../lib/units.ts';
import { screenKeys } from './keys.ts';

type Announcement = { text: { vi: string; en: string }; from: string; to: string };

export function ScreenForm({
  initial,
  onCancel,
  onSubmit,
}: {
  initial: ScreenDetail | null;
  onCancel: () => void;
  onSubmit: (body: ScreenBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const [officeId, setOfficeId] = useState<string | null>(
    () => (initial && units.data?.all.find((u) => u.code === initial.officeCode)?.id) ?? null,
  );
  const [name, setName] = useState(initial?.name ?? '');
  const [stages, setStages] = useState<string[]>(initial?.stages ?? [...PROCESSING_STAGES]);
  const [rotation, setRotation] = useState<string[]>(initial?.rotation ?? ['board', 'announcements', 'hours']);
  const [language, setLanguage] = useState<string>(initial?.language ?? 'both');
  const [digits, setDigits] = useState<number>(initial?.numberDigits ?? 4);
  const [masked, setMasked] = useState(initial?.companyNames === 'masked');
  const [questionIds, setQuestionIds] = useState<string[]>(initial?.questionIds ?? []);
  const [documentIds, setDocumentIds] = useState<string[]>(initial?.documentIds ?? []);
  const [announcements, setAnnouncements] = useState<Announcement[]>(initial?.announcements ?? []);
  const [hoursVi, setHoursVi] = useState(initial?.openingHours.vi ?? '');
  const [hoursEn, setHoursEn] = useState(initial?.openingHours.en ?? '');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const questions = useQuery({
    queryKey: screenKeys.questions,
    queryFn: () => api<{ items: { id: string; title: string }[] }>('/api/questions', { query: { limit: 50 } }),
    enabled: rotation.includes('procedures'),
  });
  const documents = useQuery({
    queryKey: screenKeys.documents,
    queryFn: () => api<{ id: string; number: string; title: string }[]>('/api/documents'),
    enabled: rotation.includes('documents'),
  });
  const fieldError = (field: string) => {
    const found = failure?.details.find((d) => d.field === field || d.field.startsWith(`${field}.`));
    return found ? found.message : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setFailure(null);
    try {
      await onSubmit({
        officeCode: (officeId && units.data?.byId.get(officeId)?.code) ?? '',
        name,
        stages: stages as ScreenBody['stages'],
        rotation: rotation as ScreenBody['rotation'],
        language: language as ScreenBody['language'],
        numberDigits: digits,
        companyNames: masked ? 'masked' : 'hidden',
        questionIds,
        documentIds,
        announcements,
        openingHours: { vi: hoursVi, en: hoursEn },
      });
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    } finally {
      setSending(false);
    }
  }

  const setAnnouncement = (index: number, change: Partial<Announcement>) =>
    setAnnouncements((list) => list.map((a, i) => (i === index ? { ...a, ...change } : a)));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <FormAlert
          failure={failure}
          shownFields={failure?.details.map((d) => d.field).filter((f) => !f.startsWith('announcements')) ?? []}
        />
        <UnitSelect
          index={units.data}
          label={t('screens.office')}
          kinds={['branch']}
          value={officeId}
          onChange={setOfficeId}
          error={fieldError('officeCode')}
          required
          testId="screen-office"
        />
        <TextInput
          label={t('screens.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
          required
          data-testid="screen-name"
        />
        <Checkbox.Group
          label={t('screens.stagesShown')}
          value={stages}
          onChange={setStages}
          error={fieldError('stages')}
        >
          <Group mt={4}>
            {PROCESSING_STAGES.map((stage) => (
              <Checkbox key={stage} value={stage} label={t(`screens.stage.${stage}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('screens.rotation')}
          value={rotation}
          onChange={setRotation}
          error={fieldError('rotation')}
        >
          <Group mt={4}>
            {ROTATION_ITEMS.map((item) => (
              <Checkbox key={item} value={item} label={t(`screens.rotationItem.${item}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <div>
          <Text size="sm" fw={500} id="screen-language-label">
            {t('screens.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="screen-language-label"
            value={language}
            onChange={setLanguage}
            data={[
              { value: 'vi', label: t('screens.languages.vi') },
              { value: 'en', label: t('screens.languages.en') },
              { value: 'both', label: t('screens.languages.both') },
            ]}
          />
        </div>
        <NumberInput
          label={t('screens.digits')}
          description={t('screens.digitsHelp')}
          min={3}
          max={6}
          value={digits}
          onChange={(v) => setDigits(typeof v === 'number' ? v : Number(v))}
          error={fieldError('numberDigits')}
        />
        <Switch
          label={t('screens.maskedNames')}
          description={t('screens.maskedNamesHelp')}
          checked={masked}
          onChange={(e) => setMasked(e.currentTarget.checked)}
          data-testid="screen-masked-names"
        />
        {rotation.includes('procedures') && (
          <MultiSelect
            label={t('screens.procedures')}
            searchable
            data={(questions.data?.items ?? []).map((q) => ({ value: q.id, label: q.title }))}
            value={questionIds}
            onChange={setQuestionIds}
            error={fieldError('questionIds')}
          />
        )}
        {rotation.includes('documents') && (
          <MultiSelect
            label={t('screens.documents')}
            searchable
            data={(documents.data ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
            value={documentIds}
            onChange={setDocumentIds}
            error={fieldError('documentIds')}
          />
        )}
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('screens.announcements')}
          </Text>
          {announcements.map((a, index) => (
            <Group key={index} align="flex-start" wrap="wrap" data-testid="screen-announcement">
              <TextInput
                label={t('screens.announcementVi')}
                value={a.text.vi}
                onChange={(e) => setAnnouncement(index, { text: { ...a.text, vi: e.currentTarget.value } })}
                error={fieldError(`announcements.${index}.text.vi`)}
                style={{ flex: '1 1 220px' }}
              />
              <TextInput
                label={t('screens.announcementEn')}
                value={a.text.en}
                onChange={(e) => setAnnouncement(index, { text: { ...a.text, en: e.currentTarget.value } })}
                style={{ flex: '1 1 220px' }}
              />
              <TextInput
                type="date"
                label={t('screens.from')}
                value={a.from}
                onChange={(e) => setAnnouncement(index, { from: e.currentTarget.value })}
                error={fieldError(`announcements.${index}.from`)}
              />
              <TextInput
                type="date"
                label={t('screens.to')}
                value={a.to}
                onChange={(e) => setAnnouncement(index, { to: e.currentTarget.value })}
                error={fieldError(`announcements.${index}.to`)}
                data-testid="screen-announcement-to"
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={t('screens.removeAnnouncement')}
                onClick={() => setAnnouncements((list) => list.filter((_, i) => i !== index))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => {
                const today = new Date().toISOString().slice(0, 10);
                setAnnouncements((list) => [...list, { text: { vi: '', en: '' }, from: today, to: today }]);
              }}
              data-testid="screen-add-announcement"
            >
              {t('screens.addAnnouncement')}
            </Button>
          </Group>
        </Stack>
        <Textarea
          label={t('screens.hoursVi')}
          value={hoursVi}
          onChange={(e) => setHoursVi(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('screens.hoursEn')}
          value={hoursEn}
          onChange={(e) => setHoursEn(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ModalFooter onCancel={onCancel} submitLabel={t('common.save')} loading={sending} testId="screen-save" />
      </Stack>
    </form>
  );
}
