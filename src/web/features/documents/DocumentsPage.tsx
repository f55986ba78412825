import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TOPICS, type DocumentView, type subscriptionView } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { Search } from '../../components/icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CreateDocumentModal } from './CreateDocumentModal.tsx';
import { DocumentFiles } from './DocumentFiles.tsx';
import { documentKeys } from './keys.ts';
import { isBusiness, mayOrganize } from '../../../contracts/roles.ts';

const STATUS_COLORS = { in_force: 'green', amended: 'navy', replaced: 'gray', expired: 'gray' } as const;

/** The public library of legal documents; businesses and associations subscribe to topics here. */
export default function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [topic, setTopic] = useState<string | null>(null);
  const docs = useQuery({
    queryKey: documentKeys.list(q, topic),
    queryFn: () => api<DocumentView[]>('/api/documents', { query: { q, topic, limit: 100 } }),
  });
  const subscriber = isBusiness(me);
  const editor = mayOrganize(me);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('partnership.documents.title')}
        description={t('partnership.documents.intro')}
        actions={
          editor && (
            <Button onClick={() => setCreating(true)} data-testid="document-create">
              {t('partnership.documents.create')}
            </Button>
          )
        }
      />
      {creating && (
        <CreateDocumentModal onClose={() => setCreating(false)} onDone={() => docs.refetch().then(() => undefined)} />
      )}
      {subscriber && <SubscriptionCard />}
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          label={t('partnership.documents.search')}
          leftSection={<Search size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
          data-testid="document-search"
        />
        <Select
          label={t('partnership.documents.topic')}
          clearable
          data={TOPICS.map((x) => ({ value: x, label: t(`partnership.topics.${x}`) }))}
          value={topic}
          onChange={setTopic}
          w={260}
        />
      </Group>
      <ListState query={docs} empty={t('partnership.documents.empty')}>
        {(data) => (
          <Stack gap="sm" data-testid="document-list">
            {data.map((d) => (
              <Card key={d.id} withBorder radius="md" padding="md" component="article">
                <Group gap="xs" mb={4}>
                  <Badge color={STATUS_COLORS[d.status]}>{t(`partnership.documents.statuses.${d.status}`)}</Badge>
                  <Text size="xs" c="dimmed">
                    {t(`partnership.documents.types.${d.docType}`)} · {d.issuer} · {format.date(d.issuedOn)}
                    {d.effectiveOn &&
                      ` · ${t('partnership.documents.effective', { date: format.date(d.effectiveOn) })}`}
                  </Text>
                </Group>
                <Title order={2} size="h5">
                  {d.number} — {d.title}
                </Title>
                <Text size="sm" mt={4}>
                  {i18n.language === 'en' && d.summaryEn ? d.summaryEn : d.summaryVi}
                </Text>
                <Group gap={4} mt="xs">
                  {d.topics.map((x) => (
                    <Badge key={x} color="gray">
                      {t(`partnership.topics.${x}`)}
                    </Badge>
                  ))}
                  {d.replacedBy && (
                    <Text size="xs">{t('partnership.documents.replacedBy', { number: d.replacedBy.number })}</Text>
                  )}
                  {d.fileUrl && (
                    <Anchor href={d.fileUrl} target="_blank" rel="noreferrer" size="sm">
                      {t('partnership.documents.file')}
                    </Anchor>
                  )}
                </Group>
                <DocumentFiles document={d} />
              </Card>
            ))}
          </Stack>
        )}
      </ListState>
    </>
  );
}

function SubscriptionCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({
    queryKey: documentKeys.subscription,
    queryFn: () => api<z.infer<typeof subscriptionView>>('/api/subscriptions/me'),
  });
  const [topics, setTopics] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: (body: { topics: string[] }) =>
      api<z.infer<typeof subscriptionView>>('/api/subscriptions/me', { method: 'PUT', body }),
    onSuccess: (data) => {
      client.setQueryData(documentKeys.subscription, data);
      setTopics(null);
      notifySuccess(t('partnership.documents.subscribed'));
    },
    onError: (error) => notifyError(error),
  });
  if (!current.data) return null;
  const value = topics ?? current.data.topics;
  return (
    <Card withBorder radius="md" padding="md" mb="md">
      <Title order={2} size="h4">
        {t('partnership.documents.subscription')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {current.data.kind === 'association'
          ? t('partnership.documents.subscriptionAssociation', { n: current.data.members ?? 0 })
          : t('partnership.documents.subscriptionEnterprise')}
      </Text>
      <Checkbox.Group value={value} onChange={setTopics} label={t('partnership.documents.topics')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing={6}>
          {TOPICS.map((x) => (
            <Checkbox key={x} value={x} label={t(`partnership.topics.${x}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group justify="flex-end" mt="sm">
        <Button onClick={() => save.mutate({ topics: value })} loading={save.isPending} data-testid="subscription-save">
          {t('partnership.documents.saveSubscription')}
        </Button>
      </Group>
    </Card>
  );
}
