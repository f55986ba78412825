import { Badge, Button, Card, Code, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { apiKeyResponse } from '../../../../contracts/admin.ts';
import { api } from '../../../app/api.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { Plus } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useFormat } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';
import { ListState } from '../../../components/ListState.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { apiKeyKeys } from '../keys.ts';

type ApiKey = z.infer<typeof apiKeyResponse>;

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const query = useQuery({ queryKey: apiKeyKeys.all, queryFn: () => api<ApiKey[]>('/api/admin/api-keys') });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api<ApiKey>(`/api/admin/api-keys/${key.id}/revoke`, { method: 'POST' }),
    onSuccess: async (key) => {
      setRevoking(null);
      notifySuccess(t('apiKeys.revoked', { name: key.name }));
      await client.invalidateQueries({ queryKey: apiKeyKeys.all });
    },
    onError: (error) => notifyError(error),
  });

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        description={t('apiKeys.intro')}
        actions={
          <Button leftSection={<Plus />} onClick={() => setCreating(true)} data-testid="api-key-create">
            {t('apiKeys.createButton')}
          </Button>
        }
      />
      <Card withBorder padding="md" radius="md">
        <ListState query={query} empty={t('apiKeys.empty')} rows={4}>
          {(data) => (
            <ListTable
              label={t('apiKeys.title')}
              minWidth={820}
              striped
              verticalSpacing="sm"
              data-testid="api-keys-table"
              columns={[
                t('apiKeys.name'),
                t('apiKeys.prefix'),
                t('apiKeys.scopes'),
                t('apiKeys.createdAt'),
                t('apiKeys.lastUsedAt'),
                t('apiKeys.status'),
                t('common.actions'),
              ]}
            >
              {data.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {key.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{key.keyPrefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {key.scopes.map((scope) => (
                        <Badge key={scope} color="gray" radius="sm">
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.dateTime(key.createdAt)}</Table.Td>
                  <Table.Td>{format.dateTime(key.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={key.revokedAt ? 'red' : 'green'}
                      radius="sm"
                      styles={{ label: { whiteSpace: 'nowrap' } }}
                    >
                      {key.revokedAt
                        ? t('apiKeys.revokedOn', { date: format.date(key.revokedAt) })
                        : t('apiKeys.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!key.revokedAt && (
                      <Button
                        size="compact-sm"
                        color="red"
                        variant="light"
                        onClick={() => setRevoking(key)}
                        aria-label={t('apiKeys.revokeFor', { name: key.name })}
                      >
                        {t('apiKeys.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </Card>
      {creating && <CreateApiKeyModal onClose={() => setCreating(false)} />}
      <ConfirmModal
        opened={revoking !== null}
        title={t('apiKeys.revokeTitle')}
        confirmLabel={t('apiKeys.revoke')}
        danger
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        {t('apiKeys.revokeConfirm', { name: revoking?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
