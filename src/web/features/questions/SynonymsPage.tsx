import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { synonymBody, type SynonymGroupView } from '../../../contracts/questions.ts';
import { api } from '../../app/api.ts';
import { EmptyState, FormAlert, QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageLoader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { questionKeys } from './keys.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Editors' synonym groups: expressions search treats as the same ("C/O" and
 * "giấy chứng nhận xuất xứ"), applied to every search at once, each change audited.
 */
export default function SynonymsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const form = useFormState();
  const [editing, setEditing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const list = useQuery({
    queryKey: questionKeys.synonyms,
    queryFn: () => api<SynonymGroupView[]>('/api/question-bank/synonyms'),
  });
  const reset = () => {
    setEditing(null);
    setText('');
    form.clear();
  };
  const save = useMutation({
    mutationFn: (body: unknown) =>
      editing
        ? api<SynonymGroupView>(`/api/question-bank/synonyms/${editing}`, { method: 'PUT', body })
        : api<SynonymGroupView>('/api/question-bank/synonyms', { method: 'POST', body }),
    onSuccess: async () => {
      notifySuccess(t('qsearch.synonyms.saved'));
      reset();
      await client.invalidateQueries({ queryKey: questionKeys.synonyms });
    },
    onError: (error) => form.fail(error),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/question-bank/synonyms/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      notifySuccess(t('qsearch.synonyms.deleted'));
      await client.invalidateQueries({ queryKey: questionKeys.synonyms });
    },
    onError: (error) => notifyError(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(synonymBody, { terms: lines(text) });
    if (body) save.mutate(body);
  };

  return (
    <>
      <PageHeader title={t('qsearch.synonyms.title')} description={t('qsearch.synonyms.intro')} />
      <Card withBorder radius="md" padding="md" mb="md" component="section" aria-labelledby="synonym-form-title">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text fw={600} id="synonym-form-title">
              {editing ? t('qsearch.synonyms.editTitle') : t('qsearch.synonyms.newTitle')}
            </Text>
            <FormAlert failure={form.failure} shownFields={['terms']} />
            <Textarea
              label={t('qsearch.synonyms.terms')}
              description={t('qsearch.synonyms.termsHint')}
              value={text}
              onChange={(event) => (setText(event.currentTarget.value), form.clear('terms'))}
              error={form.errors.terms}
              autosize
              minRows={3}
              data-testid="synonym-terms"
            />
            <Group gap="sm">
              <Button type="submit" loading={save.isPending} data-testid="synonym-save">
                {editing ? t('common.save') : t('qsearch.synonyms.add')}
              </Button>
              {editing && (
                <Button variant="default" onClick={reset}>
                  {t('common.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder radius="md" padding="md">
        {list.isPending && <TableSkeleton />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.data?.length === 0 && <EmptyState>{t('qsearch.synonyms.empty')}</EmptyState>}
        {list.data && list.data.length > 0 && (
          <ScrollTable label={t('qsearch.synonyms.title')} minWidth={600}>
            <Table verticalSpacing="xs" data-testid="synonym-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('qsearch.synonyms.terms')}</Table.Th>
                  <Table.Th scope="col">{t('support.qa.updated')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('qsearch.synonyms.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((group) => (
                  <Table.Tr key={group.id} data-testid="synonym-row">
                    <Table.Td>
                      <Group gap={6}>
                        {group.terms.map((term) => (
                          <Badge
                            key={term}
                            variant="light"
                            color="navy"
                            radius="sm"
                            styles={{ label: { textTransform: 'none' } }}
                          >
                            {term}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(group.updatedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('qsearch.synonyms.editGroup', { terms: group.terms.join(', ') })}
                          onClick={() => {
                            setEditing(group.id);
                            setText(group.terms.join('\n'));
                            form.clear();
                          }}
                        >
                          {t('qsearch.synonyms.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('qsearch.synonyms.deleteGroup', { terms: group.terms.join(', ') })}
                          onClick={() => {
                            if (window.confirm(t('qsearch.synonyms.confirmDelete', { terms: group.terms.join(', ') })))
                              remove.mutate(group.id);
                          }}
                        >
                          {t('qsearch.synonyms.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Card>
    </>
  );
}
