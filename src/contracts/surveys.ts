// Customs surveys of businesses: the form (sections, questions, conditions,
// per-branch questions, index indicators), targeting, answers and results.
import { z } from 'zod';
import { uuid } from './common.ts';

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'scale',
  'matrix',
  'number',
  'short_text',
  'long_text',
  'ranking',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const BUSINESS_TYPES = ['enterprise', 'broker'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
/** Components of the branch competitiveness index (CDCI) a question may measure. */
export const CDCI_COMPONENTS = [
  'information_access',
  'procedures',
  'officer_conduct',
  'informal_charges',
  'time_costs',
  'inspection',
  'complaints',
  'support',
] as const;
/** A cell of fewer businesses than this is withheld everywhere (page, API, export). */
export const SURVEY_MIN_CELL = 5;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 4000;

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'msg:survey_key_format');
const localized = z.object({
  vi: z.string().trim().min(1).max(1000),
  en: z.string().trim().max(1000).default(''),
});
const option = z.object({ key, label: localized });

export const questionSchema = z
  .object({
    key,
    type: z.enum(QUESTION_TYPES),
    text: localized,
    help: localized.optional(),
    required: z.boolean().default(false),
    /** single, multiple, ranking: the choices; matrix: the rows rated on the scale. */
    options: z.array(option).max(30).default([]),
    /** scale and matrix: 1 to scaleMax. */
    scaleMax: z.union([z.literal(5), z.literal(10)]).default(5),
    /** number: bounds. */
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    /** Shown only when an earlier single or multiple choice answer is one of these options. */
    showIf: z
      .object({ question: key, anyOf: z.array(key).min(1).max(30) })
      .nullable()
      .default(null),
    /** Asked once per branch the business dealt with (the CDCI form). */
    perBranch: z.boolean().default(false),
    /** Feeds a component of the branch index; higher answers are better or worse. */
    indicator: z
      .object({ component: z.enum(CDCI_COMPONENTS), direction: z.enum(['higher_better', 'higher_worse']) })
      .nullable()
      .default(null),
  })
  .strict();
export type SurveyQuestion = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  key,
  title: localized,
  questions: z.array(questionSchema).min(1).max(100),
});
export type SurveySection = z.infer<typeof sectionSchema>;

export const surveyDefinition = z.object({ sections: z.array(sectionSchema).min(1).max(30) });
export type SurveyDefinition = z.infer<typeof surveyDefinition>;

export const surveyBody = z.object({
  ownerUnitId: uuid,
  title: localized,
  description: z
    .object({ vi: z.string().trim().max(4000).default(''), en: z.string().trim().max(4000).default('') })
    .default({ vi: '', en: '' }),
  closesOn: z.iso.date().nullable().default(null),
  definition: surveyDefinition,
});
export type SurveyBody = z.infer<typeof surveyBody>;

export const targetingBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  /** A CSV with a tax code per line (a header naming `tax_code` or `mst` is skipped); an optional second column names the stratum. */
  z.object({ mode: z.literal('list'), csv: z.string().min(1).max(2_000_000) }),
  z.object({
    mode: z.literal('sample'),
    branchIds: z.array(uuid).min(1).max(100),
    from: z.iso.date(),
    to: z.iso.date(),
    byVolume: z.boolean().default(false),
    perStratum: z.number().int().min(1).max(100_000),
  }),
]);
export type TargetingBody = z.infer<typeof targetingBody>;

export const surveySummary = z.object({
  id: uuid,
  ownerUnitId: uuid,
  ownerUnitName: z.string(),
  title: localized,
  status: z.enum(SURVEY_STATUSES),
  frozen: z.boolean(),
  published: z.boolean(),
  closesOn: z.string().nullable(),
  invited: z.number().int(),
  answered: z.number().int(),
});
export type SurveySummary = z.infer<typeof surveySummary>;

