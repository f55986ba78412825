import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringsReady } from '../i18n/index.ts';
import vi from '../i18n/vi.json';
import { ApiError } from '../app/api.ts';
import { isEmptyList, ListState, type QueryLike } from './ListState.tsx';
import { renderHtml } from './render.test-helper.ts';

beforeAll(() => stringsReady());

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

const query = (state: Partial<QueryLike<string[]>>): QueryLike<string[]> => ({
  isPending: false,
  isError: false,
  error: null,
  data: undefined,
  refetch: () => Promise.resolve(),
  ...state,
});
const render = (state: Partial<QueryLike<string[]>>, props: { loader?: 'table' | 'page'; retry?: boolean } = {}) =>
  renderHtml(
    createElement(ListState<string[]>, {
      query: query(state),
      empty: 'Chưa có hồ sơ nào',
      ...props,
      children: (rows: string[]) => createElement('ul', { 'data-testid': 'rows' }, rows.join(',')),
    }),
  );
const failure = new ApiError('forbidden', 'Không có quyền', 403);

describe('ListState', () => {
  it('shows a table skeleton, or the page loader, while the query loads, and nothing else', () => {
    const table = render({ isPending: true });
    expect(table).toContain('role="status"');
    expect(table).toContain('mantine-Skeleton');
    expect(table).not.toContain('Chưa có hồ sơ nào');
    const page = render({ isPending: true }, { loader: 'page' });
    expect(page).toContain('mantine-Loader');
    expect(page).not.toContain('mantine-Skeleton');
  });

  it('shows the error with a retry button, or without one when asked', () => {
    const html = render({ isError: true, error: failure });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Không có quyền');
    expect(html).toContain(vi.common.retry);
    expect(html).not.toContain('mantine-Skeleton');
    expect(render({ isError: true, error: failure }, { retry: false })).not.toContain(vi.common.retry);
  });

  it('shows the empty message for no rows, else the content', () => {
    expect(render({ data: [] })).toContain('Chưa có hồ sơ nào');
    expect(render({ data: [] })).not.toContain('data-testid="rows"');
    const html = render({ data: ['a', 'b'] });
    expect(html).toContain('<ul data-testid="rows">a,b</ul>');
    expect(html).not.toContain('Chưa có hồ sơ nào');
  });

  it('keeps the data it had when a refetch fails, under the error', () => {
    const html = render({ isError: true, error: failure, data: ['a'] });
    expect(html).toContain('role="alert"');
    expect(html).toContain('<ul data-testid="rows">a</ul>');
  });
});
