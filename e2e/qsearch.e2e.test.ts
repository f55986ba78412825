// A reader on a phone types a question with a typo and without diacritics:
// suggestions come as they type, the results say which words they are for,
// matched words are marked, and the first result opens.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext } from './browser.ts';

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
});
