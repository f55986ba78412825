import { PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createAccountBody, type Account } from '../../../../contracts/accounts.ts';
import type { Role } from '../../../../contracts/common.ts';
import { api } from '../../../app/api.ts';
import { FormAlert } from '../../../components/Feedback.tsx';
import { useFormState } from '../../../lib/forms.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import type { UnitIndex } from '../../../lib/units.ts';
import { AssociationSelect, EnterprisePicker, OfficerPicker } from './PartyPickers.tsx';
import { newRoleDraft, RolesEditor } from './RolesEditor.tsx';
import { roleErrors, toRoleInputs, usesUnit, type RoleDraft } from './roleRules.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ModalFooter } from '../../../components/ModalFooter.tsx';
import { accountKeys } from '../keys.ts';
import { ENTERPRISE_ROLES } from '../../../../contracts/roles.ts';

type TextField = 'email' | 'fullName' | 'phone' | 'password';

export function CreateAccountModal({ units, onClose }: { units: UnitIndex | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState();
  const [text, setText] = useState<Record<TextField, string>>({ email: '', fullName: '', phone: '', password: '' });
  const [locale, setLocale] = useState<'vi' | 'en'>('vi');
  const [roles, setRoles] = useState<RoleDraft[]>(() => [newRoleDraft()]);
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [associationId, setAssociationId] = useState<string | null>(null);
  const [officerId, setOfficerId] = useState<string | null>(null);

  const has = (list: readonly Role[]) => roles.some((grant) => grant.role !== null && list.includes(grant.role));
  const needsEnterprise = has(ENTERPRISE_ROLES);
  const needsAssociation = has(['association_rep']);
  const isCustoms = roles.some((grant) => usesUnit(grant.role));

  const mutation = useMutation({
    mutationFn: (body: unknown) => api<Account>('/api/accounts', { method: 'POST', body }),
    onSuccess: async (account) => {
      await client.invalidateQueries({ queryKey: accountKeys.all });
      notifySuccess(t('accounts.created', { email: account.email }));
      onClose();
    },
    onError: (error) => form.fail(error),
  });

  function submit() {
    const values = {
      ...text,
      phone: text.phone.trim() || null,
      locale,
      roles: toRoleInputs(roles),
      enterpriseId: needsEnterprise ? enterpriseId : null,
      associationId: needsAssociation ? associationId : null,
      officerId: isCustoms ? officerId : null,
    };
    const body = form.check(createAccountBody, values);
    const extra = roleErrors(roles, { enterpriseId: values.enterpriseId, associationId: values.associationId }, t);
    if (Object.keys(extra).length) {
      for (const [field, message] of Object.entries(extra)) form.setError(field, message);
      return;
    }
    if (body) mutation.mutate(body);
  }

  const input = (field: TextField) => ({
    value: text[field],
    error: form.errors[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setText((current) => ({ ...current, [field]: value }));
      form.clear(field);
    },
  });

  return (
    <AppModal opened onClose={onClose} title={t('accounts.createTitle')} size="xl">
      <form
        noValidate
        data-testid="account-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={Object.keys(form.errors)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('accounts.email')} type="email" required autoComplete="off" {...input('email')} />
            <TextInput label={t('accounts.fullName')} required {...input('fullName')} />
            <TextInput label={t('accounts.phone')} type="tel" {...input('phone')} />
            <PasswordInput
              label={t('accounts.password')}
              description={t('account.passwordRule')}
              required
              autoComplete="new-password"
              {...input('password')}
            />
            <Select
              label={t('accounts.locale')}
              allowDeselect={false}
              data={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
              value={locale}
              onChange={(value) => setLocale(value === 'en' ? 'en' : 'vi')}
            />
          </SimpleGrid>
          <RolesEditor
            value={roles}
            onChange={(next) => {
              setRoles(next);
              form.clearUnder('roles');
            }}
            units={units}
            errors={form.errors}
          />
          {needsEnterprise && (
            <EnterprisePicker
              value={enterpriseId}
              onChange={(id) => {
                setEnterpriseId(id);
                form.clear('enterpriseId');
              }}
              error={form.errors.enterpriseId}
              required
            />
          )}
          {needsAssociation && (
            <AssociationSelect
              value={associationId}
              onChange={(id) => {
                setAssociationId(id);
                form.clear('associationId');
              }}
              error={form.errors.associationId}
              required
            />
          )}
          {isCustoms && <OfficerPicker value={officerId} onChange={setOfficerId} error={form.errors.officerId} />}
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('accounts.create')}
            loading={mutation.isPending}
            testId="account-submit"
            mt="md"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
