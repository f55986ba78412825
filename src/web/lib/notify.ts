// Success and failure toasts (Mantine notifications).
import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/index.ts';
import { errorMessage } from './errors.ts';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', title: i18n.t('common.done'), message, withBorder: true });
}

export function notifyError(error: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? i18n.t('common.failed'),
    message: errorMessage(error),
    withBorder: true,
    autoClose: 8000,
  });
}
