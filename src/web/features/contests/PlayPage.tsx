import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttemptResult, Leaderboard, ServedQuestion } from '../../../contracts/contests.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { notifyError } from '../../lib/notify.ts';
import { contestKeys } from './keys.ts';
import { LeaderboardTable, seconds } from './shared.tsx';

/** Polling period while waiting for the hall's next question, or between online questions. */
const POLL_MS = 1000;

/** Taking a round on a phone: one question at a time; the timer is the server's. */
export default function PlayPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const [state, setState] = useState<ServedQuestion | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);
  const deadline = useRef(0);
  const [span, setSpan] = useState(1);

  const receive = useCallback((served: ServedQuestion) => {
    deadline.current = Date.now() + served.remainingMs;
    setSpan(Math.max(1, served.remainingMs));
    setLeft(served.remainingMs);
    setState(served);
  }, []);

  const refresh = useCallback(
    async (attemptId: string) => {
      try {
        receive(await api<ServedQuestion>(`/api/contest-attempts/${attemptId}/question`));
      } catch (error) {
        setFailure(error);
      }
    },
    [receive],
  );

  useEffect(() => {
    api<ServedQuestion>(`/api/contest-rounds/${roundId}/attempt`, { method: 'POST' }).then(receive, setFailure);
  }, [roundId, receive]);

  // The countdown shown; when it ends, ask the server what comes next.
  useEffect(() => {
    if (!state || state.status !== 'question') return;
    const timer = setInterval(() => {
      const rest = Math.max(0, deadline.current - Date.now());
      setLeft(rest);
      if (rest === 0) {
        clearInterval(timer);
        void refresh(state.attemptId);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [state, refresh]);

  // A live final: wait for the hall's next question.
  useEffect(() => {
    if (!state || state.status !== 'waiting') return;
    const timer = setTimeout(() => void refresh(state.attemptId), POLL_MS);
    return () => clearTimeout(timer);
  }, [state, refresh]);

  async function choose(choice: number) {
    if (!state?.question) return;
    setSending(true);
    try {
      await api(`/api/contest-attempts/${state.attemptId}/answers`, {
        method: 'POST',
        body: { questionId: state.question.id, choice },
      });
      setState({ ...state, answered: true });
      await refresh(state.attemptId);
    } catch (error) {
      notifyError(error);
      await refresh(state.attemptId);
    } finally {
      setSending(false);
    }
  }

  if (failure) return <QueryError error={failure} />;
  if (!state) return <PageLoader />;
  if (state.status === 'finished') return <Result attemptId={state.attemptId} />;
  const total = state.total;
  return (
    <>
      <PageHeader title={t('contests.playTitle')} />
      {state.status === 'waiting' ? (
        <Waiting roundId={roundId} answered={state.answered} started={state.position > 0 || state.answered} />
      ) : (
        <Card withBorder data-testid="play-question">
          <Group justify="space-between" mb="xs">
            <Badge>{t('contests.questionOf', { n: state.position + 1, total })}</Badge>
            <Text fw={700} aria-live="off" data-testid="play-timer">
              {Math.ceil(left / 1000)} s
            </Text>
          </Group>
          <Progress value={(left / span) * 100} aria-label={t('contests.timeLeft')} mb="sm" size="xs" />
          <Title order={2} size="h4" mb="md">
            {state.question?.text.vi}
          </Title>
          {state.answered ? (
            <Alert color="teal" data-testid="play-answered">
              {t('contests.answeredWait')}
            </Alert>
          ) : (
            <Stack gap="sm">
              {state.question?.choices.map((choice, i) => (
                <Button
                  key={i}
                  variant="outline"
                  size="lg"
                  fullWidth
                  justify="start"
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                  h="auto"
                  py="sm"
                  disabled={sending || left === 0}
                  onClick={() => void choose(i)}
                  data-testid="play-choice"
                >
                  {String.fromCharCode(65 + i)}. {choice}
                </Button>
              ))}
            </Stack>
          )}
        </Card>
      )}
    </>
  );
}

function Waiting({ roundId, answered, started }: { roundId: string; answered: boolean; started: boolean }) {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: contestKeys.leaderboard(roundId),
    queryFn: () => api<Leaderboard>(`/api/contest-rounds/${roundId}/leaderboard`),
    enabled: started,
    retry: false,
    refetchInterval: POLL_MS * 2,
  });
  return (
    <Stack>
      <Alert color="blue" data-testid="play-waiting">
        {t(answered ? 'contests.answeredWait' : 'contests.waitHall')}
      </Alert>
      {board.data && <LeaderboardTable board={board.data} testId="play-board" />}
    </Stack>
  );
}

function Result({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const result = useQuery({
    queryKey: contestKeys.result(attemptId),
    queryFn: () => api<AttemptResult>(`/api/contest-attempts/${attemptId}/result`),
  });
  if (result.isError) return <QueryError error={result.error} />;
  if (!result.data) return <PageLoader />;
  const r = result.data;
  return (
    <>
      <PageHeader title={t('contests.yourResult')} />
      <Card withBorder mb="md" data-testid="play-score">
        <Text size="xl" fw={700}>
          {t('contests.score', { correct: r.correct, total: r.total })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('contests.totalTime', { seconds: seconds(r.timeMs) })}
        </Text>
      </Card>
      <Stack>
        {r.items.map((item) => (
          <Card key={item.position} withBorder>
            <Group justify="space-between" mb={4}>
              <Text fw={600}>
                {item.position + 1}. {item.text.vi}
              </Text>
              <Badge color={item.isCorrect ? 'green' : 'red'}>
                {t(item.isCorrect ? 'contests.right' : 'contests.wrong')}
              </Badge>
            </Group>
            <Text size="sm">
              {t('contests.rightChoice')}: <strong>{item.choices[item.correct]}</strong>
            </Text>
            {item.chosen !== null && !item.isCorrect && (
              <Text size="sm" c="dimmed">
                {t('contests.yourChoice')}: {item.choices[item.chosen]}
              </Text>
            )}
            {item.legalBasis && (
              <Text size="sm" mt={4}>
                {t('contests.legalBasis')}: {item.legalBasis}
              </Text>
            )}
            {item.explanation && (
              <Text size="sm" c="dimmed">
                {item.explanation}
              </Text>
            )}
            {item.entryId && (
              <Anchor component={Link} to={`/hoi-dap/${item.entryId}`} size="sm" data-testid="result-entry">
                {t('contests.readEntry', { number: item.entryNumber })}
              </Anchor>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
