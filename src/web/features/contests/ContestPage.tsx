import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ContestDetail, ContestRound, Leaderboard } from '../../../contracts/contests.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { formatDateTime } from '../../lib/format.ts';
import { contestKeys } from './keys.ts';
import { QuestionForm } from './QuestionForm.tsx';
import { RoundForm } from './RoundForm.tsx';
import { LeaderboardTable, STATUS_COLORS } from './shared.tsx';
import { StatisticsCard } from './StatisticsCard.tsx';

export default function ContestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const client = useQueryClient();
  const contest = useQuery({
    queryKey: contestKeys.detail(id),
    queryFn: () => api<ContestDetail>(`/api/contests/${id}`),
  });
  const set = (c: ContestDetail) => client.setQueryData(contestKeys.detail(id), c);
  return (
    <ListState query={contest} loader="page">
      {(c) => (
        <>
          <PageHeader title={c.title.vi} description={c.ownerUnitName} />
          <Group mb="md">
            <Badge color={STATUS_COLORS[c.status]} data-testid="contest-status">
              {t(`contests.statuses.${c.status}`)}
            </Badge>
            {c.resultsPublished && <Badge color="green">{t('contests.published')}</Badge>}
          </Group>
          <Stack>
            {(c.rules || c.prizes) && (
              <Card withBorder>
                {c.rules && (
                  <>
                    <Text fw={600}>{t('contests.rules')}</Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.rules}
                    </Text>
                  </>
                )}
                {c.prizes && (
                  <>
                    <Text fw={600} mt="xs">
                      {t('contests.prizes')}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.prizes}
                    </Text>
                  </>
                )}
              </Card>
            )}
            {c.canManage ? <Organizer contest={c} onChange={set} /> : <Participant contest={c} />}
          </Stack>
        </>
      )}
    </ListState>
  );
}

