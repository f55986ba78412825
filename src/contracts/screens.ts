// Waiting-room screens: processing steps sent by declaration software, the
// screens a branch sets up for an office, the board a screen reads, and a
// business following its own declaration.
import { z } from 'zod';
import { uuid } from './common.ts';

/** The stages a declaration passes at the office, in order. */
export const PROCESSING_STAGES = [
  'registered',
  'documents_checked',
  'goods_inspected',
  'awaiting_payment',
  'cleared',
] as const;
export type ProcessingStage = (typeof PROCESSING_STAGES)[number];
export const SCREEN_CHANNELS = ['green', 'yellow', 'red'] as const;
/** What a screen rotates through. */
export const ROTATION_ITEMS = ['board', 'procedures', 'documents', 'announcements', 'hours', 'satisfaction'] as const;
export type RotationItem = (typeof ROTATION_ITEMS)[number];
export const SCREEN_LANGUAGES = ['vi', 'en', 'both'] as const;
export const COMPANY_NAME_MODES = ['hidden', 'masked'] as const;
/** A cleared declaration is highlighted this long on the board. */
export const CLEARED_HIGHLIGHT_MS = 60_000;
/** The board keeps a declaration this long after it was cleared. */
export const CLEARED_KEEP_MS = 30 * 60_000;
export const SCREEN_PAIRING_MINUTES = 15;

const isoDateTime = z.iso.datetime({ offset: true });

/** A processing step from declaration software (`PUT /api/v1/declarations/{number}/progress/{stage}`). */
export const progressBody = z.object({
  at: isoDateTime,
  channel: z.enum(SCREEN_CHANNELS).optional(),
  counter: z.string().trim().min(1).max(20).optional(),
  teamCode: z.string().trim().max(20).optional(),
});
export type ProgressBody = z.infer<typeof progressBody>;
export const progressParams = z.object({
  number: z.string().regex(/^\d{12}$/, 'msg:declaration_number_format'),
  stage: z.enum(PROCESSING_STAGES),
});
export const progressResponse = z.object({
  number: z.string(),
  stage: z.enum(PROCESSING_STAGES),
  at: z.string(),
  channel: z.enum(SCREEN_CHANNELS),
  counter: z.string().nullable(),
  teamCode: z.string().nullable(),
  /** false when the same step had already been received with the same values (nothing changed). */
  changed: z.boolean(),
});

const localizedLine = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') });

export const announcementSchema = z
  .object({
    text: localizedLine,
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .refine((a) => a.to >= a.from, { message: 'msg:announcement_ends_before_start', path: ['to'] });

export const screenBody = z.object({
  officeCode: z.string().trim().min(1, 'msg:screen_office_required').max(20),
  name: z.string().trim().min(2).max(80),
  stages: z.array(z.enum(PROCESSING_STAGES)).min(1).max(PROCESSING_STAGES.length),
  rotation: z.array(z.enum(ROTATION_ITEMS)).min(1).max(ROTATION_ITEMS.length),
  language: z.enum(SCREEN_LANGUAGES),
  numberDigits: z.number().int().min(3).max(6),
  companyNames: z.enum(COMPANY_NAME_MODES).default('hidden'),
  questionIds: z.array(uuid).max(20).default([]),
  documentIds: z.array(uuid).max(20).default([]),
  announcements: z.array(announcementSchema).max(10).default([]),
  openingHours: z
    .object({ vi: z.string().trim().max(300).default(''), en: z.string().trim().max(300).default('') })
    .default({ vi: '', en: '' }),
});
export type ScreenBody = z.input<typeof screenBody>;

export const screenDetail = z.object({
  id: uuid,
  officeCode: z.string(),
  officeName: z.object({ vi: z.string(), en: z.string() }),
  name: z.string(),
  stages: z.array(z.enum(PROCESSING_STAGES)),
  rotation: z.array(z.enum(ROTATION_ITEMS)),
  language: z.enum(SCREEN_LANGUAGES),
  numberDigits: z.number(),
  companyNames: z.enum(COMPANY_NAME_MODES),
  questionIds: z.array(uuid),
  documentIds: z.array(uuid),
  announcements: z.array(
    z.object({ text: z.object({ vi: z.string(), en: z.string() }), from: z.string(), to: z.string() }),
  ),
  openingHours: z.object({ vi: z.string(), en: z.string() }),
  keyPrefix: z.string(),
  updatedAt: z.string(),
});
export type ScreenDetail = z.infer<typeof screenDetail>;

/** Shown once: the screen key (opens the board) and a short pairing code a TV can type instead. */
export const screenCredentials = z.object({
  key: z.string(),
  pairingCode: z.string(),
  pairingExpiresAt: z.string(),
});
export const createdScreen = screenDetail.extend({ credentials: screenCredentials });

export const pairingBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, 'msg:pairing_code_format'),
});
export const pairingResponse = z.object({ key: z.string() });

/** One row of a board: nothing that names a business unless the branch chose a masked name. */
export const boardRow = z.object({
  /** An opaque id for the row (not the declaration number). */
  id: z.string(),
  maskedNumber: z.string(),
  stage: z.enum(PROCESSING_STAGES),
  channel: z.enum(SCREEN_CHANNELS),
  since: z.string(),
  counter: z.string().nullable(),
  team: z.object({ vi: z.string(), en: z.string() }).nullable(),
  company: z.string().nullable(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const boardView = z.object({
  screen: z.object({
    name: z.string(),
    officeName: z.object({ vi: z.string(), en: z.string() }),
    officeCode: z.string(),
    stages: z.array(z.enum(PROCESSING_STAGES)),
    rotation: z.array(z.enum(ROTATION_ITEMS)),
    language: z.enum(SCREEN_LANGUAGES),
  }),
  rows: z.array(boardRow),
  /** The last event id the rows include: the stream resumes after it. */
  lastEventId: z.string(),
  procedures: z.array(
    z.object({
      id: uuid,
      title: z.object({ vi: z.string(), en: z.string() }),
      body: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
  documents: z.array(
    z.object({
      id: uuid,
      number: z.string(),
      title: z.string(),
      summary: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
  announcements: z.array(z.object({ text: z.object({ vi: z.string(), en: z.string() }), to: z.string() })),
  openingHours: z.object({ vi: z.string(), en: z.string() }),
  /** The office's last released month, through the disclosure gate: null figures when withheld. */
  satisfaction: z.object({
    period: z.string().nullable(),
    published: z.boolean(),
    satisfiedShare: z.number().nullable(),
    meanStars: z.number().nullable(),
  }),
  /** Where the QR code on the screen leads: a business follows its declaration there. */
  followUrl: z.string(),
  now: z.string(),
});
export type BoardView = z.infer<typeof boardView>;

/** A declaration as its declarant follows it on a phone. */
export const followedDeclaration = z.object({
  number: z.string(),
  officeName: z.object({ vi: z.string(), en: z.string() }),
  channel: z.enum(SCREEN_CHANNELS),
  stage: z.enum(PROCESSING_STAGES).nullable(),
  steps: z.array(z.object({ stage: z.enum(PROCESSING_STAGES), at: z.string(), counter: z.string().nullable() })),
  cleared: z.boolean(),
  /** The rating link's path, for the declarant only (it already holds it). */
  ratePath: z.string(),
});
export type FollowedDeclaration = z.infer<typeof followedDeclaration>;
export const followedList = z.object({ declarations: z.array(followedDeclaration) });
export const followQuery = z.object({ office: z.string().trim().max(20).optional() });
