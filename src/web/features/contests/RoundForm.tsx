import { Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestDetail } from '../../../contracts/contests.ts';
import { QA_CATEGORIES } from '../../../contracts/questions.ts';
import { addDays, vietnamDay, vietnamDateTime } from '../../../contracts/vietnam-time.ts';
import { api } from '../../app/api.ts';
import { notifyError } from '../../lib/notify.ts';

/** A round: an online round over days, or a final at a set time (optionally live in a hall). */
export function RoundForm({ contestId, onSaved }: { contestId: string; onSaved: (c: ContestDetail) => void }) {
  const { t } = useTranslation();
  const today = vietnamDay(new Date());
  const [kind, setKind] = useState<'online' | 'final'>('online');
  const [name, setName] = useState('');
  const [opens, setOpens] = useState(`${addDays(today, -1)}T08:00`);
  const [closes, setCloses] = useState(`${addDays(today, 7)}T17:00`);
  const [live, setLive] = useState(true);
  const [count, setCount] = useState<number | string>(5);
  const [secondsPer, setSecondsPer] = useState<number | string>(20);
  const [topics, setTopics] = useState<string[]>([]);
  const [difficulties, setDifficulties] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    try {
      onSaved(
        await api<ContestDetail>(`/api/contests/${contestId}/rounds`, {
          method: 'POST',
          body: {
            kind,
            name,
            opensAt: vietnamDateTime(opens.slice(0, 10), opens.slice(11, 16)),
            closesAt: vietnamDateTime(closes.slice(0, 10), closes.slice(11, 16)),
            live: kind === 'final' && live,
            questionCount: Number(count),
            secondsPerQuestion: Number(secondsPer),
            topics,
            difficulties: difficulties.map(Number),
          },
        }),
      );
      setName('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('contests.addRound')}
      </Text>
      <Stack gap="xs">
        <Group grow wrap="wrap">
          <Select
            label={t('contests.roundKind')}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v)}
            data={[
              { value: 'online', label: t('contests.kinds.online') },
              { value: 'final', label: t('contests.kinds.final') },
            ]}
          />
          <TextInput
            label={t('contests.roundName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="round-name"
          />
        </Group>
        <Group grow wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t('contests.opensAt')}
            value={opens}
            onChange={(e) => setOpens(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('contests.closesAt')}
            value={closes}
            onChange={(e) => setCloses(e.currentTarget.value)}
          />
        </Group>
        {kind === 'final' && (
          <Checkbox label={t('contests.live')} checked={live} onChange={(e) => setLive(e.currentTarget.checked)} />
        )}
        <Group grow wrap="wrap">
          <NumberInput
            label={t('contests.questionCount')}
            min={1}
            max={50}
            value={count}
            onChange={setCount}
            data-testid="round-count"
          />
          <NumberInput
            label={t('contests.secondsPerQuestion')}
            min={5}
            max={300}
            value={secondsPer}
            onChange={setSecondsPer}
          />
        </Group>
        <Group grow wrap="wrap">
          <MultiSelect
            label={t('contests.topics')}
            placeholder={t('contests.allTopics')}
            value={topics}
            onChange={setTopics}
            data={QA_CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))}
          />
          <MultiSelect
            label={t('contests.difficulty')}
            placeholder={t('contests.allDifficulties')}
            value={difficulties}
            onChange={setDifficulties}
            data={['1', '2', '3'].map((d) => ({ value: d, label: t(`contests.difficulties.${d}`) }))}
          />
        </Group>
        <Group>
          <Button onClick={() => void save()} loading={busy} disabled={!name.trim()} data-testid="round-save">
            {t('contests.saveRound')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
