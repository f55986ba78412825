import { describe, expect, it } from 'vitest';
import type { Totals } from './repository.ts';
import { bayesianScore, figuresOf } from './stats.ts';

const totals = (stars: number[]): Totals => ({
  n: stars.length,
  stars_sum: stars.reduce((a, b) => a + b, 0),
  s1: stars.filter((s) => s === 1).length,
  s2: stars.filter((s) => s === 2).length,
  s3: stars.filter((s) => s === 3).length,
  s4: stars.filter((s) => s === 4).length,
  s5: stars.filter((s) => s === 5).length,
  f_inconvenience: 0,
  f_harassment: 0,
  f_negativity: 0,
  f_delay: 1,
  f_error: 0,
});

describe('figures', () => {
  it('computes mean, distribution and satisfied share', () => {
    const f = figuresOf(totals([5, 5, 4, 3, 1]), 5);
    expect(f).toMatchObject({ count: 5, meanStars: 3.6, satisfiedShare: 0.6, distribution: { '1': 1, '3': 1, '4': 1, '5': 2 }, withheld: false });
  });

  it('withholds figures below the minimum count', () => {
    expect(figuresOf(totals([5, 5, 5]), 5)).toMatchObject({ count: 3, meanStars: null, distribution: null, withheld: true });
  });

  it('does not let 3 perfect ratings outrank 3,000 good ones', () => {
    const few = totals([5, 5, 5]);
    const many = totals([...Array<number>(2400).fill(5), ...Array<number>(600).fill(4)]);
    expect(bayesianScore(many, 4.2)).toBeGreaterThan(bayesianScore(few, 4.2));
    expect(bayesianScore(undefined, 4.2)).toBe(4.2);
  });
});
