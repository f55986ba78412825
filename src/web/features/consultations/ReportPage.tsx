import { Alert, Anchor, Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DISPOSITIONS, type ConsultationReport } from '../../../contracts/consultations.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { Diff, DISPOSITION_COLORS } from './Diff.tsx';
import { consultationKeys } from './keys.ts';

/** The published "you said, we did" report (báo cáo tiếp thu, giải trình), per article, with PDF and Excel. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const report = useQuery({
    queryKey: consultationKeys.report(id),
    queryFn: () => api<ConsultationReport>(`/api/consultations/${id}/report`),
  });
  return (
    <ListState query={report} loader="page">
      {(r) => (
        <>
          <PageHeader
            title={t('consultations.reportTitle')}
            description={
              <>
                <Anchor component={Link} to={`/gop-y/${r.id}`}>
                  {r.title}
                </Anchor>
                {r.publishedAt ? ` · ${t('consultations.publishedOn', { date: format.dateTime(r.publishedAt) })}` : ''}
              </>
            }
            actions={
              <>
                <Anchor href={`/api/consultations/${r.id}/report/file?format=pdf`} data-testid="report-pdf">
                  PDF
                </Anchor>
                <Anchor href={`/api/consultations/${r.id}/report/file?format=xlsx`} data-testid="report-xlsx">
                  Excel
                </Anchor>
              </>
            }
          />
          {r.responseLate && (
            <Alert color="red" mb="sm">
              {t('consultations.lateText', { due: format.date(r.responseDueOn) })}
            </Alert>
          )}
          <Group mb="md" gap="xs">
            {DISPOSITIONS.map((d) => (
              <Badge key={d} color={DISPOSITION_COLORS[d]} variant="light" size="lg">
                {t(`consultations.disposition.${d}`)}: {r.counts[d] ?? 0}
              </Badge>
            ))}
          </Group>
          {r.responseSummary && <Text mb="md">{r.responseSummary}</Text>}
          <Stack>
            {r.articles.map((a) => (
              <Card key={a.articleNumber ?? 0} withBorder data-testid="report-article">
                <Title order={2} size="h4">
                  {a.articleNumber === null
                    ? t('consultations.general')
                    : `${t('consultations.article', { n: a.articleNumber })}. ${a.heading}`}
                </Title>
                {a.revised && (
                  <Paper withBorder p="xs" mt="xs">
                    <Text size="sm" fw={600}>
                      {t('consultations.changeMade')}
                    </Text>
                    <Diff before={a.draft} after={a.revised} />
                  </Paper>
                )}
                {a.entries.length === 0 && (
                  <Text size="sm" c="dimmed" mt="xs">
                    {t('consultations.noComments')}
                  </Text>
                )}
                {a.entries.map((e) => (
                  <Paper key={e.commentIds[0]} withBorder p="xs" mt="xs">
                    {e.commentIds.map((cid) => (
                      <span key={cid} id={`y-kien-${cid}`} />
                    ))}
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={600}>
                        {[...new Set(e.commenters)].slice(0, 5).join('; ')}
                        {e.commentIds.length > 1
                          ? ` · ${t('consultations.commentCount', { count: e.commentIds.length })}`
                          : ''}
                      </Text>
                      <Badge color={DISPOSITION_COLORS[e.disposition]}>
                        {t(`consultations.disposition.${e.disposition}`)}
                      </Badge>
                    </Group>
                    <Text size="sm">{e.body}</Text>
                    {e.proposedWording && <Diff before={a.draft} after={e.proposedWording} />}
                    <Text size="sm" mt={4}>
                      <b>{t('consultations.reason')}:</b> {e.reason}
                    </Text>
                    {e.commentIds.some((cid) => a.changedBy.includes(cid)) && (
                      <Badge variant="light" mt={4}>
                        {t('consultations.causedChange')}
                      </Badge>
                    )}
                  </Paper>
                ))}
              </Card>
            ))}
          </Stack>
        </>
      )}
    </ListState>
  );
}
