import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  endOfVietnamDay,
  lastDayOfMonth,
  monthsBetween,
  startOfVietnamDay,
  startOfVietnamDayOf,
  vietnamDateTime,
  vietnamDay,
  vietnamDaysRange,
  vietnamInstant,
  vietnamMonth,
  vietnamMonthRange,
  vietnamWeekday,
} from './vietnam-time.ts';

describe('Vietnam time (UTC+7 all year)', () => {
  it('turns instants into Vietnam days, months and weekdays', () => {
    expect(vietnamDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(vietnamWeekday(new Date('2026-11-29T17:30:00Z'))).toBe(1); // Monday 00:30 in Hà Nội
  });

  it('gives the bounds of days and months', () => {
    expect(startOfVietnamDay('2026-11-23').toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(endOfVietnamDay('2026-11-23').toISOString()).toBe('2026-11-23T16:59:59.999Z');
    expect(startOfVietnamDayOf(new Date('2026-11-23T16:59:00Z')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(startOfVietnamDayOf(new Date('2026-11-23T17:00:00Z')).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    const month = vietnamMonthRange('2026-12');
    expect([month.start.toISOString(), month.end.toISOString()]).toEqual([
      '2026-11-30T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ]);
    const days = vietnamDaysRange('2026-02-27', '2026-02-28');
    expect([days.start.toISOString(), days.end.toISOString()]).toEqual([
      '2026-02-26T17:00:00.000Z',
      '2026-02-28T17:00:00.000Z',
    ]);
  });

  it('reads wall-clock times as Vietnam time', () => {
    expect(vietnamDateTime('2026-11-30T07:30')).toBe('2026-11-30T07:30:00+07:00');
    expect(vietnamDateTime('2026-11-30', '07:30')).toBe('2026-11-30T07:30:00+07:00');
    expect(vietnamDateTime('2026-11-30')).toBe('2026-11-30T00:00:00+07:00');
    expect(vietnamInstant('2026-11-30', '07:30').toISOString()).toBe('2026-11-30T00:30:00.000Z');
  });

  it('counts days and months across year ends and short months', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
  });
});
