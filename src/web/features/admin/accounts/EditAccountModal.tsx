import { SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateAccountBody, type Account } from '../../../../contracts/accounts.ts';
import { api } from '../../../app/api.ts';
import { FormAlert } from '../../../components/Feedback.tsx';
import { useFormState } from '../../../lib/forms.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import type { UnitIndex } from '../../../lib/units.ts';
import { newRoleDraft, RolesEditor } from './RolesEditor.tsx';
import { roleErrors, toRoleInputs, type RoleDraft } from './roleRules.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ModalFooter } from '../../../components/ModalFooter.tsx';
import { accountKeys } from '../keys.ts';

function sameRoles(
  a: { role: string | null; unitId: string | null }[],
  b: { role: string; unitId: string | null }[],
): boolean {
  const key = (list: { role: string | null; unitId: string | null }[]) =>
    list
      .map((grant) => `${grant.role}:${grant.unitId ?? ''}`)
      .sort()
      .join('|');
  return key(a) === key(b);
}

/** Name, phone, roles and the active switch of an existing account. */
export function EditAccountModal({
  account,
  units,
  onClose,
}: {
  account: Account;
  units: UnitIndex | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState();
  const [fullName, setFullName] = useState(account.fullName);
  const [phone, setPhone] = useState(account.phone ?? '');
  const [active, setActive] = useState(account.active);
  const [roles, setRoles] = useState<RoleDraft[]>(() =>
    account.roles.map((grant) => newRoleDraft(grant.role, grant.unitId)),
  );

  const mutation = useMutation({
    mutationFn: (body: unknown) => api<Account>(`/api/accounts/${account.id}`, { method: 'PATCH', body }),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: accountKeys.all });
      notifySuccess(t('accounts.updated', { email: saved.email }));
      onClose();
    },
    onError: (error) => form.fail(error),
  });

  function submit() {
    const changes: Record<string, unknown> = {};
    if (fullName !== account.fullName) changes.fullName = fullName;
    if ((phone.trim() || null) !== account.phone) changes.phone = phone.trim() || null;
    if (active !== account.active) changes.active = active;
    const roleInputs = toRoleInputs(roles);
    if (!sameRoles(roleInputs, account.roles)) changes.roles = roleInputs;
    if (Object.keys(changes).length === 0) {
      form.setError('form', t('accounts.noChanges'));
      return;
    }
    const body = form.check(updateAccountBody, changes);
    // Enterprise and association cannot change here; check roles against what the account has.
    const extra = changes.roles
      ? roleErrors(roles, { enterpriseId: account.enterpriseId, associationId: account.associationId }, t)
      : {};
    if (Object.keys(extra).length) {
      for (const [field, message] of Object.entries(extra)) form.setError(field, message);
      return;
    }
    if (body) mutation.mutate(body);
  }

  return (
    <AppModal opened onClose={onClose} title={t('accounts.editTitle', { email: account.email })} size="xl">
      <form
        noValidate
        data-testid="account-edit-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={Object.keys(form.errors)} />
          {form.errors.form && (
            <Text c="red" size="sm" role="alert">
              {form.errors.form}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('accounts.fullName')}
              required
              value={fullName}
              onChange={(event) => setFullName(event.currentTarget.value)}
              error={form.errors.fullName}
            />
            <TextInput
              label={t('accounts.phone')}
              type="tel"
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={form.errors.phone}
            />
          </SimpleGrid>
          {(account.enterpriseName || account.associationId) && (
            <Text size="sm" c="dimmed">
              {account.enterpriseName
                ? `${t('accounts.enterprise')}: ${account.enterpriseName}`
                : t('accounts.hasAssociation')}
            </Text>
          )}
          <Switch
            label={t('accounts.activeLabel')}
            description={t('accounts.activeHelp')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
            error={form.errors.active}
          />
          <RolesEditor
            value={roles}
            onChange={(next) => {
              setRoles(next);
              form.clearUnder('roles');
            }}
            units={units}
            errors={form.errors}
          />
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('common.save')}
            loading={mutation.isPending}
            testId="account-save"
            mt="md"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
