// Mail to the support desk from someone without an account waits in the
// officers' inbox; an officer opens a request from it. The General Department
// changes a service level on its phone; an officer can read but not change them.
// An association's focal point downloads the question bank as PDF.
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

const SUBJECT = 'Thủ tục nhập khẩu máy ép nhựa đã qua sử dụng';
const mainText = (page: Page) => page.locator('main').textContent();

describe('support desk mail inbox and service levels', () => {
  it('an unknown sender mails the desk; an officer opens a request from the inbox', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: Number(inject('inboundSmtpPort')),
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'Ông Phạm Văn Tùng <pham.tung.e2e@gmail.com>',
      to: 'hotro@caunoi.local',
      subject: SUBJECT,
      text: 'Công ty tôi dự định nhập khẩu một máy ép nhựa sản xuất năm 2019. Xin hỏi cần giấy tờ gì và có phải giám định không?',
      messageId: '<e2e-inbound-1@gmail.com>',
    });
    transport.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'congchuc.03nk@demo.caunoi.vn');
    await page.getByTestId('nav-support-inbox').first().click();
    await page.waitForURL(/\/app\/ho-tro-thu-den$/);
    await expect.poll(() => mainText(page)).toContain(SUBJECT);
    await expectAccessible(page, 'support inbox');
    const row = page.getByTestId('inbox-row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.textContent()).toContain('Người gửi chưa có tài khoản');
    await row.getByTestId('inbox-open').click();
    await expect.poll(() => page.getByTestId('inbox-body').textContent()).toContain('máy ép nhựa');
    await expectAccessible(page, 'inbox mail');
    await page.getByTestId('inbox-open-request').click();
    await page.getByRole('dialog').getByTestId('inbox-confirm').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/Lĩnh vực/);
    await page.getByRole('combobox', { name: /Lĩnh vực/ }).click();
    await page.getByRole('option', { name: 'Chính sách mặt hàng' }).click();
    await expectAccessible(page, 'open a request from a mail');
    await page.getByTestId('inbox-confirm').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('inbox-row').filter({ hasText: SUBJECT }).count()).toBe(0);
    await page.getByText('Đã mở yêu cầu', { exact: true }).click();
    const opened = page.getByTestId('inbox-row').filter({ hasText: SUBJECT });
    await expect.poll(() => opened.textContent()).toMatch(/HT\d{2}-\d{6}/);
    await expectAccessible(page, 'inbox, opened tab');

    // The department leader, whose scope covers every team of the branch, reads the request it became.
    const leaderContext = await newContext(browser);
    const leader = await leaderContext.newPage();
    await signInAs(leader, 'lanhdaocuc.haiphong@demo.caunoi.vn');
    await leader.goto('/app/ho-tro');
    await leader.getByLabel(/Tìm theo số/).fill('máy ép nhựa');
    await expect.poll(() => mainText(leader)).toContain(SUBJECT);
    await leader.getByTestId('request-link').first().click();
    await expect.poll(() => mainText(leader)).toContain('Ông Phạm Văn Tùng');
    expect(await mainText(leader)).toContain('Thư điện tử');
    await expectAccessible(leader, 'request opened from a mail');
    await leaderContext.close();

    await page.goto('/app/ho-tro-thoi-han');
    await expect.poll(() => page.getByTestId('level-row').count()).toBe(27);
    expect(await page.getByTestId('level-edit').count()).toBe(0);
    await context.close();
  });

  it('the General Department changes a service level on its phone, with validation', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signInAs(page, 'tongcuc@demo.caunoi.vn');
    await page.goto('/app/ho-tro-thoi-han');
    await expect.poll(() => page.getByTestId('level-row').count()).toBe(27);
    await expectAccessible(page, 'service levels (phone)');
    const row = page.getByTestId('level-row').filter({ hasText: 'Khác' }).filter({ hasText: 'Thông thường' });
    await row.getByTestId('level-edit').click();
    await page.getByTestId('level-first').fill('6');
    await page.getByTestId('level-resolution').fill('4');
    await page.getByTestId('level-save').click();
    await expect.poll(() => page.getByTestId('level-form').textContent()).toContain('không được ngắn hơn');
    await expectAccessible(page, 'service level form with an error');
    await page.getByTestId('level-resolution').fill('32');
    await page.getByTestId('level-save').click();
    await expect.poll(() => page.getByTestId('level-form').count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain('6 giờ');
    expect(await row.textContent()).toContain('Trần Thị Thu Hà');
    await context.close();
  });

  it('an association focal point downloads the question bank as PDF from the bank page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'hiephoi@demo.caunoi.vn');
    await page.goto('/hoi-dap');
    const button = page.getByTestId('qa-export-pdf');
    await expect.poll(() => button.count()).toBe(1);
    await expectAccessible(page, 'question bank with downloads');
    const href = await button.getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });
});
