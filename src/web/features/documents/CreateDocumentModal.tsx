import { MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOC_STATUSES, DOC_TYPES, documentBody, TOPICS, type DocumentView } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';

/** Adds a legal document to the library, under the officer's own unit; its file is uploaded on the card afterwards. */
export function CreateDocumentModal({ onClose, onDone }: { onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useFormState();
  const [v, setV] = useState({
    number: '',
    docType: 'circular',
    issuer: '',
    title: '',
    issuedOn: '',
    effectiveOn: '',
    summaryVi: '',
    summaryEn: '',
    topics: [] as string[],
    status: 'in_force',
  });
  const set = (patch: Partial<typeof v>) => {
    setV((current) => ({ ...current, ...patch }));
    for (const key of Object.keys(patch)) form.clear(key);
  };
  const create = useMutation({
    mutationFn: (body: unknown) => api<DocumentView>('/api/documents', { method: 'POST', body }),
    onSuccess: async (document) => {
      notifySuccess(t('partnership.documents.created', { number: document.number }));
      await onDone();
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  const text = (field: 'number' | 'issuer' | 'title', required = true) => (
    <TextInput
      label={t(`partnership.documents.fields.${field}`)}
      required={required}
      value={v[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={form.errors[field]}
      data-testid={`document-${field}`}
    />
  );
  return (
    <AppModal opened onClose={onClose} title={t('partnership.documents.create')} size="xl">
      <form
        noValidate
        data-testid="document-form"
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.check(documentBody, { ...v, effectiveOn: v.effectiveOn || null });
          if (body) create.mutate(body);
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={Object.keys(v)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('number')}
            <Select
              label={t('partnership.documents.fields.docType')}
              required
              allowDeselect={false}
              data={DOC_TYPES.map((x) => ({ value: x, label: t(`partnership.documents.types.${x}`) }))}
              value={v.docType}
              onChange={(docType) => set({ docType: docType ?? 'circular' })}
            />
          </SimpleGrid>
          {text('title')}
          {text('issuer')}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('partnership.documents.fields.issuedOn')}
              required
              value={v.issuedOn}
              onChange={(e) => set({ issuedOn: e.currentTarget.value })}
              error={form.errors.issuedOn}
              data-testid="document-issuedOn"
            />
            <TextInput
              type="date"
              label={t('partnership.documents.fields.effectiveOn')}
              value={v.effectiveOn}
              onChange={(e) => set({ effectiveOn: e.currentTarget.value })}
              error={form.errors.effectiveOn}
            />
            <Select
              label={t('partnership.documents.fields.status')}
              required
              allowDeselect={false}
              data={DOC_STATUSES.map((x) => ({ value: x, label: t(`partnership.documents.statuses.${x}`) }))}
              value={v.status}
              onChange={(status) => set({ status: status ?? 'in_force' })}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('partnership.documents.fields.topics')}
            required
            searchable
            data={TOPICS.map((x) => ({ value: x, label: t(`partnership.topics.${x}`) }))}
            value={v.topics}
            onChange={(topics) => set({ topics })}
            error={form.errors.topics}
            data-testid="document-topics"
          />
          <Textarea
            label={t('partnership.documents.fields.summaryVi')}
            required
            autosize
            minRows={3}
            value={v.summaryVi}
            onChange={(e) => set({ summaryVi: e.currentTarget.value })}
            error={form.errors.summaryVi}
            data-testid="document-summaryVi"
          />
          <Textarea
            label={t('partnership.documents.fields.summaryEn')}
            autosize
            minRows={2}
            value={v.summaryEn}
            onChange={(e) => set({ summaryEn: e.currentTarget.value })}
            error={form.errors.summaryEn}
          />
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('common.save')}
            loading={create.isPending}
            testId="document-submit"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
