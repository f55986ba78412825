// Figures from roll-up totals, and a ranking score that a handful of ratings cannot game.
import type { Totals } from './repository.ts';

export interface Figures {
  count: number;
  meanStars: number | null;
  distribution: { '1': number; '2': number; '3': number; '4': number; '5': number } | null;
  satisfiedShare: number | null;
  flags: { inconvenience: number; harassment: number; negativity: number; delay: number; error: number } | null;
  withheld: boolean;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function figuresOf(t: Totals | undefined, minimumCount: number): Figures {
  const n = t?.n ?? 0;
  if (!t || n === 0 || n < minimumCount) {
    return { count: n, meanStars: null, distribution: null, satisfiedShare: null, flags: null, withheld: n > 0 && n < minimumCount };
  }
  return {
    count: n,
    meanStars: round(t.stars_sum / n, 2),
    distribution: { '1': t.s1, '2': t.s2, '3': t.s3, '4': t.s4, '5': t.s5 },
    satisfiedShare: round((t.s4 + t.s5) / n),
    flags: { inconvenience: t.f_inconvenience, harassment: t.f_harassment, negativity: t.f_negativity, delay: t.f_delay, error: t.f_error },
    withheld: false,
  };
}

/** Bayesian mean: shrinks a unit's mean toward the overall mean by `weight` phantom ratings. */
export function bayesianScore(t: Totals | undefined, priorMean: number, weight = 30): number {
  const n = t?.n ?? 0;
  const sum = t?.stars_sum ?? 0;
  return round((weight * priorMean + sum) / (weight + n), 3);
}
