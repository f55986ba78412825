import { Badge, Group, List, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isBusinessRole } from '../../../contracts/roles.ts';
import type { Unit } from '../../../contracts/organization.ts';
import { api } from '../../app/api.ts';
import type { Me } from '../../app/session.ts';
import { unitKeys } from '../admin/keys.ts';

/** Each role the user holds and where it applies (a unit, their enterprise or association, or the whole country). */
export function RoleList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const unitIds = [...new Set(me.roles.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])))];
  const units = useQueries({
    queries: unitIds.map((id) => ({
      queryKey: unitKeys.one(id),
      queryFn: () => api<Unit>(`/api/units/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const unitName = (id: string) => {
    const unit = units.find((result) => result.data?.id === id)?.data;
    return unit ? (i18n.language === 'en' ? unit.nameEn : unit.nameVi) : null;
  };

  return (
    <List spacing="sm" listStyleType="none" data-testid="my-roles">
      {me.roles.map((grant) => {
        let scope: string;
        if (isBusinessRole(grant.role)) {
          scope =
            grant.role === 'association_rep'
              ? (me.association?.name ?? '—')
              : me.enterprise
                ? `${me.enterprise.name} (${t('common.taxCode')} ${me.enterprise.taxCode})`
                : '—';
        } else if (grant.unitId) {
          const name = unitName(grant.unitId);
          scope = name ? `${grant.unitCode ?? ''} — ${name}` : (grant.unitCode ?? '—');
        } else {
          scope = t('scope.national');
        }
        return (
          <List.Item key={`${grant.role}-${grant.unitId ?? ''}`}>
            <Group gap="xs" wrap="wrap">
              <Badge color="navy" size="lg">
                {t(`roles.${grant.role}`)}
              </Badge>
              <Text size="sm">
                {t('dashboard.scope')}: {scope}
              </Text>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
