import { Button, Checkbox, Group, MultiSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commentBody, type PublicComment } from '../../../contracts/consultations.ts';
import { api } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { useFormState } from '../../lib/forms.ts';
import { Diff } from './Diff.tsx';

/** Comment on an article (or the whole draft): clause, text, proposed wording shown as a difference, anonymity. */
export function CommentForm(props: {
  consultationId: string;
  articleNumber: number | null;
  articleBody: string;
  questions: { key: string; text: string }[];
  association: boolean;
  contributors: { id: string; name: string }[];
  editing?: PublicComment;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormState();
  const e = props.editing;
  const [clause, setClause] = useState(e?.clause ?? '');
  const [body, setBody] = useState(e?.body ?? '');
  const [wording, setWording] = useState(e?.proposedWording ?? '');
  const [anonymous, setAnonymous] = useState(e?.anonymous ?? false);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [represented, setRepresented] = useState<number | string>(e?.representedCount ?? '');
  const [cosigners, setCosigners] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const values = form.check(commentBody, {
      articleNumber: props.articleNumber,
      clause: clause.trim() || null,
      body,
      proposedWording: wording.trim() || null,
      anonymous: props.association ? false : anonymous,
      answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== '')),
      representedCount: props.association && represented !== '' ? Number(represented) : null,
      cosignerIds: props.association ? cosigners : [],
    });
    if (!values) return;
    setBusy(true);
    try {
      await api(e ? `/api/consultation-comments/${e.id}` : `/api/consultations/${props.consultationId}/comments`, {
        method: e ? 'PUT' : 'POST',
        body: values,
      });
      props.onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" data-testid="comment-form">
      <FormAlert
        failure={form.failure}
        shownFields={['body', 'clause', 'proposedWording', 'cosignerIds', 'representedCount']}
      />
      {props.articleNumber !== null && (
        <TextInput
          label={t('consultations.clause')}
          description={t('consultations.clauseHint')}
          value={clause}
          onChange={(ev) => setClause(ev.currentTarget.value)}
          error={form.errors.clause}
        />
      )}
      <Textarea
        label={t('consultations.commentLabel')}
        required
        autosize
        minRows={3}
        value={body}
        onChange={(ev) => setBody(ev.currentTarget.value)}
        error={form.errors.body}
        data-testid="comment-body"
      />
      {props.articleNumber !== null && (
        <>
          <Textarea
            label={t('consultations.proposedWording')}
            description={t('consultations.proposedHint')}
            autosize
            minRows={2}
            value={wording}
            onChange={(ev) => setWording(ev.currentTarget.value)}
            error={form.errors.proposedWording}
            data-testid="comment-wording"
          />
          {wording.trim() && <Diff before={props.articleBody} after={wording} />}
        </>
      )}
      {!e &&
        props.questions.map((q) => (
          <TextInput
            key={q.key}
            label={q.text}
            value={answers[q.key] ?? ''}
            onChange={(ev) => {
              const value = ev.currentTarget.value;
              setAnswers((a) => ({ ...a, [q.key]: value }));
            }}
          />
        ))}
      {props.association ? (
        <>
          <NumberInput
            label={t('consultations.represented')}
            min={1}
            value={represented}
            onChange={setRepresented}
            error={form.errors.representedCount}
            data-testid="represented-count"
          />
          <MultiSelect
            label={t('consultations.cosigners')}
            data={props.contributors.map((c) => ({ value: c.id, label: c.name }))}
            value={cosigners}
            onChange={setCosigners}
            error={form.errors.cosignerIds}
            data-testid="cosigners"
          />
        </>
      ) : (
        <Checkbox
          label={t('consultations.anonymous')}
          description={t('consultations.anonymousHint')}
          checked={anonymous}
          onChange={(ev) => setAnonymous(ev.currentTarget.checked)}
          data-testid="comment-anonymous"
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={busy} data-testid="comment-submit">
          {e ? t('consultations.saveComment') : t('consultations.sendComment')}
        </Button>
      </Group>
    </Stack>
  );
}
