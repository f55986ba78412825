import { ActionIcon, Card, Checkbox, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CDCI_COMPONENTS, QUESTION_TYPES, type SurveyQuestion } from '../../../contracts/surveys.ts';

/** Options as lines `key | Vietnamese | English`. */
export function optionsToText(question: SurveyQuestion): string {
  return question.options.map((o) => [o.key, o.label.vi, o.label.en].join(' | ')).join('\n');
}

export function textToOptions(text: string): SurveyQuestion['options'] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([key, vi, en]) => ({ key: key!, label: { vi: vi || key!, en: en ?? '' } }));
}

/** One question of the builder: type, texts in both languages, choices, required, condition, per branch. */
export function QuestionEditor({
  question,
  earlier,
  onChange,
  onRemove,
  disabled,
}: {
  question: SurveyQuestion;
  earlier: SurveyQuestion[];
  onChange: (question: SurveyQuestion) => void;
  onRemove: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<SurveyQuestion>) => onChange({ ...question, ...patch });
  const sources = earlier.filter((q) => (q.type === 'single' || q.type === 'multiple') && !q.perBranch);
  const source = sources.find((q) => q.key === question.showIf?.question);
  const hasOptions = ['single', 'multiple', 'ranking', 'matrix'].includes(question.type);
  return (
    <Card withBorder padding="sm" data-testid={`editor-${question.key}`}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('surveys.editor.key')}
            value={question.key}
            disabled={disabled}
            onChange={(e) => set({ key: e.currentTarget.value })}
            w={140}
          />
          <Select
            label={t('surveys.editor.type')}
            data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.types.${type}`) }))}
            value={question.type}
            disabled={disabled}
            allowDeselect={false}
            onChange={(type) => type && set({ type: type })}
            w={200}
          />
          {(question.type === 'scale' || question.type === 'matrix') && (
            <Select
              label={t('surveys.editor.scale')}
              data={['5', '10']}
              value={String(question.scaleMax)}
              disabled={disabled}
              allowDeselect={false}
              onChange={(v) => set({ scaleMax: v === '10' ? 10 : 5 })}
              w={90}
            />
          )}
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            disabled={disabled}
            aria-label={t('surveys.editor.remove')}
          >
            ×
          </ActionIcon>
        </Group>
        <TextInput
          label={t('surveys.editor.textVi')}
          value={question.text.vi}
          disabled={disabled}
          onChange={(e) => set({ text: { ...question.text, vi: e.currentTarget.value } })}
        />
        <TextInput
          label={t('surveys.editor.textEn')}
          value={question.text.en}
          disabled={disabled}
          onChange={(e) => set({ text: { ...question.text, en: e.currentTarget.value } })}
        />
        {hasOptions && (
          <Textarea
            label={question.type === 'matrix' ? t('surveys.editor.rows') : t('surveys.editor.options')}
            description={t('surveys.editor.optionsHelp')}
            autosize
            minRows={2}
            defaultValue={optionsToText(question)}
            disabled={disabled}
            onBlur={(e) => set({ options: textToOptions(e.currentTarget.value) })}
          />
        )}
        <Group wrap="wrap">
          <Checkbox
            label={t('surveys.editor.required')}
            checked={question.required}
            disabled={disabled}
            onChange={(e) => set({ required: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('surveys.editor.perBranch')}
            checked={question.perBranch}
            disabled={disabled || question.type === 'matrix'}
            onChange={(e) => set({ perBranch: e.currentTarget.checked })}
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('surveys.editor.showIf')}
            placeholder={t('surveys.editor.always')}
            data={sources.map((q) => ({ value: q.key, label: `${q.key}: ${q.text.vi}` }))}
            value={question.showIf?.question ?? null}
            clearable
            disabled={disabled}
            onChange={(key) => set({ showIf: key ? { question: key, anyOf: [] } : null })}
            w={260}
          />
          {source && (
            <Select
              label={t('surveys.editor.showIfValue')}
              data={source.options.map((o) => ({ value: o.key, label: o.label.vi }))}
              value={question.showIf?.anyOf[0] ?? null}
              disabled={disabled}
              onChange={(key) => set({ showIf: { question: source.key, anyOf: key ? [key] : [] } })}
              w={200}
            />
          )}
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('surveys.editor.indicator')}
            description={t('surveys.editor.indicatorHelp')}
            placeholder={t('surveys.editor.noIndicator')}
            data={CDCI_COMPONENTS.map((c) => ({ value: c, label: t(`surveys.cdci.${c}`) }))}
            value={question.indicator?.component ?? null}
            clearable
            disabled={disabled}
            onChange={(component) =>
              set({
                indicator: component
                  ? {
                      component: component,
                      direction: question.indicator?.direction ?? 'higher_better',
                    }
                  : null,
              })
            }
            w={260}
          />
          {question.indicator && (
            <Select
              label={t('surveys.editor.direction')}
              data={(['higher_better', 'higher_worse'] as const).map((d) => ({
                value: d,
                label: t(`surveys.direction.${d}`),
              }))}
              value={question.indicator.direction}
              allowDeselect={false}
              disabled={disabled}
              onChange={(d) => d && question.indicator && set({ indicator: { ...question.indicator, direction: d } })}
              w={220}
            />
          )}
        </Group>
      </Stack>
    </Card>
  );
}
