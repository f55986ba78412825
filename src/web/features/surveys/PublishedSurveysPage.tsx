import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublishedSurvey } from '../../../contracts/surveys.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { surveyKeys } from './keys.ts';

/** The public list of surveys whose results are published: each links to its results page. */
export default function PublishedSurveysPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const surveys = useQuery({
    queryKey: surveyKeys.published,
    queryFn: () => api<{ items: PublishedSurvey[] }>('/api/public/surveys'),
  });
  const text = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);
  return (
    <Stack maw={900} mx="auto">
      <PageHeader title={t('surveys.publishedPage.title')} description={t('surveys.publishedPage.intro')} />
      <ListState query={surveys} empty={t('surveys.publishedPage.empty')} loader="page">
        {(data) => (
          <Stack>
            {data.items.map((survey) => (
              <Card key={survey.id} withBorder component="article" aria-labelledby={`ps-${survey.id}`}>
                <Title order={2} size="h4" id={`ps-${survey.id}`}>
                  <Anchor component={Link} to={`/ket-qua-khao-sat/${survey.id}`} data-testid="published-survey">
                    {text(survey.title)}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {survey.ownerUnitName}
                  {survey.respondents !== null &&
                    ` · ${t('surveys.publishedPage.respondents', { n: format.number(survey.respondents) })}`}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </ListState>
    </Stack>
  );
}
