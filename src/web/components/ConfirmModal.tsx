import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal.tsx';

/** Asks before something that cannot be undone. */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title}>
      {typeof props.children === 'string' ? <Text size="sm">{props.children}</Text> : props.children}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color={props.danger ? 'red' : undefined}
          loading={props.loading}
          onClick={props.onConfirm}
          data-testid="confirm"
        >
          {props.confirmLabel}
        </Button>
      </Group>
    </AppModal>
  );
}
