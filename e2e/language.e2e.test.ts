// Vietnamese by default, English on request, and the choice is remembered.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('language', () => {
  it('switches to English on the public home page and remembers it, on a phone', async () => {
    const context = await newContext(browser, { phone: true, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible(page, 'home (vi, phone)');
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('header').textContent()).toContain('Sign in');
    await expectAccessible(page, 'home (en, phone)');
    await context.close();
  });

  it('a signed-in user’s choice is saved on the account', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    // The page turns English at once and saves the choice on the account in the background:
    // the context closes only once the account has it.
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/auth/locale'));
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect((await saved).ok()).toBe(true);
    await context.close();
    const fresh = await newContext(browser);
    const again = await fresh.newPage();
    await signInAs(again, 'lanhdao.03nk@demo.caunoi.vn');
    await expect.poll(() => again.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(again, 'home of a branch leader in English');
    await again.getByTestId('language-switch').getByText('VI').click();
    await expect.poll(() => again.getAttribute('html', 'lang')).toBe('vi');
    await fresh.close();
  });
});
