import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONSULTATION_PHASES, type ConsultationSummary } from '../../../contracts/consultations.ts';
import { TOPICS } from '../../../contracts/documents.ts';
import { mayDraftConsultations } from '../../../contracts/roles.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { Search } from '../../components/icons.tsx';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { PHASE_COLORS } from './Diff.tsx';
import { consultationKeys } from './keys.ts';

interface Notice {
  id: string;
  consultationId: string;
  title: string;
  commentId: string | null;
  disposition: string | null;
  createdAt: string;
}

/** Everyone: open and past consultations, searched with or without diacritics, by phase and topic. */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [phase, setPhase] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const list = useQuery({
    queryKey: consultationKeys.list(q, phase, topic),
    queryFn: () => api<ConsultationSummary[]>('/api/consultations', { query: { q: q || undefined, phase, topic } }),
  });
  const notices = useQuery({
    queryKey: consultationKeys.notices,
    queryFn: () => api<Notice[]>('/api/consultation-notices'),
    enabled: !!me,
  });
  return (
    <>
      <PageHeader
        title={t('consultations.title')}
        description={t('consultations.intro')}
        actions={
          mayDraftConsultations(me) ? (
            <Anchor component={Link} to="/app/gop-y" data-testid="manage-consultations">
              {t('consultations.manage')}
            </Anchor>
          ) : undefined
        }
      />
      {notices.data && notices.data.length > 0 && (
        <Card withBorder mb="md" data-testid="notices">
          <Title order={2} size="h4" mb="xs">
            {t('consultations.notices')}
          </Title>
          <Stack gap={4}>
            {notices.data.map((n) => (
              <Anchor key={n.id} component={Link} to={`/gop-y/${n.consultationId}/bao-cao#y-kien-${n.commentId ?? ''}`}>
                {t('consultations.noticeText', { title: n.title })}
                {n.disposition ? ` — ${t(`consultations.disposition.${n.disposition}`)}` : ''}
              </Anchor>
            ))}
          </Stack>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <TextInput
          label={t('consultations.search')}
          leftSection={<Search size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="consultation-search"
        />
        <Select
          label={t('consultations.phaseFilter')}
          clearable
          value={phase}
          onChange={setPhase}
          data={CONSULTATION_PHASES.filter((p) => p !== 'draft').map((p) => ({
            value: p,
            label: t(`consultations.phase.${p}`),
          }))}
        />
        <Select
          label={t('consultations.topic')}
          clearable
          value={topic}
          onChange={setTopic}
          data={TOPICS.map((x) => ({ value: x, label: t(`partnership.topics.${x}`) }))}
        />
      </SimpleGrid>
      <ListState query={list} empty={t('consultations.none')}>
        {(rows) => (
          <Stack>
            {rows.map((c) => (
              <Card key={c.id} withBorder data-testid="consultation-card">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={4} style={{ flex: '1 1 260px' }}>
                    <Anchor component={Link} to={`/gop-y/${c.id}`} fw={600}>
                      {c.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('consultations.window', { from: format.dateTime(c.opensAt), to: format.dateTime(c.closesAt) })}
                    </Text>
                    <Group gap={4}>
                      {c.topics.map((x) => (
                        <Badge key={x} variant="light" size="sm">
                          {t(`partnership.topics.${x}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <Stack gap={4} align="flex-end">
                    <Badge color={PHASE_COLORS[c.phase]}>{t(`consultations.phase.${c.phase}`)}</Badge>
                    <Text size="sm">{t('consultations.commentCount', { count: c.commentCount })}</Text>
                    {c.extended && (
                      <Badge color="navy" variant="light">
                        {t('consultations.extended')}
                      </Badge>
                    )}
                    {c.responseLate && (
                      <Badge color="red" variant="light">
                        {t('consultations.late')}
                      </Badge>
                    )}
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </ListState>
    </>
  );
}
