// Pure rules of surveys: what a form may hold, which questions an answer shows,
// whether an answer is valid, what it adds to the maintained counts, and how a
// stratified sample is drawn.
import {
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  type AnswerMap,
  type SurveyDefinition,
  type SurveyQuestion,
} from '../../../contracts/surveys.ts';
import type { MessageKey } from '../../lib/messages.ts';

export interface FieldError {
  field: string;
  message: MessageKey;
}

type Value = AnswerMap[string];
const CHOICE_TYPES = new Set(['single', 'multiple', 'ranking', 'matrix']);

/** The questions in the order they are asked, with the path of each in the definition. */
export function questionsOf(definition: SurveyDefinition): { question: SurveyQuestion; path: string }[] {
  return definition.sections.flatMap((section, s) =>
    section.questions.map((question, q) => ({ question, path: `definition.sections.${s}.questions.${q}` })),
  );
}

/** What is wrong with a form, each error naming its field. */
export function checkDefinition(definition: SurveyDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, SurveyQuestion>();
  const sectionKeys = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key))
      errors.push({ field: `definition.sections.${s}.key`, message: 'survey_duplicate_key' });
    sectionKeys.add(section.key);
  });
  for (const { question, path } of questionsOf(definition)) {
    if (seen.has(question.key)) errors.push({ field: `${path}.key`, message: 'survey_duplicate_key' });
    if (CHOICE_TYPES.has(question.type) && question.options.length < 2)
      errors.push({ field: `${path}.options`, message: 'survey_options_required' });
    if (new Set(question.options.map((o) => o.key)).size !== question.options.length)
      errors.push({ field: `${path}.options`, message: 'survey_duplicate_key' });
    if (question.min !== null && question.max !== null && question.min > question.max)
      errors.push({ field: `${path}.min`, message: 'survey_invalid_bounds' });
    if (question.perBranch && question.type === 'matrix')
      errors.push({ field: `${path}.perBranch`, message: 'survey_invalid_answer' });
    if (question.showIf) {
      const source = seen.get(question.showIf.question);
      const ok =
        !!source &&
        (source.type === 'single' || source.type === 'multiple') &&
        !source.perBranch &&
        question.showIf.anyOf.every((key) => source.options.some((o) => o.key === key));
      if (!ok) errors.push({ field: `${path}.showIf`, message: 'survey_invalid_condition' });
    }
    seen.set(question.key, question);
  }
  return errors;
}

/** Whether a question is asked, given the answers before it. */
export function isShown(question: SurveyQuestion, answers: AnswerMap): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.question];
  const chosen = typeof given === 'string' ? [given] : Array.isArray(given) ? given : [];
  return chosen.some((key) => question.showIf!.anyOf.includes(key));
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** One value (for one branch, for a per-branch question), or null when invalid. */
function checkValue(question: SurveyQuestion, value: unknown, final: boolean): Value | null {
  const keys = question.options.map((o) => o.key);
  switch (question.type) {
    case 'single':
      return typeof value === 'string' && keys.includes(value) ? value : null;
    case 'multiple':
      return Array.isArray(value) &&
        value.length > 0 &&
        new Set(value).size === value.length &&
        value.every((v) => typeof v === 'string' && keys.includes(v))
        ? (value as string[])
        : null;
    case 'scale':
      return isInt(value, 1, question.scaleMax) ? value : null;
    case 'number':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        (question.min === null || value >= question.min) &&
        (question.max === null || value <= question.max)
        ? value
        : null;
    case 'short_text':
    case 'long_text': {
      const max = question.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (typeof value !== 'string') return null;
      const text = value.trim();
      return text.length > 0 && text.length <= max ? text : null;
    }
    case 'ranking':
      return Array.isArray(value) &&
        value.length === keys.length &&
        new Set(value).size === keys.length &&
        value.every((v) => typeof v === 'string' && keys.includes(v))
        ? (value as string[])
        : null;
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return null;
      if (!entries.every(([row, v]) => keys.includes(row) && isInt(v, 1, question.scaleMax))) return null;
      if (final && question.required && entries.length !== keys.length) return null;
      return value as Record<string, number>;
    }
  }
}

/**
 * Checks answers against the form. Valid answers are kept, each invalid one is
 * named (`answers.<key>` or `answers.<key>.<branchId>`). A final answer must also
 * hold every required question the earlier answers show.
 */
export function checkAnswers(
  definition: SurveyDefinition,
  answers: Record<string, unknown>,
  branchIds: readonly string[],
  final: boolean,
): { valid: AnswerMap; errors: FieldError[] } {
  const valid: AnswerMap = {};
  const errors: FieldError[] = [];
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.key, question]));
  for (const key of Object.keys(answers))
    if (!questions.has(key)) errors.push({ field: `answers.${key}`, message: 'survey_unknown_question' });
  for (const question of questions.values()) {
    const field = `answers.${question.key}`;
    const given = answers[question.key];
    const present = given !== undefined && given !== null;
    if (!isShown(question, valid)) {
      if (present) errors.push({ field, message: 'survey_not_shown' });
      continue;
    }
    if (question.perBranch) {
      if (branchIds.length === 0) continue;
      if (present && (typeof given !== 'object' || Array.isArray(given))) {
        errors.push({ field, message: 'survey_invalid_answer' });
        continue;
      }
      const kept: Record<string, Value> = {};
      for (const [branchId, value] of Object.entries((given ?? {}) as Record<string, unknown>)) {
        if (!branchIds.includes(branchId)) {
          errors.push({ field: `${field}.${branchId}`, message: 'survey_unknown_branch' });
          continue;
        }
        if (value === null || value === undefined) continue;
        const checked = checkValue(question, value, final);
        if (checked === null) errors.push({ field: `${field}.${branchId}`, message: 'survey_invalid_answer' });
        else kept[branchId] = checked;
      }
      if (Object.keys(kept).length > 0) valid[question.key] = kept as Record<string, number | string | string[]>;
      if (final && question.required)
        for (const branchId of branchIds)
          if (!(branchId in kept) && !errors.some((e) => e.field === `${field}.${branchId}`))
            errors.push({ field: `${field}.${branchId}`, message: 'survey_required' });
      continue;
    }
    if (!present) {
      if (final && question.required) errors.push({ field, message: 'survey_required' });
      continue;
    }
    const checked = checkValue(question, given, final);
    if (checked === null) errors.push({ field, message: 'survey_invalid_answer' });
    else valid[question.key] = checked;
  }
  return { valid, errors };
}

