import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../app/api.ts';
import { stringsReady } from '../i18n/index.ts';
import vi from '../i18n/vi.json';
import { translateMessage } from './errors.ts';
import { apiFieldErrors, issuesToErrors } from './forms.ts';

// forms.ts and errors.ts ask for their string groups when they load (scripts/vite/i18n-split.ts).
beforeAll(() => stringsReady());
const codeFormat = vi.errors.unit_code_format;

describe('form errors', () => {
  it('places each issue on its field path, the first one winning, and a root issue on the form', () => {
    const schema = z.object({
      email: z.email(),
      roles: z.array(z.object({ unitId: z.string().min(1) })),
      code: z
        .string()
        .regex(/^[A-Z]+$/, 'msg:unit_code_format')
        .min(5),
    });
    const result = schema.safeParse({ email: 'x', roles: [{ unitId: '' }], code: 'a' });
    expect(issuesToErrors(result.error?.issues ?? [])).toEqual({
      email: vi.validation.email,
      'roles.0.unitId': vi.validation.required,
      code: codeFormat,
    });
    expect(issuesToErrors(z.string().safeParse(1).error?.issues ?? [])).toHaveProperty('form');
  });

  it("maps the server's field details onto the same paths", () => {
    const error = new ApiError('validation_failed', 'x', 400, [
      { field: 'email', message: 'Email đã được dùng' },
      { field: 'email', message: 'second' },
      { field: 'code', message: 'msg:unit_code_format' },
    ]);
    expect(apiFieldErrors(error)).toEqual({ email: 'Email đã được dùng', code: codeFormat });
  });

  it('translates contract message keys, falling back to a generic message, and leaves other text alone', () => {
    expect(translateMessage('msg:unit_code_format')).toBe(codeFormat);
    expect(translateMessage('msg:no_such_key')).toBe(vi.errors.validation_failed);
    expect(translateMessage('Đã tồn tại')).toBe('Đã tồn tại');
  });
});
