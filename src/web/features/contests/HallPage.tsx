import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { HallView } from '../../../contracts/contests.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { notifyError } from '../../lib/notify.ts';
import { contestKeys } from './keys.ts';
import { LeaderboardTable } from './shared.tsx';

/** The organizer's hall screen of a live final: the question, then the right answer and the leaderboard. */
export default function HallPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const hall = useQuery({
    queryKey: contestKeys.hall(roundId),
    queryFn: () => api<HallView>(`/api/contest-rounds/${roundId}/hall`),
    refetchInterval: (q) => (q.state.data?.phase === 'finished' ? false : 1000),
  });

  async function next() {
    setBusy(true);
    try {
      client.setQueryData(
        contestKeys.hall(roundId),
        await api<HallView>(`/api/contest-rounds/${roundId}/next`, { method: 'POST' }),
      );
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('contests.hall')} />
      <ListState query={hall} loader="page">
        {(h) => (
          <Stack>
            <Group justify="space-between">
              <Group>
                <Badge size="lg">{t(`contests.phases.${h.phase}`)}</Badge>
                {h.phase !== 'waiting' && h.phase !== 'finished' && (
                  <Badge size="lg" variant="light">
                    {t('contests.questionOf', { n: h.index + 1, total: h.total })}
                  </Badge>
                )}
              </Group>
              <Text data-testid="hall-counts">
                {t('contests.hallCounts', { answers: h.answers, joined: h.joined })}
              </Text>
            </Group>
            {h.question && (
              <Card withBorder data-testid="hall-question">
                <Group justify="space-between" mb="sm">
                  <Title order={2}>{h.question.text.vi}</Title>
                  {h.phase === 'question' && (
                    <Text size="xl" fw={700} data-testid="hall-timer">
                      {Math.ceil(h.remainingMs / 1000)} s
                    </Text>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {h.question.choices.map((choice, i) => (
                    <Card
                      key={i}
                      withBorder
                      bg={h.correct === i ? 'teal.1' : undefined}
                      data-testid={h.correct === i ? 'hall-correct' : undefined}
                    >
                      <Text size="lg" fw={h.correct === i ? 700 : 400}>
                        {String.fromCharCode(65 + i)}. {choice}
                      </Text>
                    </Card>
                  ))}
                </SimpleGrid>
                {h.legalBasis && (
                  <Text mt="sm">
                    {t('contests.legalBasis')}: {h.legalBasis}
                  </Text>
                )}
              </Card>
            )}
            {h.phase === 'waiting' && <Alert color="blue">{t('contests.hallWaiting')}</Alert>}
            {h.phase !== 'finished' && (
              <Group>
                <Button
                  size="lg"
                  onClick={() => void next()}
                  loading={busy}
                  disabled={h.phase === 'question'}
                  data-testid="hall-next"
                >
                  {t(
                    h.phase === 'waiting'
                      ? 'contests.startFinal'
                      : h.index + 1 >= h.total
                        ? 'contests.endFinal'
                        : 'contests.nextQuestion',
                  )}
                </Button>
              </Group>
            )}
            {h.leaderboard && <LeaderboardTable board={h.leaderboard} testId="hall-board" />}
          </Stack>
        )}
      </ListState>
    </>
  );
}
