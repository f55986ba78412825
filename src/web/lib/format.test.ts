import { describe, expect, it } from 'vitest';
import '../i18n/index.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';

// A local wall-clock time, so the expectations hold in any device time zone.
const at = new Date(2026, 11, 7, 14, 5).toISOString();

describe('formatting for the UI language', () => {
  it('groups thousands with dots in Vietnamese and commas in English', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(4.5, 'vi')).toBe('4,5');
  });

  it('writes dates day first in Vietnamese and with the month name in English', () => {
    expect(formatDate(at, 'vi')).toBe('07/12/2026');
    expect(formatDate(at, 'en')).toBe('7 Dec 2026');
    expect(formatDateTime(at, 'vi')).toBe('07/12/2026 14:05');
    expect(formatDateTime(at, 'en')).toBe('7 Dec 2026, 14:05');
  });

  it('shows a dash for a missing date', () => {
    for (const missing of [null, undefined, '']) {
      expect(formatDate(missing, 'vi')).toBe('—');
      expect(formatDateTime(missing, 'en')).toBe('—');
    }
  });
});
