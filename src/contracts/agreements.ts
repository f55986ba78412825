// Partnership agreements: cooperation agreements with enterprises and
// coordination regulations with business associations; annual targets.
import { z } from 'zod';
import { taxCodeSchema, uuid } from './common.ts';

export const AGREEMENT_KINDS = ['cooperation', 'coordination'] as const;
export const AGREEMENT_STATUSES = ['draft', 'signed', 'in_force', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_PDF_MAX_BYTES = 10 * 1024 * 1024;

const isoDate = z.iso.date();

export const createAgreementBody = z
  .object({
    number: z.string().trim().min(1).max(60),
    kind: z.enum(AGREEMENT_KINDS),
    unitId: uuid,
    enterpriseTaxCode: taxCodeSchema.nullable().default(null),
    associationId: uuid.nullable().default(null),
    title: z.string().trim().min(5).max(300),
    signedOn: isoDate.nullable().default(null),
    expiresOn: isoDate.nullable().default(null),
    commitments: z.string().trim().max(8000).default(''),
    status: z.enum(['draft', 'signed', 'in_force']).default('draft'),
  })
  .refine((v) => v.kind !== 'cooperation' || v.enterpriseTaxCode !== null, {
    path: ['enterpriseTaxCode'],
    message: 'msg:agreement_enterprise_required',
  })
  .refine((v) => v.kind !== 'coordination' || v.associationId !== null, {
    path: ['associationId'],
    message: 'msg:agreement_association_required',
  })
  .refine((v) => v.status === 'draft' || v.signedOn !== null, {
    path: ['signedOn'],
    message: 'msg:agreement_signed_on_required',
  })
  .refine((v) => !v.signedOn || !v.expiresOn || v.expiresOn > v.signedOn, {
    path: ['expiresOn'],
    message: 'msg:agreement_expiry_order',
  });
export type CreateAgreementBody = z.infer<typeof createAgreementBody>;

export const changeStatusBody = z.object({
  status: z.enum(AGREEMENT_STATUSES),
  signedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
  reason: z.string().trim().min(5).max(2000).optional(),
});

export const agreementListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: uuid.optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const exportQuery = agreementListQuery
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

export const agreementView = z.object({
  id: uuid,
  number: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  unit: z.object({ id: uuid, code: z.string(), name: z.string(), kind: z.string() }),
  party: z.object({
    kind: z.enum(['enterprise', 'association']),
    id: uuid,
    name: z.string(),
    taxCode: z.string().nullable(),
  }),
  title: z.string(),
  signedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  commitments: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  statusReason: z.string().nullable(),
  document: z.object({ name: z.string(), size: z.number() }).nullable(),
  canManage: z.boolean(),
  nextStatuses: z.array(z.enum(AGREEMENT_STATUSES)),
});
export type AgreementView = z.infer<typeof agreementView>;

export const progressQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const progressRow = z.object({
  unit: z.object({ id: uuid, code: z.string(), name: z.string(), kind: z.string() }),
  year: z.number(),
  targetMin: z.number().nullable(),
  targetMax: z.number().nullable(),
  signed: z.number(),
  inForce: z.number(),
  percent: z.number().nullable(),
});
export type ProgressRow = z.infer<typeof progressRow>;

export const targetBody = z
  .object({
    unitId: uuid,
    year: z.number().int().min(2000).max(2100),
    targetMin: z.number().int().min(0).max(100_000),
    targetMax: z.number().int().min(0).max(100_000).nullable().default(null),
  })
  .refine((v) => v.targetMax === null || v.targetMax >= v.targetMin, {
    path: ['targetMax'],
    message: 'msg:agreement_target_order',
  });
