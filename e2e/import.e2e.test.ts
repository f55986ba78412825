// A branch leader imports declarations from a CSV: progress, good rows kept, bad rows listed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

const CSV = [
  'so_to_khai,ma_loai_hinh,mst_doanh_nghiep,ten_doanh_nghiep,ma_chi_cuc,luong,ngay_dang_ky,cac_buoc',
  '105900000001,E31,0201234569,Công ty TNHH Nhập thử Hải Phòng,03NK,green,2026-11-20T08:15:00+07:00,Tiếp nhận:03NK01',
  '105900000002,E31,12345,Công ty sai mã số thuế,03NK,green,2026-11-20T09:00:00+07:00,Tiếp nhận:03NK01',
].join('\r\n');

describe('declaration import', () => {
  it('keeps the good row and reports the bad one by row and column', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    await page.getByTestId('nav-imports').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nhập tờ khai');
    await expectAccessible(page, 'import page');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'to-khai-thang-11.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8'),
    });
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 20_000 }).toContain('Hoàn tất');
    const errors = page.getByTestId('import-errors');
    expect(await page.getByTestId('import-status').textContent(), (await errors.textContent()) ?? '').toContain(
      'Hoàn tất: 1/2 dòng đã lưu, 1 dòng lỗi',
    );
    await expect.poll(() => errors.textContent()).toContain('mst_doanh_nghiep');
    await expectAccessible(page, 'import result');
    await context.close();
  });
});
