import { describe, expect, it } from 'vitest';
import { ApiError, toApiError, withQuery } from './api.ts';

describe('withQuery', () => {
  it('returns the path alone without a query or with only empty values', () => {
    expect(withQuery('/api/cases')).toBe('/api/cases');
    expect(withQuery('/api/cases', {})).toBe('/api/cases');
    expect(withQuery('/api/cases', { status: undefined, unit: null, q: '' })).toBe('/api/cases');
  });

  it('keeps zero and false, and drops only undefined, null and empty strings', () => {
    expect(withQuery('/api/audit', { offset: 0, mine: false, q: '', actor: null, limit: 50 })).toBe(
      '/api/audit?offset=0&mine=false&limit=50',
    );
  });

  it('encodes values', () => {
    expect(withQuery('/api/question-bank', { q: 'mã HS & thuế', tag: 'a/b' })).toBe(
      '/api/question-bank?q=m%C3%A3+HS+%26+thu%E1%BA%BF&tag=a%2Fb',
    );
  });
});

describe('ApiError', () => {
  it('drops the field list the server appends from its summary', () => {
    const details = [
      { field: 'email', message: 'Email không hợp lệ' },
      { field: 'name', message: 'Bắt buộc' },
    ];
    const error = new ApiError(
      'validation_failed',
      'Dữ liệu không hợp lệ: email — Email không hợp lệ; name — Bắt buộc',
      400,
      details,
    );
    expect(error.summary).toBe('Dữ liệu không hợp lệ');
  });

  it('keeps a message that does not end with the field list', () => {
    const error = new ApiError('conflict', 'Đã tồn tại', 409, [{ field: 'code', message: 'trùng' }]);
    expect(error.summary).toBe('Đã tồn tại');
    expect(new ApiError('not_found', 'Không tìm thấy', 404).summary).toBe('Không tìm thấy');
  });

  it('wraps anything thrown as an internal ApiError, and passes ApiErrors through', () => {
    const original = new ApiError('forbidden', 'Không có quyền', 403);
    expect(toApiError(original)).toBe(original);
    const wrapped = toApiError(new TypeError('boom'));
    expect([wrapped.code, wrapped.message, wrapped.status]).toEqual(['internal', 'boom', 0]);
    expect(toApiError('text').message).toBe('');
  });
});
