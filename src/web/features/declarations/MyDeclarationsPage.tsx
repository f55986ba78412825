import { Badge, Button, Card, Group, Image, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyDeclaration } from '../../../contracts/assessments.ts';
import { api } from '../../app/api.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { ChannelBadge } from '../rating/DeclarationSummary.tsx';
import { declarationKeys } from './keys.ts';

const LIMIT = 20;

/** A business's declarations, newest first, each one tap from its rating. */
export default function MyDeclarationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const [show, setShow] = useState<'all' | 'unrated'>('unrated');
  const [qrFor, setQrFor] = useState<MyDeclaration | null>(null);
  const query = useQuery({
    queryKey: declarationKeys.list(show, offset),
    queryFn: () =>
      api<{ items: MyDeclaration[]; total: number }>('/api/my/declarations', {
        query: { limit: LIMIT, offset, unrated: show === 'unrated' ? 'true' : undefined },
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('myDeclarations.title')} description={t('myDeclarations.intro')} />
      <Card withBorder radius="md" padding="md">
        <SegmentedControl
          mb="md"
          aria-label={t('myDeclarations.filter')}
          value={show}
          onChange={(value) => {
            setShow(value);
            setOffset(0);
          }}
          data={[
            { value: 'unrated', label: t('myDeclarations.unrated') },
            { value: 'all', label: t('myDeclarations.all') },
          ]}
        />
        <ListState
          query={query}
          empty={show === 'unrated' ? t('myDeclarations.allRated') : t('myDeclarations.empty')}
          rows={6}
        >
          {(data) => (
            <ListTable
              label={t('myDeclarations.title')}
              minWidth={760}
              striped
              verticalSpacing="sm"
              data-testid="my-declarations"
              columns={[
                t('rating.declarationNumber'),
                t('rating.registeredAt'),
                t('rating.office'),
                t('rating.channel'),
                t('myDeclarations.status'),
                t('common.actions'),
              ]}
            >
              {data.items.map((d) => (
                <Table.Tr key={d.number}>
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      {d.number}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.typeCode} · {d.enterpriseName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.dateTime(d.registeredAt)}</Table.Td>
                  <Table.Td>{d.officeName}</Table.Td>
                  <Table.Td>
                    <ChannelBadge channel={d.channel} />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={d.assessed ? 'green' : 'gray'}
                      c={d.assessed ? 'green.9' : 'gray.9'}
                      variant="light"
                      radius="sm"
                    >
                      {d.assessed ? t('myDeclarations.rated') : t('myDeclarations.notRated')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Button
                        component={Link}
                        to={`/app/to-khai/${d.number}`}
                        size="compact-sm"
                        variant={d.assessed ? 'light' : 'filled'}
                        aria-label={t(d.assessed ? 'myDeclarations.viewFor' : 'myDeclarations.rateFor', {
                          number: d.number,
                        })}
                        data-testid={`rate-${d.number}`}
                      >
                        {d.assessed ? t('myDeclarations.view') : t('myDeclarations.rate')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setQrFor(d)}
                        aria-label={t('myDeclarations.qrFor', { number: d.number })}
                      >
                        {t('myDeclarations.qr')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </ListState>
        {query.data && <Pager total={query.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      </Card>
      {qrFor && <QrModal declaration={qrFor} onClose={() => setQrFor(null)} />}
    </>
  );
}

/** The declaration's rating link as a QR code, to show on screen or print. */
function QrModal({ declaration, onClose }: { declaration: MyDeclaration; onClose: () => void }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}/danh-gia/${declaration.ratingToken}`;
  const qr = useQuery({
    queryKey: declarationKeys.qr(url),
    queryFn: () => QRCode.toDataURL(url, { margin: 1, width: 280 }),
    staleTime: Infinity,
  });
  return (
    <AppModal opened onClose={onClose} title={t('myDeclarations.qrTitle', { number: declaration.number })}>
      <Stack align="center" gap="sm">
        {qr.data && (
          <Image src={qr.data} w={240} h={240} alt={t('myDeclarations.qrAlt', { number: declaration.number })} />
        )}
        <Text size="sm" ta="center">
          {t('myDeclarations.qrIntro')}
        </Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {url}
        </Text>
        <Group>
          <Button variant="default" onClick={() => window.print()}>
            {t('myDeclarations.print')}
          </Button>
          <Button component="a" href={url} target="_blank" rel="noopener">
            {t('myDeclarations.openLink')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
