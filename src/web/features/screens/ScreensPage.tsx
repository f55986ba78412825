// A branch's waiting-room screens: set one up, change it, give a TV its key or
// pairing code, open its board, remove it.
import { Anchor, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenBody, ScreenDetail } from '../../../contracts/screens.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { screenKeys } from './keys.ts';
import { ScreenForm } from './ScreenForm.tsx';

type Created = ScreenDetail & { credentials: { key: string; pairingCode: string; pairingExpiresAt: string } };

export default function ScreensPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: screenKeys.list, queryFn: () => api<ScreenDetail[]>('/api/screens') });
  const [editing, setEditing] = useState<ScreenDetail | 'new' | null>(null);
  const [shown, setShown] = useState<Created | null>(null);
  const [removing, setRemoving] = useState<ScreenDetail | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: screenKeys.all });
  const name = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);

  async function save(body: ScreenBody) {
    if (editing === 'new') {
      setShown(await api<Created>('/api/screens', { method: 'POST', body }));
    } else if (editing) {
      await api<ScreenDetail>(`/api/screens/${editing.id}`, { method: 'PUT', body });
      notifySuccess(t('screens.saved'));
    }
    setEditing(null);
    await refresh();
  }

  async function renew(screen: ScreenDetail) {
    try {
      setShown(await api<Created>(`/api/screens/${screen.id}/key`, { method: 'POST' }));
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove() {
    if (!removing) return;
    try {
      await api(`/api/screens/${removing.id}`, { method: 'DELETE' });
      setRemoving(null);
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  }

  const boardUrl = shown ? `${window.location.origin}/man-hinh/${shown.credentials.key}` : '';

  return (
    <>
      <PageHeader
        title={t('screens.title')}
        description={t('screens.intro')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="screen-new">
            {t('screens.new')}
          </Button>
        }
      />
      <ListState query={list} empty={t('screens.none')}>
        {(screens) => (
          <ListTable
            label={t('screens.title')}
            minWidth={640}
            striped
            columns={[
              t('screens.name'),
              t('screens.office'),
              t('screens.rotation'),
              t('screens.key'),
              t('common.actions'),
            ]}
          >
            {screens.map((screen) => (
              <Table.Tr key={screen.id} data-testid="screen-row">
                <Table.Td>{screen.name}</Table.Td>
                <Table.Td>
                  {screen.officeCode} — {name(screen.officeName)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {screen.rotation.map((item) => (
                      <Badge key={item} variant="light">
                        {t(`screens.rotationItem.${item}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Code>{screen.keyPrefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(screen)}>
                      {t('screens.edit')}
                    </Button>
                    <Button size="xs" variant="light" onClick={() => void renew(screen)}>
                      {t('screens.renewKey')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(screen)}>
                      {t('screens.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </ListState>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('screens.new') : t('screens.edit')}
        size="xl"
        closeOnClickOutside={false}
      >
        {editing !== null && (
          <ScreenForm initial={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSubmit={save} />
        )}
      </AppModal>
      <AppModal opened={shown !== null} onClose={() => setShown(null)} title={t('screens.credentialsTitle')} size="lg">
        {shown && (
          <Stack>
            <Text size="sm">{t('screens.credentialsOnce')}</Text>
            <div>
              <Text size="sm" fw={600}>
                {t('screens.pairingCode')}
              </Text>
              <Code fz="xl" data-testid="screen-pairing-code">
                {shown.credentials.pairingCode}
              </Code>
              <Text size="xs">{t('screens.pairingHelp', { url: `${window.location.origin}/man-hinh` })}</Text>
            </div>
            <div>
              <Text size="sm" fw={600}>
                {t('screens.boardLink')}
              </Text>
              <Anchor
                href={boardUrl}
                target="_blank"
                rel="noreferrer"
                data-testid="screen-board-link"
                style={{ wordBreak: 'break-all' }}
              >
                {boardUrl}
              </Anchor>
            </div>
            <Group justify="flex-end">
              <Button onClick={() => setShown(null)}>{t('common.close')}</Button>
            </Group>
          </Stack>
        )}
      </AppModal>
      <ConfirmModal
        opened={removing !== null}
        title={t('screens.remove')}
        confirmLabel={t('screens.remove')}
        danger
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        {t('screens.removeConfirm', { name: removing?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
