import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { entryBody, QA_CATEGORIES, type OfficerEntry, type QaStatus } from '../../../contracts/questions.ts';
import { api } from '../../app/api.ts';
import { FormAlert, QueryError } from '../../components/Feedback.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Plus, Trash } from '../../components/icons.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { QA_STATUS_COLORS } from './EntriesPage.tsx';
import { EMPTY_ENTRY, entryToValues, valuesToEntryInput, type EntryValues } from './entryForm.ts';
import { questionKeys } from './keys.ts';

type Values = EntryValues;

const NEXT: Record<QaStatus, QaStatus[]> = {
  draft: ['reviewed'],
  reviewed: ['published', 'draft'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

/** Writing an entry; reviewing and publishing it (team leads, never the author of the version). */
export default function EntryEditorPage() {
  const { id = 'moi' } = useParams();
  const isNew = id === 'moi';
  const query = useQuery({
    queryKey: questionKeys.editorEntry(id),
    queryFn: () => api<OfficerEntry>(`/api/question-bank/entries/${id}`),
    enabled: !isNew,
  });
  if (!isNew && query.isPending) return <PageLoader />;
  if (!isNew && query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const entry = isNew ? undefined : query.data;
  return <EntryForm key={entry ? `${entry.id}-${entry.version}-${entry.status}` : 'new'} id={id} entry={entry} />;
}

function EntryForm({ id, entry }: { id: string; entry: OfficerEntry | undefined }) {
  const isNew = !entry;
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormState();
  const [values, setValues] = useState<Values>(() => (entry ? entryToValues(entry) : EMPTY_ENTRY));
  const done = async (saved: OfficerEntry, message: string) => {
    notifySuccess(message);
    client.setQueryData(questionKeys.editorEntry(saved.id), saved);
    await client.invalidateQueries({ queryKey: questionKeys.editorAll });
    if (isNew) await navigate(`/app/hoi-dap/${saved.id}`, { replace: true });
  };
  const save = useMutation({
    mutationFn: (body: unknown) =>
      isNew
        ? api<OfficerEntry>('/api/question-bank/entries', { method: 'POST', body })
        : api<OfficerEntry>(`/api/question-bank/entries/${id}`, { method: 'PUT', body }),
    onSuccess: (saved) => done(saved, t('support.qa.savedEntry')),
    onError: (error) => form.fail(error),
  });
  const move = useMutation({
    mutationFn: (to: QaStatus) =>
      api<OfficerEntry>(`/api/question-bank/entries/${id}/transition`, { method: 'POST', body: { to } }),
    onSuccess: (saved) => done(saved, t('support.qa.moved', { status: t(`support.qaStatus.${saved.status}`) })),
    onError: (error) => notifyError(error),
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    form.clear(key);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(entryBody, valuesToEntryInput(values));
    if (body) save.mutate(body);
  };
  const editable = isNew || entry?.status === 'draft' || entry?.status === 'reviewed';
  const e = form.errors;

  return (
    <>
      <PageHeader
        title={isNew ? t('support.qa.newEntry') : t('support.qa.entryTitle', { number: entry?.number })}
        actions={
          entry && (
            <Badge
              color={QA_STATUS_COLORS[entry.status]}
              size="lg"
              radius="sm"
              styles={{ label: { textTransform: 'none' } }}
              data-testid="qa-entry-status"
            >
              {t(`support.qaStatus.${entry.status}`)}
            </Badge>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} noValidate data-testid="qa-form">
            <Stack gap="sm">
              <FormAlert
                failure={form.failure}
                shownFields={['category', 'titleVi', 'bodyVi', 'titleEn', 'bodyEn', 'tags']}
              />
              <Select
                label={t('support.qa.category')}
                required
                data={QA_CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))}
                value={values.category}
                onChange={(v) => set('category', v)}
                error={e.category}
                disabled={!editable}
              />
              <TagsInput
                label={t('support.qa.tags')}
                value={values.tags}
                onChange={(v) => set('tags', v)}
                maxTags={10}
                error={e.tags}
                disabled={!editable}
              />
              <TextInput
                label={t('support.qa.titleVi')}
                required
                value={values.titleVi}
                onChange={(ev) => set('titleVi', ev.currentTarget.value)}
                error={e.titleVi}
                maxLength={300}
                disabled={!editable}
              />
              <Textarea
                label={t('support.qa.bodyVi')}
                required
                autosize
                minRows={6}
                value={values.bodyVi}
                onChange={(ev) => set('bodyVi', ev.currentTarget.value)}
                error={e.bodyVi}
                maxLength={20_000}
                disabled={!editable}
                data-testid="qa-body-vi"
              />
              <TextInput
                label={t('support.qa.titleEn')}
                value={values.titleEn}
                onChange={(ev) => set('titleEn', ev.currentTarget.value)}
                error={e.titleEn}
                maxLength={300}
                disabled={!editable}
              />
              <Textarea
                label={t('support.qa.bodyEn')}
                autosize
                minRows={4}
                value={values.bodyEn}
                onChange={(ev) => set('bodyEn', ev.currentTarget.value)}
                error={e.bodyEn}
                maxLength={20_000}
                disabled={!editable}
              />
              <Title order={2} size="h5" mt="xs">
                {t('support.qa.legalBasis')}
              </Title>
              {values.legalBasis.map((l, index) => (
                <Group key={index} align="flex-end" gap="xs" wrap="wrap">
                  {(['document', 'article'] as const).map((field) => (
                    <TextInput
                      key={field}
                      label={t(`support.qa.legal.${field}`)}
                      value={l[field]}
                      onChange={(ev) =>
                        set(
                          'legalBasis',
                          values.legalBasis.map((item, i) =>
                            i === index ? { ...item, [field]: ev.currentTarget.value } : item,
                          ),
                        )
                      }
                      error={e[`legalBasis.${index}.${field}`]}
                      style={{ flex: '1 1 200px' }}
                      maxLength={120}
                      disabled={!editable}
                    />
                  ))}
                  <TextInput
                    type="date"
                    label={t('support.qa.legal.effectiveDate')}
                    value={l.effectiveDate}
                    onChange={(ev) =>
                      set(
                        'legalBasis',
                        values.legalBasis.map((item, i) =>
                          i === index ? { ...item, effectiveDate: ev.currentTarget.value } : item,
                        ),
                      )
                    }
                    disabled={!editable}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('support.qa.legal.remove', { n: index + 1 })}
                    onClick={() =>
                      set(
                        'legalBasis',
                        values.legalBasis.filter((_, i) => i !== index),
                      )
                    }
                    disabled={!editable}
                  >
                    <Trash />
                  </ActionIcon>
                </Group>
              ))}
              {editable && (
                <Group>
                  <Button
                    variant="subtle"
                    leftSection={<Plus />}
                    onClick={() =>
                      set('legalBasis', [...values.legalBasis, { document: '', article: '', effectiveDate: '' }])
                    }
                  >
                    {t('support.qa.legal.add')}
                  </Button>
                </Group>
              )}
              {editable ? (
                <Group>
                  <Button type="submit" loading={save.isPending} data-testid="qa-save">
                    {t('support.qa.save')}
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('support.qa.notEditable')}
                </Text>
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {entry && (
            <Stack gap="md">
              <Card withBorder radius="md" padding="md">
                <Title order={2} size="h5" mb="xs">
                  {t('support.qa.workflow')}
                </Title>
                <Text size="sm">{t('support.qa.author', { name: entry.authorName ?? '—' })}</Text>
                {entry.reviewedByName && (
                  <Text size="sm">{t('support.qa.reviewer', { name: entry.reviewedByName })}</Text>
                )}
                {entry.sourceRequestId && (
                  <Anchor component={Link} to={`/app/ho-tro/${entry.sourceRequestId}`} size="sm">
                    {t('support.qa.fromRequest')}
                  </Anchor>
                )}
                <Group gap="xs" mt="sm">
                  {NEXT[entry.status].map((to) => (
                    <Button
                      key={to}
                      size="xs"
                      variant={to === 'draft' ? 'default' : 'filled'}
                      onClick={() => move.mutate(to)}
                      loading={move.isPending}
                      data-testid={`qa-to-${to}`}
                    >
                      {t(`support.qa.to.${to}`)}
                    </Button>
                  ))}
                </Group>
                {entry.status === 'published' && (
                  <Anchor component={Link} to={`/hoi-dap/${entry.id}`} size="sm" mt="xs" display="block">
                    {t('support.qa.viewPublic')}
                  </Anchor>
                )}
              </Card>
              <Card withBorder radius="md" padding="md">
                <Title order={2} size="h5" mb="xs">
                  {t('support.qa.versions')}
                </Title>
                {entry.versions.map((v, index) => (
                  <Text key={index} size="xs">
                    v{v.version} · {t(`support.qaStatus.${v.status}`, { defaultValue: v.status })} ·{' '}
                    {v.actorName ?? '—'} · {format.dateTime(v.at)}
                    {v.note ? ` — ${v.note}` : ''}
                  </Text>
                ))}
              </Card>
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
