import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../contracts/surveys.ts';
import { checkAnswers, checkDefinition, countItemsOf, drawSample } from './policy.ts';

const base = {
  required: false,
  scaleMax: 5 as const,
  min: null,
  max: null,
  showIf: null,
  perBranch: false,
  indicator: null,
};
const t = (vi: string) => ({ vi, en: '' });
const options = [
  { key: 'co', label: t('Có') },
  { key: 'khong', label: t('Không') },
];
const form: SurveyDefinition = {
  sections: [
    {
      key: 's',
      title: t('S'),
      questions: [
        { ...base, key: 'a', type: 'single', text: t('A'), required: true, options },
        {
          ...base,
          key: 'b',
          type: 'scale',
          text: t('B'),
          required: true,
          options: [],
          showIf: { question: 'a', anyOf: ['co'] },
        },
        { ...base, key: 'c', type: 'matrix', text: t('C'), options },
        { ...base, key: 'd', type: 'number', text: t('D'), options: [], min: 0, max: 10 },
        { ...base, key: 'e', type: 'ranking', text: t('E'), options },
        { ...base, key: 'f', type: 'scale', text: t('F'), options: [], scaleMax: 10, perBranch: true, required: true },
      ],
    },
  ],
};

describe('survey policy', () => {
  it('accepts a valid form and names what is wrong in an invalid one', () => {
    expect(checkDefinition(form)).toEqual([]);
    const bad: SurveyDefinition = {
      sections: [
        { ...form.sections[0]!, questions: [form.sections[0]!.questions[1]!, form.sections[0]!.questions[0]!] },
      ],
    };
    expect(checkDefinition(bad)).toEqual([
      { field: 'definition.sections.0.questions.0.showIf', message: 'survey_invalid_condition' },
    ]);
  });

  it('checks values by type, range, condition and branch; a partial save keeps what is valid', () => {
    const { valid, errors } = checkAnswers(
      form,
      { a: 'khong', b: 3, c: { co: 6 }, d: 11, e: ['co'], f: { x: 5, y: 11 }, z: 1 },
      ['x', 'y'],
      false,
    );
    expect(valid).toEqual({ a: 'khong', f: { x: 5 } });
    expect(errors.map((e) => `${e.field} ${e.message}`)).toEqual([
      'answers.z survey_unknown_question',
      'answers.b survey_not_shown',
      'answers.c survey_invalid_answer',
      'answers.d survey_invalid_answer',
      'answers.e survey_invalid_answer',
      'answers.f.y survey_invalid_answer',
    ]);
    expect(checkAnswers(form, { a: 'co' }, ['x'], true).errors.map((e) => e.field)).toEqual([
      'answers.b',
      'answers.f.x',
    ]);
  });

  it('counts an answer once per item, a per-branch item also once per business', () => {
    const items = countItemsOf(form, { a: 'co', b: 4, f: { x: 7, y: 9 } });
    expect(items.filter((i) => i.item === 'f' && i.value === '').map((i) => [i.branch, i.total])).toEqual([
      ['x', 7],
      ['y', 9],
      ['*', 0],
    ]);
  });

  it('draws strata that do not overlap: each business in the branch it used most, split by volume', () => {
    const volumes = [
      { enterpriseId: 'e1', branchId: 'b1', branchCode: 'B1', declarations: 9 },
      { enterpriseId: 'e1', branchId: 'b2', branchCode: 'B2', declarations: 2 },
      { enterpriseId: 'e2', branchId: 'b1', branchCode: 'B1', declarations: 1 },
      { enterpriseId: 'e3', branchId: 'b1', branchCode: 'B1', declarations: 3 },
      { enterpriseId: 'e4', branchId: 'b2', branchCode: 'B2', declarations: 5 },
    ];
    const sample = drawSample(volumes, { byVolume: true, perStratum: 10 }, () => 0.5);
    expect(sample.map((s) => [s.enterpriseId, s.stratum, s.branchIds.join(',')]).sort()).toEqual([
      ['e1', 'B1 · large', 'b1,b2'],
      ['e2', 'B1 · small', 'b1'],
      ['e3', 'B1 · small', 'b1'],
      ['e4', 'B2 · large', 'b2'],
    ]);
    expect(drawSample(volumes, { byVolume: false, perStratum: 1 }, Math.random)).toHaveLength(2);
  });
});
