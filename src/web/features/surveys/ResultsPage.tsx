import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, List, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ResultCell, SurveyQuestion, SurveyResults } from '../../../contracts/surveys.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { surveyKeys } from './keys.ts';

function optionLabel(question: SurveyQuestion | undefined, key: string, language: string): string {
  const option = question?.options.find((o) => o.key === key);
  if (!option || question?.type === 'ranking') return key;
  return language === 'en' && option.label.en ? option.label.en : option.label.vi;
}

function CellView({
  cell,
  question,
  caption,
}: {
  cell: ResultCell;
  question: SurveyQuestion | undefined;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  if (cell.withheld)
    return (
      <Text size="sm" c="dimmed" data-testid="cell-withheld">
        {caption}: {t('surveys.resultsPage.withheld')}
      </Text>
    );
  if (!cell.n) return null;
  const data = cell.options.map((o) => ({
    option: optionLabel(question, o.key, i18n.language),
    percent: o.percent,
    count: o.count,
  }));
  return (
    <div>
      <Text size="sm" fw={600}>
        {caption} · n = {cell.n}
        {cell.mean !== null && ` · ${t('surveys.resultsPage.mean')} ${cell.mean}`}
      </Text>
      {data.length > 0 && (
        <figure style={{ margin: 0 }}>
          <div aria-hidden="true">
            <BarChart
              h={Math.max(120, 28 * data.length)}
              data={data}
              dataKey="option"
              orientation="vertical"
              yAxisProps={{ width: 140 }}
              series={[{ name: 'percent', label: '%', color: 'navy.6' }]}
              accessibilityLayer={false}
            />
          </div>
          <VisuallyHidden>
            <table>
              <caption>{caption}</caption>
              <tbody>
                {data.map((row) => (
                  <tr key={row.option}>
                    <th scope="row">{row.option}</th>
                    <td>
                      {row.count} ({row.percent} %)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </figure>
      )}
    </div>
  );
}

/** Results of a closed survey (owner) or its published results (public): charts, filters, exports, print. */
export default function ResultsPage({ published = false }: { published?: boolean }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const [stratum, setStratum] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const base = published ? `/api/public/surveys/${id}/results` : `/api/surveys/${id}/results`;
  const results = useQuery({
    queryKey: surveyKeys.results(id, stratum, type, published),
    queryFn: () => api<SurveyResults>(base, { query: { stratum, businessType: stratum ? type : null } }),
  });
  if (results.isPending) return <PageLoader />;
  if (results.error) return <QueryError error={results.error} />;
  const data = results.data;
  const questions = new Map(data.definition.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));
  const text = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);

  async function publish() {
    try {
      await api(`/api/surveys/${id}/publish`, { method: 'POST' });
      notifySuccess(t('surveys.resultsPage.published'));
      await client.invalidateQueries({ queryKey: surveyKeys.all });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <div className="print-report" data-testid="survey-report">
      <PageHeader
        title={text(data.title)}
        description={
          data.respondents === null
            ? t('surveys.resultsPage.withheld')
            : t('surveys.resultsPage.respondents', { n: data.respondents })
        }
        actions={
          !published && (
            <>
              <Button
                component="a"
                href={`/api/surveys/${id}/export?format=csv`}
                variant="default"
                data-testid="export-csv"
              >
                CSV
              </Button>
              <Button
                component="a"
                href={`/api/surveys/${id}/export?format=xlsx`}
                variant="default"
                data-testid="export-xlsx"
              >
                Excel
              </Button>
              <Button variant="default" onClick={() => window.print()}>
                {t('surveys.resultsPage.print')}
              </Button>
              <Button onClick={() => void publish()} data-testid="survey-publish">
                {t('surveys.resultsPage.publish')}
              </Button>
            </>
          )
        }
      />
      <Group mb="md" className="no-print">
        <Select
          label={t('surveys.stratum')}
          placeholder={t('surveys.resultsPage.allStrata')}
          data={data.strata}
          value={stratum}
          clearable
          onChange={setStratum}
          data-testid="filter-stratum"
        />
        <Select
          label={t('surveys.resultsPage.businessType')}
          placeholder={t('surveys.resultsPage.allTypes')}
          data={[
            { value: 'enterprise', label: t('surveys.resultsPage.enterprise') },
            { value: 'broker', label: t('surveys.resultsPage.broker') },
          ]}
          value={type}
          clearable
          disabled={!stratum}
          description={t('surveys.resultsPage.typeHelp')}
          onChange={setType}
        />
      </Group>
      <Text className="print-only" size="sm" mb="xs">
        {t('surveys.resultsPage.printedFilter', {
          stratum: stratum ?? t('surveys.resultsPage.allStrata'),
          type: type ? t(`surveys.resultsPage.${type}`) : t('surveys.resultsPage.allTypes'),
        })}
      </Text>
      <Alert color="gray" variant="light" mb="md">
        {t('surveys.resultsPage.rule')}
      </Alert>
      <Stack>
        {data.questions.map((q) => {
          const question = questions.get(q.key);
          return (
            <Card key={q.key} withBorder component="section" aria-labelledby={`r-${q.key}`}>
              <Title order={2} size="h5" id={`r-${q.key}`} mb="xs">
                {question ? text(question.text) : q.key}
              </Title>
              <Stack gap="sm">
                {q.cells.map((cell) => (
                  <CellView
                    key={cell.item ?? '-'}
                    cell={cell}
                    question={question}
                    caption={
                      cell.label ?? (q.perBranch ? t('surveys.resultsPage.allBranches') : t('surveys.resultsPage.all'))
                    }
                  />
                ))}
                {q.texts && (
                  <List size="sm" spacing={4}>
                    {q.texts.map((body, i) => (
                      <List.Item key={i}>{body}</List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </div>
  );
}
