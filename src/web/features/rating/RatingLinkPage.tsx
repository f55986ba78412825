import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RatingPage } from '../../../contracts/assessments.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { DeclarationSummary } from './DeclarationSummary.tsx';
import { RatingPanel } from './RatingPanel.tsx';
import { ratingKeys } from './keys.ts';

/**
 * The page behind a declaration's link or QR code: no account needed. Opening it
 * records nothing (link scanners open links); only sending does.
 */
export default function RatingLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  usePageTitle(t('rating.pageTitle'));
  const queryKey = ratingKeys.page(token);
  const query = useQuery({
    queryKey,
    queryFn: () => api<RatingPage>(`/api/rate/${encodeURIComponent(token)}`),
    retry: false,
  });
  return (
    <Stack gap="md" maw={680} mx="auto">
      <div>
        <Title order={1} size="h2">
          {t('rating.pageTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('rating.pageIntro')}
        </Text>
      </div>
      {query.isPending && <PageLoader />}
      {query.isError && <QueryError error={query.error} />}
      {query.data && (
        <>
          <DeclarationSummary declaration={query.data.declaration} />
          <RatingPanel
            page={query.data}
            path={`/api/rate/${encodeURIComponent(token)}`}
            token={token}
            queryKey={queryKey}
          />
        </>
      )}
    </Stack>
  );
}
