// Information to businesses, continued: a visitor downloads a library
// document's file (and sees its earlier version); the department's officer
// uploads the file of a document it maintains; the officer who sent October's
// newsletter reads its delivery log on a phone, filters the failure, exports
// it and retries it, and the failed copy goes out.
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

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('library files and the newsletter delivery log', () => {
  it('a visitor downloads a document’s file and sees the earlier version', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto('/van-ban');
    await page.getByTestId('document-search').fill('08/2015');
    const card = page.getByTestId('document-files-08/2015/NĐ-CP');
    await card.waitFor();
    const link = card.getByTestId('document-download');
    await expect.poll(() => link.textContent()).toMatch(/^Tải văn bản \(PDF, \d+ KB\)/);
    await card.getByRole('button', { name: 'Các phiên bản trước (1)' }).click();
    await expect.poll(() => card.textContent()).toContain('Nghị định 08-2015-NĐ-CP.pdf — tải lên');
    // The history loads after the card: give it the time a loaded machine takes.
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/SHA-256: [0-9a-f]{64}/);
    await expectAccessible(page, 'library with a document file and its history');
    const href = await link.getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(download.headers()['content-disposition']).toContain(
      `filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2008-2015-N%C4%90-CP%20%28h%E1%BB%A3p%20nh%E1%BA%A5t`,
    );
    expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Nothing to upload for a visitor.
    await expect.poll(() => page.getByTestId('document-upload').count()).toBe(0);
    await context.close();
  });

  it('the department officer uploads the file of a document it maintains, and a spoofed file is refused', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'lanhdaocuc.haiphong@demo.caunoi.vn');
    await page.goto('/van-ban');
    await page.getByTestId('document-search').fill('Demo-2145');
    const card = page.getByTestId('document-files-Demo-2145/TCHQ-GSQL');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Chưa có tệp văn bản');
    await expectAccessible(page, 'library for the officer who maintains a document');
    const input = card.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'Công văn 2145.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><body>not a pdf</body></html>'),
    });
    await expect.poll(() => page.locator('body').textContent()).toContain('Nội dung tệp không đúng với loại tệp');
    await settle(page);
    await input.setInputFiles({ name: 'Công văn 2145-TCHQ-GSQL.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.locator('body').textContent()).toContain('Đã lưu tệp văn bản');
    await expect.poll(() => card.getByTestId('document-download').count()).toBe(1);
    await expect.poll(() => card.getByTestId('document-upload').textContent()).toContain('Thay tệp (văn bản sửa đổi)');
    await settle(page);
    await expectAccessible(page, 'library after an upload');
    const download = await page.request.get((await card.getByTestId('document-download').getAttribute('href'))!);
    expect((await download.body()).equals(PDF)).toBe(true);
    // A national document is the General Department's to maintain.
    await page.getByTestId('document-search').fill('54/2014');
    await page.getByTestId('document-files-54/2014/QH13').waitFor();
    await expect
      .poll(() => page.getByTestId('document-files-54/2014/QH13').getByTestId('document-upload').count())
      .toBe(0);
    await context.close();
  });

  it('the officer reads October’s delivery log on a phone, exports it, and retries the failed copy', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signInAs(page, 'lanhdaocuc.haiphong@demo.caunoi.vn');
    await page.goto('/app/newsletters');
    const issue = page.locator('article').filter({ hasText: 'Bản tin tháng 10/2026' });
    await issue.getByTestId('newsletter-deliveries').click();
    await page.waitForURL(/\/app\/newsletters\/[0-9a-f-]+\/deliveries$/);
    const counts = page.getByTestId('delivery-counts');
    await expect.poll(() => counts.textContent()).toContain('Đã gửi: 2');
    expect(await counts.textContent()).toContain('Lỗi: 1');
    expect(await counts.textContent()).toContain('Bỏ qua (đã hủy đăng ký): 1');
    await expect.poll(() => page.getByTestId('delivery-progress-text').textContent()).toContain('3/3 thư đã xử lý');
    await expectAccessible(page, 'newsletter delivery log');

    await page.getByTestId('delivery-status-filter').click();
    await page.getByRole('option', { name: /^Lỗi/ }).click();
    await expect.poll(() => page.getByTestId('delivery-table').textContent()).toContain('xnk.dinhvu@demo.caunoi.vn');
    expect(await page.getByTestId('delivery-table').textContent()).toContain('mailbox full');
    expect(await page.getByTestId('delivery-table').textContent()).not.toContain('doanhnghiep@');
    await expectAccessible(page, 'delivery log filtered to failures');
    const csv = await page.request.get((await page.getByTestId('delivery-export').getAttribute('href'))!);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text).toContain('xnk.dinhvu@demo.caunoi.vn,Lỗi,failed');
    expect(text).not.toContain('doanhnghiep@');

    await page.getByTestId('delivery-retry').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Đã đưa 1 thư lỗi vào hàng đợi gửi lại');
    // The mail job sends it within seconds; the page polls while the send runs.
    await expect.poll(() => counts.textContent(), { timeout: 30_000 }).toContain('Đã gửi: 3');
    expect(await counts.textContent()).not.toContain('Lỗi');
    await expect.poll(() => page.getByTestId('delivery-retry').count()).toBe(0);
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'delivery log after the retry');
    await context.close();
  });

  it('the department officer adds a new circular to the library: a missing field is named, then the document is listed', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signInAs(page, 'lanhdaocuc.haiphong@demo.caunoi.vn');
    await page.goto('/van-ban');
    await page.getByTestId('document-create').click();
    const form = page.getByTestId('document-form');
    await form.waitFor();
    await page.getByTestId('document-number').fill('99/2026/TT-BTC');
    await page.getByTestId('document-title').fill('Sửa đổi thủ tục hoàn thuế hàng nhập khẩu để sản xuất xuất khẩu');
    await page.getByTestId('document-submit').click();
    // Nothing sent: the issuer, the date, the topics and the summary are named.
    await expect.poll(() => page.getByTestId('document-issuer').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByTestId('document-summaryVi').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('document-title').getAttribute('aria-invalid')).not.toBe('true');
    await expectAccessible(page, 'new document form with field errors');
    await page.getByTestId('document-issuer').fill('Bộ Tài chính');
    await page.getByTestId('document-issuedOn').fill('2026-11-20');
    await page.getByTestId('document-topics').fill('hoàn thuế');
    await page.getByRole('option', { name: /^Hoàn thuế/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.textContent()).toContain('Hoàn thuế');
    await page
      .getByTestId('document-summaryVi')
      .fill('Rút ngắn thời hạn giải quyết hồ sơ hoàn thuế trước, kiểm tra sau xuống còn 6 ngày làm việc.');
    await page.getByTestId('document-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await page.getByTestId('document-search').fill('99/2026');
    await expect
      .poll(() => page.getByTestId('document-list').textContent())
      .toContain('99/2026/TT-BTC — Sửa đổi thủ tục hoàn thuế');
    await expectAccessible(page, 'library with the new document');
    await context.close();
  });
});
