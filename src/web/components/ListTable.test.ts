import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ListTable } from './ListTable.tsx';
import { renderHtml } from './render.test-helper.ts';

describe('ListTable', () => {
  it('names its scrolling region, heads each column, leaves out a false one, and passes props to the table', () => {
    const html = renderHtml(
      createElement(
        ListTable,
        { label: 'Khóa API', minWidth: 600, columns: ['Tên', false, 'Trạng thái'], 'data-testid': 'keys' } as never,
        createElement('tr', null, createElement('td', null, 'k1')),
      ),
    );
    expect(html).toContain('role="region" aria-label="Khóa API"');
    expect([...html.matchAll(/<th[^>]*scope="col"[^>]*>([^<]*)<\/th>/g)].map((match) => match[1])).toEqual([
      'Tên',
      'Trạng thái',
    ]);
    expect(html).toMatch(/<table[^>]*data-testid="keys"/);
    expect(html).toContain('<tbody');
    expect(html).toContain('<td>k1</td>');
  });
});
