import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { CaseView, identityResponse } from '../../../contracts/cases.ts';
import { api, toApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { useFormat } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { CaseStatusBadge, FlagKindBadges, subjectLabel } from './CaseBits.tsx';
import { caseKeys } from './keys.ts';

type Identity = z.infer<typeof identityResponse>;

/** One flag case: what was flagged, its history, the rater's identity on request, and the finding. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useParams().id ?? '';
  const client = useQueryClient();
  const queryKey = caseKeys.one(id);
  const query = useQuery({
    queryKey,
    queryFn: () => api<CaseView>(`/api/cases/${encodeURIComponent(id)}`),
    retry: false,
  });
  const review = useMutation({
    mutationFn: () => api<CaseView>(`/api/cases/${id}/review`, { method: 'POST' }),
    onSuccess: (view) => client.setQueryData(queryKey, view),
  });
  const c = query.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/app/phan-anh" size="sm">
        ← {t('cases.back')}
      </Anchor>
      <PageHeader
        title={c ? t('cases.caseTitle', { number: c.number }) : t('cases.title')}
        actions={c && <CaseStatusBadge status={c.status} />}
      />
      <ListState query={query} loader="page" retry={false}>
        {(c) => (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="md">
                <Card withBorder radius="md" padding="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('cases.flagTitle')}
                  </Title>
                  <FlagKindBadges kinds={c.kinds} mb="xs" />
                  <Text size="sm">
                    <strong>{t('cases.subject')}:</strong> {subjectLabel(c, t)}
                  </Text>
                  {c.stars !== null && (
                    <Text size="sm">
                      <strong>{t('cases.stars')}:</strong> {t(`rating.levels.${c.stars}`)}
                    </Text>
                  )}
                  {c.reason && (
                    <Text size="sm" mt="xs">
                      <strong>{t('rating.reason')}:</strong> “{c.reason}”
                    </Text>
                  )}
                  <Text size="sm" mt="xs">
                    <strong>{t('cases.dueAt')}:</strong> {format.dateTime(c.dueAt)}
                    {c.overdue && (
                      <Text span c="red.8" fw={700}>
                        {' '}
                        · {t('cases.overdue')}
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">
                    <strong>{t('cases.handler')}:</strong> {t(`roles.${c.handlerRole}`)} · {c.handlerUnitCode}
                    {c.escalationLevel > 0 ? ` · ${t('cases.escalated', { level: c.escalationLevel })}` : ''}
                  </Text>
                  {c.status === 'open' && (
                    <Button
                      mt="md"
                      variant="light"
                      loading={review.isPending}
                      onClick={() => review.mutate()}
                      data-testid="case-start-review"
                    >
                      {t('cases.startReview')}
                    </Button>
                  )}
                </Card>
                {c.canRevealIdentity && (
                  <IdentityCard caseId={c.id} onViewed={() => void client.invalidateQueries({ queryKey })} />
                )}
                {c.finding ? (
                  <FindingView c={c} />
                ) : (
                  <FindingForm c={c} onSaved={(view) => client.setQueryData(queryKey, view)} />
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card withBorder radius="md" padding="md">
                <Title order={2} size="h4" mb="sm">
                  {t('cases.history')}
                </Title>
                <Timeline bulletSize={14} lineWidth={2} active={c.events.length - 1}>
                  {c.events.map((e, i) => (
                    <Timeline.Item key={i} title={t(`cases.events.${e.action}`, { defaultValue: e.action })}>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(e.at)}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
                {c.handlingStars !== null && (
                  <Text size="sm" mt="md">
                    <strong>{t('cases.handlingStars')}:</strong> {t(`rating.levels.${c.handlingStars}`)}
                  </Text>
                )}
              </Card>
            </Grid.Col>
          </Grid>
        )}
      </ListState>
    </Stack>
  );
}

/** Who raised the flag: shown only on request, and the request is logged. */
function IdentityCard({ caseId, onViewed }: { caseId: string; onViewed: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const reveal = useMutation({
    mutationFn: () => api<Identity>(`/api/cases/${caseId}/identity`, { method: 'POST' }),
    onSuccess: () => {
      setAsking(false);
      onViewed();
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('cases.identityTitle')}
      </Title>
      {reveal.data ? (
        <Stack gap={2} data-testid="case-identity">
          <Text size="sm">
            <strong>{t('rating.enterprise')}:</strong> {reveal.data.enterprise.name} ({t('common.taxCode')}{' '}
            {reveal.data.enterprise.taxCode})
          </Text>
          {reveal.data.declarant && (
            <Text size="sm">
              <strong>{t('cases.declarant')}:</strong> {reveal.data.declarant.name} ({reveal.data.declarant.taxCode})
            </Text>
          )}
          <Text size="sm">
            <strong>{t('rating.declarationNumber')}:</strong> {reveal.data.declarationNumber}
          </Text>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('cases.identityIntro')}
          </Text>
          <Button variant="default" onClick={() => setAsking(true)} data-testid="case-reveal">
            {t('cases.identityReveal')}
          </Button>
        </>
      )}
      <FormAlert failure={reveal.isError ? toApiError(reveal.error) : null} />
      <ConfirmModal
        opened={asking}
        title={t('cases.identityTitle')}
        confirmLabel={t('cases.identityReveal')}
        loading={reveal.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() => reveal.mutate()}
      >
        {t('cases.identityConfirm')}
      </ConfirmModal>
    </Card>
  );
}

function FindingView({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = c.finding!;
  const responsible = [
    f.responsibleUnitId === c.subject.unitId ? `${c.subject.unitName}` : null,
    f.responsibleOfficerId && f.responsibleOfficerId === c.subject.officerId ? c.subject.officerName : null,
  ].filter(Boolean);
  return (
    <Card withBorder radius="md" padding="md" data-testid="case-finding">
      <Title order={2} size="h4" mb="xs">
        {t('cases.findingTitle')}
      </Title>
      <Alert color={f.substantiated ? 'red' : 'green'} variant="light" mb="sm">
        {f.substantiated ? t('cases.substantiated') : t('cases.notSubstantiated')}
      </Alert>
      {responsible.length > 0 && (
        <Text size="sm">
          <strong>{t('cases.responsible')}:</strong> {responsible.join(', ')}
        </Text>
      )}
      <Text size="sm">
        <strong>{t('cases.measure')}:</strong> {f.measure}
      </Text>
      {f.note && (
        <Text size="sm">
          <strong>{t('cases.note')}:</strong> {f.note}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('cases.resolvedAt', { at: format.dateTime(f.resolvedAt) })}
      </Text>
    </Card>
  );
}

/** The finding: substantiated or not, who is responsible, and the measure taken. */
function FindingForm({ c, onSaved }: { c: CaseView; onSaved: (view: CaseView) => void }) {
  const { t } = useTranslation();
  const [substantiated, setSubstantiated] = useState<'yes' | 'no' | null>(null);
  const [responsible, setResponsible] = useState<string[]>([]);
  const [measure, setMeasure] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<CaseView>(`/api/cases/${c.id}/finding`, {
        method: 'POST',
        body: {
          substantiated: substantiated === 'yes',
          responsibleUnitId: substantiated === 'yes' && responsible.includes('unit') ? c.subject.unitId : null,
          responsibleOfficerId: substantiated === 'yes' && responsible.includes('officer') ? c.subject.officerId : null,
          measure,
          note: note.trim() || null,
        },
      }),
    onSuccess: (view) => {
      setConfirming(false);
      notifySuccess(t('cases.findingSaved'));
      onSaved(view);
    },
    onError: () => setConfirming(false),
  });
  const failure = save.isError ? toApiError(save.error) : null;
  const fieldError = (field: string) => failure?.details.find((d) => d.field === field)?.message;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="form"
      aria-labelledby="finding-title"
      onSubmit={(e) => (e.preventDefault(), setConfirming(true))}
      data-testid="finding-form"
    >
      <Title order={2} size="h4" mb="sm" id="finding-title">
        {t('cases.findingTitle')}
      </Title>
      <Stack gap="sm">
        <Radio.Group
          label={t('cases.substantiatedQuestion')}
          value={substantiated}
          onChange={(v) => setSubstantiated(v)}
          withAsterisk
        >
          <Group mt={6}>
            <Radio value="yes" label={t('cases.substantiated')} data-testid="finding-yes" />
            <Radio value="no" label={t('cases.notSubstantiated')} data-testid="finding-no" />
          </Group>
        </Radio.Group>
        {substantiated === 'yes' && (
          <Checkbox.Group
            label={t('cases.responsible')}
            value={responsible}
            onChange={setResponsible}
            error={fieldError('responsibleUnitId') ?? fieldError('responsibleOfficerId')}
          >
            <Stack gap={6} mt={6}>
              <Checkbox value="unit" label={`${t('cases.responsibleUnit')}: ${c.subject.unitName}`} />
              {c.subject.officerId && (
                <Checkbox value="officer" label={`${t('cases.responsibleOfficer')}: ${c.subject.officerName ?? ''}`} />
              )}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea
          label={t('cases.measure')}
          description={t('cases.measureHint')}
          withAsterisk
          value={measure}
          maxLength={2000}
          autosize
          minRows={3}
          onChange={(e) => setMeasure(e.currentTarget.value)}
          error={fieldError('measure')}
          data-testid="finding-measure"
        />
        <Textarea
          label={t('cases.note')}
          value={note}
          maxLength={4000}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <FormAlert failure={failure} shownFields={['measure', 'responsibleUnitId', 'responsibleOfficerId']} />
        <Group justify="flex-end">
          <Button type="submit" disabled={substantiated === null} data-testid="finding-submit">
            {t('cases.findingSubmit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('cases.findingTitle')}
        confirmLabel={t('cases.findingSubmit')}
        loading={save.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => save.mutate()}
      >
        {t('cases.findingConfirm')}
      </ConfirmModal>
    </Card>
  );
}
