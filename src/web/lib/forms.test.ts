import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../app/api.ts';
import { i18n } from '../i18n/index.ts';
import { translateMessage } from './errors.ts';
import { apiFieldErrors, issuesToErrors } from './forms.ts';

i18n.addResourceBundle('vi', 'translation', {
  errors: { validation_failed: 'Dữ liệu không hợp lệ', unit_code_format: 'Mã đơn vị gồm 2–12 chữ hoặc số' },
  validation: { required: 'Bắt buộc', email: 'Email không hợp lệ' },
});

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
      email: 'Email không hợp lệ',
      'roles.0.unitId': 'Bắt buộc',
      code: 'Mã đơn vị gồm 2–12 chữ hoặc số',
    });
    expect(issuesToErrors(z.string().safeParse(1).error?.issues ?? [])).toHaveProperty('form');
  });

  it("maps the server's field details onto the same paths", () => {
    const error = new ApiError('validation_failed', 'x', 400, [
      { field: 'email', message: 'Email đã được dùng' },
      { field: 'email', message: 'second' },
      { field: 'code', message: 'msg:unit_code_format' },
    ]);
    expect(apiFieldErrors(error)).toEqual({ email: 'Email đã được dùng', code: 'Mã đơn vị gồm 2–12 chữ hoặc số' });
  });

  it('translates contract message keys, falling back to a generic message, and leaves other text alone', () => {
    expect(translateMessage('msg:unit_code_format')).toBe('Mã đơn vị gồm 2–12 chữ hoặc số');
    expect(translateMessage('msg:no_such_key')).toBe('Dữ liệu không hợp lệ');
    expect(translateMessage('Đã tồn tại')).toBe('Đã tồn tại');
  });
});
