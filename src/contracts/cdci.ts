// The branch competitiveness index (CDCI): a method (components, indicators with
// their sources, rescaling, weights, the survey/department split, aggregation,
// missing data, respondent minimum, uncertainty settings) and its results.
import { z } from 'zod';
import { uuid } from './common.ts';
import { CDCI_COMPONENTS } from './surveys.ts';

export const CDCI_NORMALISATIONS = ['minmax', 'zscore', 'none'] as const;
export type CdciNormalisation = (typeof CDCI_NORMALISATIONS)[number];
export const CDCI_AGGREGATIONS = ['arithmetic', 'geometric'] as const;
export type CdciAggregation = (typeof CDCI_AGGREGATIONS)[number];
export const CDCI_MISSING = ['reweight', 'impute_median'] as const;
export const CDCI_SURVEY_STATS = ['mean', 'median', 'favourable_share'] as const;
export const CDCI_DIRECTIONS = ['higher_better', 'higher_worse'] as const;
/** Every rescaled indicator and component lies on this scale; the composite is ten times it (10–100). */
export const CDCI_SCALE = { min: 1, max: 10 } as const;
export const CDCI_MAX_DRAWS = 5000;

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'msg:cdci_code_format');
const localized = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') });

export const indicatorSource = z.discriminatedUnion('kind', [
  /**
   * A per-branch survey question (a 1–5 or 1–10 scale), or a group (every question marked with that index
   * component, each respondent's answers averaged, higher-worse ones reversed): mean, median or share of
   * answers at or above `favourableFrom`.
   */
  z.object({
    kind: z.literal('survey'),
    question: code.nullable().default(null),
    group: z.enum(CDCI_COMPONENTS).nullable().default(null),
    stat: z.enum(CDCI_SURVEY_STATS),
    favourableFrom: z.number().nullable().default(null),
  }),
  /** A measure the platform keeps per unit and period (the measures catalogue). */
  z.object({ kind: z.literal('platform'), measure: z.string().min(1).max(80) }),
  /** A score the Department enters or uploads for each branch. */
  z.object({ kind: z.literal('department') }),
  /** A column of an uploaded data set (the sandbox). */
  z.object({ kind: z.literal('data') }),
]);
export type IndicatorSource = z.infer<typeof indicatorSource>;

export const indicatorBounds = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('observed') }),
  z.object({ kind: z.literal('fixed'), min: z.number(), max: z.number() }),
  /** Min and max over the branches' values of this year and the years named (Quang Ninh's DDCI). */
  z.object({ kind: z.literal('years'), years: z.array(z.number().int().min(2000).max(2100)).min(1).max(10) }),
]);
export type IndicatorBounds = z.infer<typeof indicatorBounds>;

export const indicatorSchema = z.object({
  code,
  name: localized,
  source: indicatorSource,
  direction: z.enum(CDCI_DIRECTIONS).default('higher_better'),
  /** Relative weight inside its component. */
  weight: z.number().positive().max(1000).default(1),
  bounds: indicatorBounds.default({ kind: 'observed' }),
});
export type CdciIndicator = z.infer<typeof indicatorSchema>;

export const componentSchema = z.object({
  code,
  name: localized,
  /** Percent of the composite; the components' weights add to 100. */
  weight: z.number().min(0).max(100),
  indicators: z.array(indicatorSchema).min(1, 'msg:cdci_component_empty').max(40),
});
export type CdciComponent = z.infer<typeof componentSchema>;

export const methodSchema = z
  .object({
    name: localized,
    components: z.array(componentSchema).min(1).max(20),
    normalisation: z.enum(CDCI_NORMALISATIONS).default('minmax'),
    aggregation: z.enum(CDCI_AGGREGATIONS).default('arithmetic'),
    missing: z.enum(CDCI_MISSING).default('reweight'),
    /** Percent of the composite from the survey (and platform data); the rest is the Department's assessment. */
    surveyShare: z.number().min(0).max(100).default(70),
    /** A branch with fewer survey respondents is not scored. */
    minRespondents: z.number().int().min(0).max(10_000).default(10),
    uncertainty: z
      .object({
        bootstrap: z.number().int().min(0).max(CDCI_MAX_DRAWS).default(1000),
        sensitivity: z.number().int().min(0).max(CDCI_MAX_DRAWS).default(1000),
        /** Each component weight is multiplied by a uniform draw in [1 − noise, 1 + noise], then rescaled to 100. */
        weightNoise: z.number().min(0).max(0.9).default(0.25),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(20_240_101),
      })
      .default({ bootstrap: 1000, sensitivity: 1000, weightNoise: 0.25, seed: 20_240_101 }),
  })
  .superRefine((method, ctx) => {
    const total = method.components.reduce((sum, component) => sum + component.weight, 0);
    if (Math.abs(total - 100) > 1e-6)
      ctx.addIssue({ code: 'custom', path: ['components'], message: 'msg:cdci_weights_sum' });
    const seenComponents = new Set<string>();
    const seen = new Set<string>();
    method.components.forEach((component, c) => {
      if (seenComponents.has(component.code))
        ctx.addIssue({ code: 'custom', path: ['components', c, 'code'], message: 'msg:cdci_code_taken' });
      seenComponents.add(component.code);
      component.indicators.forEach((indicator, i) => {
        const path = ['components', c, 'indicators', i];
        if (seen.has(indicator.code))
          ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: 'msg:cdci_code_taken' });
        seen.add(indicator.code);
        if (
          indicator.source.kind === 'survey' &&
          (indicator.source.question === null) === (indicator.source.group === null)
        )
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'source', 'question'],
            message: 'msg:cdci_question_or_group',
          });
        if (
          indicator.source.kind === 'survey' &&
          indicator.source.stat === 'favourable_share' &&
          indicator.source.favourableFrom === null
        )
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'source', 'favourableFrom'],
            message: 'msg:cdci_favourable_from',
          });
        if (indicator.bounds.kind === 'fixed' && !(indicator.bounds.max > indicator.bounds.min))
          ctx.addIssue({ code: 'custom', path: [...path, 'bounds', 'max'], message: 'msg:cdci_bounds_order' });
      });
    });
  });
