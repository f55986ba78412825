import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { associationResponse, enterpriseResponse, officerResponse } from '../../../../contracts/parties.ts';
import { api } from '../../../app/api.ts';
import { AsyncSelect } from '../../../components/AsyncSelect.tsx';
import { accountKeys } from '../keys.ts';

type Enterprise = z.infer<typeof enterpriseResponse>;
type Association = z.infer<typeof associationResponse>;
type Officer = z.infer<typeof officerResponse>;

interface PickerProps {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  required?: boolean;
}

export function EnterprisePicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <AsyncSelect
      {...props}
      label={t('accounts.enterprise')}
      description={t('accounts.enterpriseHelp')}
      queryKey="enterprise-options"
      testId="account-enterprise"
      load={async (q) => {
        const page = await api<{ items: Enterprise[] }>('/api/enterprises', { query: { q, limit: 20 } });
        return page.items.map((item) => ({ value: item.id, label: `${item.taxCode} — ${item.name}` }));
      }}
    />
  );
}

export function OfficerPicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <AsyncSelect
      {...props}
      label={t('accounts.officer')}
      description={t('accounts.officerHelp')}
      queryKey="officer-options"
      testId="account-officer"
      load={async (q) => {
        const page = await api<{ items: Officer[] }>('/api/officers', { query: { q, limit: 20 } });
        return page.items.map((item) => ({ value: item.id, label: `${item.code} — ${item.fullName}` }));
      }}
    />
  );
}

export function AssociationSelect(props: PickerProps) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: accountKeys.associations,
    queryFn: () => api<Association[]>('/api/associations'),
    staleTime: 5 * 60_000,
  });
  return (
    <Select
      {...props}
      label={t('accounts.association')}
      searchable
      clearable
      data={(query.data ?? []).map((item) => ({
        value: item.id,
        label: `${item.code} — ${i18n.language === 'en' ? item.nameEn : item.nameVi}`,
      }))}
      placeholder={query.isPending ? t('common.loading') : undefined}
      data-testid="account-association"
    />
  );
}
