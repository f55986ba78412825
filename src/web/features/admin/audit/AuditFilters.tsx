import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditQuery } from '../../../../contracts/admin.ts';
import { useFormState } from '../../../lib/forms.ts';

export interface AuditFilterValues {
  action: string;
  entityType: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: '', entityType: '', actor: '', from: '', to: '' };
const FIELDS = ['action', 'entityType', 'actor', 'from', 'to'] as const;

/** Filters are applied on submit, so typing does not fire a query per key. */
export function AuditFilters({ onApply }: { onApply: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const form = useFormState();
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  return (
    <form
      noValidate
      data-testid="audit-filters"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = Object.fromEntries(FIELDS.map((field) => [field, values[field].trim() || undefined]));
        if (form.check(auditQuery, trimmed)) onApply(values);
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        {FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`audit.filter.${field}`)}
            type={field === 'from' || field === 'to' ? 'date' : 'text'}
            value={values[field]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((current) => ({ ...current, [field]: value }));
            }}
            error={form.errors[field]}
          />
        ))}
      </SimpleGrid>
      <Group gap="xs" mt="sm">
        <Button type="submit" size="sm" data-testid="audit-apply">
          {t('common.applyFilters')}
        </Button>
        <Button
          variant="default"
          size="sm"
          onClick={() => {
            setValues(NO_FILTERS);
            form.clear();
            onApply(NO_FILTERS);
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </Group>
    </form>
  );
}
