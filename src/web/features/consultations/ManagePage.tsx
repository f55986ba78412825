import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DISPOSITIONS, type ConsultationDetail, type GroupedView } from '../../../contracts/consultations.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { Diff, DISPOSITION_COLORS, PHASE_COLORS } from './Diff.tsx';
import { consultationKeys } from './keys.ts';

/** The drafting unit's page: phases, extension, the grouped view with dispositions, the revised text, publication. */
export default function ManagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [article, setArticle] = useState<number | null>(null);
  const [kind, setKind] = useState<string>('all');
  const [status, setStatus] = useState<string>('all');
  const [offset, setOffset] = useState(0);
  const detail = useQuery({
    queryKey: consultationKeys.detail(id),
    queryFn: () => api<ConsultationDetail>(`/api/consultations/${id}`),
  });
  const phase = detail.data?.phase;
  const review = useQuery({
    queryKey: [...consultationKeys.review(id, article, kind, status), offset],
    queryFn: () =>
      api<GroupedView>(`/api/consultations/${id}/review`, {
        query: {
          article: article ?? undefined,
          kind: kind === 'all' ? undefined : kind,
          status: status === 'all' ? undefined : status,
          offset,
        },
      }),
    enabled: !!phase && phase !== 'draft',
  });
  const [extend, setExtend] = useState({ closesAt: '', reason: '' });
  const [answer, setAnswer] = useState<Record<string, { disposition: string | null; reason: string }>>({});
  const [revised, setRevised] = useState<string | null>(null);
  const [links, setLinks] = useState<Record<number, string[]>>({});
  const [summary, setSummary] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: consultationKeys.all });

  async function act(path: string, body?: object, done?: string) {
    try {
      await api(`/api/consultations/${id}/${path}`, {
        method: path === 'revision' || path === 'changes' ? 'PUT' : 'POST',
        body,
      });
      if (done) notifySuccess(done);
      refresh();
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  }

  return (
    <ListState query={detail} loader="page">
      {(c) => (
        <>
          <PageHeader
            title={c.title}
            description={t('consultations.window', {
              from: format.dateTime(c.opensAt),
              to: format.dateTime(c.closesAt),
            })}
            actions={
              <>
                <Badge color={PHASE_COLORS[c.phase]} size="lg" data-testid="phase">
                  {t(`consultations.phase.${c.phase}`)}
                </Badge>
                <Anchor component={Link} to={`/gop-y/${c.id}`}>
                  {t('consultations.publicPage')}
                </Anchor>
              </>
            }
          />
          <Group mb="md" gap="xs">
            {c.phase === 'draft' && (
              <Button
                onClick={() => void act('open', undefined, t('consultations.opened'))}
                data-testid="open-consultation"
              >
                {t('consultations.open')}
              </Button>
            )}
            {c.phase === 'open' && (
              <Button
                color="orange"
                onClick={() => void act('close', undefined, t('consultations.closed'))}
                data-testid="close-consultation"
              >
                {t('consultations.close')}
              </Button>
            )}
          </Group>
          {(c.phase === 'open' || c.phase === 'closed') && (
            <Card withBorder mb="md">
              <Title order={2} size="h4">
                {t('consultations.extend')}
              </Title>
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  type="datetime-local"
                  label={t('consultations.closesAt')}
                  value={extend.closesAt}
                  onChange={(e) => setExtend({ ...extend, closesAt: e.currentTarget.value })}
                />
                <TextInput
                  style={{ flex: '1 1 220px' }}
                  label={t('consultations.extendReason')}
                  value={extend.reason}
                  onChange={(e) => setExtend({ ...extend, reason: e.currentTarget.value })}
                />
                <Button variant="light" onClick={() => void act('extend', extend, t('consultations.extended'))}>
                  {t('consultations.extend')}
                </Button>
              </Group>
            </Card>
          )}
          {c.phase !== 'draft' && (
            <Card withBorder mb="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t('consultations.review')}
                </Title>
                {c.phase === 'closed' && (
                  <Button
                    variant="light"
                    onClick={() => void act('group', undefined, t('consultations.grouped'))}
                    data-testid="group-duplicates"
                  >
                    {t('consultations.group')}
                  </Button>
                )}
              </Group>
              <ListState query={review}>
                {(v) => (
                  <Stack gap="sm">
                    <Text size="sm" data-testid="pending-count">
                      {t('consultations.pendingOf', { pending: v.pending, total: v.total })}
                      {v.groupedAt ? ` · ${t('consultations.groupedAt', { at: format.dateTime(v.groupedAt) })}` : ''}
                    </Text>
                    <Group gap="xs" wrap="wrap">
                      <Select
                        label={t('consultations.articleFilter')}
                        value={String(v.selected ?? '')}
                        onChange={(x) => {
                          setOffset(0);
                          setArticle(x === null ? null : Number(x));
                        }}
                        allowDeselect={false}
                        data={v.articles.map((a) => ({
                          value: String(a.articleNumber ?? 0),
                          label: `${a.articleNumber === null ? t('consultations.general') : t('consultations.article', { n: a.articleNumber })} (${a.pending}/${a.total})`,
                        }))}
                        data-testid="article-filter"
                      />
                      <SegmentedControl
                        aria-label={t('consultations.kindFilter')}
                        value={kind}
                        onChange={setKind}
                        data={['all', 'enterprise', 'association'].map((k) => ({
                          value: k,
                          label: t(`consultations.kind.${k}`),
                        }))}
                      />
                      <SegmentedControl
                        aria-label={t('consultations.statusFilter')}
                        value={status}
                        onChange={setStatus}
                        data={['all', 'pending', 'answered'].map((k) => ({
                          value: k,
                          label: t(`consultations.status.${k}`),
                        }))}
                      />
                    </Group>
                    {v.groups.map((g) => {
                      const first = g.comments[0]!;
                      const a = answer[g.groupId] ?? { disposition: null, reason: '' };
                      return (
                        <Paper key={g.groupId} withBorder p="sm" data-testid="review-group">
                          <Group justify="space-between" gap="xs">
                            <Text size="sm" fw={600}>
                              {g.size > 1
                                ? t('consultations.groupOf', { count: g.size })
                                : (first.enterpriseName ?? first.associationName ?? '')}
                              {first.anonymous ? ` (${t('consultations.anonymousToPublic')})` : ''}
                            </Text>
                            {first.disposition && (
                              <Badge color={DISPOSITION_COLORS[first.disposition]}>
                                {t(`consultations.disposition.${first.disposition}`)}
                              </Badge>
                            )}
                          </Group>
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {first.body}
                          </Text>
                          {first.proposedWording && (
                            <Diff
                              before={c.articles.find((x) => x.number === first.articleNumber)?.body ?? ''}
                              after={first.proposedWording}
                            />
                          )}
                          {g.size > 1 && (
                            <Text size="xs" c="dimmed">
                              {g.comments
                                .map((m) => m.enterpriseName ?? m.associationName)
                                .slice(0, 12)
                                .join(', ')}
                              {g.size > 12 ? '…' : ''}
                            </Text>
                          )}
                          {first.reason && (
                            <Text size="xs">
                              {t('consultations.reason')}: {first.reason}
                            </Text>
                          )}
                          {c.phase === 'closed' && (
                            <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
                              <Select
                                label={t('consultations.dispositionLabel')}
                                value={a.disposition}
                                onChange={(x) => setAnswer({ ...answer, [g.groupId]: { ...a, disposition: x } })}
                                data={DISPOSITIONS.map((d) => ({
                                  value: d,
                                  label: t(`consultations.disposition.${d}`),
                                }))}
                                data-testid="disposition-select"
                              />
                              <TextInput
                                style={{ flex: '1 1 220px' }}
                                label={t('consultations.reason')}
                                value={a.reason}
                                onChange={(e) =>
                                  setAnswer({ ...answer, [g.groupId]: { ...a, reason: e.currentTarget.value } })
                                }
                                data-testid="disposition-reason"
                              />
                              <Button
                                onClick={() =>
                                  void act(
                                    'dispositions',
                                    {
                                      commentIds: g.commentIds,
                                      disposition: a.disposition,
                                      reason: a.reason,
                                    },
                                    t('consultations.answered', { count: g.size }),
                                  )
                                }
                                data-testid="disposition-save"
                              >
                                {g.size > 1
                                  ? t('consultations.answerGroup', { count: g.size })
                                  : t('consultations.answer')}
                              </Button>
                            </Group>
                          )}
                        </Paper>
                      );
                    })}
                    {v.groupCount > v.groups.length && (
                      <Group justify="space-between">
                        <Text size="sm">
                          {t('consultations.groupsPage', {
                            from: v.offset + 1,
                            to: v.offset + v.groups.length,
                            count: v.groupCount,
                          })}
                        </Text>
                        <Group gap="xs">
                          <Button
                            size="xs"
                            variant="default"
                            disabled={v.offset === 0}
                            onClick={() => setOffset(Math.max(0, v.offset - 50))}
                          >
                            {t('consultations.previous')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            disabled={v.offset + v.groups.length >= v.groupCount}
                            onClick={() => setOffset(v.offset + 50)}
                          >
                            {t('consultations.next')}
                          </Button>
                        </Group>
                      </Group>
                    )}
                  </Stack>
                )}
              </ListState>
            </Card>
          )}
          {c.phase === 'closed' && (
            <Card withBorder mb="md">
              <Title order={2} size="h4">
                {t('consultations.revision')}
              </Title>
              <Textarea
                label={t('consultations.revisedText')}
                autosize
                minRows={6}
                maxRows={16}
                value={
                  revised ??
                  [
                    ...c.articles.map(
                      (a) =>
                        `Điều ${a.number}. ${a.heading}\n${(c.revisedArticles.find((r) => r.number === a.number) ?? a).body}`,
                    ),
                  ].join('\n')
                }
                onChange={(e) => setRevised(e.currentTarget.value)}
                data-testid="revised-text"
              />
              <Group justify="flex-end" mt="xs">
                <Button
                  variant="light"
                  disabled={revised === null}
                  onClick={() => void act('revision', { revisedText: revised }, t('consultations.revisionSaved'))}
                  data-testid="save-revision"
                >
                  {t('consultations.saveRevision')}
                </Button>
              </Group>
              {c.revisedArticles
                .filter((r) => r.body !== c.articles.find((a) => a.number === r.number)?.body)
                .map((r) => {
                  const draft = c.articles.find((a) => a.number === r.number);
                  const candidates = (review.data?.selected === r.number ? review.data.groups : []).flatMap(
                    (g) => g.comments,
                  );
                  return (
                    <Paper key={r.number} withBorder p="xs" mt="xs" data-testid="revised-article">
                      <Text size="sm" fw={600}>
                        {t('consultations.article', { n: r.number })}
                      </Text>
                      <Diff before={draft?.body ?? ''} after={r.body} />
                      {candidates.length > 0 ? (
                        <Stack gap={2} mt="xs">
                          <Text size="xs">{t('consultations.linkHint')}</Text>
                          {candidates.slice(0, 30).map((m) => (
                            <Checkbox
                              key={m.id}
                              size="xs"
                              label={`${m.enterpriseName ?? m.associationName ?? ''}: ${m.body.slice(0, 80)}`}
                              checked={(links[r.number] ?? []).includes(m.id)}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setLinks((l) => ({
                                  ...l,
                                  [r.number]: on
                                    ? [...(l[r.number] ?? []), m.id]
                                    : (l[r.number] ?? []).filter((x) => x !== m.id),
                                }));
                              }}
                            />
                          ))}
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              void act(
                                'changes',
                                { articleNumber: r.number, commentIds: links[r.number] ?? [] },
                                t('consultations.linked'),
                              )
                            }
                            data-testid="save-links"
                          >
                            {t('consultations.saveLinks')}
                          </Button>
                        </Stack>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('consultations.selectArticleToLink')}
                        </Text>
                      )}
                    </Paper>
                  );
                })}
            </Card>
          )}
          {c.phase === 'closed' && (
            <Card withBorder>
              <Title order={2} size="h4">
                {t('consultations.publish')}
              </Title>
              {(review.data?.pending ?? 0) > 0 && (
                <Alert color="orange" my="xs">
                  {t('consultations.cannotPublish', { count: review.data?.pending ?? 0 })}
                </Alert>
              )}
              <Textarea
                label={t('consultations.responseSummary')}
                autosize
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
              />
              <Group justify="flex-end" mt="xs">
                <Button
                  onClick={() => void act('publish', { responseSummary: summary }, t('consultations.publishedDone'))}
                  data-testid="publish-response"
                >
                  {t('consultations.publish')}
                </Button>
              </Group>
            </Card>
          )}
          {c.phase === 'published' && (
            <Anchor component={Link} to={`/gop-y/${c.id}/bao-cao`}>
              {t('consultations.report')}
            </Anchor>
          )}
        </>
      )}
    </ListState>
  );
}
