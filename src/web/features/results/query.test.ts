import { describe, expect, it } from 'vitest';
import { exportUrl, isMonth } from './query.ts';

describe('results queries', () => {
  it('builds export links for a unit or an officer, leaving out the default period', () => {
    expect(exportUrl({ unitId: 'u1' }, '2026-Q3', 'csv')).toBe(
      '/api/dashboards/units/u1/export?period=2026-Q3&format=csv',
    );
    expect(exportUrl({ officerId: 'o1' }, null, 'xlsx')).toBe('/api/dashboards/officers/o1/export?format=xlsx');
  });

  it('recognises a month key', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-Q3')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});
