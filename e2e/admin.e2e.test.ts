// An administrator creates a unit and an account; the new officer signs in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function pick(page: Page, label: string | RegExp, search: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: label }).first();
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('administration', () => {
  it('creates a team under a branch, then an officer account in it, who signs in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'admin@demo.caunoi.vn');
    await page.goto('/app/admin/units');
    await expect.poll(() => page.locator('main').textContent()).toContain('Tổng cục Hải quan');
    await expectAccessible(page, 'admin units');

    await page.getByTestId('unit-create').click();
    const form = page.getByTestId('unit-form');
    await form.getByLabel('Mã đơn vị').fill('03NK09');
    await form.getByRole('combobox', { name: 'Cấp đơn vị' }).click();
    await page.getByRole('option', { name: 'Đội', exact: true }).click();
    await form.getByLabel('Tên tiếng Việt').fill('Đội Hỗ trợ doanh nghiệp');
    await form.getByLabel('Tên tiếng Anh').fill('Business Support Team');
    await pick(page, /Đơn vị cấp trên/, '03NK', /03NK/);
    await expectAccessible(page, 'create unit dialog');
    await page.getByTestId('unit-submit').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Đã tạo đơn vị 03NK09');
    await page.getByTestId('unit-search').fill('ho tro doanh nghiep');
    await expect.poll(() => page.locator('main').textContent()).toContain('03NK09');

    await page.goto('/app/admin/accounts');
    await expect.poll(() => page.locator('main').textContent()).toContain('admin@demo.caunoi.vn');
    await expectAccessible(page, 'admin accounts');
    await page.getByTestId('account-create').click();
    const accountForm = page.getByTestId('account-form');
    await accountForm.getByLabel('Email').fill('ho.thi.mai@haiquan.gov.vn');
    await accountForm.getByLabel('Họ và tên').fill('Hồ Thị Mai');
    await accountForm.getByLabel('Mật khẩu ban đầu').fill('HaiQuan2026');
    await accountForm.getByRole('combobox', { name: 'Vai trò 1' }).click();
    await page.getByRole('option', { name: 'Công chức hải quan' }).click();
    await pick(page, 'Đơn vị của vai trò 1', '03NK09', /03NK09/);
    await page.getByTestId('account-submit').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Đã tạo tài khoản ho.thi.mai@haiquan.gov.vn');

    await page.goto('/app/admin/audit');
    await expect.poll(() => page.locator('main').textContent()).toContain('account.created');
    await expectAccessible(page, 'admin audit log');
    await context.close();

    const officerContext = await newContext(browser);
    const officer = await officerContext.newPage();
    await signInAs(officer, 'ho.thi.mai@haiquan.gov.vn', 'HaiQuan2026');
    await expect.poll(() => officer.locator('main').textContent()).toContain('Hồ Thị Mai');
    await expect.poll(() => officer.locator('main').textContent()).toContain('03NK09');
    // The account really has the role and unit the administrator chose, and nothing more.
    const me = (await officer.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))) as {
      roles: { role: string; unitCode?: string | null }[];
    };
    expect(me.roles.map((r) => [r.role, r.unitCode])).toEqual([['officer', '03NK09']]);
    // The navigation loads on its own: once the dashboard link every role has shows, the list is complete.
    await expect.poll(() => officer.getByTestId('nav-dashboard').count()).toBe(1);
    expect(await officer.getByTestId('nav-units').count()).toBe(0);
    await officerContext.close();
  });
});
