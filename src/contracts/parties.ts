import { z } from 'zod';
import { pageQuery, taxCodeSchema, uuid } from './common.ts';

export const enterpriseResponse = z.object({
  id: uuid,
  taxCode: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  address: z.string().nullable(),
  province: z.string().nullable(),
  isBroker: z.boolean(),
  managingUnitId: uuid.nullable(),
});
export type Enterprise = z.infer<typeof enterpriseResponse>;

export const enterpriseListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });

export const createEnterpriseBody = z.object({
  taxCode: taxCodeSchema,
  name: z.string().trim().min(2).max(300),
  nameEn: z.string().trim().max(300).nullable().default(null),
  address: z.string().trim().max(500).nullable().default(null),
  province: z.string().trim().max(100).nullable().default(null),
  isBroker: z.boolean().default(false),
  managingUnitId: uuid.nullable().default(null),
});

export const associationResponse = z.object({
  id: uuid,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  memberCount: z.number().int(),
});

export const officerResponse = z.object({
  id: uuid,
  code: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  unitId: uuid,
  active: z.boolean(),
});

export const officerListQuery = pageQuery.extend({ unitId: uuid.optional(), q: z.string().trim().max(100).optional() });