/** A survey whose results are published, as the public list shows it (respondents only from 5 on, like the results). */
export const publishedSurvey = surveySummary
  .pick({ id: true, ownerUnitName: true, title: true, closesOn: true })
  .extend({ respondents: z.number().int().nullable() });
export type PublishedSurvey = z.infer<typeof publishedSurvey>;

export const surveyDetail = surveySummary.extend({
  description: z.object({ vi: z.string(), en: z.string() }),
  version: z.number().int(),
  targeting: z.string().nullable(),
  definition: surveyDefinition,
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const participationView = z.object({
  strata: z.array(z.object({ stratum: z.string(), invited: z.number().int(), answered: z.number().int() })),
  /** Who has answered (for reminders), never what. */
  businesses: z.array(z.object({ taxCode: z.string(), name: z.string(), stratum: z.string(), answered: z.boolean() })),
});
export type ParticipationView = z.infer<typeof participationView>;

export const answerValue = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
]);
export const answersBody = z.object({ answers: z.record(z.string(), answerValue) });
export type AnswersBody = z.infer<typeof answersBody>;
export type AnswerMap = Record<string, z.infer<typeof answerValue>>;

export const answerForm = z.object({
  surveyId: uuid,
  invitationId: uuid.nullable(),
  title: localized,
  description: z.object({ vi: z.string(), en: z.string() }),
  status: z.enum(SURVEY_STATUSES),
  answered: z.boolean(),
  closesOn: z.string().nullable(),
  /** The branches this business is asked about: those it dealt with. */
  branches: z.array(z.object({ id: uuid, code: z.string(), name: z.string() })),
  definition: surveyDefinition,
  draft: z.record(z.string(), answerValue),
});
export type AnswerForm = z.infer<typeof answerForm>;

export const draftResult = z.object({
  saved: z.array(z.string()),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const submitResult = z.object({ received: z.literal(true) });

export const myInvitation = z.object({
  invitationId: uuid,
  surveyId: uuid,
  title: localized,
  closesOn: z.string().nullable(),
  status: z.enum(SURVEY_STATUSES),
  answered: z.boolean(),
  hasDraft: z.boolean(),
});

export const resultsQuery = z
  .object({
    stratum: z.string().max(200).optional(),
    businessType: z.enum(BUSINESS_TYPES).optional(),
  })
  .strict();
export type ResultsQuery = z.infer<typeof resultsQuery>;

const resultCell = z.object({
  /** A row of a matrix, an item of a ranking, or a branch of a per-branch question; null for the question itself. */
  item: z.string().nullable(),
  label: z.string().nullable(),
  withheld: z.boolean(),
  n: z.number().int().nullable(),
  mean: z.number().nullable(),
  options: z.array(z.object({ key: z.string(), count: z.number().int(), percent: z.number() })),
});
export type ResultCell = z.infer<typeof resultCell>;

export const surveyResults = z.object({
  surveyId: uuid,
  title: localized,
  respondents: z.number().int().nullable(),
  filter: z.object({ stratum: z.string().nullable(), businessType: z.enum(BUSINESS_TYPES).nullable() }),
  strata: z.array(z.string()),
  questions: z.array(
    z.object({
      key: z.string(),
      type: z.enum(QUESTION_TYPES),
      perBranch: z.boolean(),
      cells: z.array(resultCell),
      /** Free text: released only when at least 5 businesses wrote, shuffled, without names or dates. */
      texts: z.array(z.string()).nullable(),
    }),
  ),
  definition: surveyDefinition,
});
export type SurveyResults = z.infer<typeof surveyResults>;

export const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** An open survey some members of the caller's association are invited to (never which, nor who answered). */
export const associationSurvey = z.object({
  id: uuid,
  ownerUnitName: z.string(),
  title: localized,
  closesOn: z.string().nullable(),
  forwardedAt: z.string().nullable(),
});
export type AssociationSurvey = z.infer<typeof associationSurvey>;

export const forwardBody = z.object({ message: z.string().trim().max(1000).default('') });
export type ForwardBody = z.infer<typeof forwardBody>;
