// Pieces shared by the support pages.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupportStatusValue } from '../../../contracts/support.ts';
import { hasRole, type Me } from '../../app/session.ts';

const COLORS: Record<SupportStatusValue, string> = { open: 'blue', in_progress: 'indigo', waiting: 'yellow', resolved: 'green', merged: 'gray' };

export function StatusBadge({ status }: { status: SupportStatusValue }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm" styles={{ label: { textTransform: 'none' } }} data-testid="request-status">
      {t(`support.status.${status}`)}
    </Badge>
  );
}

export const STAFF_ROLES = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'] as const;
export const LEAD_ROLES = ['team_lead', 'branch_leader', 'department_leader', 'gd_staff'] as const;
export const BUSINESS_ROLES = ['enterprise_user', 'broker', 'association_rep'] as const;
export const isStaff = (me: Me | null) => hasRole(me, STAFF_ROLES);
