import { z } from 'zod';
import { UNIT_KINDS, uuid } from './common.ts';

const unitCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,12}$/, 'msg:unit_code_format'));

export const unitResponse = z.object({
  id: uuid,
  code: z.string(),
  kind: z.enum(UNIT_KINDS),
  nameVi: z.string(),
  nameEn: z.string(),
  parentId: uuid.nullable(),
  status: z.enum(['active', 'merged', 'closed']),
  mergedIntoId: uuid.nullable(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof unitResponse>;

export const unitListQuery = z.object({
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createUnitBody = z.object({
  code: unitCode,
  kind: z.enum(UNIT_KINDS),
  nameVi: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
  parentId: uuid.nullable(),
});

export const updateUnitBody = z
  .object({
    nameVi: z.string().trim().min(2).max(200).optional(),
    nameEn: z.string().trim().min(2).max(200).optional(),
    parentId: uuid.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'msg:validation_failed' });

export const mergeUnitBody = z.object({ intoId: uuid });

export const unitHistoryResponse = z.array(
  z.object({ action: z.string(), at: z.string(), before: z.unknown(), after: z.unknown() }),
);

export const unitIdParams = z.object({ id: uuid });
