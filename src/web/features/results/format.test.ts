import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../contracts/periods.ts';
import { monthLabel, monthSpan, periodLabel, resultsFormat, vietnamDate, vietnamDateTime } from './format.ts';
import { resolvePeriod } from './query.ts';

describe('results format', () => {
  it('labels months, quarters, years and the last twelve months as Vietnamese readers expect', () => {
    expect(monthLabel('2026-10', 'vi')).toBe('Tháng 10/2026');
    expect(monthLabel('2026-10', 'en')).toBe('October 2026');
    expect(periodLabel(parsePeriod('2026-Q3'), 'vi')).toBe('Quý III/2026');
    expect(periodLabel(parsePeriod('2026-Q3'), 'en')).toBe('Q3 2026');
    expect(periodLabel(parsePeriod('2025'), 'vi')).toBe('Năm 2025');
    expect(periodLabel(parsePeriod('last12-2026-10'), 'vi')).toBe('12 tháng gần nhất');
    expect(periodLabel(parsePeriod('last12-2026-09'), 'vi', false)).toBe('12 tháng đến tháng 9/2026');
    expect(resultsFormat('vi').periodWithMonths(parsePeriod('last12-2026-10'), 'last12-2026-10')).toBe(
      '12 tháng gần nhất (tháng 11/2025–10/2026)',
    );
    expect(resultsFormat('vi').periodWithMonths(parsePeriod('2026-Q3'), 'last12-2026-10')).toBe(
      'Quý III/2026 (tháng 7–9/2026)',
    );
  });

  it('spans months for comment batches', () => {
    expect(monthSpan('2026-08', '2026-10', 'vi')).toBe('tháng 8–10/2026');
    expect(monthSpan('2025-11', '2026-01', 'vi')).toBe('tháng 11/2025–1/2026');
    expect(monthSpan('2026-10', '2026-10', 'vi')).toBe('tháng 10/2026');
    expect(monthSpan('2026-08', '2026-10', 'en')).toBe('August–October 2026');
  });

  it('gives days and times in Vietnam time, whatever the device zone', () => {
    // 00:00 on 8 December in Vietnam is 17:00 on 7 December UTC.
    expect(vietnamDate('2026-12-07T17:00:00.000Z', 'vi')).toBe('08/12/2026');
    expect(vietnamDate('2026-12-07T17:00:00.000Z', 'en')).toBe('8 December 2026');
    expect(vietnamDateTime('2026-12-07T16:05:00.000Z', 'vi')).toBe('07/12/2026 23:05');
  });

  it('writes numbers with one decimal comma in Vietnamese', () => {
    const vi = resultsFormat('vi');
    expect(vi.count(1662)).toBe('1.662');
    expect(vi.mean(4.2)).toBe('4,20');
    expect(vi.percent(0.758).replace(/\s/g, ' ')).toMatch(/^75,8 ?%$/);
  });
});

describe('the period in the URL', () => {
  const periods = {
    periods: [
      {
        key: 'last12-2026-10',
        kind: 'last12' as const,
        months: [
          '2025-11',
          '2025-12',
          '2026-01',
          '2026-02',
          '2026-03',
          '2026-04',
          '2026-05',
          '2026-06',
          '2026-07',
          '2026-08',
          '2026-09',
          '2026-10',
        ],
      },
      { key: '2026-10', kind: 'month' as const, months: ['2026-10'] },
      { key: '2026-09', kind: 'month' as const, months: ['2026-09'] },
      { key: '2026-Q3', kind: 'quarter' as const, months: ['2026-07', '2026-08', '2026-09'] },
    ],
    next: { month: '2026-11', releasesAt: '2026-12-07T17:00:00.000Z' },
    minimumBusinesses: 5,
  };

  it('is sent only once it is known to be released', () => {
    expect(resolvePeriod(null, undefined)).toEqual({ state: 'default' });
    expect(resolvePeriod('2026-10', undefined)).toEqual({ state: 'checking' });
    expect(resolvePeriod('2026-Q3', periods)).toMatchObject({ state: 'released', period: { key: '2026-Q3' } });
    expect(resolvePeriod('2026-11', periods)).toEqual({ state: 'unreleased', key: '2026-11' });
    expect(resolvePeriod('red', undefined)).toEqual({ state: 'unreleased', key: 'red' });
  });

  it('accepts the twelve months to an earlier released month, as the server does', () => {
    expect(resolvePeriod('last12-2026-09', periods)).toEqual({
      state: 'released',
      period: { key: 'last12-2026-09', kind: 'last12', months: ['2026-09'] },
    });
    expect(resolvePeriod('last12-2026-11', periods)).toEqual({ state: 'unreleased', key: 'last12-2026-11' });
  });
});
