// An officer records a cooperation agreement, and the unit's progress toward
// its annual target moves.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function settle(page: Page) {
  await page.mouse.move(1, 1); // a toast under the pointer stays open
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

async function signedFor(page: Page, code: string): Promise<number> {
  const text = await page.getByTestId(`progress-${code}`).getByTestId('progress-signed').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

describe('partnership agreements', () => {
  it('records an agreement and the progress of branch 03NK moves', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    const enterprises = (await (await page.request.get('/api/enterprises?q=Hải An&limit=5')).json()) as {
      items: { taxCode: string; name: string }[];
    };
    const firm = enterprises.items.find((e) => e.name.includes('Hải An'));
    expect(firm).toBeDefined();
    await page.goto('/app/agreements');
    await page.getByTestId('progress-03NK').waitFor();
    const before = await signedFor(page, '03NK');
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page, 'agreements');

    await page.getByTestId('agreement-create').click();
    const form = page.getByTestId('agreement-form');
    await form.getByRole('textbox', { name: /^Số/ }).fill(`99/${new Date().getFullYear()}/TTHT-03NK`);
    const unit = page.getByRole('combobox', { name: /Đơn vị ký kết/ });
    await unit.click();
    await unit.fill('03NK');
    await page.getByRole('option', { name: /^03NK/ }).first().click();
    await form.getByLabel('Mã số thuế doanh nghiệp').fill(firm!.taxCode);
    await form.getByLabel('Tên thỏa thuận').fill(`Thỏa thuận hợp tác Hải quan – Doanh nghiệp với ${firm!.name}`);
    await form.getByLabel('Ngày ký').fill(new Date().toISOString().slice(0, 10));
    await form
      .getByLabel('Nội dung cam kết')
      .fill('Doanh nghiệp tuân thủ pháp luật hải quan; Chi cục hỗ trợ giải đáp vướng mắc trong 24 giờ.');
    await expectAccessible(page, 'record agreement dialog');
    await page.getByTestId('agreement-submit').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Đã ghi nhận thỏa thuận số 99/');
    await expect.poll(() => signedFor(page, '03NK')).toBe(before + 1);
    await expect.poll(() => page.getByTestId('agreement-table').textContent()).toContain(firm!.name);
    await settle(page);
    await expectAccessible(page, 'agreements after recording');
    const excel = await page.request.get(`/api/agreements/export?format=xlsx&year=${new Date().getFullYear()}`);
    expect(excel.headers()['content-type']).toContain('spreadsheetml');
    await context.close();
  });

  it('information to businesses: announcements, the library, topic subscription, the monthly newsletter', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => page.getByTestId('announcements').textContent()).toContain('Tết Dương lịch 2027');
    await expectAccessible(page, 'home with announcements');
    await signInAs(page, 'doanhnghiep@demo.caunoi.vn');
    await page.goto('/van-ban');
    await page.getByTestId('document-search').fill('luat hai quan');
    await expect.poll(() => page.getByTestId('document-list').textContent()).toContain('54/2014/QH13');
    await page.getByRole('checkbox', { name: 'Xuất xứ (C/O)' }).check();
    await page.getByTestId('subscription-save').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Đã lưu đăng ký nhận tin');
    await settle(page);
    await expectAccessible(page, 'legal documents with subscription');
    await context.close();

    const officerContext = await newContext(browser);
    const officer = await officerContext.newPage();
    await signInAs(officer, 'lanhdaocuc.haiphong@demo.caunoi.vn');
    await officer.goto('/app/newsletters');
    await officer.getByLabel('Tháng').fill('2026-11');
    await officer.getByRole('button', { name: 'Soạn bản tin' }).click();
    await expect.poll(() => officer.locator('main').textContent()).toContain('Bản tin tháng 11/2026');
    await expect.poll(() => officer.locator('main').textContent()).toContain('Demo-01/2026/TT-BTC');
    await settle(officer);
    await expectAccessible(officer, 'newsletters');
    await officer.getByRole('button', { name: 'Duyệt và gửi' }).click();
    await expect
      .poll(() => officer.locator('main').textContent(), { timeout: 30_000 })
      .toMatch(/người nhận: [1-9]\d* đã gửi/);
    await officerContext.close();
  });
});
