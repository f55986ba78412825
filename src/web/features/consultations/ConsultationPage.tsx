import { Alert, Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConsultationDetail, PublicComment } from '../../../contracts/consultations.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CommentForm } from './CommentForm.tsx';
import { Diff, DISPOSITION_COLORS, PHASE_COLORS } from './Diff.tsx';
import { consultationKeys } from './keys.ts';

interface Space {
  views: { id: string; articleNumber: number | null; body: string; enterpriseName: string; createdAt: string }[];
  contributors: { id: string; name: string }[];
  isRepresentative: boolean;
}

/** A draft read article by article (phone or desktop), with its public comments and, for businesses, a form per article. */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: consultationKeys.detail(id),
    queryFn: () => api<ConsultationDetail>(`/api/consultations/${id}`),
  });
  const comments = useQuery({
    queryKey: consultationKeys.comments(id),
    queryFn: () => api<PublicComment[]>(`/api/consultations/${id}/comments`),
  });
  const associationId = detail.data?.myAssociationId ?? null;
  const space = useQuery({
    queryKey: consultationKeys.space(id, associationId ?? ''),
    queryFn: () => api<Space>(`/api/consultations/${id}/associations/${associationId}`),
    enabled: !!me && !!associationId,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [viewText, setViewText] = useState<Record<string, string>>({});
  const refresh = () => {
    setOpen(null);
    void client.invalidateQueries({ queryKey: consultationKeys.all });
  };

  async function withdraw(commentId: string) {
    try {
      await api(`/api/consultation-comments/${commentId}/withdraw`, { method: 'POST' });
      notifySuccess(t('consultations.withdrawn'));
      refresh();
    } catch (error) {
      notifyError(error);
    }
  }

  async function addView(articleNumber: number | null) {
    const key = String(articleNumber ?? 0);
    try {
      await api(`/api/consultations/${id}/associations/${associationId}/views`, {
        method: 'POST',
        body: { articleNumber, body: viewText[key] ?? '' },
      });
      setViewText((v) => ({ ...v, [key]: '' }));
      notifySuccess(t('consultations.viewSent'));
      refresh();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <ListState query={detail} loader="page">
      {(c) => {
        const isRep = space.data?.isRepresentative ?? false;
        const sections = [
          { number: null as number | null, heading: t('consultations.general'), body: c.summary },
          ...c.articles,
        ];
        return (
          <>
            <PageHeader
              title={c.title}
              description={`${c.ownerUnitName} · ${t('consultations.window', { from: format.dateTime(c.opensAt), to: format.dateTime(c.closesAt) })}`}
              actions={
                <>
                  <Badge color={PHASE_COLORS[c.phase]} size="lg">
                    {t(`consultations.phase.${c.phase}`)}
                  </Badge>
                  {c.mayManage && (
                    <Anchor component={Link} to={`/app/gop-y/${c.id}`} data-testid="manage-link">
                      {t('consultations.manage')}
                    </Anchor>
                  )}
                </>
              }
            />
            {c.extensions.map((x) => (
              <Alert
                key={x.at}
                color="orange"
                mb="sm"
                title={t('consultations.extendedTo', { to: format.dateTime(x.to) })}
              >
                {x.reason}
              </Alert>
            ))}
            {c.responseLate && (
              <Alert color="red" mb="sm">
                {t('consultations.lateText', { due: format.date(c.responseDueOn) })}
              </Alert>
            )}
            <Group mb="md" gap="md">
              <Anchor href={`/api/consultations/${c.id}/comments.csv`} data-testid="comments-csv">
                {t('consultations.downloadComments')}
              </Anchor>
              {c.phase === 'published' && (
                <Anchor component={Link} to={`/gop-y/${c.id}/bao-cao`} data-testid="report-link">
                  {t('consultations.report')}
                </Anchor>
              )}
            </Group>
            {me && !c.mayComment && c.phase === 'open' && !c.mayManage && (
              <Text c="dimmed" mb="sm">
                {t('consultations.notInAudience')}
              </Text>
            )}
            <Stack>
              {sections.map((a) => {
                const key = String(a.number ?? 0);
                const own = (comments.data ?? []).filter((m) => m.articleNumber === a.number);
                const views = (space.data?.views ?? []).filter((v) => v.articleNumber === a.number);
                return (
                  <Card key={key} withBorder id={`dieu-${key}`} data-testid={`article-${key}`}>
                    <Title order={2} size="h4">
                      {a.number === null ? a.heading : `${t('consultations.article', { n: a.number })}. ${a.heading}`}
                    </Title>
                    {a.body && (
                      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.body}
                      </Text>
                    )}
                    {own.length > 0 && (
                      <Stack gap="xs" mt="sm">
                        <Text size="sm" fw={600}>
                          {t('consultations.commentCount', { count: own.length })}
                        </Text>
                        {own.map((m) => (
                          <Paper key={m.id} withBorder p="xs" data-testid="public-comment">
                            <Group justify="space-between" gap="xs">
                              <Text size="sm" fw={600}>
                                {m.commenter ?? t('consultations.aBusiness')}
                                {m.representedCount
                                  ? ` · ${t('consultations.representing', { count: m.representedCount })}`
                                  : ''}
                                {m.clause ? ` · ${m.clause}` : ''}
                              </Text>
                              {m.disposition && (
                                <Badge color={DISPOSITION_COLORS[m.disposition]}>
                                  {t(`consultations.disposition.${m.disposition}`)}
                                </Badge>
                              )}
                            </Group>
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                              {m.body}
                            </Text>
                            {m.proposedWording && <Diff before={a.body} after={m.proposedWording} />}
                            {m.cosigners.length > 0 && (
                              <Text size="xs" c="dimmed">
                                {t('consultations.cosignedBy', { names: m.cosigners.join(', ') })}
                              </Text>
                            )}
                            {m.mine && c.mayComment && (
                              <Group gap="xs" mt={4}>
                                <Button size="xs" variant="light" onClick={() => setOpen(`edit:${m.id}`)}>
                                  {t('consultations.edit')}
                                </Button>
                                <Button size="xs" variant="subtle" color="red" onClick={() => void withdraw(m.id)}>
                                  {t('consultations.withdraw')}
                                </Button>
                              </Group>
                            )}
                            {open === `edit:${m.id}` && (
                              <CommentForm
                                consultationId={c.id}
                                articleNumber={a.number}
                                articleBody={a.body}
                                questions={c.questions}
                                association={isRep}
                                contributors={space.data?.contributors ?? []}
                                editing={m}
                                onDone={refresh}
                              />
                            )}
                          </Paper>
                        ))}
                      </Stack>
                    )}
                    {associationId && views.length > 0 && (
                      <Paper withBorder p="xs" mt="sm" bg="gray.0" data-testid="member-views">
                        <Text size="sm" fw={600}>
                          {t('consultations.memberViews')}
                        </Text>
                        {views.map((v) => (
                          <Text key={v.id} size="sm">
                            <b>{v.enterpriseName}:</b> {v.body}
                          </Text>
                        ))}
                      </Paper>
                    )}
                    {c.mayComment && open !== key && (
                      <Group mt="sm" gap="xs">
                        <Button size="xs" onClick={() => setOpen(key)} data-testid={`comment-on-${key}`}>
                          {isRep ? t('consultations.submitPosition') : t('consultations.commentHere')}
                        </Button>
                      </Group>
                    )}
                    {c.mayComment && associationId && !isRep && (
                      <Group mt="xs" align="flex-end" gap="xs">
                        <Textarea
                          style={{ flex: '1 1 220px' }}
                          autosize
                          label={t('consultations.viewLabel')}
                          value={viewText[key] ?? ''}
                          onChange={(ev) => {
                            const value = ev.currentTarget.value;
                            setViewText((v) => ({ ...v, [key]: value }));
                          }}
                          data-testid={`view-body-${key}`}
                        />
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => void addView(a.number)}
                          data-testid={`view-send-${key}`}
                        >
                          {t('consultations.sendView')}
                        </Button>
                      </Group>
                    )}
                    {open === key && (
                      <CommentForm
                        consultationId={c.id}
                        articleNumber={a.number}
                        articleBody={a.body}
                        questions={a.number === null ? c.questions : []}
                        association={isRep}
                        contributors={space.data?.contributors ?? []}
                        onDone={refresh}
                      />
                    )}
                  </Card>
                );
              })}
            </Stack>
          </>
        );
      }}
    </ListState>
  );
}
