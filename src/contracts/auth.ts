import { z } from 'zod';
import { emailSchema, localeSchema, passwordSchema, ROLES, uuid } from './common.ts';

export const signInBody = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/** The token of a one-time sign-in link (randomToken: 32 bytes, base64url) and the account's password. */
export const signInLinkBody = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'msg:sign_in_link_invalid'),
  password: z.string().min(1).max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const setLocaleBody = z.object({ locale: localeSchema });

const roleGrant = z.object({
  role: z.enum(ROLES),
  unitId: uuid.nullable(),
  unitCode: z.string().nullable(),
});

export const meResponse = z.object({
  id: uuid,
  email: z.string(),
  fullName: z.string(),
  locale: localeSchema,
  roles: z.array(roleGrant),
  enterprise: z.object({ id: uuid, taxCode: z.string(), name: z.string() }).nullable(),
  association: z.object({ id: uuid, name: z.string() }).nullable(),
  officer: z.object({ id: uuid, code: z.string() }).nullable(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const demoAccountsResponse = z.object({
  demo: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(z.object({ email: z.string(), fullName: z.string(), role: z.enum(ROLES), scope: z.string() })),
});
