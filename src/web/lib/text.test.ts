import { describe, expect, it } from 'vitest';
import { matchesText, normalizeText } from './text.ts';

describe('diacritics-insensitive matching', () => {
  it('folds case, tones and đ', () => {
    expect(normalizeText('  Hải Phòng ')).toBe('hai phong');
    expect(normalizeText('Đình Vũ')).toBe('dinh vu');
    expect(normalizeText('CỤC HẢI QUAN TP. HỒ CHÍ MINH')).toBe('cuc hai quan tp. ho chi minh');
  });

  it('finds a folded needle in any spelling, and everything for an empty needle', () => {
    expect(matchesText('Chi cục Hải quan cửa khẩu cảng Đình Vũ', normalizeText('dinh vu'))).toBe(true);
    expect(matchesText('Chi cục Hải quan Bắc Ninh', normalizeText('dinh vu'))).toBe(false);
    expect(matchesText('anything', '')).toBe(true);
  });
});
