import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../contracts/accounts.ts';
import { useFormat } from '../../../lib/format.ts';
import { ListTable } from '../../../components/ListTable.tsx';

export function AccountsTable({
  items,
  onEdit,
  onReset,
}: {
  items: Account[];
  onEdit: (a: Account) => void;
  onReset: (a: Account) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ListTable
      label={t('accounts.title')}
      minWidth={860}
      striped
      highlightOnHover
      verticalSpacing="sm"
      data-testid="accounts-table"
      columns={[
        t('accounts.colAccount'),
        t('accounts.colRoles'),
        t('accounts.colParty'),
        t('accounts.colStatus'),
        t('accounts.colLastSignIn'),
        t('common.actions'),
      ]}
    >
      {items.map((account) => (
        <Table.Tr key={account.id} data-testid={`account-row-${account.email}`}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {account.fullName}
            </Text>
            <Text size="xs" c="dimmed">
              {account.email}
              {account.phone ? ` · ${account.phone}` : ''}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              {account.roles.map((grant) => (
                <Badge key={grant.role} color="navy" radius="sm">
                  {t(`roles.${grant.role}`)}
                  {grant.unitCode ? ` · ${grant.unitCode}` : ''}
                </Badge>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              {account.enterpriseName ?? (account.associationId ? t('accounts.hasAssociation') : '—')}
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge color={account.active ? 'green' : 'red'} radius="sm" styles={{ label: { whiteSpace: 'nowrap' } }}>
              {account.active ? t('accounts.active') : t('accounts.inactive')}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {format.dateTime(account.lastSignInAt)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onEdit(account)}
                aria-label={t('accounts.editFor', { email: account.email })}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onReset(account)}
                aria-label={t('accounts.resetFor', { email: account.email })}
              >
                {t('accounts.resetShort')}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
