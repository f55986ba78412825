import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, createAgreementBody } from '../../../contracts/agreements.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { accountKeys } from '../admin/keys.ts';

/** Records an agreement signed (or being prepared) by a department or branch. */
export function CreateAgreementModal({ onClose, onDone }: { onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useFormState();
  const units = useUnits();
  const associations = useQuery({
    queryKey: accountKeys.associations,
    queryFn: () => api<{ id: string; code: string; nameVi: string }[]>('/api/associations'),
  });
  const [v, setV] = useState({
    kind: 'cooperation',
    unitId: null as string | null,
    number: '',
    enterpriseTaxCode: '',
    associationId: null as string | null,
    title: '',
    signedOn: '',
    expiresOn: '',
    commitments: '',
    status: 'in_force',
  });
  const set = (patch: Partial<typeof v>) => {
    setV((current) => ({ ...current, ...patch }));
    for (const key of Object.keys(patch)) form.clear(key);
  };
  const create = useMutation({
    mutationFn: (body: unknown) => api<{ number: string }>('/api/agreements', { method: 'POST', body }),
    onSuccess: async (agreement) => {
      notifySuccess(t('partnership.agreements.created', { number: agreement.number }));
      await onDone();
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  return (
    <AppModal opened onClose={onClose} title={t('partnership.agreements.create')} size="xl">
      <form
        noValidate
        data-testid="agreement-form"
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.check(createAgreementBody, {
            ...v,
            enterpriseTaxCode: v.kind === 'cooperation' ? v.enterpriseTaxCode : null,
            associationId: v.kind === 'coordination' ? v.associationId : null,
            signedOn: v.signedOn || null,
            expiresOn: v.expiresOn || null,
          });
          if (body) create.mutate(body);
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={Object.keys(v)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('partnership.agreements.kind')}
              required
              allowDeselect={false}
              data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`partnership.agreements.kinds.${k}`) }))}
              value={v.kind}
              onChange={(kind) => set({ kind: kind ?? 'cooperation' })}
            />
            <TextInput
              label={t('partnership.agreements.number')}
              required
              value={v.number}
              onChange={(e) => set({ number: e.currentTarget.value })}
              error={form.errors.number}
            />
          </SimpleGrid>
          <UnitSelect
            index={units.data}
            kinds={['department', 'branch']}
            label={t('partnership.agreements.signingUnit')}
            required
            value={v.unitId}
            onChange={(unitId) => set({ unitId })}
            error={form.errors.unitId}
          />
          {v.kind === 'cooperation' ? (
            <TextInput
              label={t('partnership.agreements.enterpriseTaxCode')}
              required
              value={v.enterpriseTaxCode}
              onChange={(e) => set({ enterpriseTaxCode: e.currentTarget.value })}
              error={form.errors.enterpriseTaxCode}
            />
          ) : (
            <Select
              label={t('partnership.agreements.association')}
              required
              searchable
              data={(associations.data ?? []).map((a) => ({ value: a.id, label: a.nameVi }))}
              value={v.associationId}
              onChange={(associationId) => set({ associationId })}
              error={form.errors.associationId}
            />
          )}
          <TextInput
            label={t('partnership.agreements.fieldTitle')}
            required
            value={v.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={form.errors.title}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('partnership.agreements.signedOn')}
              value={v.signedOn}
              onChange={(e) => set({ signedOn: e.currentTarget.value })}
              error={form.errors.signedOn}
            />
            <TextInput
              type="date"
              label={t('partnership.agreements.expiresOn')}
              value={v.expiresOn}
              onChange={(e) => set({ expiresOn: e.currentTarget.value })}
              error={form.errors.expiresOn}
            />
            <Select
              label={t('partnership.agreements.status')}
              required
              allowDeselect={false}
              data={['draft', 'signed', 'in_force'].map((s) => ({
                value: s,
                label: t(`partnership.agreements.statuses.${s}`),
              }))}
              value={v.status}
              onChange={(status) => set({ status: status ?? 'draft' })}
            />
          </SimpleGrid>
          <Textarea
            label={t('partnership.agreements.commitments')}
            autosize
            minRows={3}
            value={v.commitments}
            onChange={(e) => set({ commitments: e.currentTarget.value })}
            error={form.errors.commitments}
          />
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('common.save')}
            loading={create.isPending}
            testId="agreement-submit"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