export type CdciMethod = z.infer<typeof methodSchema>;
export type CdciMethodInput = z.input<typeof methodSchema>;

/** A stored method version. */
export const methodVersionView = z.object({
  id: uuid,
  departmentId: uuid,
  departmentName: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  surveyId: uuid.nullable(),
  method: methodSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type MethodVersionView = z.infer<typeof methodVersionView>;

export const methodBody = z.object({
  departmentId: uuid,
  year: z.number().int().min(2000).max(2100),
  /** The survey whose per-branch questions feed the survey indicators. */
  surveyId: uuid.nullable().default(null),
  method: methodSchema,
});
export type MethodBody = z.infer<typeof methodBody>;

// ---- results ---------------------------------------------------------------

export const indicatorCell = z.object({
  raw: z.number().nullable(),
  score: z.number().nullable(),
  imputed: z.boolean(),
});
export type IndicatorCell = z.infer<typeof indicatorCell>;

export const unitResult = z.object({
  unit: z.string(),
  name: z.string(),
  scored: z.boolean(),
  /** Why a branch is not scored (fewer respondents than the method's minimum). */
  reason: z.enum(['too_few_respondents']).nullable(),
  respondents: z.number().int(),
  indicators: z.record(z.string(), indicatorCell),
  components: z.record(z.string(), z.number().nullable()),
  surveyPart: z.number().nullable(),
  departmentPart: z.number().nullable(),
  composite: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** 5–95 % interval of the composite over the respondent bootstrap. */
  ci: z.array(z.number()).length(2).nullable(),
  medianRank: z.number().nullable(),
  /** 5–95 % range of the rank over the bootstrap and sensitivity draws. */
  rankRange: z.array(z.number()).length(2).nullable(),
  /** Branches whose rank ranges overlap this one's. */
  tiedWith: z.array(z.string()),
  /** Branches of one group are chained by overlapping ranges: read them as tied. */
  group: z.number().int().nullable(),
});
export type UnitResult = z.infer<typeof unitResult>;

export const computationView = z.object({
  units: z.array(unitResult),
  seed: z.number().int(),
  draws: z.object({ bootstrap: z.number().int(), sensitivity: z.number().int() }),
});
export type ComputationView = z.infer<typeof computationView>;

export const resultView = computationView.extend({
  id: uuid,
  methodId: uuid,
  computedAt: z.string(),
  published: z.boolean(),
  /** Branch codes by the id the units are keyed on. */
  codes: z.record(z.string(), z.string()),
});
export type ResultView = z.infer<typeof resultView>;

export const publishedIndexSummary = z.object({
  methodId: uuid,
  departmentId: uuid,
  departmentName: z.string(),
  year: z.number().int(),
});
export type PublishedIndexSummary = z.infer<typeof publishedIndexSummary>;

export const publishedIndexView = z.object({
  method: methodVersionView,
  result: resultView,
  /** Median of the scored branches per component (1–10) and of the composite. */
  medians: z.record(z.string(), z.number()),
  /** The composite of each branch in each published year of the department. */
  trend: z.record(z.string(), z.array(z.object({ year: z.number().int(), composite: z.number().nullable() }))),
  years: z.array(z.object({ year: z.number().int(), methodId: uuid })),
});
export type PublishedIndexView = z.infer<typeof publishedIndexView>;

export const csvBody = z.object({ csv: z.string().min(1).max(5_000_000) });
export const sandboxBody = z.object({
  csv: z.string().min(1).max(5_000_000),
  methods: z.array(methodSchema).min(1).max(2),
});
export type SandboxBody = z.input<typeof sandboxBody>;
export const sandboxResult = z.object({ results: z.array(computationView) });
export type SandboxResult = z.infer<typeof sandboxResult>;

export const publishBody = z.object({ resultId: uuid });
export const verifyResult = z.object({ same: z.boolean(), differences: z.array(z.string()) });

/** Aggregated evidence behind a branch's platform indicators: released months only, published cells only. */
export const evidenceCell = z.object({
  month: z.string(),
  /** null: withheld (fewer than the minimum of businesses, or it would reveal one). */
  businesses: z.number().int().nullable(),
  satisfiedShare: z.number().nullable(),
});
export const branchView = z.object({
  index: publishedIndexView,
  unit: z.string(),
  strongest: z.array(z.string()),
  weakest: z.array(z.string()),
  evidence: z.array(evidenceCell),
});
export type BranchView = z.infer<typeof branchView>;
