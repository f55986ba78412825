import { describe, expect, it } from 'vitest';
import { vietnamIso } from './hooks.ts';

describe('event times typed in a form', () => {
  it('are Vietnam time, and a blank input stays blank', () => {
    expect(vietnamIso('2026-11-30T07:30')).toBe('2026-11-30T07:30:00+07:00');
    expect(vietnamIso('')).toBe('');
  });
});
