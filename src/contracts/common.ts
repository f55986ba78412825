// Pieces every contract uses. Custom messages are `msg:<key>` so the server
// and the web app can show them in the reader's language.
import { z } from 'zod';

export const ROLES = [
  'enterprise_user',
  'broker',
  'association_rep',
  'officer',
  'team_lead',
  'branch_leader',
  'department_leader',
  'inspector',
  'gd_staff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['general_department', 'department', 'branch', 'team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const uuid = z.uuid();
export const localeSchema = z.enum(['vi', 'en']);

const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** Normalizes "0100109106-001" to "0100109106001"; returns null when not 10 or 13 digits. */
export function normalizeTaxCode(input: string): string | null {
  const compact = input.trim().replace(/[\s.]/g, '');
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!match) return null;
  return match[1]! + (match[2] ?? '');
}

/** The check digit rule of the Vietnamese tax code (the 10th digit). */
export function hasValidTaxCodeCheckDigit(taxCode: string): boolean {
  const digits = taxCode.slice(0, 10).split('').map(Number);
  const sum = TAX_CODE_WEIGHTS.reduce((total, weight, index) => total + weight * digits[index]!, 0);
  const check = 10 - (sum % 11);
  if (check === 10) return false;
  if (taxCode.length === 13 && taxCode.slice(10) === '000') return false;
  return digits[9] === check;
}

export const taxCodeSchema = z
  .string()
  .trim()
  .max(20)
  .transform((value, ctx) => {
    const normalized = normalizeTaxCode(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'msg:tax_code_format' });
      return z.NEVER;
    }
    if (!hasValidTaxCodeCheckDigit(normalized)) {
      ctx.addIssue({ code: 'custom', message: 'msg:tax_code_checksum' });
      return z.NEVER;
    }
    return normalized;
  });

export const passwordSchema = z
  .string()
  .max(200)
  .refine((value) => value.length >= 10 && /\p{L}/u.test(value) && /\d/.test(value), { message: 'msg:password_weak' });

export const emailSchema = z
  .email()
  .max(200)
  .transform((value) => value.toLowerCase());

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const okResponse = z.object({ ok: z.literal(true) });
