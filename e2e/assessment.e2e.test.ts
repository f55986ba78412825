// A business rates a declaration from its link on a phone and flags a delay
// (with harassment, which goes to the Department's inspectors); to see or amend
// what it sent, the link alone is not enough: it confirms with a code mailed to
// its registered address. The inspector verifies the flag to a finding; the
// business, signed in, reads the outcome and rates the handling.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, mailCount, newContext, signInAs, waitForMail } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

let ratingUrl = '';
let caseNumber = '';

describe('assessment of a declaration, flag to finding', () => {
  it('the business finds the link of an unrated declaration in its list', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'doanhnghiep@demo.caunoi.vn');
    await page.getByTestId('nav-my-declarations').click();
    await expect.poll(() => page.getByTestId('my-declarations').count()).toBe(1);
    await expectAccessible(page, 'my declarations');
    await page
      .getByRole('button', { name: /^Mã QR đánh giá tờ khai/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('img', { name: /Mã QR dẫn tới/ }).count()).toBe(1);
    await expectAccessible(page, 'QR code dialog');
    ratingUrl = (await dialog.getByText(/\/danh-gia\//).textContent()) ?? '';
    expect(ratingUrl).toMatch(/\/danh-gia\/[A-Za-z0-9_-]{16,}$/);
    await context.close();
  });

  it('on a phone, without an account, it rates in three taps and flags a delay', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(ratingUrl);
    await expect.poll(() => page.locator('main').textContent()).toContain('Số tờ khai');
    await expectAccessible(page, 'rating page on a phone');

    // Opening the page recorded nothing: sending without a level is refused on the page.
    await page.getByTestId('rating-send').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Hãy chọn một mức hài lòng');

    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).first().check(); // tap 1: one level for every subject
    await page.getByTestId('rating-details').click();
    const officer = page.locator('[data-testid^="subject-officer:"]').first();
    const dissatisfied = officer.getByRole('radio', { name: 'Không hài lòng', exact: true });
    // The panel opens with an animation; tap again until the choice holds.
    await expect
      .poll(async () => (await dissatisfied.check({ timeout: 2000 }).catch(() => undefined), dissatisfied.isChecked()))
      .toBe(true);
    await officer
      .getByLabel('Lý do')
      .fill('Hồ sơ nộp từ sáng nhưng chiều hôm sau mới được xử lý, phải gọi điện nhiều lần.');
    await officer.getByLabel('Chậm trễ').check();
    await officer.getByLabel('Sách nhiễu').check();
    await expectAccessible(page, 'rating details on a phone');
    await page.getByTestId('rating-send').click(); // tap 2
    const confirm = page.getByRole('dialog');
    await expect.poll(() => confirm.textContent()).toContain('Chậm trễ');
    await expectAccessible(page, 'rating confirmation');
    await confirm.getByTestId('confirm').click(); // tap 3

    const sent = page.getByTestId('sent-assessment');
    await expect.poll(() => sent.textContent()).toContain('Đã gửi đánh giá');
    await expect.poll(() => sent.textContent()).toContain('Hồ sơ nộp từ sáng');
    const caseCard = sent.locator('[data-testid^="case-"]').first();
    caseNumber = ((await caseCard.getAttribute('data-testid')) ?? '').replace('case-', '');
    expect(caseNumber).toMatch(/^PA/);
    await expectAccessible(page, 'what was sent');

    // Opened again, the link shows no rating: the business confirms with a code sent to its registered address.
    await page.reload();
    const gate = page.getByTestId('rating-access');
    await expect.poll(() => gate.textContent()).toContain('Tờ khai này đã được đánh giá');
    expect(await page.locator('main').textContent()).not.toContain('Hồ sơ nộp từ sáng');
    await expectAccessible(page, 'a sent rating behind its link');
    const since = mailCount();
    await page.getByTestId('rating-request-code').click();
    await expect.poll(() => page.getByTestId('rating-code-sent').count()).toBe(1);
    const mail = await waitForMail('doanhnghiep@demo.caunoi.vn', since);
    expect(mail.subject).toContain('Mã xác nhận');
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
    await page.getByLabel('Mã xác nhận').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('rating-code-verify').click();
    await expect.poll(() => gate.textContent()).toContain('Mã xác nhận không đúng');
    await page.getByLabel('Mã xác nhận').fill(code);
    await expectAccessible(page, 'confirmation code');
    await page.getByTestId('rating-code-verify').click();
    await expect.poll(() => page.getByTestId('sent-assessment').textContent()).toContain('Hồ sơ nộp từ sáng');

    // Amend within the window: what was sent is kept, the change is visible after sending.
    await page.getByTestId('rating-amend').click();
    await page.getByLabel('Ý kiến khác').fill('Mong Chi cục rút kinh nghiệm.');
    await page.getByTestId('rating-send').click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect
      .poll(() => page.getByTestId('sent-assessment').textContent())
      .toContain('Mong Chi cục rút kinh nghiệm.');
    await expect.poll(() => page.getByTestId('sent-assessment').textContent()).toContain('lần sửa 2');
    await context.close();
  });

  it('the inspector verifies the flag, sees who raised it (logged), and records a finding', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'thanhtra.haiphong@demo.caunoi.vn');
    await page.getByTestId('nav-cases').click();
    await expect.poll(() => page.getByTestId('cases-table').textContent()).toContain(caseNumber);
    await expectAccessible(page, 'cases list');
    await page.getByTestId(`case-open-${caseNumber}`).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Sách nhiễu');
    await expect.poll(() => page.locator('main').textContent()).toContain('Hồ sơ nộp từ sáng');
    await expectAccessible(page, 'case detail');

    await page.getByTestId('case-start-review').click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Đang xác minh');
    await page.getByTestId('case-reveal').click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect.poll(() => page.getByTestId('case-identity').textContent()).toContain('MST');

    await page.getByText('Phản ánh đúng', { exact: true }).click();
    await page.getByRole('checkbox', { name: /^Công chức:/ }).check();
    await page
      .getByTestId('finding-measure')
      .fill('Đã làm việc với công chức, yêu cầu kiểm điểm và nhắc nhở trước đơn vị.');
    await expectAccessible(page, 'finding form');
    await page.getByTestId('finding-submit').click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect.poll(() => page.getByTestId('case-finding').textContent()).toContain('kiểm điểm');
    await expect.poll(() => page.locator('main').textContent()).toContain('Xem thông tin doanh nghiệp phản ánh');
    await context.close();
  });

  it('the business, signed in, sees the outcome from its link and rates how its flag was handled', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signInAs(page, 'doanhnghiep@demo.caunoi.vn');
    await page.goto(ratingUrl);
    const caseCard = page.getByTestId(`case-${caseNumber}`);
    await expect.poll(() => caseCard.textContent()).toContain('Đã kết luận');
    await caseCard.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await caseCard.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await expect.poll(() => caseCard.textContent()).toContain('Cảm ơn doanh nghiệp đã cho ý kiến');
    await expectAccessible(page, 'case outcome on a phone');
    await context.close();
  });
});
