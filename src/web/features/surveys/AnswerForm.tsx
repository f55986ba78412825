import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerForm as Form, AnswerMap, SurveyQuestion } from '../../../contracts/surveys.ts';

type Value = AnswerMap[string];

/** Shown when an earlier single or multiple choice holds one of the options (the server checks the same rule). */
function shown(question: SurveyQuestion, answers: AnswerMap): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.question];
  const chosen = typeof given === 'string' ? [given] : Array.isArray(given) ? given : [];
  return chosen.some((key) => question.showIf!.anyOf.includes(key));
}

function label(text: { vi: string; en: string }, language: string): string {
  return language === 'en' && text.en ? text.en : text.vi;
}

function QuestionInput({
  question,
  value,
  onChange,
  language,
  id,
}: {
  question: SurveyQuestion;
  value: Value | undefined;
  onChange: (value: Value | undefined) => void;
  language: string;
  id: string;
}) {
  const { t } = useTranslation();
  const opts = question.options.map((o) => ({ value: o.key, label: label(o.label, language) }));
  const scale = Array.from({ length: question.scaleMax }, (_, i) => String(i + 1));
  switch (question.type) {
    case 'single':
      return (
        <Radio.Group value={(value as string | undefined) ?? null} onChange={onChange} aria-labelledby={id}>
          <Stack gap={6}>
            {opts.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          value={(value as string[] | undefined) ?? []}
          onChange={(v) => onChange(v.length ? v : undefined)}
          aria-labelledby={id}
        >
          <Stack gap={6}>
            {opts.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'scale':
      return (
        <Radio.Group
          value={typeof value === 'number' ? `${value}` : null}
          onChange={(v) => onChange(Number(v))}
          aria-labelledby={id}
        >
          <Group gap="sm">
            {scale.map((s) => (
              <Radio key={s} value={s} label={s} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'matrix': {
      const rows = (value as Record<string, number> | undefined) ?? {};
      return (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.answer.row')}</Table.Th>
                {scale.map((s) => (
                  <Table.Th key={s}>{s}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {opts.map((o) => (
                <Table.Tr key={o.value}>
                  <Table.Td>{o.label}</Table.Td>
                  {scale.map((s) => (
                    <Table.Td key={s}>
                      <Radio
                        name={`${id}-${o.value}`}
                        aria-label={`${o.label}: ${s}`}
                        checked={rows[o.value] === Number(s)}
                        onChange={() => onChange({ ...rows, [o.value]: Number(s) })}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
    }
    case 'number':
      return (
        <NumberInput
          aria-labelledby={id}
          value={(value as number | undefined) ?? ''}
          min={question.min ?? undefined}
          max={question.max ?? undefined}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'short_text':
      return (
        <TextInput
          aria-labelledby={id}
          value={(value as string | undefined) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          aria-labelledby={id}
          autosize
          minRows={3}
          value={(value as string | undefined) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'ranking': {
      const order = (value as string[] | undefined) ?? [];
      return (
        <Stack gap={6}>
          {opts.map((o) => (
            <Select
              key={o.value}
              label={o.label}
              data={opts.map((_, i) => String(i + 1))}
              value={order.includes(o.value) ? String(order.indexOf(o.value) + 1) : null}
              onChange={(rank) => {
                if (!rank) return;
                const next = order.filter((k) => k !== o.value);
                next.splice(Number(rank) - 1, 0, o.value);
                onChange(next);
              }}
            />
          ))}
        </Stack>
      );
    }
  }
}

/** The form a business fills in: sections, conditions, a question per branch it dealt with; save or send. */
export function AnswerFormView({
  form,
  onSave,
  onSubmit,
  busy,
  errors,
}: {
  form: Form;
  onSave?: (answers: AnswerMap) => void;
  onSubmit?: (answers: AnswerMap) => void;
  busy?: boolean;
  errors?: { field: string; message: string }[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [answers, setAnswers] = useState<AnswerMap>(form.draft);
  const set = (key: string, value: Value | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  // Answers to questions no longer shown are not sent.
  const visible = (all: AnswerMap): AnswerMap => {
    const kept: AnswerMap = {};
    for (const section of form.definition.sections)
      for (const q of section.questions) if (all[q.key] !== undefined && shown(q, kept)) kept[q.key] = all[q.key]!;
    return kept;
  };
  const errorOf = (key: string) =>
    errors?.filter((e) => e.field === `answers.${key}` || e.field.startsWith(`answers.${key}.`));
  return (
    <Stack gap="md">
      {form.branches.length > 0 && (
        <Alert color="navy" variant="light" title={t('surveys.answer.branchesTitle')}>
          {form.branches.map((b) => `${b.code} – ${b.name}`).join('; ')}
        </Alert>
      )}
      {form.definition.sections.map((section) => (
        <Card key={section.key} withBorder padding="md" component="section">
          <Title order={2} size="h4" mb="sm">
            {label(section.title, language)}
          </Title>
          <Stack gap="lg">
            {section.questions
              .filter((q) => shown(q, answers))
              .map((q) => {
                const id = `q-${q.key}`;
                const problems = errorOf(q.key) ?? [];
                return (
                  <div key={q.key} data-testid={id}>
                    <Text id={id} fw={600} mb={6}>
                      {label(q.text, language)}
                      {q.required && (
                        <Text span c="red.8" aria-label={t('surveys.answer.required')}>
                          {' *'}
                        </Text>
                      )}
                    </Text>
                    {q.perBranch ? (
                      <Stack gap="sm">
                        {form.branches.map((b) => {
                          const current = (answers[q.key] as Record<string, Value> | undefined) ?? {};
                          return (
                            <div key={b.id}>
                              <Text size="sm" id={`${id}-${b.id}`} mb={4}>
                                {b.code} – {b.name}
                              </Text>
                              <QuestionInput
                                id={`${id}-${b.id}`}
                                question={q}
                                language={language}
                                value={current[b.id]}
                                onChange={(v) => {
                                  const next = { ...current } as Record<string, Value>;
                                  if (v === undefined) delete next[b.id];
                                  else next[b.id] = v;
                                  set(
                                    q.key,
                                    Object.keys(next).length
                                      ? (next as Record<string, number | string | string[]>)
                                      : undefined,
                                  );
                                }}
                              />
                            </div>
                          );
                        })}
                      </Stack>
                    ) : (
                      <QuestionInput
                        id={id}
                        question={q}
                        language={language}
                        value={answers[q.key]}
                        onChange={(v) => set(q.key, v)}
                      />
                    )}
                    {problems.map((p) => (
                      <Text key={p.field} c="red.8" size="sm" role="alert">
                        {p.message}
                      </Text>
                    ))}
                  </div>
                );
              })}
          </Stack>
        </Card>
      ))}
      {(onSave ?? onSubmit) && (
        <Group>
          {onSave && (
            <Button variant="default" loading={busy} onClick={() => onSave(visible(answers))} data-testid="survey-save">
              {t('surveys.answer.save')}
            </Button>
          )}
          {onSubmit && (
            <Button loading={busy} onClick={() => onSubmit(visible(answers))} data-testid="survey-submit">
              {t('surveys.answer.submit')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
