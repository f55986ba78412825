import {
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ParticipationView, SurveyDefinition, SurveyDetail } from '../../../contracts/surveys.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { AnswerFormView } from './AnswerForm.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { STATUS_COLORS } from './SurveysPage.tsx';
import { surveyKeys } from './keys.ts';
import { newQuestion } from './starter.ts';

/** The owner's page of a survey: build it, preview it on a phone, target, open, remind, close; who answered. */
export default function SurveyPage() {
  const { id = '' } = useParams();
  const survey = useQuery({ queryKey: surveyKeys.detail(id), queryFn: () => api<SurveyDetail>(`/api/surveys/${id}`) });
  if (survey.error) return <QueryError error={survey.error} />;
  if (survey.isPending) return <PageLoader />;
  // Keyed on the version: a saved form starts the editor again from what the server holds.
  return <SurveyView key={`${survey.data.version}-${survey.data.status}`} data={survey.data} />;
}

function SurveyView({ data }: { data: SurveyDetail }) {
  const { t } = useTranslation();
  const id = data.id;
  const client = useQueryClient();
  const participation = useQuery({
    queryKey: surveyKeys.participation(id),
    queryFn: () => api<ParticipationView>(`/api/surveys/${id}/participation`),
  });
  const [definition, setDefinition] = useState<SurveyDefinition>(data.definition);
  const [title, setTitle] = useState(data.title);
  const locked = data.frozen || data.status === 'closed';
  const refresh = () => client.invalidateQueries({ queryKey: surveyKeys.all });

  async function act(path: string, body?: object, done?: string) {
    try {
      await api(`/api/surveys/${id}${path}`, { method: path ? 'POST' : 'PUT', body });
      if (done) notifySuccess(done);
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  }
  const save = () =>
    act(
      '',
      {
        ownerUnitId: data.ownerUnitId,
        title,
        description: data.description,
        closesOn: data.closesOn,
        definition,
      },
      t('surveys.saved'),
    );
  const all = definition.sections.flatMap((s) => s.questions);

  return (
    <>
      <PageHeader
        title={title.vi || data.title.vi}
        description={
          <Group gap="xs">
            <Badge color={STATUS_COLORS[data.status]}>{t(`surveys.status.${data.status}`)}</Badge>
            {data.frozen && <Badge color="gray">{t('surveys.frozen')}</Badge>}
            <Text span size="sm">
              {data.ownerUnitName} · {data.answered} / {data.invited}
            </Text>
          </Group>
        }
        actions={
          <>
            {data.status === 'draft' && (
              <Button onClick={() => void act('/open', undefined, t('surveys.opened'))} data-testid="survey-open">
                {t('surveys.open')}
              </Button>
            )}
            {data.status === 'open' && (
              <>
                <Button variant="default" onClick={() => void act('/remind', undefined, t('surveys.reminded'))}>
                  {t('surveys.remind')}
                </Button>
                <Button
                  color="red"
                  onClick={() => void act('/close', undefined, t('surveys.closed'))}
                  data-testid="survey-close"
                >
                  {t('surveys.close')}
                </Button>
              </>
            )}
            {data.status === 'closed' && (
              <Button component={Link} to={`/app/khao-sat/${id}/ket-qua`} data-testid="survey-results">
                {t('surveys.results')}
              </Button>
            )}
          </>
        }
      />
      <Tabs defaultValue="build" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="build">{t('surveys.tabs.build')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('surveys.tabs.preview')}</Tabs.Tab>
          <Tabs.Tab value="targets">{t('surveys.tabs.targets')}</Tabs.Tab>
          <Tabs.Tab value="participation">{t('surveys.tabs.participation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="build">
          <Stack>
            <Group grow>
              <TextInput
                label={t('surveys.editor.titleVi')}
                value={title.vi}
                disabled={locked}
                onChange={(e) => setTitle({ ...title, vi: e.currentTarget.value })}
              />
              <TextInput
                label={t('surveys.editor.titleEn')}
                value={title.en}
                disabled={locked}
                onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })}
              />
            </Group>
            {definition.sections.map((section, s) => (
              <Card key={section.key} withBorder component="section">
                <TextInput
                  label={t('surveys.editor.section')}
                  value={section.title.vi}
                  disabled={locked}
                  mb="sm"
                  onChange={(e) => {
                    const sections = [...definition.sections];
                    sections[s] = { ...section, title: { ...section.title, vi: e.currentTarget.value } };
                    setDefinition({ sections });
                  }}
                />
                <Stack gap="sm">
                  {section.questions.map((question, q) => (
                    <QuestionEditor
                      key={`${s}-${q}`}
                      question={question}
                      earlier={all.slice(0, all.indexOf(question))}
                      disabled={locked}
                      onChange={(changed) => {
                        const sections = [...definition.sections];
                        const questions = [...section.questions];
                        questions[q] = changed;
                        sections[s] = { ...section, questions };
                        setDefinition({ sections });
                      }}
                      onRemove={() => {
                        const sections = [...definition.sections];
                        sections[s] = { ...section, questions: section.questions.filter((_, i) => i !== q) };
                        setDefinition({ sections });
                      }}
                    />
                  ))}
                </Stack>
                <Button
                  variant="light"
                  mt="sm"
                  disabled={locked}
                  data-testid={`add-question-${s}`}
                  onClick={() => {
                    const sections = [...definition.sections];
                    sections[s] = { ...section, questions: [...section.questions, newQuestion(all.map((x) => x.key))] };
                    setDefinition({ sections });
                  }}
                >
                  {t('surveys.editor.addQuestion')}
                </Button>
              </Card>
            ))}
            <Group>
              <Button
                variant="default"
                disabled={locked}
                onClick={() =>
                  setDefinition({
                    sections: [
                      ...definition.sections,
                      {
                        key: `phan_${definition.sections.length + 1}`,
                        title: { vi: t('surveys.editor.newSection'), en: '' },
                        questions: [newQuestion(all.map((x) => x.key))],
                      },
                    ],
                  })
                }
              >
                {t('surveys.editor.addSection')}
              </Button>
              <Button onClick={() => void save()} disabled={locked} data-testid="survey-save-form">
                {t('surveys.editor.save')}
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <Text size="sm" c="dimmed" mb="sm">
            {t('surveys.previewHelp')}
          </Text>
          <Box
            w={375}
            maw="100%"
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 16 }}
            data-testid="survey-preview"
          >
            <AnswerFormView
              form={{
                surveyId: id,
                invitationId: null,
                title,
                description: data.description,
                status: 'open',
                answered: false,
                closesOn: data.closesOn,
                branches: [
                  { id: '00000000-0000-0000-0000-000000000001', code: '03NK', name: t('surveys.exampleBranch') },
                ],
                definition,
                draft: {},
              }}
            />
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <Targeting survey={data} onDone={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="participation">
          {participation.error && <QueryError error={participation.error} />}
          {participation.data && (
            <Stack>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.stratum')}</Table.Th>
                    <Table.Th>{t('surveys.invited')}</Table.Th>
                    <Table.Th>{t('surveys.answeredCount')}</Table.Th>
                    <Table.Th>{t('surveys.rate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {participation.data.strata.map((row) => (
                    <Table.Tr key={row.stratum}>
                      <Table.Td>{row.stratum}</Table.Td>
                      <Table.Td>{row.invited}</Table.Td>
                      <Table.Td>{row.answered}</Table.Td>
                      <Table.Td>{row.invited ? Math.round((100 * row.answered) / row.invited) : 0} %</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm" c="dimmed">
                {t('surveys.whoAnsweredHelp')}
              </Text>
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Targeting({ survey, onDone }: { survey: SurveyDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [mode, setMode] = useState<'all' | 'list' | 'sample'>('sample');
  const [csv, setCsv] = useState('');
  const [branches, setBranches] = useState<string[]>([]);
  const [branch, setBranch] = useState<string | null>(null);
  const [from, setFrom] = useState('2026-01-01');
  const [to, setTo] = useState('2026-11-30');
  const [byVolume, setByVolume] = useState(true);
  const [perStratum, setPerStratum] = useState<number>(50);
  const disabled = survey.status !== 'draft';
  async function submit() {
    const body =
      mode === 'all'
        ? { mode }
        : mode === 'list'
          ? { mode, csv }
          : { mode, branchIds: branches, from, to, byVolume, perStratum };
    try {
      await api(`/api/surveys/${survey.id}/targeting`, { method: 'POST', body });
      notifySuccess(t('surveys.targeted'));
      await onDone();
    } catch (error) {
      notifyError(error);
    }
  }
  return (
    <Stack maw={640}>
      <Title order={2} size="h4">
        {t('surveys.targeting.title')}
      </Title>
      {survey.targeting && (
        <Text size="sm">{t('surveys.targeting.current', { label: survey.targeting, n: survey.invited })}</Text>
      )}
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v)}
        disabled={disabled}
        data={[
          { value: 'sample', label: t('surveys.targeting.sample') },
          { value: 'list', label: t('surveys.targeting.list') },
          { value: 'all', label: t('surveys.targeting.all') },
        ]}
      />
      {mode === 'list' && (
        <Textarea
          label={t('surveys.targeting.csv')}
          description={t('surveys.targeting.csvHelp')}
          autosize
          minRows={4}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
        />
      )}
      {mode === 'sample' && (
        <>
          <Group align="flex-end">
            <UnitSelect
              index={units.data}
              kinds={['branch']}
              label={t('surveys.targeting.branch')}
              value={branch}
              onChange={(v) => {
                setBranch(null);
                if (v && !branches.includes(v)) setBranches([...branches, v]);
              }}
              testId="targeting-branch"
            />
          </Group>
          <Group gap="xs">
            {branches.map((b) => (
              <Badge key={b} variant="light" onClick={() => setBranches(branches.filter((x) => x !== b))}>
                {units.data?.byId.get(b)?.code ?? b} ×
              </Badge>
            ))}
          </Group>
          <Group grow>
            <TextInput
              label={t('surveys.targeting.from')}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              label={t('surveys.targeting.to')}
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </Group>
          <Checkbox
            label={t('surveys.targeting.byVolume')}
            checked={byVolume}
            onChange={(e) => setByVolume(e.currentTarget.checked)}
          />
          <NumberInput
            label={t('surveys.targeting.perStratum')}
            value={perStratum}
            min={1}
            onChange={(v) => setPerStratum(typeof v === 'number' ? v : 1)}
          />
        </>
      )}
      <Group>
        <Button onClick={() => void submit()} disabled={disabled} data-testid="survey-target">
          {t('surveys.targeting.apply')}
        </Button>
      </Group>
    </Stack>
  );
}
