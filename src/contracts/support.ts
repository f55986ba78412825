// The support desk: requests, the conversation, handling actions and the dashboard.
import { z } from 'zod';
import { QA_CATEGORIES } from './questions.ts';

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['web', 'phone', 'in_person', 'writing', 'email'] as const;
export type SupportChannel = (typeof CHANNELS)[number];
export const OFFICER_CHANNELS = ['phone', 'in_person', 'writing', 'email'] as const;
export const SUPPORT_STATUSES = ['open', 'in_progress', 'waiting', 'resolved', 'merged'] as const;
export type SupportStatusValue = (typeof SUPPORT_STATUSES)[number];

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const createRequestBody = z.object({
  subject: text(5, 200),
  body: text(10, 10_000),
  category: z.enum(QA_CATEGORIES),
  priority: z.enum(PRIORITIES).default('normal'),
  /** The branch the business deals with; its managing branch when omitted. */
  branchId: z.uuid().optional(),
  /** Brokers and associations act for an enterprise (its tax code). */
  enterpriseTaxCode: z.string().trim().max(20).optional(),
  /** Officers logging a request received another way. */
  channel: z.enum(OFFICER_CHANNELS).optional(),
  requesterName: text(2, 200).optional(),
  requesterEmail: z.email().max(200).optional(),
  requesterPhone: z.string().trim().max(40).optional(),
});
export type CreateRequestInput = z.infer<typeof createRequestBody>;

export const listRequestsQuery = z.object({
  status: z.enum(SUPPORT_STATUSES).optional(),
  category: z.enum(QA_CATEGORIES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const requestSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  subject: z.string(),
  category: z.enum(QA_CATEGORIES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  status: z.enum(SUPPORT_STATUSES),
  requesterName: z.string(),
  enterpriseName: z.string().nullable(),
  teamCode: z.string(),
  createdAt: z.string(),
  resolutionDue: z.string(),
  overdue: z.boolean(),
  unread: z.boolean(),
});
export const requestList = z.object({ items: z.array(requestSummary), total: z.number().int() });

const messageView = z.object({
  id: z.number().int(),
  kind: z.enum(['public', 'internal', 'system']),
  fromBusiness: z.boolean(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const attachmentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  internal: z.boolean(),
  createdAt: z.string(),
});

export const requestDetail = requestSummary.extend({
  body: z.string(),
  enterpriseTaxCode: z.string().nullable(),
  requesterEmail: z.string().nullable(),
  requesterPhone: z.string().nullable(),
  branchCode: z.string(),
  branchName: z.string(),
  teamName: z.string(),
  firstResponseDue: z.string(),
  firstRespondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  paused: z.boolean(),
  reopenUntil: z.string().nullable(),
  mergedIntoNumber: z.string().nullable(),
  rating: z.object({ helpful: z.boolean(), fast: z.boolean(), comment: z.string().nullable() }).nullable(),
  messages: z.array(messageView),
  attachments: z.array(attachmentView),
  /** Officer-only fields; null for a business. */
  handling: z
    .object({
      escalationLevel: z.number().int(),
      handlerUnitCode: z.string(),
      handlerRole: z.string(),
      assigneeUserId: z.uuid().nullable(),
      assigneeName: z.string().nullable(),
      following: z.boolean(),
      calendar: z.enum(['24x7', 'working']),
      events: z.array(z.object({ at: z.string(), action: z.string(), details: z.record(z.string(), z.unknown()) })),
      draftEntryId: z.uuid().nullable(),
    })
    .nullable(),
});
export type RequestDetail = z.infer<typeof requestDetail>;

export const replyBody = z.object({
  body: text(2, 10_000),
  internal: z.boolean().default(false),
  /** Officers: set the request to wait for the business (pauses the clock). */
  waitForBusiness: z.boolean().default(false),
});
export const statusBody = z.object({ status: z.enum(['in_progress', 'waiting', 'resolved']) });
export const reasonBody = z.object({ reason: text(5, 1000) });
export const transferBody = z.object({ teamId: z.uuid(), reason: text(5, 1000) });
export const assignBody = z.object({ userId: z.uuid().nullable() });
export const mergeBody = z.object({ intoId: z.uuid() });
export const rateBody = z.object({
  helpful: z.boolean(),
  fast: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});
export const cannedBody = z.object({
  title: text(3, 200),
  body: text(5, 10_000),
  category: z.enum(QA_CATEGORIES).nullable().default(null),
});
export const cannedAnswer = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  category: z.enum(QA_CATEGORIES).nullable(),
});

export const dashboardQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const dashboardResponse = z.object({
  from: z.string(),
  to: z.string(),
  openByUnit: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      lt1d: z.number(),
      d1to3: z.number(),
      d3to7: z.number(),
      gt7d: z.number(),
    }),
  ),
  sla: z.object({
    resolved: z.number(),
    firstResponseOnTime: z.number().nullable(),
    resolvedOnTime: z.number().nullable(),
    medianFirstResponseMinutes: z.number().nullable(),
    medianResolutionMinutes: z.number().nullable(),
  }),
  byCategory: z.array(z.object({ category: z.enum(QA_CATEGORIES), count: z.number() })),
  byChannel: z.array(z.object({ channel: z.enum(CHANNELS), count: z.number() })),
  /**
   * How businesses rated the answers, through disclosure control: over the last
   * twelve released months only, never for fewer than 5 businesses (then
   * `published` is false and nothing else is stated).
   */
  satisfaction: z.object({
    period: z.string().nullable(),
    published: z.boolean(),
    monthsShown: z.number(),
    rated: z.number().nullable(),
    helpful: z.number().nullable(),
    fast: z.number().nullable(),
  }),
});
export type SupportDashboard = z.infer<typeof dashboardResponse>;
