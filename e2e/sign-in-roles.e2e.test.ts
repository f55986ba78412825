// Every kind of user signs in from the demo list and lands on a page that shows
// only what its role may use; axe checks each page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext } from './browser.ts';

const ACCOUNTS = [
  ['admin@demo.caunoi.vn', 'Quản trị hệ thống', true],
  ['tongcuc@demo.caunoi.vn', 'Tổng cục (Ban Cải cách HĐH)', false],
  ['lanhdaocuc.haiphong@demo.caunoi.vn', 'Lãnh đạo Cục', false],
  ['thanhtra.haiphong@demo.caunoi.vn', 'Thanh tra / Kiểm tra nội bộ', false],
  ['lanhdao.03nk@demo.caunoi.vn', 'Lãnh đạo Chi cục', false],
  ['doitruong.03nk@demo.caunoi.vn', 'Đội trưởng', false],
  ['congchuc.03nk@demo.caunoi.vn', 'Công chức hải quan', false],
  ['doanhnghiep@demo.caunoi.vn', 'Doanh nghiệp', false],
  ['dailyhq@demo.caunoi.vn', 'Đại lý hải quan', false],
  ['hiephoi@demo.caunoi.vn', 'Hiệp hội doanh nghiệp', false],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('sign in as each kind of user', () => {
  it('the sign-in page lists the demo accounts of every role', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await expect.poll(() => page.getByTestId('demo-accounts').textContent()).toContain('admin@demo.caunoi.vn');
    for (const [email] of ACCOUNTS) expect(await page.getByTestId(`demo-sign-in-${email}`).count()).toBe(1);
    await expectAccessible(page, 'sign-in page');
    await context.close();
  });

  for (const [email, roleLabel, isAdmin] of ACCOUNTS) {
    it(`${email} signs in and sees only what the role may use`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/dang-nhap');
      await page.getByTestId(`demo-sign-in-${email}`).click();
      await page.waitForURL('**/app');
      await expect.poll(() => page.locator('main').textContent()).toContain(roleLabel);
      await expect.poll(() => page.getByTestId('nav-units').count()).toBe(isAdmin ? 1 : 0);
      await expectAccessible(page, `home of ${email}`);
      if (!isAdmin) {
        await page.goto('/app/admin/units');
        await expect.poll(() => page.locator('main').textContent()).not.toContain('Thêm đơn vị');
      }
      await context.close();
    });
  }

  it('a wrong password is refused with a message, on a phone', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByTestId('sign-in-email').fill('admin@demo.caunoi.vn');
    await page.getByTestId('sign-in-password').fill('sai-mat-khau');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Email hoặc mật khẩu không đúng');
    await expectAccessible(page, 'sign-in error on a phone');
    await context.close();
  });
});
