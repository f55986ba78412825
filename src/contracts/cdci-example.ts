// A Quảng Ninh-style method: the eight DDCI components since 2021, each with a
// survey group (the questions marked with that index component), a few platform
// measures, and the Department's own score out of 100 for each component; 70 %
// survey, 30 % Department. Used by the demo data, the benchmark and the journeys.
import { methodSchema, type CdciMethod, type CdciMethodInput } from './cdci.ts';

type Component = CdciMethodInput['components'][number];

const survey = (group: string, stat: 'mean' | 'favourable_share' = 'mean') => ({
  code: `s_${group}`,
  name: { vi: 'Đánh giá của doanh nghiệp (khảo sát)', en: 'Businesses’ assessment (survey)' },
  source:
    stat === 'mean'
      ? { kind: 'survey' as const, group: group as never, stat }
      : { kind: 'survey' as const, group: group as never, stat, favourableFrom: 4 },
});
const department = (code: string) => ({
  code: `d_${code}`,
  name: { vi: 'Đánh giá của Cục (điểm trên 100)', en: 'The Department’s assessment (out of 100)' },
  source: { kind: 'department' as const },
  bounds: { kind: 'fixed' as const, min: 0, max: 100 },
});
const platform = (code: string, measure: string, vi: string, en: string) => ({
  code,
  name: { vi, en },
  source: { kind: 'platform' as const, measure },
});

export const QUANG_NINH_COMPONENTS: Component[] = [
  {
    code: 'information',
    name: { vi: 'Tiếp cận thông tin và minh bạch', en: 'Information transparency and access' },
    weight: 15,
    indicators: [
      survey('information_access', 'favourable_share'),
      platform(
        'p_dialogue_answered',
        'dialogue_items_answered_share',
        'Tỷ lệ kiến nghị tại đối thoại được trả lời',
        'Dialogue items answered',
      ),
      department('information'),
    ],
  },
  {
    code: 'public_services',
    name: { vi: 'Chất lượng, hiệu quả dịch vụ công', en: 'Quality and efficiency of public services' },
    weight: 15,
    indicators: [
      survey('procedures'),
      platform(
        'p_satisfaction',
        'service_satisfaction_share',
        'Tỷ lệ đánh giá hài lòng về phục vụ',
        'Satisfied service ratings',
      ),
      department('public_services'),
    ],
  },
  {
    code: 'time_costs',
    name: { vi: 'Thời gian và chi phí tuân thủ', en: 'Time and costs' },
    weight: 15,
    indicators: [survey('time_costs'), department('time_costs')],
  },
  {
    code: 'fair_treatment',
    name: { vi: 'Đối xử công bằng', en: 'Fair treatment' },
    weight: 10,
    indicators: [survey('officer_conduct', 'favourable_share'), department('fair_treatment')],
  },
  {
    code: 'leadership',
    name: { vi: 'Năng động và trách nhiệm của người đứng đầu', en: 'Leadership dynamism and accountability' },
    weight: 10,
    indicators: [survey('complaints'), department('leadership')],
  },
  {
    code: 'business_support',
    name: { vi: 'Hỗ trợ doanh nghiệp', en: 'Business support' },
    weight: 10,
    indicators: [
      survey('support'),
      platform(
        'p_support_on_time',
        'support_resolved_on_time_share',
        'Yêu cầu hỗ trợ giải quyết đúng hạn',
        'Support requests resolved on time',
      ),
      department('business_support'),
    ],
  },
  {
    code: 'law_enforcement',
    name: { vi: 'Thực thi pháp luật và thiết chế pháp lý', en: 'Law enforcement and legal institutions' },
    weight: 10,
    indicators: [survey('inspection'), department('law_enforcement')],
  },
  {
    code: 'informal_charges',
    name: { vi: 'Chi phí không chính thức', en: 'Unofficial fees' },
    weight: 15,
    indicators: [survey('informal_charges', 'favourable_share'), department('informal_charges')],
  },
];

export function quangNinhMethod(over: Partial<CdciMethodInput> = {}): CdciMethod {
  return methodSchema.parse({
    name: { vi: 'Chỉ số năng lực cạnh tranh các chi cục (DDCI)', en: 'Branch competitiveness index (CDCI)' },
    components: QUANG_NINH_COMPONENTS,
    surveyShare: 70,
    minRespondents: 10,
    ...over,
  });
}

/** The PCI's ten sub-indices and their weights (percent), for the sandbox example. */
export const PCI_WEIGHTS: Record<string, number> = {
  entry: 5,
  land: 5,
  transparency: 20,
  time: 5,
  informal: 10,
  bias: 5,
  proactive: 5,
  support: 10,
  labour: 20,
  legal: 15,
};

/** Sub-index figures in the shape of a PCI table (illustrative, two decimals as published). */
export const PCI_EXAMPLE_CSV = [
  `unit,name,${Object.keys(PCI_WEIGHTS).join(',')}`,
  'QNI,Quảng Ninh,8.12,7.05,7.61,7.28,6.94,6.83,7.92,7.18,7.66,7.85',
  'HPG,Hải Phòng,7.95,6.61,7.42,7.36,6.71,6.38,7.64,6.92,7.51,7.47',
  'BNH,Bắc Ninh,7.63,6.92,7.18,6.95,6.52,6.47,7.21,6.65,7.29,7.12',
  'DNG,Đà Nẵng,7.88,6.85,7.33,7.41,6.88,6.71,7.48,6.88,7.12,7.56',
].join('\n');

/** The PCI composite: the published sub-indices (already on 10 points) weighted, arithmetic. */
export function pciMethod(over: Partial<CdciMethodInput> = {}): CdciMethodInput {
  return {
    name: { vi: 'PCI: trọng số công bố', en: 'PCI: published weights' },
    normalisation: 'none',
    aggregation: 'arithmetic',
    surveyShare: 100,
    minRespondents: 0,
    uncertainty: { bootstrap: 0, sensitivity: 500, weightNoise: 0.25, seed: 2024 },
    components: Object.entries(PCI_WEIGHTS).map(([code, weight]) => ({
      code,
      name: { vi: code, en: code },
      weight,
      indicators: [{ code, name: { vi: code, en: code }, source: { kind: 'data' as const } }],
    })),
    ...over,
  };
}

/** The template with only the survey groups a survey has (the other components keep their platform and Department indicators). */
export function forSurveyGroups(method: CdciMethodInput, groups: readonly string[]): CdciMethodInput {
  return {
    ...method,
    components: method.components.map((component) => ({
      ...component,
      indicators: component.indicators.filter(
        (indicator) =>
          indicator.source.kind !== 'survey' || !indicator.source.group || groups.includes(indicator.source.group),
      ),
    })),
  };
}

/** The survey groups of the demo survey of Quảng Ninh (its per-branch scale questions). */
export const DEMO_SURVEY_GROUPS = ['information_access', 'time_costs', 'officer_conduct'] as const;
