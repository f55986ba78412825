import { Button, Card, Group, Radio, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestDetail } from '../../../contracts/contests.ts';
import { QA_CATEGORIES, type QaCategory, type SearchResponse } from '../../../contracts/questions.ts';
import { api } from '../../app/api.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { notifyError } from '../../lib/notify.ts';

const EMPTY = ['', '', '', ''];

/** Writes a question, or draws it from a question-bank entry (its source and legal basis kept). */
export function QuestionForm({ contestId, onSaved }: { contestId: string; onSaved: (c: ContestDetail) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResponse['items']>([]);
  const [entry, setEntry] = useState<{ id: string; number: number } | null>(null);
  const [text, setText] = useState('');
  const [topic, setTopic] = useState<QaCategory>('procedures');
  const [difficulty, setDifficulty] = useState('2');
  const [choices, setChoices] = useState<string[]>(EMPTY);
  const [correct, setCorrect] = useState('0');
  const [legalBasis, setLegalBasis] = useState('');
  const [explanation, setExplanation] = useState('');
  const [busy, setBusy] = useState(false);

  async function search() {
    try {
      setHits((await api<SearchResponse>('/api/questions', { query: { q: query, limit: 8 } })).items);
    } catch (error) {
      notifyError(error);
    }
  }

  function use(hit: SearchResponse['items'][number]) {
    setEntry({ id: hit.id, number: hit.number });
    setText(hit.title);
    setTopic(hit.category);
    setHits([]);
  }

  async function save() {
    setBusy(true);
    try {
      const saved = await api<ContestDetail>(`/api/contests/${contestId}/questions`, {
        method: 'POST',
        body: {
          topic,
          difficulty: Number(difficulty),
          text: { vi: text, en: '' },
          choices: choices.filter((c) => c.trim()),
          correct: Number(correct),
          legalBasis,
          explanation,
          sourceEntryId: entry?.id ?? null,
        },
      });
      onSaved(saved);
      setEntry(null);
      setText('');
      setChoices(EMPTY);
      setCorrect('0');
      setLegalBasis('');
      setExplanation('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('contests.addQuestion')}
      </Text>
      <Stack gap="xs">
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('contests.fromBank')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
            data-testid="bank-search"
          />
          <Button variant="light" onClick={() => void search()} disabled={!query.trim()} data-testid="bank-search-go">
            {t('contests.search')}
          </Button>
        </Group>
        {hits.length > 0 && (
          <ListTable
            label={t('contests.fromBank')}
            minWidth={320}
            columns={['#', t('contests.question'), t('common.actions')]}
          >
            {hits.map((hit) => (
              <Table.Tr key={hit.id}>
                <Table.Td>{hit.number}</Table.Td>
                <Table.Td>{hit.title}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => use(hit)} data-testid="bank-use">
                    {t('contests.use')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
        {entry && (
          <Text size="sm" data-testid="question-source">
            {t('contests.source', { number: entry.number })}
          </Text>
        )}
        <Textarea
          label={t('contests.question')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          data-testid="question-text"
        />
        <Group grow wrap="wrap">
          <Select
            label={t('contests.topic')}
            value={topic}
            allowDeselect={false}
            onChange={(v) => v && setTopic(v)}
            data={QA_CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))}
          />
          <Select
            label={t('contests.difficulty')}
            value={difficulty}
            allowDeselect={false}
            onChange={(v) => v && setDifficulty(v)}
            data={['1', '2', '3'].map((d) => ({ value: d, label: t(`contests.difficulties.${d}`) }))}
          />
        </Group>
        <Radio.Group label={t('contests.choicesAndCorrect')} value={correct} onChange={setCorrect}>
          <Stack gap={6} mt={4}>
            {choices.map((choice, i) => (
              <Group key={i} wrap="nowrap">
                <Radio value={String(i)} aria-label={t('contests.markCorrect', { n: i + 1 })} />
                <TextInput
                  aria-label={t('contests.choiceN', { n: i + 1 })}
                  value={choice}
                  style={{ flex: 1 }}
                  data-testid={`choice-${i}`}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setChoices((all) => all.map((c, j) => (j === i ? value : c)));
                  }}
                />
              </Group>
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('contests.legalBasis')}
          description={entry ? t('contests.legalBasisFromEntry') : undefined}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.currentTarget.value)}
        />
        <Textarea
          label={t('contests.explanation')}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
          autosize
        />
        <Group>
          <Button
            onClick={() => void save()}
            loading={busy}
            disabled={!text.trim() || choices.filter((c) => c.trim()).length < 2}
            data-testid="question-save"
          >
            {t('contests.saveQuestion')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
