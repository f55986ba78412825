// A business registers for a morning coffee and sends a question; the organizer
// checks it in by its QR code, records the minutes and an answer; the business
// reads the answer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

/** "YYYY-MM-DDTHH:mm" in Vietnam time, as a datetime-local field takes it. */
function vietnamLocal(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Waits until success toasts have faded out (axe measures contrast mid-animation otherwise). */
async function settle(page: Page) {
  await page.mouse.move(1, 1); // a toast under the pointer stays open
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

async function pick(page: Page, label: string | RegExp, search: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: label }).first();
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('dialogues and meetings', () => {
  it('morning coffee: register, ask, check in, minutes, answer', { timeout: 240_000 }, async () => {
    const title = `Cà phê doanh nhân – thủ tục hoàn thuế ${Date.now() % 100_000}`;
    const start = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);

    const organizerContext = await newContext(browser);
    const organizer = await organizerContext.newPage();
    await signInAs(organizer, 'lanhdao.03nk@demo.caunoi.vn');
    await organizer.goto('/app/events');
    await expect.poll(() => organizer.locator('main').textContent()).toContain('Cà phê doanh nhân tháng 12/2026');
    await expectAccessible(organizer, 'events (organizer)');
    await organizer.getByTestId('event-create').click();
    const form = organizer.getByTestId('event-form');
    await form.getByRole('combobox', { name: 'Hình thức' }).click();
    await organizer.getByRole('option', { name: 'Cà phê doanh nhân' }).click();
    await form.getByLabel('Tên sự kiện').fill(title);
    await form.getByLabel('Chương trình').fill('07:30 Đón tiếp; 07:45 Trao đổi về hoàn thuế, không thu thuế');
    await pick(organizer, /Đơn vị tổ chức/, '03NK', /^03NK/);
    await organizer.getByTestId('event-starts').fill(vietnamLocal(start));
    await organizer.getByTestId('event-ends').fill(vietnamLocal(new Date(start.getTime() + 2 * 3_600_000)));
    await form.getByLabel('Địa điểm').fill('Phòng họp tầng 2, Chi cục Hải quan KCX và KCN Hải Phòng');
    await form.getByLabel('Số chỗ tối đa').fill('40');
    await pick(organizer, /Đơn vị quản lý doanh nghiệp được mời/, '03NK', /^03NK/);
    await expectAccessible(organizer, 'create event dialog');
    await organizer.getByTestId('event-submit').click();
    await organizer.waitForURL(/\/app\/events\/[0-9a-f-]{36}$/);
    const eventUrl = new URL(organizer.url()).pathname;

    const businessContext = await newContext(browser, { phone: true });
    const business = await businessContext.newPage();
    await signInAs(business, 'doanhnghiep@demo.caunoi.vn');
    await business.goto('/app/events');
    await business.getByTestId('event-search').fill('hoan thue');
    await business.getByRole('link', { name: title }).click();
    await business.waitForURL(eventUrl);
    await expect.poll(() => business.getByTestId('event-register').isVisible()).toBe(true);
    await expectAccessible(business, 'event (business, before registering)');
    await business.getByTestId('event-register').click();
    await expect.poll(() => business.getByTestId('event-ticket').isVisible()).toBe(true);
    const token = (await business.getByTestId('ticket-token').textContent()) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect.poll(() => business.getByRole('img', { name: /Mã QR điểm danh/ }).isVisible()).toBe(true);
    await business
      .getByTestId('question-text')
      .fill('Hồ sơ hoàn thuế nguyên liệu nhập khẩu để sản xuất hàng xuất khẩu cần những chứng từ gì?');
    await business.getByTestId('question-submit').click();
    await expect
      .poll(() => business.getByTestId('question-list').textContent())
      .toContain('Câu hỏi của doanh nghiệp mình');
    await settle(business);
    await expectAccessible(business, 'event (business, registered)');

    await organizer.reload();
    await expect.poll(() => organizer.getByTestId('registrations').textContent()).toContain('Hải An');
    await organizer.getByTestId('checkin-token').fill(token);
    await organizer.getByTestId('checkin-submit').click();
    await expect.poll(() => organizer.locator('main').textContent()).toContain('1 đã điểm danh');
    await settle(organizer);
    await expectAccessible(organizer, 'event (organizer, check-in)');

    // The minutes open once the event has begun.
    await expect
      .poll(
        async () => {
          await organizer.reload();
          await organizer.getByTestId('registrations').waitFor();
          return organizer.getByTestId('minutes-text').count();
        },
        { timeout: 120_000, interval: 5_000 },
      )
      .toBe(1);
    await organizer
      .getByTestId('minutes-text')
      .fill(
        '12 doanh nghiệp tham dự. Chi cục giải đáp trực tiếp 4 vướng mắc, ghi nhận 1 kiến nghị trả lời bằng văn bản.',
      );
    await organizer.getByTestId('minutes-submit').click();
    await expect.poll(() => organizer.getByTestId('event-status').textContent()).toBe('Đã tổ chức');
    await organizer
      .getByTestId('answer-text')
      .fill(
        'Theo Điều 36 Nghị định 134/2016/NĐ-CP, hồ sơ gồm công văn đề nghị hoàn thuế, hợp đồng xuất khẩu và chứng từ thanh toán.',
      );
    await organizer.getByTestId('answer-submit').click();
    await expect.poll(() => organizer.getByTestId('question-answer').count()).toBe(1);
    await settle(organizer);
    await expectAccessible(organizer, 'event (organizer, after minutes)');
    await organizer.goto('/app/event-results');
    await expect.poll(() => organizer.locator('main').textContent()).toContain('Cà phê doanh nhân');
    await expectAccessible(organizer, 'event results');
    await organizerContext.close();

    await business.reload();
    await business.getByTestId('question-list').waitFor();
    await expect
      .poll(() => business.getByTestId('question-answer').textContent())
      .toContain('Nghị định 134/2016/NĐ-CP');
    await expect.poll(() => business.getByTestId('event-minutes').textContent()).toContain('4 vướng mắc');
    await expect.poll(() => business.getByTestId('ticket-status').textContent()).toContain('Đã điểm danh');
    await expectAccessible(business, 'event (business, answered)');
    await business.goto('/app/dialogues');
    await expect.poll(() => business.locator('main').textContent()).toContain('bo mạch điện tử');
    await expectAccessible(business, 'dialogue requests (business)');
    await businessContext.close();
  });
});
