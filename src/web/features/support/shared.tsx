// Pieces shared by the support pages.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupportStatusValue } from '../../../contracts/support.ts';

const COLORS: Record<SupportStatusValue, string> = {
  open: 'blue',
  in_progress: 'indigo',
  waiting: 'yellow',
  resolved: 'green',
  merged: 'gray',
};

export function StatusBadge({ status }: { status: SupportStatusValue }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      radius="sm"
      styles={{ label: { textTransform: 'none' } }}
      data-testid="request-status"
    >
      {t(`support.status.${status}`)}
    </Badge>
  );
}
