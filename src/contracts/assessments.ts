// Declarations and their service-quality assessments (integration API v1 and the web app).
import { z } from 'zod';
import { FLAG_KINDS, SUBJECT_KINDS } from './assessment-kinds.ts';
import { taxCodeSchema } from './common.ts';
import { periodSchema } from './periods.ts';

export { EDIT_WINDOW_DAYS } from './periods.ts';

const CHANNELS = ['green', 'yellow', 'red'] as const;
export { FLAG_KINDS, SUBJECT_KINDS, type FlagKind, type SubjectKind } from './assessment-kinds.ts';

export const declarationNumber = z.string().regex(/^\d{12}$/, 'msg:declaration_number_format');

/** The token of a declaration's rating link (the path of its QR code). */
export const ratingTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'msg:invalid_rating_link'),
});

const isoDateTime = z.iso.datetime({ offset: true });

const declarationStep = z.object({
  stage: z.string().trim().min(2).max(100),
  teamCode: z.string().trim().max(20).optional(),
  officerCode: z.string().trim().max(30).optional(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
});

export const putDeclarationBody = z.object({
  typeCode: z
    .string()
    .trim()
    .regex(/^[A-Z]\d{2}$/, 'msg:type_code_format'),
  enterprise: z.object({ taxCode: taxCodeSchema, name: z.string().trim().min(2).max(300) }),
  declarant: z.object({ taxCode: taxCodeSchema, name: z.string().trim().min(2).max(300) }).optional(),
  officeCode: z.string().trim().min(2).max(12),
  channel: z.enum(CHANNELS),
  registeredAt: isoDateTime,
  clearedAt: isoDateTime.optional(),
  status: z.string().trim().min(2).max(40).default('registered'),
  steps: z.array(declarationStep).min(1).max(30),
});
export type PutDeclaration = z.infer<typeof putDeclarationBody>;

export const declarationResponse = z.object({
  number: z.string(),
  typeCode: z.string(),
  enterprise: z.object({ taxCode: z.string(), name: z.string() }),
  declarant: z.object({ taxCode: z.string(), name: z.string() }).nullable(),
  officeCode: z.string(),
  channel: z.enum(CHANNELS),
  registeredAt: z.string(),
  clearedAt: z.string().nullable(),
  status: z.string(),
  steps: z.array(
    z.object({
      stage: z.string(),
      teamCode: z.string().nullable(),
      officerCode: z.string().nullable(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
  /** The business's rating link: only for an integration client with the `assessments:links` scope. */
  assessmentUrl: z.string().optional(),
  assessed: z.boolean(),
});

/** The scope that lets an integration client (the business's own declaration software) receive rating links. */
export const ASSESSMENT_LINKS_SCOPE = 'assessments:links';

const ratingInput = z.object({
  kind: z.enum(SUBJECT_KINDS),
  ref: z.string().trim().min(1).max(100),
  stars: z.number().int().min(1).max(5),
  reason: z.string().trim().max(2000).optional(),
  flags: z.array(z.enum(FLAG_KINDS)).max(5).optional(),
});

export const assessmentBody = z.object({
  subjects: z.array(ratingInput).min(1).max(40),
  comment: z.string().trim().max(4000).optional(),
});
export type AssessmentInput = z.infer<typeof assessmentBody>;

export const assessmentResponse = z.object({
  declarationNumber: z.string(),
  subjects: z.array(
    z.object({
      kind: z.enum(SUBJECT_KINDS),
      ref: z.string(),
      label: z.string(),
      stars: z.number(),
      reason: z.string().nullable(),
      flags: z.array(z.enum(FLAG_KINDS)),
    }),
  ),
  comment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  editableUntil: z.string(),
  revision: z.number(),
  cases: z.array(z.object({ number: z.string(), kinds: z.array(z.enum(FLAG_KINDS)), status: z.string() })),
});

/** The rating page: the declaration, who may be rated, and what was sent. */
export const ratingPageResponse = z.object({
  declaration: z.object({
    number: z.string(),
    typeCode: z.string(),
    channel: z.enum(CHANNELS),
    officeName: z.string(),
    officeNameEn: z.string(),
    registeredAt: z.string(),
    enterpriseName: z.string(),
  }),
  participants: z.array(z.object({ kind: z.enum(SUBJECT_KINDS), ref: z.string(), label: z.string() })),
  /** Whether a rating was sent; what it says is shown only to the business. */
  assessed: z.boolean(),
  /**
   * Who is looking: `business` (signed in), `code` (this browser verified a
   * one-time code), or `link` (the link alone: no rating is shown).
   */
  viewer: z.enum(['link', 'code', 'business']),
  assessment: assessmentResponse.nullable(),
});

// Reading or amending a sent rating from its link takes a one-time code mailed
// to the business's registered addresses (or the business signed in).
export const RATING_CODE_MINUTES = 15;
export const RATING_CODE_ATTEMPTS = 5;
export const RATING_CODES_PER_DAY = 5;
export const RATING_CODE_INTERVAL_SECONDS = 60;
export const RATING_ACCESS_MINUTES = 30;

export const ratingCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'msg:rating_code_format'),
});
/** The same answer whether or not the business has an address, or a code went out. */
export const ratingCodeRequested = z.object({ expiresInMinutes: z.number() });
export const ratingAccessGranted = z.object({ expiresAt: z.string() });

export const myDeclaration = z.object({
  number: z.string(),
  typeCode: z.string(),
  channel: z.enum(CHANNELS),
  registeredAt: z.string(),
  officeName: z.string(),
  enterpriseName: z.string(),
  assessed: z.boolean(),
  editableUntil: z.string().nullable(),
  ratingToken: z.string(),
});

export type RatingPage = z.infer<typeof ratingPageResponse>;
export type MyDeclaration = z.infer<typeof myDeclaration>;
export type AssessmentView = z.infer<typeof assessmentResponse>;

/**
 * A released period (`period`: 2026-11, 2026-Q3, 2026, last12-2026-11), or for
 * callers of the first version `from`/`to` naming exactly such a period's first and
 * last day. Free ranges are refused: differences of overlapping ranges would
 * single out raters.
 */
export const satisfactionQuery = z.strictObject({
  period: periodSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

const flagCounts = z.object({
  inconvenience: z.number(),
  harassment: z.number(),
  negativity: z.number(),
  delay: z.number(),
  error: z.number(),
});

export const satisfactionResponse = z.object({
  unitCode: z.string(),
  /** The released period answered; null when nothing is released yet. */
  period: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** True when fewer than `minimumCount` businesses rated (or to protect such a cell): no figure, no count. */
  withheld: z.boolean(),
  /** Minimum number of distinct businesses behind a published figure. */
  minimumCount: z.number(),
  /** Ratings (rows); null when withheld. */
  count: z.number().nullable(),
  /** Declarations rated; null when withheld. */
  declarations: z.number().nullable(),
  /** Months of the period with a published figure (the figures sum those). */
  monthsShown: z.number(),
  meanStars: z.number().nullable(),
  distribution: z
    .object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number(), '5': z.number() })
    .nullable(),
  satisfiedShare: z.number().nullable(),
  flags: flagCounts.nullable(),
});

export const importJobResponse = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  processed: z.number(),
  succeeded: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
