import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PublicEntry } from '../../../contracts/questions.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { CategoryBadge } from './shared.tsx';
import { questionKeys } from './keys.ts';

/** One answer, in the reader's language when it has a translation, with its legal basis. */
export default function EntryPage() {
  const { id = '' } = useParams();
  // Opened from a search's results: the search is counted as one whose results someone opened.
  const [params] = useSearchParams();
  const search = params.get('search');
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [thanked, setThanked] = useState(false);
  const query = useQuery({
    queryKey: questionKeys.entry(id),
    queryFn: () =>
      api<PublicEntry>(`/api/questions/${id}`, {
        query: { search: search && /^\d{1,15}$/.test(search) ? search : null },
      }),
    staleTime: 60_000,
  });
  const feedback = useMutation({
    mutationFn: (helpful: boolean) => api(`/api/questions/${id}/feedback`, { method: 'POST', body: { helpful } }),
    onSuccess: () => setThanked(true),
    onError: (error) => notifyError(error),
  });
  const entry = query.data;
  const english = i18n.language === 'en' && Boolean(entry?.titleEn);
  usePageTitle(entry ? (english ? entry.titleEn : entry.titleVi) : t('support.qa.title'));
  if (query.isPending) return <PageLoader />;
  if (query.isError || !entry) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack maw={860} mx="auto" gap="md">
      <Anchor component={Link} to="/hoi-dap" size="sm">
        {t('support.qa.back')}
      </Anchor>
      <Group gap="xs">
        <CategoryBadge category={entry.category} />
        {entry.tags.map((tag) => (
          <Anchor key={tag} component={Link} to={`/hoi-dap?tag=${encodeURIComponent(tag)}`} size="xs">
            #{tag}
          </Anchor>
        ))}
      </Group>
      <Title order={1} size="h2" data-testid="qa-entry-title">
        {english ? entry.titleEn : entry.titleVi}
      </Title>
      <Card withBorder radius="md" padding="lg">
        <Text className="pre-wrap" data-testid="qa-entry-body">
          {english && entry.bodyEn ? entry.bodyEn : entry.bodyVi}
        </Text>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h5" mb="xs">
          {t('support.qa.legalBasis')}
        </Title>
        {entry.legalBasis.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('support.qa.noLegalBasis')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {entry.legalBasis.map((l, index) => (
              <List.Item key={index}>
                <strong>{l.document}</strong>
                {l.article ? `, ${l.article}` : ''}
                {l.effectiveDate ? ` — ${t('support.qa.effective', { date: format.date(l.effectiveDate) })}` : ''}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          {t('support.qa.reviewed', { date: format.date(entry.lastReviewedAt) })}
        </Text>
      </Card>
      <Card withBorder radius="md" padding="md">
        {thanked ? (
          <Text role="status" data-testid="qa-thanks">
            {t('support.qa.thanks')}
          </Text>
        ) : (
          <Group gap="sm">
            <Text fw={600} id="qa-helpful-label">
              {t('support.qa.helpful')}
            </Text>
            <Group gap="xs" role="group" aria-labelledby="qa-helpful-label">
              <Button
                variant="light"
                onClick={() => feedback.mutate(true)}
                loading={feedback.isPending}
                data-testid="qa-helpful-yes"
              >
                {t('support.qa.yes')}
              </Button>
              <Button variant="default" onClick={() => feedback.mutate(false)} loading={feedback.isPending}>
                {t('support.qa.no')}
              </Button>
            </Group>
          </Group>
        )}
        <Text size="sm" mt="sm">
          {t('support.qa.notFound')}{' '}
          <Anchor
            component={Link}
            to={`/app/ho-tro/moi?subject=${encodeURIComponent(entry.titleVi)}`}
            underline="always"
          >
            {t('support.qa.ask')}
          </Anchor>
        </Text>
      </Card>
    </Stack>
  );
}
