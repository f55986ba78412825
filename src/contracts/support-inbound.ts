// The support desk's inbound e-mail (the officers' inbox of mail that matched
// no account or request) and the editable service levels.
import { z } from 'zod';
import { QA_CATEGORIES } from './questions.ts';
import { PRIORITIES } from './support.ts';

/** Largest mail the SMTP receiver takes (refused with 552 above it): a few attachments of 5 MB, base64-encoded. */
export const INBOUND_MAIL_MAX_BYTES = 20 * 1024 * 1024;

const INBOUND_STATUSES = ['opened', 'continued', 'unmatched', 'opened_by_officer', 'dismissed'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export const inboundListQuery = z.object({
  status: z.enum(INBOUND_STATUSES).default('unmatched'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const inboundAttachment = z.object({
  fileName: z.string(),
  size: z.number().int(),
  refused: z.enum(['attachment_type', 'attachment_too_large']).nullable(),
});

const inboundMail = z.object({
  id: z.uuid(),
  fromAddress: z.string(),
  fromName: z.string(),
  subject: z.string(),
  receivedAt: z.string(),
  status: z.enum(INBOUND_STATUSES),
  reason: z.string().nullable(),
  requestId: z.uuid().nullable(),
  requestNumber: z.string().nullable(),
  attachments: z.array(inboundAttachment),
});
export const inboundMailDetail = inboundMail.extend({ textBody: z.string() });
export const inboundList = z.object({ items: z.array(inboundMail), total: z.number().int() });
export type InboundMailView = z.infer<typeof inboundMailDetail>;

/** An officer opens a request on the sender's behalf. */
export const openFromMailBody = z.object({
  category: z.enum(QA_CATEGORIES),
  priority: z.enum(PRIORITIES).default('normal'),
  requesterName: z.string().trim().min(2).max(200),
  enterpriseTaxCode: z.string().trim().max(20).optional(),
  branchId: z.uuid().optional(),
});
export const dismissMailBody = z.object({ reason: z.string().trim().min(5).max(1000) });

/** Service-level targets in minutes of the chosen clock. */
const MAX_FIRST_RESPONSE_MINUTES = 30 * 24 * 60;
const MAX_RESOLUTION_MINUTES = 90 * 24 * 60;

export const serviceLevelView = z.object({
  category: z.enum(QA_CATEGORIES),
  priority: z.enum(PRIORITIES),
  calendar: z.enum(['24x7', 'working']),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export const serviceLevelList = z.object({ items: z.array(serviceLevelView), canEdit: z.boolean() });
export type ServiceLevelView = z.infer<typeof serviceLevelView>;

export const serviceLevelParams = z.object({ category: z.enum(QA_CATEGORIES), priority: z.enum(PRIORITIES) });
export const serviceLevelBody = z
  .object({
    calendar: z.enum(['24x7', 'working']),
    firstResponseMinutes: z.number().int().min(1).max(MAX_FIRST_RESPONSE_MINUTES),
    resolutionMinutes: z.number().int().min(1).max(MAX_RESOLUTION_MINUTES),
  })
  .refine((value) => value.resolutionMinutes >= value.firstResponseMinutes, {
    path: ['resolutionMinutes'],
    message: 'msg:resolution_before_first_response',
  });
