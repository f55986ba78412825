import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBody } from '../../../contracts/auth.ts';
import { api } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useFormState();
  const [values, setValues] = useState(EMPTY);
  const mutation = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api('/api/auth/password', { method: 'POST', body }),
  });
  const set = (field: keyof typeof EMPTY) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(field);
  };

  return (
    <form
      noValidate
      data-testid="change-password-form"
      onSubmit={(event) => {
        event.preventDefault();
        const body = form.check(changePasswordBody, {
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
        });
        if (!body) return;
        if (values.confirm !== values.newPassword) {
          form.setError('confirm', t('account.passwordMismatch'));
          return;
        }
        mutation.mutate(body, {
          onSuccess: () => {
            setValues(EMPTY);
            notifySuccess(t('account.passwordChanged'));
          },
          onError: (error) => form.fail(error),
        });
      }}
    >
      <Stack gap="sm" maw={420}>
        <FormAlert failure={form.failure} shownFields={['currentPassword', 'newPassword']} />
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={form.errors.currentPassword}
        />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.passwordRule')}
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={form.errors.newPassword}
        />
        <PasswordInput
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
          value={values.confirm}
          onChange={set('confirm')}
          error={form.errors.confirm}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
