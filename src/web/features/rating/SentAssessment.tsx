import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentView } from '../../../contracts/assessments.ts';
import { api, toApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { Check } from '../../components/icons.tsx';
import { useFormat } from '../../lib/format.ts';
import { LevelPicker } from './LevelPicker.tsx';
import { Face } from './Face.tsx';
import { isLevel, type Level } from './levels.ts';
import { DARK_ORANGE, DARK_YELLOW } from '../../lib/colors.ts';

/** What the business sent, exactly, with the cases its flags opened. */
export function SentAssessment({
  view,
  token,
  justSent,
  onAmend,
}: {
  view: AssessmentView;
  token: string | null;
  justSent: boolean;
  onAmend: (() => void) | null;
}) {
  const { t } = useTranslation();
  const [now] = useState(Date.now);
  const format = useFormat();
  const editable = new Date(view.editableUntil).getTime() > now;
  return (
    <Stack gap="md" data-testid="sent-assessment">
      {justSent && (
        <Alert color="green" icon={<Check />} title={t('rating.thanksTitle')} role="status">
          {t('rating.thanks')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('rating.sentTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('rating.sentAt', { at: format.dateTime(view.updatedAt) })}
          {view.revision > 1 ? ` · ${t('rating.revision', { revision: view.revision })}` : ''}
        </Text>
        <Stack gap="sm">
          {view.subjects.map((s) => (
            <div key={`${s.kind}:${s.ref}`}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {isLevel(s.stars) && <Face level={s.stars} size={26} />}
                <div>
                  <Text size="sm" fw={600}>
                    {s.label}
                  </Text>
                  <Text size="sm">
                    {t(`rating.subjectKinds.${s.kind}`)} · {t(`rating.levels.${s.stars}`)}
                  </Text>
                  {s.reason && (
                    <Text size="sm" c="dimmed">
                      “{s.reason}”
                    </Text>
                  )}
                  {s.flags.length > 0 && (
                    <Group gap={4} mt={4}>
                      {s.flags.map((f) => (
                        <Badge key={f} color="orange" c={DARK_ORANGE} variant="light" radius="sm">
                          {t(`rating.flags.${f}`)}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </div>
              </Group>
            </div>
          ))}
          {view.comment && (
            <Text size="sm">
              <strong>{t('rating.comment')}:</strong> {view.comment}
            </Text>
          )}
        </Stack>
        <Group justify="space-between" mt="md" gap="sm">
          <Text size="sm" c="dimmed">
            {editable
              ? t('rating.editableUntil', { at: format.dateTime(view.editableUntil) })
              : t('rating.notEditable')}
          </Text>
          {editable && onAmend && (
            <Button variant="light" onClick={onAmend} data-testid="rating-amend">
              {t('rating.amend')}
            </Button>
          )}
        </Group>
      </Card>
      {view.cases.length > 0 && (
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('rating.casesTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('rating.casesIntro')}
          </Text>
          <Stack gap="sm">
            {view.cases.map((c) => (
              <Card key={c.number} withBorder radius="sm" padding="sm" data-testid={`case-${c.number}`}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600} size="sm">
                    {t('rating.caseNumber', { number: c.number })}
                  </Text>
                  <Badge
                    color={c.status === 'resolved' ? 'green' : 'yellow'}
                    c={c.status === 'resolved' ? 'green.9' : DARK_YELLOW}
                    variant="light"
                    radius="sm"
                  >
                    {t(`cases.statuses.${c.status}`, { defaultValue: c.status })}
                  </Badge>
                </Group>
                <Text size="sm">{c.kinds.map((k) => t(`rating.flags.${k}`)).join(', ')}</Text>
                {c.status === 'resolved' && token && <HandlingFeedback token={token} caseNumber={c.number} />}
              </Card>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

/** Once a flag is concluded, the business may say how well it was handled. */
function HandlingFeedback({ token, caseNumber }: { token: string; caseNumber: string }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState<Level | null>(null);
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api(`/api/rate/${token}/cases/${caseNumber}/feedback`, {
        method: 'POST',
        body: { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      }),
  });
  if (send.isSuccess)
    return (
      <Text size="sm" c="green.9" mt="xs" role="status">
        {t('rating.handlingThanks')}
      </Text>
    );
  return (
    <Stack gap="xs" mt="sm">
      <LevelPicker
        compact
        name={`handling-${caseNumber}`}
        legend={t('rating.handlingQuestion')}
        value={stars}
        onChange={setStars}
      />
      <Textarea
        label={t('rating.comment')}
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <FormAlert failure={send.isError ? toApiError(send.error) : null} />
      <Group justify="flex-end">
        <Button size="sm" disabled={stars === null} loading={send.isPending} onClick={() => send.mutate()}>
          {t('rating.handlingSend')}
        </Button>
      </Group>
    </Stack>
  );
}
