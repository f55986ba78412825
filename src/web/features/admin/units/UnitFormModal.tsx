import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS } from '../../../../contracts/common.ts';
import { createUnitBody, updateUnitBody } from '../../../../contracts/organization.ts';
import { api } from '../../../app/api.ts';
import { FormAlert } from '../../../components/Feedback.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useFormState } from '../../../lib/forms.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { CHILD_KIND, PARENT_KIND, type Unit, type UnitIndex, type UnitKind } from '../../../lib/units.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ModalFooter } from '../../../components/ModalFooter.tsx';
import { unitKeys } from '../keys.ts';

export type UnitFormMode = { type: 'create'; parent?: Unit } | { type: 'edit'; unit: Unit };

const FIELDS = ['code', 'kind', 'nameVi', 'nameEn', 'parentId'];

function initialValues(mode: UnitFormMode) {
  if (mode.type === 'edit') {
    const { unit } = mode;
    return { code: unit.code, kind: unit.kind, nameVi: unit.nameVi, nameEn: unit.nameEn, parentId: unit.parentId };
  }
  const kind: UnitKind = (mode.parent && CHILD_KIND[mode.parent.kind]) ?? 'branch';
  return { code: '', kind, nameVi: '', nameEn: '', parentId: mode.parent?.id ?? null };
}

/** Create a unit, or rename / move one. */
export function UnitFormModal({
  mode,
  index,
  onClose,
}: {
  mode: UnitFormMode;
  index: UnitIndex | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState();
  const [values, setValues] = useState(() => initialValues(mode));
  const editing = mode.type === 'edit' ? mode.unit : null;
  const parentKind = PARENT_KIND[values.kind];

  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      editing
        ? api<Unit>(`/api/units/${editing.id}`, { method: 'PATCH', body })
        : api<Unit>('/api/units', { method: 'POST', body }),
    onSuccess: async (unit) => {
      await client.invalidateQueries({ queryKey: unitKeys.all });
      notifySuccess(editing ? t('units.updated', { code: unit.code }) : t('units.created', { code: unit.code }));
      onClose();
    },
    onError: (error) => form.fail(error),
  });

  function submit() {
    if (editing) {
      const changes: Record<string, string | null> = {};
      if (values.nameVi !== editing.nameVi) changes.nameVi = values.nameVi;
      if (values.nameEn !== editing.nameEn) changes.nameEn = values.nameEn;
      if (values.parentId !== editing.parentId && values.parentId) changes.parentId = values.parentId;
      if (Object.keys(changes).length === 0) {
        form.setError('form', t('units.noChanges'));
        return;
      }
      const body = form.check(updateUnitBody, changes);
      if (body) mutation.mutate(body);
      return;
    }
    const body = form.check(createUnitBody, { ...values, parentId: parentKind ? values.parentId : null });
    if (body) mutation.mutate(body);
  }

  const set = (field: 'code' | 'nameVi' | 'nameEn') => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(field);
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      title={editing ? t('units.editTitle', { code: editing.code }) : t('units.createTitle')}
      size="lg"
    >
      <form
        noValidate
        data-testid="unit-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={FIELDS} />
          {form.errors.form && (
            <Text c="red" size="sm" role="alert">
              {form.errors.form}
            </Text>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('units.code')}
              description={t('units.codeHelp')}
              required
              disabled={Boolean(editing)}
              value={values.code}
              onChange={set('code')}
              error={form.errors.code}
              miw={200}
            />
            <Select
              label={t('units.kind')}
              required
              disabled={Boolean(editing)}
              allowDeselect={false}
              data={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKinds.${kind}`) }))}
              value={values.kind}
              onChange={(value) => {
                const kind = value as UnitKind;
                setValues((current) => {
                  const parent = current.parentId ? index?.byId.get(current.parentId) : undefined;
                  return { ...current, kind, parentId: parent && parent.kind === PARENT_KIND[kind] ? parent.id : null };
                });
              }}
              error={form.errors.kind}
              miw={200}
            />
          </Group>
          <TextInput
            label={t('units.nameVi')}
            required
            value={values.nameVi}
            onChange={set('nameVi')}
            error={form.errors.nameVi}
            lang="vi"
          />
          <TextInput
            label={t('units.nameEn')}
            required
            value={values.nameEn}
            onChange={set('nameEn')}
            error={form.errors.nameEn}
            lang="en"
          />
          {parentKind && (
            <UnitSelect
              index={index}
              label={t('units.parent')}
              description={t('units.parentHelp', { kind: t(`unitKinds.${parentKind}`) })}
              required
              kinds={[parentKind]}
              excludeIds={editing ? [editing.id] : undefined}
              value={values.parentId}
              onChange={(parentId) => {
                setValues((current) => ({ ...current, parentId }));
                form.clear('parentId');
              }}
              error={form.errors.parentId}
              testId="unit-parent"
            />
          )}
          <ModalFooter
            onCancel={onClose}
            submitLabel={editing ? t('common.save') : t('units.create')}
            loading={mutation.isPending}
            testId="unit-submit"
            mt="md"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
