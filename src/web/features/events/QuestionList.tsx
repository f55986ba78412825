import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, QuestionView } from '../../../contracts/events.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { EmptyState } from '../../components/Feedback.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { AskForm } from './AskForm.tsx';
import { useEventAction } from './hooks.ts';
import { eventKeys } from './keys.ts';

/** Questions sent in advance or raised in the room, their votes, and the answers. */
export function QuestionList({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const business = !!me?.enterprise;
  const vote = useEventAction<{ questionId: string }>(event.id, (b) => `/api/event-questions/${b.questionId}/votes`);
  const started = event.started;
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('partnership.events.questions')}
      </Title>
      <Stack gap="sm" data-testid="question-list">
        {event.questions.length === 0 && <EmptyState>{t('partnership.events.noQuestions')}</EmptyState>}
        {event.questions.map((q) => (
          <Card key={q.id} withBorder radius="sm" padding="sm" component="article" data-testid="question">
            <Text size="sm" className="pre-wrap">
              {q.text}
            </Text>
            <Group gap="xs" mt={6}>
              <Badge variant="light">{t('partnership.events.votes', { n: q.votes })}</Badge>
              {q.mine && <Badge color="green">{t('partnership.events.mine')}</Badge>}
              {q.raisedAtEvent && <Badge color="gray">{t('partnership.events.raisedAtEvent')}</Badge>}
              {q.enterpriseName && !q.mine && (
                <Text size="xs" c="dimmed">
                  {q.enterpriseName}
                </Text>
              )}
              {business && !q.mine && event.status === 'published' && (
                <Button
                  size="compact-xs"
                  variant="light"
                  disabled={q.myVote}
                  loading={vote.isPending && vote.variables.questionId === q.id}
                  onClick={() => vote.mutate({ questionId: q.id }, { onError: (e) => notifyError(e) })}
                >
                  {q.myVote ? t('partnership.events.voted') : t('partnership.events.vote')}
                </Button>
              )}
            </Group>
            {q.answer && (
              <Card bg="var(--mantine-color-gray-0)" mt="xs" padding="xs" radius="sm" data-testid="question-answer">
                <Text size="xs" fw={700}>
                  {t('partnership.events.answer')}
                </Text>
                <Text size="sm" className="pre-wrap">
                  {q.answer}
                </Text>
              </Card>
            )}
            {event.canManage && q.followUp && <FollowUpControls eventId={event.id} question={q} />}
          </Card>
        ))}
        {business && event.status === 'published' && <AskForm event={event} organizer={false} />}
        {event.canManage && started && event.status !== 'cancelled' && <AskForm event={event} organizer />}
      </Stack>
    </Card>
  );
}

function FollowUpControls({ eventId, question }: { eventId: string; question: QuestionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const form = useFormState();
  const [answer, setAnswer] = useState('');
  const followUp = question.followUp!;
  const change = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api(`/api/follow-ups/${question.id}/${path}`, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: eventKeys.one(eventId) });
      notifySuccess(t('partnership.events.followUpSaved'));
    },
    onError: (error) => form.fail(error),
  });
  return (
    <Stack gap={6} mt="xs">
      <Group gap="xs">
        <Text size="xs">
          {t('partnership.events.followUpOwner')}: {followUp.ownerUnit?.code ?? '—'} · {t('partnership.events.due')}:{' '}
          {format.date(followUp.dueAt)}
        </Text>
        {followUp.overdue && <Badge color="red">{t('partnership.events.overdue')}</Badge>}
        {followUp.link && <Badge color="navy">{t(`partnership.events.links.${followUp.link.kind}`)}</Badge>}
      </Group>
      {!question.answer && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ path: 'answer', body: { answer } });
          }}
        >
          <Textarea
            label={t('partnership.events.answerLabel')}
            autosize
            minRows={2}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={form.errors.answer ?? form.failure?.summary}
            data-testid="answer-text"
          />
          <Group justify="flex-end" mt={6} gap="xs">
            {!followUp.link && (
              <>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => change.mutate({ path: 'link', body: { kind: 'question_bank' } })}
                >
                  {t('partnership.events.toQuestionBank')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => change.mutate({ path: 'link', body: { kind: 'support_request' } })}
                >
                  {t('partnership.events.toSupport')}
                </Button>
              </>
            )}
            <Button size="xs" type="submit" loading={change.isPending} data-testid="answer-submit">
              {t('partnership.events.publishAnswer')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
