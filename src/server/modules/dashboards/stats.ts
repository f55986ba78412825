// Figures from published cells, and a ranking score that a handful of ratings cannot game.
import type { Figures } from '../../../contracts/dashboards.ts';
import type { CellRow } from '../disclosure/reader.ts';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const EMPTY = {
  businesses: null,
  declarations: null,
  satisfiedShare: null,
  ratings: null,
  meanStars: null,
  distribution: null,
  flags: null,
};

/** The sum of a node's published months within a period of `monthsInPeriod` months. */
export function figuresOf(cells: readonly CellRow[] | undefined, monthsInPeriod: number): Figures {
  const rows = cells ?? [];
  if (rows.length === 0) return { published: false, monthsShown: 0, monthsInPeriod, ...EMPTY };
  const sum = (key: string) => rows.reduce((total, row) => total + (row.counts[key] ?? 0), 0);
  const declarations = rows.reduce((total, row) => total + row.items, 0);
  const ratings = sum('ratings');
  return {
    published: true,
    monthsShown: new Set(rows.map((row) => row.month)).size,
    monthsInPeriod,
    businesses: rows.length === 1 && monthsInPeriod === 1 ? rows[0]!.businesses : null,
    declarations,
    satisfiedShare: declarations > 0 ? round(sum('satisfied_items') / declarations) : null,
    ratings,
    meanStars: ratings > 0 ? round(sum('stars_sum') / ratings, 2) : null,
    distribution: { '1': sum('s1'), '2': sum('s2'), '3': sum('s3'), '4': sum('s4'), '5': sum('s5') },
    flags: {
      inconvenience: sum('f_inconvenience'),
      harassment: sum('f_harassment'),
      negativity: sum('f_negativity'),
      delay: sum('f_delay'),
      error: sum('f_error'),
    },
  };
}

/** Bayesian mean: shrinks a mean toward the overall mean by `weight` phantom ratings. */
export function bayesianScore(figures: Figures, priorMean: number, weight = 30): number | null {
  if (!figures.published || !figures.ratings || figures.meanStars === null) return null;
  return round((weight * priorMean + figures.meanStars * figures.ratings) / (weight + figures.ratings), 3);
}
