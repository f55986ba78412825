import { Alert, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeUnitBody } from '../../../../contracts/organization.ts';
import { api } from '../../../app/api.ts';
import { FormAlert } from '../../../components/Feedback.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useFormState } from '../../../lib/forms.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { unitName, type Unit, type UnitIndex } from '../../../lib/units.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ModalFooter } from '../../../components/ModalFooter.tsx';
import { unitKeys } from '../keys.ts';

/** Merge a unit into another of the same level, after an explicit confirmation. */
export function MergeModal({
  unit,
  index,
  onClose,
}: {
  unit: Unit;
  index: UnitIndex | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const form = useFormState();
  const [intoId, setIntoId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const target = intoId ? index?.byId.get(intoId) : undefined;
  const childCount = index?.children.get(unit.id)?.length ?? 0;

  const mutation = useMutation({
    mutationFn: (body: { intoId: string }) => api<Unit>(`/api/units/${unit.id}/merge`, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: unitKeys.all });
      notifySuccess(t('units.merged', { from: unit.code, into: target?.code ?? '' }));
      onClose();
    },
    onError: (error) => {
      setConfirming(false);
      form.fail(error);
    },
  });

  return (
    <AppModal opened onClose={onClose} title={t('units.mergeTitle', { code: unit.code })} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('units.mergeIntro', { name: unitName(unit, i18n.language) })}</Text>
        <FormAlert failure={form.failure} shownFields={['intoId']} />
        {!confirming ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (form.check(mergeUnitBody, { intoId })) setConfirming(true);
            }}
          >
            <Stack gap="sm">
              <UnitSelect
                index={index}
                label={t('units.mergeInto')}
                required
                kinds={[unit.kind]}
                excludeIds={[unit.id]}
                value={intoId}
                onChange={setIntoId}
                error={form.errors.intoId ? t('units.mergeTargetRequired') : undefined}
                testId="merge-target"
              />
              <ModalFooter onCancel={onClose} submitLabel={t('common.continue')} color="red" />
            </Stack>
          </form>
        ) : (
          <>
            <Alert color="red" title={t('units.mergeConfirmTitle')} role="alert">
              {t('units.mergeConfirm', {
                from: `${unit.code} — ${unitName(unit, i18n.language)}`,
                into: target ? `${target.code} — ${unitName(target, i18n.language)}` : '',
                n: childCount,
              })}
            </Alert>
            <ModalFooter
              onCancel={() => setConfirming(false)}
              cancelLabel={t('common.back')}
              submitLabel={t('units.mergeConfirmButton')}
              onSubmit={() => intoId && mutation.mutate({ intoId })}
              color="red"
              loading={mutation.isPending}
              testId="merge-confirm"
            />
          </>
        )}
      </Stack>
    </AppModal>
  );
}
