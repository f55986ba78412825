import { Badge, Button, Card, Code, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { demoAccountsResponse } from '../../../contracts/auth.ts';
import { api } from '../../app/api.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { authKeys } from './keys.ts';

/** The server labels a country-wide scope in Vietnamese only. */
const NATIONAL_SCOPE = 'Toàn quốc';

type DemoAccounts = z.infer<typeof demoAccountsResponse>;
export interface DemoCredentials {
  email: string;
  password: string;
}

/** In demo mode: the seeded accounts, one click to fill the form or to sign in. */
export function DemoAccounts({
  busy,
  onFill,
  onSignIn,
}: {
  busy: boolean;
  onFill: (c: DemoCredentials) => void;
  onSignIn: (c: DemoCredentials) => void;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: authKeys.demoAccounts,
    queryFn: () => api<DemoAccounts>('/api/auth/demo-accounts'),
    staleTime: Infinity,
  });
  if (query.isPending) return <Skeleton height={160} radius="md" aria-hidden="true" />;
  const data = query.data;
  if (!data?.demo || !data.password || data.accounts.length === 0) return null;
  const password = data.password;

  return (
    <Card withBorder padding="lg" radius="md" data-testid="demo-accounts">
      <Title order={2} size="h3" id="demo-title">
        {t('signIn.demoTitle')}
      </Title>
      <Text size="sm" mt={4} mb="md">
        {t('signIn.demoIntro')} <Code>{password}</Code>
      </Text>
      <ListTable
        label={t('signIn.demoTitle')}
        minWidth={640}
        striped
        highlightOnHover
        verticalSpacing="xs"
        columns={[t('signIn.demoAccount'), t('signIn.demoRole'), t('signIn.demoScope'), t('common.actions')]}
      >
        {data.accounts.map((account) => (
          <Table.Tr key={account.email}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {account.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {account.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color="navy">{t(`roles.${account.role}`)}</Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{account.scope === NATIONAL_SCOPE ? t('scope.national') : account.scope}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('signIn.demoFillFor', { email: account.email })}
                  data-testid={`demo-fill-${account.email}`}
                  onClick={() => onFill({ email: account.email, password })}
                >
                  {t('signIn.demoFill')}
                </Button>
                <Button
                  size="compact-sm"
                  disabled={busy}
                  aria-label={t('signIn.demoSignInAs', { email: account.email })}
                  data-testid={`demo-sign-in-${account.email}`}
                  onClick={() => onSignIn({ email: account.email, password })}
                >
                  {t('signIn.demoSignIn')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Card>
  );
}
