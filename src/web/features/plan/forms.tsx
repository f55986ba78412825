// The plan's forms: a new target, branch assignment, a reported value, a new activity, adoption.
import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDefinition } from '../../../contracts/measures.ts';
import { PLAN_CONTENTS, type PlanDetail, type PlanTarget, type PlanUnitRef } from '../../../contracts/plan.ts';
import { api } from '../../app/api.ts';
import { notifyError } from '../../lib/notify.ts';

type Send = (path: string, body: object, method?: 'POST' | 'PATCH') => Promise<void>;

const LEVELS = ['general_department', 'department', 'branch', 'team'] as const;

export function TargetForm({ plan, send }: { plan: PlanDetail; send: Send }) {
  const { t, i18n } = useTranslation();
  const measures = useQuery({ queryKey: ['measures'], queryFn: () => api<MeasureDefinition[]>('/api/measures') });
  const [content, setContent] = useState<string>('cooperation');
  const [goal, setGoal] = useState('');
  const [title, setTitle] = useState('');
  const [measure, setMeasure] = useState<string | null>(null);
  const [value, setValue] = useState<number | string>('');
  const [deadline, setDeadline] = useState(`${String(plan.year)}-12-31`);
  const [level, setLevel] = useState<string>(plan.unit.kind);
  const name = (m: MeasureDefinition) => (i18n.language === 'en' ? m.name.en : m.name.vi);
  return (
    <Card withBorder className="no-print">
      <Title order={2} size="h4" mb="sm">
        {t('plan.addTarget')}
      </Title>
      <Stack gap="xs">
        <Group grow>
          <Select
            label={t('plan.content')}
            data={PLAN_CONTENTS.map((c) => ({ value: c, label: t(`plan.contents.${c}`) }))}
            value={content}
            onChange={(v) => setContent(v ?? 'cooperation')}
            allowDeselect={false}
          />
          <Select
            label={t('plan.level')}
            data={LEVELS.map((l) => ({ value: l, label: t(`unitKinds.${l}`) }))}
            value={level}
            onChange={(v) => setLevel(v ?? plan.unit.kind)}
            allowDeselect={false}
          />
        </Group>
        <TextInput label={t('plan.goal')} value={goal} onChange={(e) => setGoal(e.currentTarget.value)} />
        <TextInput
          label={t('plan.targetTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="target-title"
        />
        <Select
          label={t('plan.measure')}
          data={[
            ...(measures.data ?? []).map((m) => ({ value: m.code, label: name(m) })),
            { value: 'manual', label: t('plan.manual') },
          ]}
          value={measure}
          onChange={setMeasure}
          searchable
          data-testid="target-measure"
        />
        <Group grow>
          <NumberInput label={t('plan.value')} value={value} onChange={setValue} min={0} data-testid="target-value" />
          <TextInput
            label={t('plan.deadline')}
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button
            data-testid="target-add"
            onClick={() =>
              void send(`/api/plans/${plan.id}/targets`, {
                content,
                goal,
                title,
                ...(measure && { measure }),
                value: typeof value === 'number' ? value : Number(value),
                deadline,
                level,
              })
            }
          >
            {t('plan.addTarget')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function AssignForm({ target, units, send }: { target: PlanTarget; units: PlanUnitRef[]; send: Send }) {
  const { t } = useTranslation();
  const eligible = units.filter((u) => u.kind === target.level);
  const [values, setValues] = useState<Record<string, number | string>>(
    Object.fromEntries(
      eligible.map((u) => [u.id, target.assigned.find((a) => a.unit.id === u.id)?.value ?? target.value]),
    ),
  );
  if (eligible.length === 0) return null;
  return (
    <Stack gap={4} className="no-print">
      <Text size="sm" fw={600}>
        {t('plan.assign')}
      </Text>
      <Group gap="xs" align="flex-end">
        {eligible.map((u) => (
          <NumberInput
            key={u.id}
            label={u.code}
            value={values[u.id]}
            onChange={(v) => setValues({ ...values, [u.id]: v })}
            min={0}
            w={110}
            data-testid={`assign-${u.code}`}
          />
        ))}
        <Button
          size="xs"
          data-testid={`assign-save-${target.id}`}
          onClick={() =>
            void send(`/api/plan-targets/${target.id}/assignments`, {
              assignments: eligible.map((u) => ({ unitId: u.id, value: Number(values[u.id]) })),
            })
          }
        >
          {t('plan.assignSave')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ReportForm({ target, send }: { target: PlanTarget; send: Send }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>('');
  const [evidence, setEvidence] = useState('');
  return (
    <Group gap="xs" align="flex-end" className="no-print">
      <NumberInput label={t('plan.reportValue')} value={value} onChange={setValue} min={0} w={120} />
      <Textarea
        label={t('plan.evidence')}
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        autosize
        minRows={1}
        style={{ flex: '1 1 220px' }}
      />
      <Button
        size="xs"
        onClick={() => void send(`/api/plan-targets/${target.id}/reports`, { value: Number(value), evidence })}
      >
        {t('plan.report')}
      </Button>
    </Group>
  );
}

export function ActivityForm({ plan, send }: { plan: PlanDetail; send: Send }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [content, setContent] = useState<string>('consultation');
  const [startsOn, setStartsOn] = useState(`${String(plan.year)}-05-01`);
  const [endsOn, setEndsOn] = useState(`${String(plan.year)}-05-01`);
  return (
    <Group gap="xs" align="flex-end" className="no-print">
      <Select
        label={t('plan.content')}
        data={PLAN_CONTENTS.map((c) => ({ value: c, label: t(`plan.contents.${c}`) }))}
        value={content}
        onChange={(v) => setContent(v ?? 'consultation')}
        allowDeselect={false}
        w={150}
      />
      <TextInput
        label={t('plan.activity')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        style={{ flex: '1 1 200px' }}
      />
      <TextInput label={t('plan.owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} w={160} />
      <TextInput
        label={t('plan.startsOn')}
        type="date"
        value={startsOn}
        onChange={(e) => setStartsOn(e.currentTarget.value)}
        w={150}
      />
      <TextInput
        label={t('plan.endsOn')}
        type="date"
        value={endsOn}
        onChange={(e) => setEndsOn(e.currentTarget.value)}
        w={150}
      />
      <Button
        onClick={() =>
          void send(`/api/plans/${plan.id}/activities`, { content, title, ownerName: owner, startsOn, endsOn })
        }
      >
        {t('plan.addActivity')}
      </Button>
    </Group>
  );
}

/** A department (or branch) adopts the published plan above it, with its own values. */
export function AdoptForm({
  plan,
  unit,
  onAdopted,
}: {
  plan: PlanDetail;
  unit: PlanUnitRef;
  onAdopted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const applicable = plan.targets_.filter((tg) => tg.level !== plan.unit.kind);
  const [values, setValues] = useState<Record<string, number | string>>(
    Object.fromEntries(applicable.map((tg) => [tg.id, tg.value])),
  );
  async function adopt() {
    try {
      const adopted = await api<PlanDetail>(`/api/plans/${plan.id}/adoptions`, {
        method: 'POST',
        body: {
          unitId: unit.id,
          targets: applicable.map((tg) => ({ sourceTargetId: tg.id, value: Number(values[tg.id]) })),
        },
      });
      onAdopted(adopted.id);
    } catch (error) {
      notifyError(error);
    }
  }
  return (
    <Card withBorder className="no-print">
      <Title order={2} size="h4" mb="xs">
        {t('plan.adoptTitle', { unit: unit.name })}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('plan.adoptHelp')}
      </Text>
      <Stack gap={4}>
        {applicable.map((tg) => (
          <Group key={tg.id} justify="space-between" wrap="nowrap">
            <Text size="sm">{tg.title}</Text>
            <NumberInput
              aria-label={tg.title}
              value={values[tg.id]}
              onChange={(v) => setValues({ ...values, [tg.id]: v })}
              min={0}
              w={110}
            />
          </Group>
        ))}
      </Stack>
      <Button mt="sm" onClick={() => void adopt()} data-testid="plan-adopt">
        {t('plan.adopt')}
      </Button>
    </Card>
  );
}
