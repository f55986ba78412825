import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringsReady } from '../i18n/index.ts';
import vi from '../i18n/vi.json';
import { ModalFooter } from './ModalFooter.tsx';
import { renderHtml } from './render.test-helper.ts';

beforeAll(() => stringsReady());

const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>/g)].map((match) => ({
    type: /type="(\w+)"/.exec(match[1] ?? '')?.[1],
    testId: /data-testid="([^"]+)"/.exec(match[1] ?? '')?.[1],
    loading: (match[1] ?? '').includes('data-loading'),
  }));

describe('ModalFooter', () => {
  it('puts Cancel first, then a submit button for the form, with its test id', () => {
    const html = renderHtml(
      createElement(ModalFooter, { onCancel: () => {}, submitLabel: 'Lưu', testId: 'unit-submit' }),
    );
    expect(buttons(html)).toEqual([
      { type: 'button', testId: undefined, loading: false },
      { type: 'submit', testId: 'unit-submit', loading: false },
    ]);
    expect(html.indexOf(vi.common.cancel)).toBeLessThan(html.indexOf('Lưu'));
  });

  it('makes the action a plain button when it has its own handler, and shows it loading', () => {
    const html = renderHtml(
      createElement(ModalFooter, {
        onCancel: () => {},
        cancelLabel: 'Quay lại',
        submitLabel: 'Hợp nhất',
        onSubmit: () => {},
        loading: true,
        testId: 'merge-confirm',
      }),
    );
    expect(buttons(html)[1]).toEqual({ type: 'button', testId: 'merge-confirm', loading: true });
    expect(html).toContain('Quay lại');
    expect(html).not.toContain(vi.common.cancel);
  });
});
