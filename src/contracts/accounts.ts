import { z } from 'zod';
import { emailSchema, localeSchema, pageQuery, passwordSchema, ROLES, uuid } from './common.ts';

const roleInput = z.object({ role: z.enum(ROLES), unitId: uuid.nullable().default(null) });

export const accountResponse = z.object({
  id: uuid,
  email: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  locale: localeSchema,
  active: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: uuid.nullable(), unitCode: z.string().nullable() })),
  enterpriseId: uuid.nullable(),
  enterpriseName: z.string().nullable(),
  associationId: uuid.nullable(),
  officerId: uuid.nullable(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type Account = z.infer<typeof accountResponse>;

export const accountListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});

export const createAccountBody = z.object({
  email: emailSchema,
  fullName: z.string().trim().min(2).max(200),
  phone: z.string().trim().max(30).nullable().default(null),
  password: passwordSchema,
  locale: localeSchema.default('vi'),
  roles: z.array(roleInput).min(1).max(5),
  enterpriseId: uuid.nullable().default(null),
  associationId: uuid.nullable().default(null),
  officerId: uuid.nullable().default(null),
});

export const updateAccountBody = z
  .object({
    fullName: z.string().trim().min(2).max(200).optional(),
    phone: z.string().trim().max(30).nullable().optional(),
    active: z.boolean().optional(),
    roles: z.array(roleInput).min(1).max(5).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'msg:validation_failed' });

export const resetPasswordBody = z.object({ password: passwordSchema });
