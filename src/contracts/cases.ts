import { z } from 'zod';
import { FLAG_KINDS, SUBJECT_KINDS } from './assessments.ts';

const CASE_STATUSES = ['open', 'in_review', 'resolved'] as const;

export const caseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const caseResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  kinds: z.array(z.enum(FLAG_KINDS)),
  status: z.enum(CASE_STATUSES),
  subject: z.object({
    kind: z.enum(SUBJECT_KINDS),
    stage: z.string().nullable(),
    unitId: z.uuid(),
    officerId: z.uuid().nullable(),
    unitCode: z.string(),
    unitName: z.string(),
    officerCode: z.string().nullable(),
    officerName: z.string().nullable(),
  }),
  stars: z.number().nullable(),
  reason: z.string().nullable(),
  handlerUnitCode: z.string(),
  handlerRole: z.string(),
  escalationLevel: z.number(),
  openedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  finding: z
    .object({
      substantiated: z.boolean(),
      responsibleUnitId: z.uuid().nullable(),
      responsibleOfficerId: z.uuid().nullable(),
      measure: z.string(),
      note: z.string().nullable(),
      resolvedAt: z.string(),
    })
    .nullable(),
  handlingStars: z.number().nullable(),
  events: z.array(z.object({ at: z.string(), action: z.string() })),
  canRevealIdentity: z.boolean(),
});
export type CaseView = z.infer<typeof caseResponse>;

export const findingBody = z.object({
  substantiated: z.boolean(),
  responsibleUnitId: z.uuid().nullable().default(null),
  responsibleOfficerId: z.uuid().nullable().default(null),
  measure: z.string().trim().min(5).max(2000),
  note: z.string().trim().max(4000).nullable().default(null),
});

export const identityResponse = z.object({
  declarationNumber: z.string(),
  enterprise: z.object({ taxCode: z.string(), name: z.string() }),
  declarant: z.object({ taxCode: z.string(), name: z.string() }).nullable(),
});

export const handlingFeedbackBody = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
