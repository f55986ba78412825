import { describe, expect, it } from 'vitest';
import { isEmptyList } from './ListState.tsx';

describe('what counts as an empty list', () => {
  it('is an empty array or a page with no items', () => {
    expect(isEmptyList([])).toBe(true);
    expect(isEmptyList({ items: [], total: 0 })).toBe(true);
  });

  it('is not a list with rows, nor a record that is not a list', () => {
    expect(isEmptyList([1])).toBe(false);
    expect(isEmptyList({ items: [{ id: 1 }], total: 1 })).toBe(false);
    expect(isEmptyList({ rows: [] })).toBe(false);
    expect(isEmptyList({ items: '' })).toBe(false);
    expect(isEmptyList(null)).toBe(false);
    expect(isEmptyList(0)).toBe(false);
  });
});
