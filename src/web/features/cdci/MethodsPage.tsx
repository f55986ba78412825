// Staff: the department's index methods (every version), a new version from the
// Quảng Ninh template or an imported JSON document, the Department's scores,
// computation, publication.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { quangNinhMethod } from '../../../contracts/cdci-example.ts';
import type { MethodVersionView, ResultView } from '../../../contracts/cdci.ts';
import type { SurveySummary } from '../../../contracts/surveys.ts';
import { api, toApiError, type ApiError } from '../../app/api.ts';
import { FormAlert, QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { cdciKeys } from './keys.ts';
import { RankingTable, useLabel } from './parts.tsx';

const template = () =>
  JSON.stringify(
    quangNinhMethod({ uncertainty: { bootstrap: 1000, sensitivity: 1000, weightNoise: 0.25, seed: 2026 } }),
    null,
    2,
  );

function NewMethod({ onSaved }: { onSaved: (m: MethodVersionView) => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [text, setText] = useState(template);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const surveys = useQuery({ queryKey: ['surveys', 'list'], queryFn: () => api<SurveySummary[]>('/api/surveys') });

  async function save() {
    setFailure(null);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      setFailure(toApiError(new Error(t('cdci.methods.badJson'))));
      return;
    }
    // An exported document (with departmentId, year, surveyId and method) is imported as it is.
    const imported = (document as { method?: unknown }).method ? (document as Record<string, unknown>) : null;
    try {
      const saved = await api<MethodVersionView>('/api/cdci/methods', {
        method: 'POST',
        body: imported
          ? { departmentId, year: Number(year), surveyId, ...imported }
          : { departmentId, year: Number(year), surveyId, method: document },
      });
      notifySuccess(t('cdci.methods.saved', { version: saved.version }));
      onSaved(saved);
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="cdci-new-title">
      <Title order={2} size="h4" id="cdci-new-title" mb="sm">
        {t('cdci.methods.new')}
      </Title>
      <Stack>
        <FormAlert failure={failure} />
        <Group grow align="flex-start">
          <UnitSelect
            index={units.data}
            kinds={['department']}
            label={t('cdci.methods.department')}
            value={departmentId}
            onChange={setDepartmentId}
            testId="cdci-department"
          />
          <NumberInput label={t('cdci.methods.year')} value={year} onChange={setYear} min={2000} max={2100} />
          <Select
            label={t('cdci.methods.survey')}
            data={(surveys.data ?? []).map((s) => ({ value: s.id, label: `${s.title.vi} (${s.ownerUnitName})` }))}
            value={surveyId}
            onChange={setSurveyId}
            clearable
            data-testid="cdci-survey"
          />
        </Group>
        <Textarea
          label={t('cdci.methods.document')}
          description={t('cdci.methods.documentHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={8}
          maxRows={20}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          data-testid="cdci-document"
        />
        <Group>
          <Button onClick={() => void save()} data-testid="cdci-save">
            {t('cdci.methods.save')}
          </Button>
          <Button variant="default" onClick={() => setText(template())}>
            {t('cdci.methods.template')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function MethodDetail({ method }: { method: MethodVersionView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('unit,indicator,value\n');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useQuery({
    queryKey: cdciKeys.result(method.id),
    queryFn: () => api<ResultView | null>(`/api/cdci/methods/${method.id}/result`),
  });
  const draft = method.status === 'draft';

  async function run(action: () => Promise<unknown>, done: string) {
    setFailure(null);
    setBusy(true);
    try {
      await action();
      notifySuccess(done);
      await queryClient.invalidateQueries({ queryKey: cdciKeys.all });
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="cdci-detail-title" data-testid="cdci-detail">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="cdci-detail-title">
          {t('cdci.methods.detail', { department: method.departmentName, year: method.year, version: method.version })}
        </Title>
        <Badge color={draft ? 'gray' : 'green.9'} data-testid="cdci-status">
          {t(`cdci.status.${method.status}`)}
        </Badge>
      </Group>
      <Stack>
        <FormAlert failure={failure} />
        <Group>
          <Anchor href={`/api/cdci/methods/${method.id}/document`} target="_blank">
            {t('cdci.methods.export')}
          </Anchor>
          {!draft && (
            <Anchor component={Link} to={`/chi-so/${method.id}`}>
              {t('cdci.methods.publicPage')}
            </Anchor>
          )}
        </Group>
        {draft && (
          <>
            <Textarea
              label={t('cdci.methods.scores')}
              description={t('cdci.methods.scoresHelp')}
              value={csv}
              onChange={(e) => setCsv(e.currentTarget.value)}
              autosize
              minRows={3}
              data-testid="cdci-scores"
            />
            <Group>
              <Button
                variant="default"
                loading={busy}
                onClick={() =>
                  void run(
                    () => api(`/api/cdci/methods/${method.id}/department-scores`, { method: 'PUT', body: { csv } }),
                    t('cdci.methods.scoresSaved'),
                  )
                }
                data-testid="cdci-upload"
              >
                {t('cdci.methods.upload')}
              </Button>
              <Button
                loading={busy}
                onClick={() =>
                  void run(
                    () => api(`/api/cdci/methods/${method.id}/compute`, { method: 'POST' }),
                    t('cdci.methods.computed'),
                  )
                }
                data-testid="cdci-compute"
              >
                {t('cdci.methods.compute')}
              </Button>
              {result.data && (
                <Button
                  color="green.9"
                  loading={busy}
                  onClick={() =>
                    void run(
                      () =>
                        api(`/api/cdci/methods/${method.id}/publish`, {
                          method: 'POST',
                          body: { resultId: result.data!.id },
                        }),
                      t('cdci.methods.published'),
                    )
                  }
                  data-testid="cdci-publish"
                >
                  {t('cdci.methods.publish')}
                </Button>
              )}
            </Group>
          </>
        )}
        {result.error && <QueryError error={result.error} />}
        {result.data ? (
          <>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('cdci.methods.resultOf', {
                  at: new Date(result.data.computedAt).toLocaleString(),
                  seed: result.data.seed,
                })}
              </Text>
              <Button
                variant="subtle"
                size="xs"
                onClick={() =>
                  void api<{ same: boolean }>(`/api/cdci/results/${result.data!.id}/verify`, { method: 'POST' })
                    .then((v) => notifySuccess(v.same ? t('cdci.methods.same') : t('cdci.methods.different')))
                    .catch(notifyError)
                }
                data-testid="cdci-verify"
              >
                {t('cdci.methods.verify')}
              </Button>
            </Group>
            <RankingTable result={result.data} method={method.method} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cdci.methods.noResult')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export default function MethodsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({ queryKey: cdciKeys.methods, queryFn: () => api<MethodVersionView[]>('/api/cdci/methods') });
  const current = list.data?.find((m) => m.id === selected) ?? null;
  return (
    <>
      <PageHeader
        title={t('cdci.methods.title')}
        description={t('cdci.methods.intro')}
        actions={
          <Button component={Link} to="/app/chi-so/thu-nghiem" variant="default">
            {t('cdci.sandbox.title')}
          </Button>
        }
      />
      <Stack gap="lg">
        {list.error && <QueryError error={list.error} />}
        {list.data && list.data.length > 0 && (
          <ScrollTable label={t('cdci.methods.list')} minWidth={600}>
            <Table data-testid="cdci-methods">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cdci.methods.department')}</Table.Th>
                  <Table.Th scope="col">{t('cdci.methods.year')}</Table.Th>
                  <Table.Th scope="col">{t('cdci.methods.version')}</Table.Th>
                  <Table.Th scope="col">{t('cdci.methods.name')}</Table.Th>
                  <Table.Th scope="col">{t('cdci.methods.statusTitle')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.departmentName}</Table.Td>
                    <Table.Td>{m.year}</Table.Td>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => setSelected(m.id)}>
                        {t('cdci.methods.versionN', { version: m.version })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{label(m.method.name)}</Table.Td>
                    <Table.Td>{t(`cdci.status.${m.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {current && <MethodDetail key={current.id} method={current} />}
        <NewMethod
          onSaved={(m) => {
            void queryClient.invalidateQueries({ queryKey: cdciKeys.methods });
            setSelected(m.id);
          }}
        />
      </Stack>
    </>
  );
}
