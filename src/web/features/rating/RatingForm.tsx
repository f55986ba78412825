import { Accordion, Badge, Button, Card, Checkbox, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentInput, AssessmentView, FlagKind, RatingPage } from '../../../contracts/assessments.ts';
import { api, toApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { FormAlert } from '../../components/Feedback.tsx';
import { LevelPicker } from './LevelPicker.tsx';
import { FLAGS, isLevel, type Level } from './levels.ts';
import { DARK_ORANGE } from '../../lib/colors.ts';

type Participant = RatingPage['participants'][number];
interface SubjectDraft {
  stars: Level | null;
  /** Set by the business for this subject; the overall level no longer overrides it. */
  own: boolean;
  reason: string;
  flags: FlagKind[];
}

const keyOf = (p: { kind: string; ref: string }) => `${p.kind}:${p.ref}`;

function initialDrafts(participants: Participant[], sent: AssessmentView | null): Record<string, SubjectDraft> {
  const drafts: Record<string, SubjectDraft> = {};
  for (const p of participants) {
    const previous = sent?.subjects.find((s) => keyOf(s) === keyOf(p));
    drafts[keyOf(p)] =
      previous && isLevel(previous.stars)
        ? { stars: previous.stars, own: true, reason: previous.reason ?? '', flags: [...previous.flags] }
        : { stars: null, own: false, reason: '', flags: [] };
  }
  return drafts;
}

/**
 * The shortest path is three taps: one level for everything, send, confirm.
 * Each subject (branch, team, stage, officer) can be rated on its own, with a
 * reason and flags, under "rate each part".
 */
export function RatingForm({
  page,
  path,
  sent,
  onDone,
  onCancel,
}: {
  page: RatingPage;
  path: string;
  sent: AssessmentView | null;
  onDone: (view: AssessmentView) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [overall, setOverall] = useState<Level | null>(null);
  const [drafts, setDrafts] = useState(() => initialDrafts(page.participants, sent));
  const [comment, setComment] = useState(sent?.comment ?? '');
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);

  const body: AssessmentInput = {
    subjects: page.participants
      .map((p) => ({ p, d: drafts[keyOf(p)] }))
      .filter((x): x is { p: Participant; d: SubjectDraft & { stars: Level } } => x.d?.stars != null)
      .map(({ p, d }) => ({
        kind: p.kind,
        ref: p.ref,
        stars: d.stars,
        ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
        ...(d.flags.length ? { flags: d.flags } : {}),
      })),
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  };

  const send = useMutation({
    mutationFn: () => api<AssessmentView>(path, { method: sent ? 'PATCH' : 'POST', body }),
    onSuccess: (view) => {
      setConfirming(false);
      onDone(view);
    },
    onError: () => setConfirming(false),
  });

  const chooseOverall = (level: Level) => {
    setOverall(level);
    setMissing(false);
    setDrafts((current) =>
      Object.fromEntries(Object.entries(current).map(([k, d]) => [k, d.own ? d : { ...d, stars: level }])),
    );
  };
  const update = (key: string, change: Partial<SubjectDraft>) =>
    setDrafts((current) => ({ ...current, [key]: { ...current[key]!, ...change } }));
  const flaggedCount = body.subjects.filter((s) => s.flags?.length).length;

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <LevelPicker name="overall" legend={t('rating.overallQuestion')} value={overall} onChange={chooseOverall} />
        {missing && (
          <Text c="red.8" size="sm" mt="xs" role="alert">
            {t('rating.chooseLevel')}
          </Text>
        )}
      </Card>

      <Accordion variant="separated" radius="md" defaultValue={sent ? 'details' : null}>
        <Accordion.Item value="details">
          <Accordion.Control data-testid="rating-details">
            <Text fw={600}>{t('rating.detailsTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('rating.detailsHint')}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="lg">
              {page.participants.map((p) => {
                const key = keyOf(p);
                const draft = drafts[key]!;
                return (
                  <Card key={key} withBorder radius="md" padding="sm" data-testid={`subject-${key}`}>
                    <Group gap="xs" mb="xs">
                      <Badge variant="light" radius="sm" c="navy.9">
                        {t(`rating.subjectKinds.${p.kind}`)}
                      </Badge>
                      <Text fw={600} size="sm">
                        {p.label}
                      </Text>
                    </Group>
                    <LevelPicker
                      compact
                      name={`level-${key}`}
                      legend={t('rating.levelFor', { label: p.label })}
                      value={draft.stars}
                      onChange={(level) => update(key, { stars: level, own: true })}
                    />
                    <Textarea
                      mt="sm"
                      label={t('rating.reason')}
                      description={t('rating.reasonHint')}
                      value={draft.reason}
                      maxLength={2000}
                      autosize
                      minRows={2}
                      onChange={(e) => update(key, { reason: e.currentTarget.value })}
                    />
                    <Checkbox.Group
                      mt="sm"
                      label={t('rating.flagsLabel')}
                      description={t('rating.flagsHint')}
                      value={draft.flags}
                      onChange={(flags) => update(key, { flags: flags, ...(draft.stars ? {} : { stars: overall }) })}
                    >
                      <Stack gap={6} mt={6}>
                        {FLAGS.map((flag) => (
                          <Checkbox
                            key={flag}
                            value={flag}
                            label={t(`rating.flags.${flag}`)}
                            data-testid={`flag-${key}-${flag}`}
                          />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  </Card>
                );
              })}
              <Textarea
                label={t('rating.comment')}
                value={comment}
                maxLength={4000}
                autosize
                minRows={2}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      <FormAlert failure={send.isError ? toApiError(send.error) : null} />
      <Group justify="flex-end" gap="sm">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button
          size="md"
          onClick={() => (body.subjects.length ? setConfirming(true) : setMissing(true))}
          data-testid="rating-send"
        >
          {sent ? t('rating.sendAmendment') : t('rating.send')}
        </Button>
      </Group>

      <ConfirmModal
        opened={confirming}
        title={t('rating.confirmTitle')}
        confirmLabel={t('rating.confirmSend')}
        loading={send.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => send.mutate()}
      >
        <Stack gap="xs">
          <Text size="sm">{t('rating.confirmIntro', { count: body.subjects.length })}</Text>
          <List size="sm" spacing={4}>
            {body.subjects.map((s) => (
              <List.Item key={keyOf(s)}>
                {page.participants.find((p) => keyOf(p) === keyOf(s))?.label}:{' '}
                <strong>{t(`rating.levels.${s.stars}`)}</strong>
                {s.flags?.length ? ` — ${s.flags.map((f) => t(`rating.flags.${f}`)).join(', ')}` : ''}
              </List.Item>
            ))}
          </List>
          {flaggedCount > 0 && (
            <Text size="sm" c={DARK_ORANGE}>
              {t('rating.confirmFlags', { count: flaggedCount })}
            </Text>
          )}
        </Stack>
      </ConfirmModal>
    </Stack>
  );
}
