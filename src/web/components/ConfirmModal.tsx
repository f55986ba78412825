import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AppModal } from './AppModal.tsx';
import { ModalFooter } from './ModalFooter.tsx';

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
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title}>
      {typeof props.children === 'string' ? <Text size="sm">{props.children}</Text> : props.children}
      <ModalFooter
        onCancel={props.onClose}
        submitLabel={props.confirmLabel}
        onSubmit={props.onConfirm}
        loading={props.loading}
        color={props.danger ? 'red' : undefined}
        testId="confirm"
        mt="lg"
      />
    </AppModal>
  );
}
