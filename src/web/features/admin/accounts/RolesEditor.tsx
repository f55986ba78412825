import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../contracts/common.ts';
import { Plus, Trash } from '../../../components/icons.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import type { UnitIndex } from '../../../lib/units.ts';
import { usesUnit, type RoleDraft } from './roleRules.ts';
import { requiresUnit } from '../../../../contracts/roles.ts';

const MAX_ROLES = 5;
let nextKey = 1;
export const newRoleDraft = (role: Role | null = null, unitId: string | null = null): RoleDraft => ({
  key: nextKey++,
  role,
  unitId,
});

/** One row per role grant: the role, and the unit it covers for customs roles. */
export function RolesEditor({
  value,
  onChange,
  units,
  errors,
}: {
  value: RoleDraft[];
  onChange: (next: RoleDraft[]) => void;
  units: UnitIndex | undefined;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<RoleDraft>) =>
    onChange(value.map((grant) => (grant.key === key ? { ...grant, ...patch } : grant)));

  return (
    <Fieldset legend={t('accounts.roles')} data-testid="roles-editor">
      <Stack gap="sm">
        {errors.roles && (
          <Text c="red" size="sm" role="alert">
            {errors.roles}
          </Text>
        )}
        {value.map((grant, index) => (
          <Group key={grant.key} align="flex-start" gap="xs" wrap="wrap">
            <Select
              label={t('accounts.roleN', { n: index + 1 })}
              data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={grant.role}
              allowDeselect={false}
              required
              onChange={(role) => update(grant.key, { role, unitId: usesUnit(role) ? grant.unitId : null })}
              error={errors[`roles.${index}.role`]}
              style={{ flex: '1 1 200px' }}
              data-testid={`role-${index}`}
            />
            {usesUnit(grant.role) && (
              <div style={{ flex: '2 1 260px' }}>
                <UnitSelect
                  index={units}
                  label={t('accounts.unitN', { n: index + 1 })}
                  required={grant.role !== null && requiresUnit(grant.role)}
                  clearable
                  description={
                    grant.role !== null && !requiresUnit(grant.role) ? t('accounts.unitOptional') : undefined
                  }
                  value={grant.unitId}
                  onChange={(unitId) => update(grant.key, { unitId })}
                  error={errors[`roles.${index}.unitId`]}
                  testId={`role-unit-${index}`}
                />
              </div>
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              size="lg"
              aria-label={t('accounts.removeRole', { n: index + 1 })}
              disabled={value.length <= 1}
              onClick={() => onChange(value.filter((item) => item.key !== grant.key))}
            >
              <Trash />
            </ActionIcon>
          </Group>
        ))}
        {value.length < MAX_ROLES && (
          <Button
            variant="light"
            size="xs"
            leftSection={<Plus size={14} />}
            onClick={() => onChange([...value, newRoleDraft()])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('accounts.addRole')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