/** One addition to the maintained counts: `value` '' counts the answers of an item, with the sum of their values. */
export interface CountItem {
  item: string;
  branch: string;
  value: string;
  total: number;
}

/** What a valid, final answer adds to the counts (before stratum and business type). */
export function countItemsOf(definition: SurveyDefinition, answers: AnswerMap): CountItem[] {
  const items: CountItem[] = [];
  for (const { question } of questionsOf(definition)) {
    const given = answers[question.key];
    if (given === undefined) continue;
    const first = items.length;
    const perBranch: [string, Value][] = question.perBranch
      ? Object.entries(given as Record<string, Value>)
      : [['', given]];
    for (const [branch, value] of perBranch) {
      const add = (item: string, v: string, total = 0) => items.push({ item, branch, value: v, total });
      switch (question.type) {
        case 'single':
          add(question.key, '');
          add(question.key, value as string);
          break;
        case 'multiple':
          add(question.key, '');
          for (const key of value as string[]) add(question.key, key);
          break;
        case 'scale':
          add(question.key, '', value as number);
          add(question.key, `${value as number}`);
          break;
        case 'number':
          add(question.key, '', value as number);
          break;
        case 'short_text':
        case 'long_text':
          add(question.key, '');
          break;
        case 'matrix':
          for (const [row, v] of Object.entries(value as unknown as Record<string, number>)) {
            add(`${question.key}.${row}`, '', v);
            add(`${question.key}.${row}`, String(v));
          }
          break;
        case 'ranking':
          (value as string[]).forEach((key, index) => {
            add(`${question.key}.${key}`, '', index + 1);
            add(`${question.key}.${key}`, String(index + 1));
          });
          break;
      }
    }
    // A per-branch item also counts each business once, whatever the number of branches it rated.
    if (question.perBranch)
      for (const item of new Set(
        items
          .slice(first)
          .filter((c) => c.value === '')
          .map((c) => c.item),
      ))
        items.push({ item, branch: '*', value: '', total: 0 });
  }
  return items;
}

/** The free text of an answer, apart (per-branch text keeps no branch: it would narrow the writer down). */
export function textsOf(definition: SurveyDefinition, answers: AnswerMap): { item: string; body: string }[] {
  return questionsOf(definition).flatMap(({ question }) => {
    if (question.type !== 'short_text' && question.type !== 'long_text') return [];
    const given = answers[question.key];
    if (given === undefined) return [];
    const values = question.perBranch ? Object.values(given as Record<string, string>) : [given as string];
    return values.map((body) => ({ item: question.key, body }));
  });
}

export interface DeclarationVolume {
  enterpriseId: string;
  branchId: string;
  branchCode: string;
  declarations: number;
}

export interface SampledBusiness {
  enterpriseId: string;
  stratum: string;
  /** The branches it is asked about: the one or two it used most, among those sampled. */
  branchIds: string[];
}

/**
 * A stratified sample: each business belongs to the branch where it declared
 * most (so strata do not overlap), optionally split by volume (the top third of
 * a branch's businesses by declarations are "large"); `perStratum` are drawn at
 * random from each stratum (all of it when smaller).
 */
export function drawSample(
  volumes: readonly DeclarationVolume[],
  options: { byVolume: boolean; perStratum: number },
  random: () => number,
): SampledBusiness[] {
  const byBusiness = new Map<string, DeclarationVolume[]>();
  for (const row of volumes) {
    const list = byBusiness.get(row.enterpriseId);
    if (list) list.push(row);
    else byBusiness.set(row.enterpriseId, [row]);
  }
  const branchStrata = new Map<
    string,
    { code: string; members: { id: string; volume: number; branches: string[] }[] }
  >();
  for (const [enterpriseId, rows] of [...byBusiness].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...rows].sort((a, b) => b.declarations - a.declarations || a.branchId.localeCompare(b.branchId));
    const primary = sorted[0]!;
    const total = rows.reduce((sum, row) => sum + row.declarations, 0);
    const stratum = branchStrata.get(primary.branchId) ?? { code: primary.branchCode, members: [] };
    stratum.members.push({ id: enterpriseId, volume: total, branches: sorted.slice(0, 2).map((r) => r.branchId) });
    branchStrata.set(primary.branchId, stratum);
  }
  const sample: SampledBusiness[] = [];
  for (const { code, members } of branchStrata.values()) {
    const groups: [string, typeof members][] = [];
    if (options.byVolume) {
      const sorted = [...members].sort((a, b) => b.volume - a.volume || a.id.localeCompare(b.id));
      const large = Math.ceil(sorted.length / 3);
      groups.push([`${code} · large`, sorted.slice(0, large)], [`${code} · small`, sorted.slice(large)]);
    } else groups.push([code, members]);
    for (const [stratum, group] of groups) {
      const shuffled = [...group];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      for (const member of shuffled.slice(0, options.perStratum))
        sample.push({ enterpriseId: member.id, stratum, branchIds: member.branches });
    }
  }
  return sample;
}