function Organizer({ contest, onChange }: { contest: ContestDetail; onChange: (c: ContestDetail) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function act(action: 'open' | 'finish' | 'publish') {
    setBusy(true);
    try {
      onChange(await api<ContestDetail>(`/api/contests/${contest.id}/${action}`, { method: 'POST' }));
      notifySuccess(t(`contests.done.${action}`));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Group>
        {contest.status === 'draft' && (
          <Button
            onClick={() => void act('open')}
            loading={busy}
            disabled={contest.rounds.length === 0}
            data-testid="contest-open"
          >
            {t('contests.open')}
          </Button>
        )}
        {contest.status === 'open' && (
          <Button onClick={() => void act('finish')} loading={busy} variant="light" data-testid="contest-finish">
            {t('contests.finish')}
          </Button>
        )}
        {contest.status === 'finished' && !contest.resultsPublished && (
          <Button onClick={() => void act('publish')} loading={busy} data-testid="contest-publish">
            {t('contests.publish')}
          </Button>
        )}
      </Group>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('contests.questions', { count: contest.questions.length })}
        </Text>
        <ListTable
          label={t('contests.questionsLabel')}
          minWidth={600}
          data-testid="questions-table"
          columns={[
            t('contests.question'),
            t('contests.topic'),
            t('contests.difficulty'),
            t('contests.legalBasis'),
            t('contests.entry'),
          ]}
        >
          {contest.questions.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>
                {q.text.vi}
                <Text size="xs" c="dimmed">
                  {t('contests.rightChoice')}: {q.choices[q.correct]}
                </Text>
              </Table.Td>
              <Table.Td>{t(`support.categories.${q.topic}`)}</Table.Td>
              <Table.Td>{t(`contests.difficulties.${q.difficulty}`)}</Table.Td>
              <Table.Td>{q.legalBasis || '—'}</Table.Td>
              <Table.Td>{q.sourceEntryNumber ? `#${q.sourceEntryNumber}` : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Card>
      {contest.status === 'draft' && <QuestionForm contestId={contest.id} onSaved={onChange} />}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('contests.rounds')}
        </Text>
        <RoundsTable rounds={contest.rounds} manage />
      </Card>
      {contest.status !== 'finished' && <RoundForm contestId={contest.id} onSaved={onChange} />}
      {contest.status !== 'draft' && <StatisticsCard contestId={contest.id} />}
      {contest.status !== 'draft' && contest.rounds.map((r) => <BoardCard key={r.id} round={r} />)}
    </>
  );
}

function RoundsTable({
  rounds,
  manage,
  contest,
}: {
  rounds: ContestRound[];
  manage?: boolean;
  contest?: ContestDetail;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <ListTable
      label={t('contests.rounds')}
      minWidth={520}
      data-testid="rounds-table"
      columns={[t('contests.roundName'), t('contests.when'), t('contests.questionCount'), t('common.actions')]}
    >
      {rounds.map((r) => {
        const mine = contest?.mine?.attempts.find((a) => a.roundId === r.id);
        return (
          <Table.Tr key={r.id}>
            <Table.Td>
              {r.name}{' '}
              <Badge size="xs" variant="light">
                {t(r.live ? 'contests.kinds.live' : `contests.kinds.${r.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {when(r.opensAt)} – {when(r.closesAt)}
            </Table.Td>
            <Table.Td>
              {r.questionCount} × {r.secondsPerQuestion} s{manage && ` (${t('contests.pool', { count: r.poolSize })})`}
            </Table.Td>
            <Table.Td>
              {manage && r.live && (
                <Anchor component={Link} to={`/app/cuoc-thi/vong/${r.id}/man-hinh`} data-testid="hall-link">
                  {t('contests.hall')}
                </Anchor>
              )}
              {contest?.mine && contest.status === 'open' && !mine?.finished && (
                <Button component={Link} to={`/app/cuoc-thi/vong/${r.id}`} size="xs" data-testid="take-round">
                  {t(mine ? 'contests.continue' : 'contests.take')}
                </Button>
              )}
              {mine?.finished && (
                <Anchor component={Link} to={`/app/cuoc-thi/vong/${r.id}`}>
                  {t('contests.myResult', { correct: mine.correct })}
                </Anchor>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}

function BoardCard({ round }: { round: ContestRound }) {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: contestKeys.leaderboard(round.id),
    queryFn: () => api<Leaderboard>(`/api/contest-rounds/${round.id}/leaderboard`),
  });
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('contests.leaderboardOf', { round: round.name })}
      </Text>
      <ListState query={board} empty={t('contests.noParticipants')} isEmpty={(b) => b.rows.length === 0}>
        {(b) => (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <div>
              <Text size="sm" fw={600}>
                {t('contests.byAccuracy')}
              </Text>
              <LeaderboardTable
                board={b}
                testId={`board-${round.id}`}
                label={`${t('contests.leaderboardOf', { round: round.name })}: ${t('contests.byAccuracy')}`}
              />
            </div>
            <div>
              <Text size="sm" fw={600}>
                {t('contests.bySpeed')}
              </Text>
              <LeaderboardTable
                board={{ ...b, rows: b.fastest }}
                label={`${t('contests.leaderboardOf', { round: round.name })}: ${t('contests.bySpeed')}`}
              />
            </div>
          </SimpleGrid>
        )}
      </ListState>
    </Card>
  );
}

function Participant({ contest }: { contest: ContestDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [team, setTeam] = useState('');
  const [members, setMembers] = useState('');
  const [busy, setBusy] = useState(false);
  async function register() {
    setBusy(true);
    try {
      await api(`/api/contests/${contest.id}/registrations`, {
        method: 'POST',
        body: {
          teamName: team.trim() || null,
          members: team.trim()
            ? members
                .split('\n')
                .map((m) => m.trim())
                .filter(Boolean)
            : [],
        },
      });
      notifySuccess(t('contests.registered'));
      await client.invalidateQueries({ queryKey: contestKeys.detail(contest.id) });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {!contest.mine && contest.status === 'open' && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('contests.register')}
          </Text>
          <Stack gap="xs">
            {contest.teamMax > 1 && (
              <>
                <TextInput
                  label={t('contests.teamName')}
                  description={t('contests.teamHelp', { max: contest.teamMax })}
                  value={team}
                  onChange={(e) => setTeam(e.currentTarget.value)}
                />
                {team.trim() && (
                  <Textarea
                    label={t('contests.members')}
                    description={t('contests.membersHelp')}
                    value={members}
                    onChange={(e) => setMembers(e.currentTarget.value)}
                    autosize
                    minRows={2}
                  />
                )}
              </>
            )}
            <Group>
              <Button onClick={() => void register()} loading={busy} data-testid="contest-register">
                {t('contests.registerAction')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {contest.mine && (
        <Card withBorder data-testid="my-registration">
          <Text>{t('contests.registeredAs', { name: contest.mine.teamName ?? contest.mine.displayName })}</Text>
          {contest.mine.members.length > 0 && (
            <Text size="sm" c="dimmed">
              {contest.mine.members.join(', ')}
            </Text>
          )}
          {contest.resultsPublished && contest.mine.attempts.length > 0 && (
            <Group mt="xs">
              <Button
                component="a"
                href={`/api/contests/${contest.id}/certificate.pdf`}
                variant="light"
                data-testid="certificate"
              >
                {t('contests.certificate')}
              </Button>
            </Group>
          )}
        </Card>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('contests.rounds')}
        </Text>
        <RoundsTable rounds={contest.rounds} contest={contest} />
      </Card>
      {contest.resultsPublished && contest.mine && contest.rounds.map((r) => <BoardCard key={r.id} round={r} />)}
    </>
  );
}
