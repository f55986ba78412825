import { describe, expect, it } from 'vitest';
import { splitPeriod } from './periods.ts';

describe('splitPeriod', () => {
  it('reads a year from today as whole months and the two partial ends', () => {
    expect(splitPeriod('2025-11-23', '2026-11-23')).toEqual({
      months: { from: '2025-12-01', to: '2026-10-01' },
      days: [
        { from: '2025-11-23', to: '2025-11-30' },
        { from: '2026-11-01', to: '2026-11-23' },
      ],
    });
  });

  it('reads whole months only when the period is made of them', () => {
    expect(splitPeriod('2026-01-01', '2026-02-28')).toEqual({ months: { from: '2026-01-01', to: '2026-02-01' }, days: [] });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] });
  });

  it('reads days only when no whole month fits', () => {
    expect(splitPeriod('2026-03-05', '2026-03-30')).toEqual({ months: null, days: [{ from: '2026-03-05', to: '2026-03-30' }] });
    expect(splitPeriod('2026-03-15', '2026-04-20')).toEqual({ months: null, days: [{ from: '2026-03-15', to: '2026-04-20' }] });
    expect(splitPeriod('2026-03-31', '2026-03-31')).toEqual({ months: null, days: [{ from: '2026-03-31', to: '2026-03-31' }] });
  });

  it('crosses a year end', () => {
    expect(splitPeriod('2025-12-31', '2026-02-01')).toEqual({
      months: { from: '2026-01-01', to: '2026-01-01' },
      days: [
        { from: '2025-12-31', to: '2025-12-31' },
        { from: '2026-02-01', to: '2026-02-01' },
      ],
    });
  });

  it('covers every day of the period exactly once', () => {
    for (const [from, to] of [['2025-02-10', '2026-05-09'], ['2026-01-01', '2026-12-31'], ['2026-06-30', '2026-08-01']] as const) {
      const { months, days } = splitPeriod(from, to);
      const covered: string[] = [];
      const each = (a: string, b: string) => {
        for (let d = new Date(`${a}T00:00:00Z`); d <= new Date(`${b}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) covered.push(d.toISOString().slice(0, 10));
      };
      for (const range of days) each(range.from, range.to);
      if (months) {
        const end = new Date(`${months.to}T00:00:00Z`);
        each(months.from, new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).toISOString().slice(0, 10));
      }
      const expected: string[] = [];
      for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) expected.push(d.toISOString().slice(0, 10));
      expect(covered.sort()).toEqual(expected);
    }
  });
});
