// The question form of an event: a business asks, an organizer records a question raised in the room.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../contracts/events.ts';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useEventAction } from './hooks.ts';

export function AskForm({ event, organizer }: { event: EventDetail; organizer: boolean }) {
  const { t } = useTranslation();
  const form = useFormState();
  const [text, setText] = useState('');
  const ask = useEventAction<{ text: string }>(
    event.id,
    () => `/api/events/${event.id}/questions`,
    () => {
      setText('');
      notifySuccess(t('partnership.events.questionSent'));
    },
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate({ text }, { onError: (error) => form.fail(error) });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={organizer ? t('partnership.events.raisedQuestion') : t('partnership.events.askLabel')}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            form.clear();
          }}
          error={form.errors.text ?? form.failure?.summary}
          data-testid="question-text"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={ask.isPending} data-testid="question-submit">
            {t('partnership.events.ask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
