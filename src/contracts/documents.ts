// Information to businesses: legal documents, topic subscriptions, the monthly
// newsletter, announcements.
import { z } from 'zod';
import { uuid } from './common.ts';

export const TOPICS = [
  'procedures',
  'hs_classification',
  'valuation',
  'origin',
  'tax_refund',
  'tax_exemption',
  'processing_export',
  'inspection',
  'commodity_policy',
  'e_commerce',
  'it_systems',
] as const;
export type Topic = (typeof TOPICS)[number];
export const DOC_TYPES = ['law', 'decree', 'decision', 'circular', 'official_letter'] as const;
export const DOC_STATUSES = ['in_force', 'amended', 'replaced', 'expired'] as const;

const isoDate = z.iso.date();

export const documentBody = z.object({
  number: z.string().trim().min(3).max(60),
  docType: z.enum(DOC_TYPES),
  issuer: z.string().trim().min(2).max(200),
  title: z.string().trim().min(5).max(500),
  issuedOn: isoDate,
  effectiveOn: isoDate.nullable().default(null),
  summaryVi: z.string().trim().min(10).max(8000),
  summaryEn: z.string().trim().max(8000).default(''),
  topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length),
  status: z.enum(DOC_STATUSES).default('in_force'),
  replacedByNumber: z.string().trim().max(60).nullable().default(null),
  fileUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .default(null),
  /** The unit whose officers maintain the record; by default the author's own. */
  unitId: uuid.nullable().default(null),
});

/**
 * A document's file: the signed text as PDF, the editable text as DOCX, annex
 * tables (HS lists, forms) as XLSX. Legacy DOC/XLS are refused: their OLE
 * container cannot be told apart by its signature and may carry macros.
 */
export const DOCUMENT_FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type DocumentFileKind = keyof typeof DOCUMENT_FILE_TYPES;
export const DOCUMENT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const documentFileView = z.object({
  id: uuid,
  version: z.number(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  current: z.boolean(),
  url: z.string(),
});
export type DocumentFileView = z.infer<typeof documentFileView>;
export const documentFileParams = z.object({ id: uuid, fileId: uuid });

export const documentListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  topic: z.enum(TOPICS).optional(),
  docType: z.enum(DOC_TYPES).optional(),
  status: z.enum(DOC_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const documentView = z.object({
  id: uuid,
  number: z.string(),
  docType: z.enum(DOC_TYPES),
  issuer: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  effectiveOn: z.string().nullable(),
  summaryVi: z.string(),
  summaryEn: z.string(),
  topics: z.array(z.enum(TOPICS)),
  status: z.enum(DOC_STATUSES),
  replacedBy: z.object({ id: uuid, number: z.string() }).nullable(),
  fileUrl: z.string().nullable(),
  unit: z.object({ id: uuid, code: z.string(), name: z.string() }).nullable(),
  /** Every file version, the current one first. */
  files: z.array(documentFileView),
  canManage: z.boolean(),
});
export type DocumentView = z.infer<typeof documentView>;

export const subscriptionBody = z.object({ topics: z.array(z.enum(TOPICS)).max(TOPICS.length) });
export const subscriptionView = z.object({
  kind: z.enum(['enterprise', 'association']),
  topics: z.array(z.enum(TOPICS)),
  active: z.boolean(),
  members: z.number().nullable(),
});

export const newsletterView = z.object({
  id: uuid,
  month: z.string(),
  status: z.enum(['draft', 'sent']),
  introVi: z.string(),
  items: z.array(
    z.object({
      kind: z.enum(['document', 'question', 'event']),
      id: uuid,
      title: z.string(),
      detail: z.string(),
      topics: z.array(z.string()),
    }),
  ),
  recipients: z.number(),
  sentAt: z.string().nullable(),
  delivery: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }),
  /** null: the General Department's national issue. */
  unit: z.object({ id: uuid, code: z.string(), name: z.string() }).nullable(),
});
export type NewsletterView = z.infer<typeof newsletterView>;
export const draftBody = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'msg:month_format'),
  unitId: uuid.optional(),
});

/** Where one recipient's copy stands; "skipped" recipients had unsubscribed and got no mail. */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const deliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const deliveryLogView = z.object({
  newsletter: z.object({
    id: uuid,
    month: z.string(),
    status: z.enum(['draft', 'sent']),
    sentAt: z.string().nullable(),
    unit: z.object({ id: uuid, code: z.string(), name: z.string() }).nullable(),
  }),
  counts: z.object({
    total: z.number(),
    pending: z.number(),
    sending: z.number(),
    sent: z.number(),
    failed: z.number(),
    uncertain: z.number(),
    skipped: z.number(),
  }),
  /** Copies still queued or being handed to the mail server. */
  running: z.boolean(),
  /** Rows matching the filter. */
  matched: z.number(),
  rows: z.array(
    z.object({
      email: z.string(),
      status: z.enum(DELIVERY_STATUSES),
      error: z.string().nullable(),
      attempts: z.number(),
      sentAt: z.string().nullable(),
      unsubscribedAt: z.string().nullable(),
    }),
  ),
});
export type DeliveryLogView = z.infer<typeof deliveryLogView>;
export const retryView = z.object({ retried: z.number() });
export const reviewBody = z.object({
  introVi: z.string().trim().min(10).max(4000),
  removeItemIds: z.array(uuid).max(500).default([]),
});

export const unsubscribeView = z.object({ email: z.string(), unsubscribed: z.boolean() });

export const announcementBody = z.object({
  unitId: uuid,
  title: z.string().trim().min(5).max(300),
  body: z.string().trim().min(10).max(4000),
  expiresOn: isoDate.nullable().default(null),
});
export const announcementView = z.object({
  id: uuid,
  unit: z.object({ code: z.string(), name: z.string() }),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  expiresOn: z.string().nullable(),
});
export type AnnouncementView = z.infer<typeof announcementView>;
export const announcementQuery = z.object({
  unit: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{2,12}$/)
    .optional(),
});
