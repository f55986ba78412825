// A reader on a phone types a question with a typo and without diacritics:
// suggestions come as they type, the results say which words they are for,
// matched words are marked, and the first result opens.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('question-bank search', () => {
  it('suggests as you type, corrects a typo, marks the words and opens an answer', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto('/hoi-dap');
    await page.getByTestId('qa-search').click();
    await page.getByTestId('qa-search').pressSequentially('hoan thu', { delay: 30 });
    await expect.poll(() => page.getByRole('option').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const suggestion = (await page.getByRole('option').first().textContent()) ?? '';
    expect(suggestion).toMatch(/hoàn/i);
    await expectAccessible(page, 'question bank, suggestions');

    await page.getByTestId('qa-search').fill('hoan thuee');
    await page.getByTestId('qa-search-submit').click();
    await expect
      .poll(() => page.getByTestId('qa-corrected').textContent(), { timeout: 15_000 })
      .toBe('Không có kết quả cho “hoan thuee”. Đang hiện kết quả cho “hoan thue”.');
    await expect.poll(() => page.getByTestId('qa-result').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('mark.search-hit').first().textContent()).toMatch(/^(hoàn|thuế|hoàn thuế)$/i);
    await expectAccessible(page, 'question bank, corrected query');

    const title = (await page.getByTestId('qa-result').first().textContent()) ?? '';
    await page.getByTestId('qa-result').first().click();
    await expect.poll(() => page.getByTestId('qa-entry-title').textContent()).toBe(title);
    await expectAccessible(page, 'question-bank entry from search');
    await context.close();
  });

  it('answers a question typed as a sentence with approximate results, said so', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/hoi-dap?q=${encodeURIComponent('làm thế nào để hủy tờ khai đã đăng ký')}`);
    await expect.poll(() => page.getByTestId('qa-approximate').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('qa-result').first().textContent()).toMatch(/hủy tờ khai/i);
    await expectAccessible(page, 'question bank, approximate results');
    await page.goto(`/hoi-dap?q=${encodeURIComponent('how do I get a tax refund')}`);
    await expect
      .poll(() => page.getByTestId('qa-result').first().textContent(), { timeout: 15_000 })
      .toMatch(/hoàn thuế/i);
    await context.close();
  });

  it('lets an officer add a synonym that search applies at once, marking it in the results', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'congchuc.03nk@demo.caunoi.vn');
    await page.goto('/app/hoi-dap');
    await page.getByTestId('qa-synonyms').click();
    await expect.poll(() => page.getByTestId('synonym-row').count(), { timeout: 15_000 }).toBeGreaterThan(10);
    await expectAccessible(page, 'question bank synonyms');
    await page.getByTestId('synonym-terms').fill('xe hơi cũ');
    await page.getByTestId('synonym-save').click();
    await expect.poll(() => page.getByTestId('synonym-terms').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('synonym-terms').fill('xe hơi cũ\nô tô đã qua sử dụng');
    await page.getByTestId('synonym-save').click();
    await expect.poll(() => page.getByTestId('synonym-list').textContent()).toContain('xe hơi cũ');

    await page.goto(`/hoi-dap?q=${encodeURIComponent('nhập khẩu xe hơi cũ')}`);
    await expect
      .poll(() => page.getByTestId('qa-result').first().textContent(), { timeout: 15_000 })
      .toMatch(/ô tô đã qua sử dụng/);
    await expect.poll(() => page.getByTestId('qa-approximate').count()).toBe(0);
    const marked = await page.getByTestId('qa-result').first().locator('mark.search-hit').allTextContents();
    expect(marked.map((text) => text.toLowerCase())).toContain('ô tô đã qua sử dụng');
    await expectAccessible(page, 'question bank, results through a synonym');
    await context.close();
  });
});
