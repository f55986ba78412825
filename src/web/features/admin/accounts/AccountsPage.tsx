import { Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../contracts/accounts.ts';
import { ROLES, type Role } from '../../../../contracts/common.ts';
import { api } from '../../../app/api.ts';
import { Plus, Search } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { ListState } from '../../../components/ListState.tsx';
import { useUnits } from '../../../lib/units.ts';
import { AccountsTable } from './AccountsTable.tsx';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { EditAccountModal } from './EditAccountModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { accountKeys } from '../keys.ts';

const LIMIT = 20;
type Dialog = { type: 'create' } | { type: 'edit'; account: Account } | { type: 'reset'; account: Account } | null;

export default function AccountsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [search] = useDebouncedValue(q.trim(), 300);
  const units = useUnits();
  const query = useQuery({
    queryKey: accountKeys.list({ q: search, role, offset }),
    queryFn: () =>
      api<{ items: Account[]; total: number }>('/api/accounts', { query: { q: search, role, limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.intro')}
        actions={
          <Button leftSection={<Plus />} onClick={() => setDialog({ type: 'create' })} data-testid="account-create">
            {t('accounts.createButton')}
          </Button>
        }
      />
      <Card withBorder padding="md" radius="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label={t('accounts.search')}
              placeholder={t('accounts.searchPlaceholder')}
              leftSection={<Search size={16} />}
              type="search"
              value={q}
              onChange={(event) => {
                setQ(event.currentTarget.value);
                setOffset(0);
              }}
              style={{ flex: '2 1 240px' }}
              data-testid="account-search"
            />
            <Select
              label={t('accounts.filterRole')}
              placeholder={t('accounts.allRoles')}
              clearable
              data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
              value={role}
              onChange={(value) => {
                setRole(value);
                setOffset(0);
              }}
              style={{ flex: '1 1 200px' }}
            />
          </Group>
          <ListState query={query} empty={t('accounts.empty')}>
            {(data) => (
              <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
                <AccountsTable
                  items={data.items}
                  onEdit={(account) => setDialog({ type: 'edit', account })}
                  onReset={(account) => setDialog({ type: 'reset', account })}
                />
              </div>
            )}
          </ListState>
          {query.data && <Pager total={query.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
        </Stack>
      </Card>
      {dialog?.type === 'create' && <CreateAccountModal units={units.data} onClose={() => setDialog(null)} />}
      {dialog?.type === 'edit' && (
        <EditAccountModal account={dialog.account} units={units.data} onClose={() => setDialog(null)} />
      )}
      {dialog?.type === 'reset' && <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />}
    </>
  );
}
