import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from '../../lib/ics.ts';
import { inAudience, lastMonday, lastMondaySeries, registrationOpen } from './policy.ts';

describe('calendar of the morning coffee', () => {
  it('finds the last Monday of each month', () => {
    expect(lastMonday(2026, 11)).toEqual({ year: 2026, month: 11, day: 30 });
    expect(lastMonday(2026, 12)).toEqual({ year: 2026, month: 12, day: 28 });
    expect(lastMonday(2027, 2)).toEqual({ year: 2027, month: 2, day: 22 });
    expect(lastMonday(2028, 2)).toEqual({ year: 2028, month: 2, day: 28 });
    expect(lastMonday(2027, 5)).toEqual({ year: 2027, month: 5, day: 31 });
  });
  it('crosses the year at Vietnam time', () => {
    expect(lastMondaySeries('2026-12', 2, '07:30').map((d) => d.toISOString())).toEqual([
      '2026-12-28T00:30:00.000Z',
      '2027-01-25T00:30:00.000Z',
    ]);
  });
});

describe('audience', () => {
  const business = { unitAncestry: ['team', 'branch', 'dept'], associationIds: ['vcci'], invited: false };
  it('matches each kind of audience', () => {
    expect(inAudience({ audience: 'all', audience_unit_id: null, audience_association_id: null }, business)).toBe(true);
    expect(inAudience({ audience: 'branch', audience_unit_id: 'dept', audience_association_id: null }, business)).toBe(
      true,
    );
    expect(inAudience({ audience: 'branch', audience_unit_id: 'other', audience_association_id: null }, business)).toBe(
      false,
    );
    expect(
      inAudience({ audience: 'association', audience_unit_id: null, audience_association_id: 'vcci' }, business),
    ).toBe(true);
    expect(inAudience({ audience: 'invited', audience_unit_id: null, audience_association_id: null }, business)).toBe(
      false,
    );
    expect(
      inAudience(
        { audience: 'invited', audience_unit_id: null, audience_association_id: null },
        { ...business, invited: true },
      ),
    ).toBe(true);
  });
  it('closes registration at the end', () => {
    const ends_at = new Date('2026-11-30T02:00:00Z');
    expect(registrationOpen({ status: 'published', ends_at }, new Date('2026-11-30T01:59:00Z'))).toBe(true);
    expect(registrationOpen({ status: 'published', ends_at }, new Date('2026-11-30T02:00:00Z'))).toBe(false);
    expect(registrationOpen({ status: 'held', ends_at }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
  });
});

describe('iCalendar text (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and new lines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds at 75 octets without splitting a Vietnamese character', () => {
    const line = `SUMMARY:${'Đối thoại doanh nghiệp '.repeat(8)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
  });
  it('writes a complete calendar with CRLF line ends', () => {
    const ics = buildIcs({
      uid: 'u1@x',
      stamp: new Date('2026-11-23T03:00:00Z'),
      start: new Date('2026-11-30T00:30:00Z'),
      end: new Date('2026-11-30T02:00:00Z'),
      summary: 'Cà phê',
      organizer: { name: 'Chi cục "03NK"', email: 'a@b.vn' },
      alarmMinutes: 60,
    });
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics).toContain('ORGANIZER;CN="Chi cục 03NK":mailto:a@b.vn\r\n');
    expect(ics).toContain('TRIGGER:-PT60M\r\n');
    expect(ics).toContain('DTSTAMP:20261123T030000Z\r\n');
  });
});
