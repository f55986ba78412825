import { PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPasswordBody, type Account } from '../../../../contracts/accounts.ts';
import { api } from '../../../app/api.ts';
import { FormAlert } from '../../../components/Feedback.tsx';
import { useFormState } from '../../../lib/forms.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ModalFooter } from '../../../components/ModalFooter.tsx';

/** Sets a new password; the account's sessions end. */
export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState();
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: (body: { password: string }) => api(`/api/accounts/${account.id}/password`, { method: 'POST', body }),
    onSuccess: () => {
      notifySuccess(t('accounts.passwordReset', { email: account.email }));
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  return (
    <AppModal opened onClose={onClose} title={t('accounts.resetTitle', { email: account.email })}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const body = form.check(resetPasswordBody, { password });
          if (body) mutation.mutate(body);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('accounts.resetIntro')}</Text>
          <FormAlert failure={form.failure} shownFields={['password']} />
          <PasswordInput
            label={t('accounts.newPassword')}
            description={t('account.passwordRule')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={form.errors.password}
            data-autofocus
          />
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('accounts.resetButton')}
            loading={mutation.isPending}
            testId="reset-password-submit"
            mt="md"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
