// Dialogues and meetings: events, registrations, questions, check-in, minutes,
// follow-up items, enterprise dialogue requests, results.
import { z } from 'zod';
import { taxCodeSchema, uuid } from './common.ts';

export const EVENT_KINDS = ['conference', 'quarterly_dialogue', 'morning_coffee', 'enterprise_dialogue'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_AUDIENCES = ['all', 'branch', 'association', 'invited'] as const;
const EVENT_STATUSES = ['published', 'held', 'cancelled'] as const;
const DIALOGUE_STATUSES = ['pending', 'proposed', 'accepted', 'declined'] as const;
const FOLLOW_UP_LINKS = ['support_request', 'question_bank'] as const;

const isoDateTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

const eventBase = z.object({
  kind: z.enum(EVENT_KINDS),
  title: z.string().trim().min(5).max(300),
  agenda: z.string().trim().max(8000).default(''),
  organizerUnitId: uuid,
  place: z.string().trim().max(500).nullable().default(null),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .default(null),
  capacity: z.number().int().min(1).max(100_000).nullable().default(null),
  audience: z.enum(EVENT_AUDIENCES),
  audienceUnitId: uuid.nullable().default(null),
  audienceAssociationId: uuid.nullable().default(null),
  invitedTaxCodes: z.array(taxCodeSchema).max(500).default([]),
});

export const createEventBody = eventBase
  .extend({ startsAt: isoDateTime, endsAt: isoDateTime })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    path: ['endsAt'],
    message: 'msg:event_end_before_start',
  })
  .refine((v) => v.place !== null || v.onlineUrl !== null, { path: ['place'], message: 'msg:event_place_required' });
export type CreateEventBody = z.infer<typeof createEventBody>;

/** "Morning coffee with businesses": one occurrence on the last Monday of each month. */
export const createSeriesBody = eventBase
  .omit({ kind: true })
  .extend({
    fromMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'msg:month_format'),
    months: z.number().int().min(1).max(24),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'msg:time_format'),
    durationMinutes: z.number().int().min(15).max(600),
  })
  .refine((v) => v.place !== null || v.onlineUrl !== null, { path: ['place'], message: 'msg:event_place_required' });

export const eventListQuery = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  kind: z.enum(EVENT_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const eventSummary = z.object({
  id: uuid,
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  organizer: z.object({ id: uuid, code: z.string(), name: z.string() }),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().nullable(),
  registered: z.number(),
  audience: z.enum(EVENT_AUDIENCES),
  status: z.enum(EVENT_STATUSES),
  myRegistration: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummary>;

const followUpView = z.object({
  ownerUnit: z.object({ id: uuid, code: z.string(), name: z.string() }).nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  link: z.object({ kind: z.enum(FOLLOW_UP_LINKS), ref: z.string().nullable(), status: z.string() }).nullable(),
});

export const questionView = z.object({
  id: uuid,
  text: z.string(),
  enterpriseName: z.string().nullable(),
  mine: z.boolean(),
  votes: z.number(),
  myVote: z.boolean(),
  raisedAtEvent: z.boolean(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  followUp: followUpView.nullable(),
});
export type QuestionView = z.infer<typeof questionView>;

const registrationView = z.object({
  id: uuid,
  enterprise: z.object({ taxCode: z.string(), name: z.string() }),
  attendeeName: z.string(),
  registeredAt: z.string(),
  checkedInAt: z.string().nullable(),
});

export const eventDetail = eventSummary.extend({
  agenda: z.string(),
  audienceUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
  audienceAssociation: z.string().nullable(),
  minutes: z.string().nullable(),
  canManage: z.boolean(),
  canRegister: z.boolean(),
  /** The event has begun (by the server's clock): minutes and questions from the room are open. */
  started: z.boolean(),
  checkedIn: z.number(),
  /** The caller's own registration, with the token its QR code carries. */
  registration: z
    .object({ id: uuid, token: z.string(), attendeeName: z.string(), checkedInAt: z.string().nullable() })
    .nullable(),
  questions: z.array(questionView),
  /** Only for those who manage the event. */
  registrations: z.array(registrationView).nullable(),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const registerBody = z.object({ attendeeName: z.string().trim().min(2).max(200) });
export const questionBody = z.object({ text: z.string().trim().min(10).max(2000), taxCode: taxCodeSchema.optional() });
export const checkInBody = z.union([
  z.object({ registrationId: uuid }),
  z.object({
    token: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, 'msg:checkin_token_format'),
  }),
]);
export const minutesBody = z.object({ minutes: text(20_000), dueDays: z.number().int().min(1).max(90).default(15) });

export const followUpListQuery = z.object({
  status: z.enum(['open', 'overdue', 'answered']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const followUpItem = z.object({
  id: uuid,
  eventId: uuid,
  eventTitle: z.string(),
  eventStartsAt: z.string(),
  text: z.string(),
  enterpriseName: z.string().nullable(),
  ownerUnit: z.object({ id: uuid, code: z.string(), name: z.string() }).nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  link: z.object({ kind: z.enum(FOLLOW_UP_LINKS), ref: z.string().nullable(), status: z.string() }).nullable(),
});
export type FollowUpItem = z.infer<typeof followUpItem>;
export const updateFollowUpBody = z
  .object({ ownerUnitId: uuid.optional(), dueAt: isoDateTime.optional() })
  .refine((v) => v.ownerUnitId !== undefined || v.dueAt !== undefined, { message: 'msg:nothing_to_change' });
export const answerBody = z.object({ answer: z.string().trim().min(5).max(8000) });
export const linkBody = z.object({
  kind: z.enum(FOLLOW_UP_LINKS),
  ref: z.string().trim().max(100).nullable().default(null),
});

export const statsQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const statsResponse = z.object({
  rows: z.array(
    z.object({
      unit: z.object({ id: uuid, code: z.string(), name: z.string() }),
      kind: z.enum(EVENT_KINDS),
      events: z.number(),
      held: z.number(),
      registrations: z.number(),
      attended: z.number(),
    }),
  ),
  followUps: z.object({ open: z.number(), overdue: z.number(), answered: z.number() }),
});

export const dialogueRequestBody = z.object({
  unitId: uuid,
  subject: z.string().trim().min(5).max(300),
  description: z.string().trim().min(10).max(4000),
  preferredAt: isoDateTime.nullable().default(null),
});
export const dialogueDecisionBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('accept'),
    startsAt: isoDateTime.optional(),
    durationMinutes: z.number().int().min(15).max(600).default(60),
    place: z.string().trim().min(2).max(500),
  }),
  z.object({ decision: z.literal('propose'), proposedAt: isoDateTime, place: z.string().trim().min(2).max(500) }),
  z.object({ decision: z.literal('decline'), reason: z.string().trim().min(5).max(2000) }),
]);
export const dialogueRequestView = z.object({
  id: uuid,
  enterprise: z.object({ taxCode: z.string(), name: z.string() }),
  unit: z.object({ id: uuid, code: z.string(), name: z.string() }),
  subject: z.string(),
  description: z.string(),
  preferredAt: z.string().nullable(),
  status: z.enum(DIALOGUE_STATUSES),
  proposedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  eventId: uuid.nullable(),
  createdAt: z.string(),
  canDecide: z.boolean(),
});
export type DialogueRequestView = z.infer<typeof dialogueRequestView>;
