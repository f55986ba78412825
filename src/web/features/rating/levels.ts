// The five levels of satisfaction and the five kinds of flag, as the business sees them.
import { FLAG_KINDS, type FlagKind } from '../../../contracts/assessment-kinds.ts';

export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];

export const FLAGS: readonly FlagKind[] = FLAG_KINDS;

export function isLevel(value: number): value is Level {
  return value >= 1 && value <= 5 && Number.isInteger(value);
}
