// Pure rules of the waiting-room screens: what a board may show of a declaration,
// who sets up screens, and who follows a declaration.
import { PROCESSING_STAGES, type ProcessingStage } from '../../../contracts/screens.ts';

/** The last `digits` digits of a declaration number, the rest hidden: `•••• 1234`. */
export function maskNumber(number: string, digits: number): string {
  return `••••${number.slice(-Math.max(1, Math.min(digits, number.length - 1)))}`;
}

/** Words of a legal form that say nothing about which business it is. */
const LEGAL_FORM = new Set([
  'công',
  'ty',
  'tnhh',
  'cổ',
  'phần',
  'cp',
  'trách',
  'nhiệm',
  'hữu',
  'hạn',
  'một',
  'thành',
  'viên',
  'mtv',
  'co.',
  'co',
  'ltd',
  'ltd.',
  'jsc',
  'company',
  'limited',
  'doanh',
  'nghiệp',
  'tư',
  'nhân',
]);

/**
 * The masked form a branch may choose to show: the first two letters of the
 * distinctive name and the initials of its other words (`Minh Phát Logistics`
 * → `Mi*** P. L.`). Never the whole name, never the tax code.
 */
export function maskCompany(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0 && !LEGAL_FORM.has(w.toLocaleLowerCase('vi')));
  const [first, ...rest] = words;
  if (!first) return '***';
  return [`${[...first].slice(0, 2).join('')}***`, ...rest.slice(0, 3).map((w) => `${[...w][0] ?? ''}.`)].join(' ');
}

export const stageOrder = (stage: string): number => PROCESSING_STAGES.indexOf(stage as ProcessingStage);

/** The stage a declaration is at: the furthest one received. */
export function currentStage<T extends { stage: string }>(steps: readonly T[]): T | null {
  let best: T | null = null;
  for (const step of steps) if (!best || stageOrder(step.stage) > stageOrder(best.stage)) best = step;
  return best;
}

/** Whether a board keeps a row: stages it shows, cleared ones only for a while. */
export function boardShows(
  row: { stage: string; at: Date },
  stages: readonly string[],
  now: Date,
  clearedKeepMs: number,
): boolean {
  if (!stages.includes(row.stage)) return false;
  return row.stage !== 'cleared' || now.getTime() - row.at.getTime() <= clearedKeepMs;
}

/** A pairing code a person types on a TV remote: no 0/O or 1/I. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
