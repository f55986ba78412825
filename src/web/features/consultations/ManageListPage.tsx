import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  consultationBody,
  type ConsultationDetail,
  type ConsultationSummary,
} from '../../../contracts/consultations.ts';
import { DOC_TYPES, TOPICS } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { useUnits } from '../../lib/units.ts';
import { PHASE_COLORS } from './Diff.tsx';
import { consultationKeys } from './keys.ts';

/** The drafting unit: its consultations, and a new one from pasted text or a DOCX. */
export default function ManageListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const units = useUnits();
  const form = useFormState();
  const list = useQuery({
    queryKey: consultationKeys.managed,
    queryFn: () => api<ConsultationSummary[]>('/api/consultations/managed'),
  });
  const [v, setV] = useState({
    ownerUnitId: null as string | null,
    title: '',
    summary: '',
    docType: 'circular',
    draftText: '',
    topics: [] as string[],
    opensAt: '',
    closesAt: '',
    responseDueOn: '',
    questions: '',
  });
  const set = (k: keyof typeof v) => (value: unknown) => setV((x) => ({ ...x, [k]: value }));
  const [busy, setBusy] = useState(false);

  async function readDocx(file: File | null) {
    if (!file) return;
    const data = new FormData();
    data.append('file', file);
    try {
      const r = await api<{ text: string; articles: unknown[] }>('/api/consultations/docx-text', {
        method: 'POST',
        form: data,
      });
      setV((x) => ({ ...x, draftText: r.text }));
    } catch (error) {
      form.fail(error);
    }
  }

  async function create() {
    const values = form.check(consultationBody, {
      ...v,
      responseDueOn: v.responseDueOn || null,
      questions: v.questions
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean)
        .map((text, i) => ({ key: `q${i + 1}`, text })),
    });
    if (!values) return;
    setBusy(true);
    try {
      const created = await api<ConsultationDetail>('/api/consultations', { method: 'POST', body: values });
      void navigate(`/app/gop-y/${created.id}`);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('consultations.manageTitle')} description={t('consultations.manageIntro')} />
      <ListState query={list} empty={t('consultations.none')}>
        {(rows) => (
          <Stack mb="lg">
            {rows.map((c) => (
              <Group key={c.id} justify="space-between" wrap="wrap">
                <Anchor component={Link} to={`/app/gop-y/${c.id}`}>
                  {c.title}
                </Anchor>
                <Group gap="xs">
                  <Text size="sm">{format.dateTime(c.closesAt)}</Text>
                  <Badge color={PHASE_COLORS[c.phase]}>{t(`consultations.phase.${c.phase}`)}</Badge>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </ListState>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('consultations.newTitle')}
        </Title>
        <FormAlert
          failure={form.failure}
          shownFields={['ownerUnitId', 'title', 'draftText', 'topics', 'opensAt', 'closesAt', 'responseDueOn', 'file']}
        />
        <Stack gap="xs">
          <UnitSelect
            index={units.data}
            kinds={['general_department', 'department', 'branch']}
            label={t('consultations.ownerUnit')}
            value={v.ownerUnitId}
            onChange={set('ownerUnitId')}
            error={form.errors.ownerUnitId}
            testId="owner-unit"
          />
          <TextInput
            label={t('consultations.titleLabel')}
            required
            value={v.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={form.errors.title}
            data-testid="new-title"
          />
          <Textarea
            label={t('consultations.summary')}
            autosize
            minRows={2}
            value={v.summary}
            onChange={(e) => set('summary')(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('consultations.docTypeLabel')}
              value={v.docType}
              onChange={set('docType')}
              data={DOC_TYPES.map((d) => ({ value: d, label: t(`consultations.docType.${d}`) }))}
              allowDeselect={false}
            />
            <MultiSelect
              label={t('consultations.topic')}
              value={v.topics}
              onChange={set('topics')}
              data={TOPICS.map((x) => ({ value: x, label: t(`partnership.topics.${x}`) }))}
              error={form.errors.topics}
              data-testid="new-topics"
            />
          </SimpleGrid>
          <FileInput
            label={t('consultations.docx')}
            accept=".docx"
            onChange={(f) => void readDocx(f)}
            error={form.errors.file}
            clearable
          />
          <Textarea
            label={t('consultations.draftText')}
            description={t('consultations.draftHint')}
            required
            autosize
            minRows={6}
            maxRows={16}
            value={v.draftText}
            onChange={(e) => set('draftText')(e.currentTarget.value)}
            error={form.errors.draftText}
            data-testid="new-draft"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="datetime-local"
              label={t('consultations.opensAt')}
              value={v.opensAt}
              onChange={(e) => set('opensAt')(e.currentTarget.value)}
              error={form.errors.opensAt}
              data-testid="new-opens"
            />
            <TextInput
              type="datetime-local"
              label={t('consultations.closesAt')}
              value={v.closesAt}
              onChange={(e) => set('closesAt')(e.currentTarget.value)}
              error={form.errors.closesAt}
              data-testid="new-closes"
            />
            <TextInput
              type="date"
              label={t('consultations.responseDue')}
              value={v.responseDueOn}
              onChange={(e) => set('responseDueOn')(e.currentTarget.value)}
              error={form.errors.responseDueOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('consultations.questions')}
            description={t('consultations.questionsHint')}
            autosize
            value={v.questions}
            onChange={(e) => set('questions')(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button onClick={() => void create()} loading={busy} data-testid="create-consultation">
              {t('consultations.create')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
