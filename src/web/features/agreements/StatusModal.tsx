import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../../contracts/agreements.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { ModalFooter } from '../../components/ModalFooter.tsx';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';

export function StatusModal({
  agreement,
  onClose,
  onDone,
}: {
  agreement: AgreementView;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useFormState();
  const [status, setStatus] = useState<string | null>(agreement.nextStatuses[0] ?? null);
  const [signedOn, setSignedOn] = useState(agreement.signedOn ?? '');
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (body: object) => api(`/api/agreements/${agreement.id}/status`, { method: 'POST', body }),
    onSuccess: async () => {
      notifySuccess(t('partnership.agreements.statusChanged'));
      await onDone();
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  return (
    <AppModal opened onClose={onClose} title={`${t('partnership.agreements.changeStatus')} ${agreement.number}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate({ status, ...(signedOn && { signedOn }), ...(reason && { reason }) });
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={['status', 'signedOn', 'reason']} />
          <Select
            label={t('partnership.agreements.status')}
            required
            allowDeselect={false}
            data={agreement.nextStatuses.map((s) => ({ value: s, label: t(`partnership.agreements.statuses.${s}`) }))}
            value={status}
            onChange={setStatus}
          />
          {(status === 'signed' || status === 'in_force') && (
            <TextInput
              type="date"
              label={t('partnership.agreements.signedOn')}
              value={signedOn}
              onChange={(e) => setSignedOn(e.currentTarget.value)}
              error={form.errors.signedOn}
            />
          )}
          {status === 'terminated' && (
            <Textarea
              label={t('partnership.agreements.reason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={form.errors.reason}
            />
          )}
          <ModalFooter onCancel={onClose} submitLabel={t('common.save')} loading={change.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
