import type { Level } from './levels.ts';

/** The mouth of each level, from a wide smile (5) to a deep frown (1). */
const MOUTHS: Record<Level, string> = {
  5: 'M7 13.5c1.2 2.6 2.9 3.9 5 3.9s3.8-1.3 5-3.9z',
  4: 'M8 14.5c1.1 1.4 2.4 2.1 4 2.1s2.9-.7 4-2.1',
  3: 'M8.5 15.5h7',
  2: 'M8 16.8c1.1-1.4 2.4-2.1 4-2.1s2.9.7 4 2.1',
  1: 'M7.5 17.5c1.2-2 2.7-3 4.5-3s3.3 1 4.5 3',
};

const FILLS: Record<Level, string> = { 5: '#2f9e44', 4: '#66a80f', 3: '#f59f00', 2: '#f76707', 1: '#e03131' };

/**
 * A face per level, drawn rather than an emoji, so it shows the same on every
 * device (some have no emoji font). Decorative: the level's word is the label.
 */
export function Face({ level, size = 28 }: { level: Level; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill={FILLS[level]} opacity="0.18" stroke={FILLS[level]} strokeWidth="1.5" />
      {level === 1 && <path d="M7 7.5l3 1.2M17 7.5l-3 1.2" stroke="#212529" strokeWidth="1.5" strokeLinecap="round" />}
      <circle cx="8.8" cy="10" r="1.3" fill="#212529" />
      <circle cx="15.2" cy="10" r="1.3" fill="#212529" />
      <path
        d={MOUTHS[level]}
        fill={level === 5 ? '#212529' : 'none'}
        stroke="#212529"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
