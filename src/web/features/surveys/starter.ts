// The form a new survey starts from: one section, one question, for the owner to change.
import type { SurveyDefinition } from '../../../contracts/surveys.ts';

export const starterDefinition: SurveyDefinition = {
  sections: [
    {
      key: 'chung',
      title: { vi: 'Thông tin chung', en: 'General' },
      questions: [
        {
          key: 'hai_long',
          type: 'scale',
          text: {
            vi: 'Doanh nghiệp đánh giá chung thế nào về thủ tục hải quan?',
            en: 'Overall, how do you rate customs procedures?',
          },
          required: true,
          options: [],
          scaleMax: 5,
          min: null,
          max: null,
          showIf: null,
          perBranch: false,
          indicator: null,
        },
      ],
    },
  ],
};

/** A new question of a type, with a key not yet used. */
export function newQuestion(used: readonly string[]): SurveyDefinition['sections'][number]['questions'][number] {
  let n = used.length + 1;
  while (used.includes(`cau_${n}`)) n++;
  return {
    key: `cau_${n}`,
    type: 'single',
    text: { vi: 'Câu hỏi mới', en: '' },
    required: false,
    options: [
      { key: 'co', label: { vi: 'Có', en: 'Yes' } },
      { key: 'khong', label: { vi: 'Không', en: 'No' } },
    ],
    scaleMax: 5,
    min: null,
    max: null,
    showIf: null,
    perBranch: false,
    indicator: null,
  };
}
