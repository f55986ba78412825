// The public page of a published index: ranking with bands and ties, a chart per
// component, a branch's profile, the methodology, and the downloads.
import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { PublishedIndexSummary, PublishedIndexView } from '../../../contracts/cdci.ts';
import { api } from '../../app/api.ts';
import { EmptyState, QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { cdciKeys } from './keys.ts';
import { ComponentCharts, Methodology, ProfileSection, RankingTable, useLabel } from './parts.tsx';

function Latest() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: cdciKeys.published,
    queryFn: () => api<PublishedIndexSummary[]>('/api/public/cdci'),
  });
  if (list.error) return <QueryError error={list.error} />;
  if (list.isPending) return <PageLoader />;
  if (list.data[0]) return <Navigate to={`/chi-so/${list.data[0].methodId}`} replace />;
  return (
    <>
      <PageHeader title={t('cdci.public.title')} />
      <EmptyState>{t('cdci.public.none')}</EmptyState>
    </>
  );
}

export function IndexView({ index }: { index: PublishedIndexView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const id = index.method.id;
  return (
    <>
      <PageHeader
        title={t('cdci.public.heading', { department: index.method.departmentName, year: index.method.year })}
        description={label(index.method.method.name)}
        actions={
          <Select
            label={t('cdci.public.year')}
            data={index.years.map((y) => ({ value: y.methodId, label: String(y.year) }))}
            value={id}
            onChange={(value) => value && void navigate(`/chi-so/${value}`)}
            w={140}
            allowDeselect={false}
          />
        }
      />
      <Stack gap="lg">
        <Text size="sm">{t('cdci.public.intro')}</Text>
        <Group gap="md">
          <Anchor href={`/api/public/cdci/${id}/download?format=csv`} download>
            {t('cdci.public.csv')}
          </Anchor>
          <Anchor href={`/api/public/cdci/${id}/download?format=xlsx`} download>
            {t('cdci.public.xlsx')}
          </Anchor>
          <Anchor href={`/api/public/cdci/${id}/method`} target="_blank">
            {t('cdci.public.json')}
          </Anchor>
        </Group>
        <section aria-labelledby="cdci-ranking-title">
          <Title order={2} size="h3" id="cdci-ranking-title" mb="xs">
            {t('cdci.ranking.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('cdci.ranking.explain')}
          </Text>
          <RankingTable result={index.result} method={index.method.method} />
        </section>
        <section aria-labelledby="cdci-components-title">
          <Title order={2} size="h3" id="cdci-components-title" mb="xs">
            {t('cdci.public.components')}
          </Title>
          <ComponentCharts result={index.result} method={index.method.method} />
        </section>
        <Card withBorder component="section" aria-labelledby="cdci-profile-title">
          <Title order={2} size="h3" id="cdci-profile-title" mb="xs">
            {t('cdci.profile.title')}
          </Title>
          <ProfileSection index={index} />
        </Card>
        <section aria-labelledby="cdci-method-title">
          <Title order={2} size="h3" id="cdci-method-title" mb="xs">
            {t('cdci.method.title')}
          </Title>
          <Methodology index={index} />
        </section>
      </Stack>
    </>
  );
}

export default function PublicIndexPage() {
  const { id } = useParams();
  const index = useQuery({
    queryKey: cdciKeys.publishedIndex(id ?? ''),
    queryFn: () => api<PublishedIndexView>(`/api/public/cdci/${id}`),
    enabled: !!id,
  });
  if (!id) return <Latest />;
  if (index.error) return <QueryError error={index.error} />;
  if (index.isPending) return <PageLoader />;
  return <IndexView index={index.data} />;
}
