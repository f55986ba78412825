import { Button, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The buttons under a modal form: Cancel, then the action, which shows its loading
 * state while the change is sent. Without `onSubmit` the action submits the form.
 */
export function ModalFooter({
  onCancel,
  cancelLabel,
  submitLabel,
  onSubmit,
  loading,
  disabled,
  color,
  testId,
  mt,
}: {
  onCancel: () => void;
  /** Defaults to "Cancel". */
  cancelLabel?: string;
  submitLabel: ReactNode;
  onSubmit?: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: string;
  testId?: string;
  mt?: MantineSpacing;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit}
        color={color}
        loading={loading}
        disabled={disabled}
        data-testid={testId}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}
