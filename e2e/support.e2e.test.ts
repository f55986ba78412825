// A business searches the question bank and does not find its answer, so it
// opens a request; an officer answers; the business rates the answer; the
// answer becomes a published entry, which a search without diacritics finds.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

const SUBJECT = 'Dán tem nhãn phụ rượu vang nhập khẩu';
const QUERY = 'dan tem nhan phu ruou vang';
const ANSWER =
  'Rượu vang nhập khẩu phải có nhãn phụ bằng tiếng Việt trước khi đưa ra lưu thông; doanh nghiệp được dán nhãn phụ tại kho sau khi thông quan.';

const mainText = (page: Page) => page.locator('main').textContent();

async function pickOption(page: Page, label: RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).click();
}

describe('support desk and question bank', () => {
  it('from an unanswered search to a published answer', async () => {
    // 1. A business, on its phone, searches the bank and finds nothing.
    const business = await newContext(browser, { phone: true });
    const bizPage = await business.newPage();
    await bizPage.goto('/hoi-dap');
    await expect.poll(() => mainText(bizPage)).toContain('Hỏi đáp thủ tục hải quan');
    await expect.poll(() => bizPage.getByTestId('qa-result').count()).toBeGreaterThan(0);
    await expectAccessible(bizPage, 'question bank (public, phone)');
    await bizPage.getByTestId('qa-search').fill(QUERY);
    await bizPage.getByTestId('qa-search-submit').click();
    await expect.poll(() => bizPage.getByTestId('qa-none').count()).toBe(1);
    await expectAccessible(bizPage, 'question bank, nothing found');

    // 2. It asks customs: sign in, then the request form, subject carried over.
    await bizPage.getByTestId('qa-ask').click();
    await bizPage.waitForURL(/dang-nhap/);
    await bizPage.getByLabel('Email').fill('doanhnghiep@demo.caunoi.vn');
    await bizPage.getByLabel(/Mật khẩu/).fill('CauNoi@2026');
    await bizPage.getByRole('button', { name: /^Đăng nhập$/ }).click();
    await bizPage.waitForURL(/\/app\/ho-tro\/moi/);
    const form = bizPage.getByTestId('request-form');
    await form.getByLabel(/Tiêu đề/).fill(SUBJECT);
    await pickOption(bizPage, /Lĩnh vực/, 'Thủ tục hải quan');
    await form
      .getByLabel(/Nội dung/)
      .fill(
        'Công ty nhập khẩu rượu vang từ Pháp qua cảng Hải Phòng. Xin hỏi được dán nhãn phụ tiếng Việt ở đâu và khi nào?',
      );
    await expectAccessible(bizPage, 'new support request');
    await bizPage.getByTestId('request-submit').click();
    await bizPage.waitForURL(/\/app\/ho-tro\/[0-9a-f-]{36}$/);
    const requestUrl = new URL(bizPage.url()).pathname;
    await expect.poll(() => mainText(bizPage)).toContain(SUBJECT);
    await expectAccessible(bizPage, 'support request (business)');

    // 3. The officer of the owning team answers and resolves it.
    const officerContext = await newContext(browser);
    const officer = await officerContext.newPage();
    await signInAs(officer, 'congchuc.03nk@demo.caunoi.vn');
    await officer.goto('/app/ho-tro');
    await expect.poll(() => mainText(officer)).toContain(SUBJECT);
    await expectAccessible(officer, 'support queue (officer)');
    await officer.goto(requestUrl);
    await expect.poll(() => mainText(officer)).toContain(SUBJECT);
    await officer.getByTestId('reply-body').fill('Ghi chú: đã kiểm tra Nghị định 43/2017/NĐ-CP về nhãn hàng hóa.');
    await officer.getByTestId('reply-internal').check();
    await officer.getByTestId('reply-send').click();
    await expect.poll(() => officer.getByTestId('message-internal').count()).toBe(1);
    await officer.getByTestId('reply-internal').uncheck();
    await officer.getByTestId('reply-body').fill(ANSWER);
    await officer.getByTestId('reply-send').click();
    await expect.poll(() => officer.getByTestId('message-public').count()).toBe(1);
    await expectAccessible(officer, 'support request (officer)');
    await officer.getByTestId('resolve-request').click();
    await expect.poll(() => officer.getByTestId('request-status').textContent()).toBe('Đã giải quyết');

    // 4. The business reads the answer (never the internal note) and rates it.
    await bizPage.reload();
    await expect.poll(() => mainText(bizPage)).toContain(ANSWER);
    expect(await mainText(bizPage)).not.toContain('Nghị định 43/2017');
    await bizPage.getByTestId('rate-helpful-yes').check();
    await bizPage.getByTestId('rate-fast-yes').check();
    await expectAccessible(bizPage, 'rating form');
    await bizPage.getByTestId('rate-send').click();
    await expect.poll(() => bizPage.getByTestId('request-rating').count()).toBe(1);
    await business.close();

    // 5. The officer turns the request into a draft entry; the team lead reviews and publishes it.
    await officer.reload();
    await officer.getByTestId('draft-entry').click();
    await officer.waitForURL(/\/app\/hoi-dap\/[0-9a-f-]{36}$/);
    const editorUrl = new URL(officer.url()).pathname;
    await expect.poll(() => officer.getByTestId('qa-entry-status').textContent()).toBe('Bản nháp');
    await expectAccessible(officer, 'question-bank editor (draft)');
    await officerContext.close();

    const leadContext = await newContext(browser);
    const lead = await leadContext.newPage();
    await signInAs(lead, 'doitruong.03nk@demo.caunoi.vn');
    await lead.goto(editorUrl);
    await expect.poll(() => lead.getByTestId('qa-entry-status').textContent()).toBe('Bản nháp');
    await lead.getByTestId('qa-to-reviewed').click();
    await expect.poll(() => lead.getByTestId('qa-entry-status').textContent()).toBe('Đã duyệt nội dung');
    await lead.getByTestId('qa-to-published').click();
    await expect.poll(() => lead.getByTestId('qa-entry-status').textContent()).toBe('Đã xuất bản');
    await expectAccessible(lead, 'question-bank editor (published)');
    await lead.goto('/app/ho-tro-bao-cao');
    await expect.poll(() => mainText(lead)).toContain('Giải quyết đúng hạn');
    await expectAccessible(lead, 'support dashboard');
    await leadContext.close();

    // 6. Anyone searching without diacritics finds it now.
    const reader = await newContext(browser);
    const readerPage = await reader.newPage();
    await readerPage.goto(`/hoi-dap?q=${encodeURIComponent(QUERY)}`);
    await expect.poll(() => readerPage.getByTestId('qa-result').first().textContent()).toBe(SUBJECT);
    await expectAccessible(readerPage, 'question bank, found');
    await readerPage.getByTestId('qa-result').first().click();
    await expect
      .poll(() => readerPage.getByTestId('qa-entry-body').textContent())
      .toContain('nhãn phụ bằng tiếng Việt');
    await expectAccessible(readerPage, 'question-bank entry');
    await reader.close();
  });
});
