import { describe, expect, it } from 'vitest';
import { boardShows, currentStage, maskCompany, maskNumber } from './policy.ts';

describe('screen policy', () => {
  it('shows only the chosen last digits of a declaration number', () => {
    expect(maskNumber('105123456789', 4)).toBe('••••6789');
    expect(maskNumber('105123456789', 6)).toBe('••••456789');
  });
  it('masks a company name to two letters and initials, leaving out its legal form', () => {
    expect(maskCompany('Công ty TNHH Thương mại Minh Phát')).toBe('Th*** m. M. P.');
    expect(maskCompany('Minh Phat Logistics JSC')).toBe('Mi*** P. L.');
    expect(maskCompany('Công ty Cổ phần')).toBe('***');
    expect(maskCompany('Công ty TNHH Thương mại Minh Phát')).not.toContain('Minh');
  });
  it('takes the furthest stage as the current one', () => {
    expect(
      currentStage([{ stage: 'registered' }, { stage: 'goods_inspected' }, { stage: 'documents_checked' }])?.stage,
    ).toBe('goods_inspected');
    expect(currentStage([])).toBeNull();
  });
  it('keeps a cleared row for a while only, and only the stages the screen shows', () => {
    const now = new Date('2026-12-07T03:00:00Z');
    const at = new Date('2026-12-07T02:50:00Z');
    expect(boardShows({ stage: 'cleared', at }, ['cleared'], now, 30 * 60_000)).toBe(true);
    expect(boardShows({ stage: 'cleared', at }, ['cleared'], now, 5 * 60_000)).toBe(false);
    expect(boardShows({ stage: 'registered', at }, ['cleared'], now, 5 * 60_000)).toBe(false);
  });
});
