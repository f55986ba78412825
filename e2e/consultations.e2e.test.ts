// Consultations: Hai Phong's department opens a draft for comment; the demo
// business reads it on a phone, comments on an article with proposed wording
// (shown as a difference) as "a business", and gives its view inside its
// association's space; the association's representative reads the member's view
// and submits one position with the firms it represents and a co-signer; the
// drafting unit closes, groups, answers every comment and publishes; the business
// follows its notice to its comment's disposition. Axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function settle(page: Page) {
  await page.mouse.move(1, 1);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

/** Vietnam wall-clock time, days from now, as a datetime-local value. */
const local = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);

const DRAFT = [
  'Điều 1. Tiếp nhận vướng mắc',
  'Vướng mắc được tiếp nhận qua cổng thông tin và thư điện tử.',
  'Điều 2. Thời hạn trả lời',
  'Vướng mắc được trả lời trong 10 ngày làm việc.',
  'Điều 3. Công khai kết quả',
  'Kết quả được công khai trên cổng thông tin của Cục.',
].join('\n');

describe('consultations', () => {
  it(
    'a draft commented on a phone, consolidated by an association, answered in full and published',
    { timeout: 300_000 },
    async () => {
      const unitContext = await newContext(browser);
      const unit = await unitContext.newPage();
      await signInAs(unit, 'lanhdaocuc.haiphong@demo.caunoi.vn');
      await unit.goto('/app/gop-y');
      await expectAccessible(unit, 'consultations (drafting unit)');
      const owner = unit.getByRole('combobox', { name: /Đơn vị chủ trì soạn thảo/ }).first();
      await owner.click();
      await owner.fill('03');
      await unit.getByRole('option', { name: /^03 —/ }).first().click();
      await unit.getByTestId('new-title').fill('Dự thảo Quy trình giải quyết vướng mắc của doanh nghiệp');
      const topics = unit.getByRole('combobox', { name: 'Chủ đề' }).first();
      await topics.click({ force: true });
      await unit.getByRole('option', { name: 'Thủ tục hải quan' }).first().click();
      await unit.keyboard.press('Escape');
      await unit.getByTestId('new-draft').fill(DRAFT);
      await unit.getByTestId('new-opens').fill(local(-1));
      await unit.getByTestId('new-closes').fill(local(10));
      await unit.getByTestId('create-consultation').click();
      await unit.waitForURL(/\/app\/gop-y\/[0-9a-f-]{36}$/);
      const id = new URL(unit.url()).pathname.split('/').pop()!;
      await expectAccessible(unit, 'consultation (draft, drafting unit)');
      await unit.getByTestId('open-consultation').click();
      await expect.poll(() => unit.getByTestId('phase').textContent()).toContain('Đang lấy ý kiến');
      await settle(unit);

      // The business, on a phone: article 2, a proposed wording shown as a difference, anonymous.
      const businessContext = await newContext(browser, { phone: true });
      const business = await businessContext.newPage();
      await signInAs(business, 'doanhnghiep@demo.caunoi.vn');
      await business.goto('/gop-y?');
      await business.getByTestId('consultation-search').fill('quy trinh giai quyet vuong mac');
      await business
        .getByRole('link', { name: /Quy trình giải quyết vướng mắc của doanh nghiệp/ })
        .first()
        .click();
      await business.waitForURL(new RegExp(`/gop-y/${id}$`));
      await expectAccessible(business, 'consultation (business, phone)');
      await business.getByTestId('comment-on-2').click();
      await business
        .getByTestId('comment-body')
        .fill('Thời hạn 10 ngày làm việc là quá dài đối với vướng mắc đơn giản.');
      await business.getByTestId('comment-wording').fill('Vướng mắc được trả lời trong 05 ngày làm việc.');
      await expect.poll(() => business.getByTestId('diff').locator('ins').first().textContent()).toContain('05');
      await business.getByTestId('comment-anonymous').check();
      await expectAccessible(business, 'comment form with a difference (phone)');
      await business.getByTestId('comment-submit').click();
      await expect.poll(() => business.getByTestId('article-2').getByTestId('public-comment').count()).toBe(1);
      expect(await business.getByTestId('article-2').textContent()).toContain('Một doanh nghiệp');
      // Its view inside the association's space (VCCI Hải Phòng).
      await business.getByTestId('view-body-3').fill('Đề nghị công khai cả thời hạn giải quyết từng vướng mắc.');
      await business.getByTestId('view-send-3').click();
      await expect
        .poll(() => business.getByTestId('article-3').getByTestId('member-views').textContent())
        .toContain('công khai cả thời hạn');
      await settle(business);

      // The association's representative reads the member's view and submits one position.
      const assocContext = await newContext(browser);
      const assoc = await assocContext.newPage();
      await signInAs(assoc, 'hiephoi@demo.caunoi.vn');
      await assoc.goto(`/gop-y/${id}`);
      await expect
        .poll(() => assoc.getByTestId('article-3').getByTestId('member-views').textContent())
        .toContain('công khai cả thời hạn');
      await expectAccessible(assoc, 'consultation (association, member views)');
      await assoc.getByTestId('comment-on-3').click();
      await assoc
        .getByTestId('comment-body')
        .fill('Hiệp hội đề nghị công khai thời hạn giải quyết từng vướng mắc trên cổng thông tin.');
      await assoc.getByTestId('represented-count').fill('150');
      const cosigners = assoc
        .getByRole('textbox', { name: 'Hội viên đồng ký' })
        .or(assoc.getByRole('combobox', { name: 'Hội viên đồng ký' }))
        .first();
      await cosigners.click({ force: true });
      await assoc.getByRole('option').first().click();
      await assoc.keyboard.press('Escape');
      await expectAccessible(assoc, 'association position form');
      await assoc.getByTestId('comment-submit').click();
      await expect.poll(() => assoc.getByTestId('article-3').textContent()).toContain('đại diện 150 doanh nghiệp');

      // The drafting unit closes, groups, answers every comment, publishes.
      await unit.reload();
      await unit.getByTestId('close-consultation').click();
      await expect.poll(() => unit.getByTestId('phase').textContent()).toContain('Đã kết thúc');
      await settle(unit);
      await unit.getByTestId('group-duplicates').click();
      await settle(unit);
      await expectAccessible(unit, 'grouped view');
      await unit.getByText('Chưa trả lời', { exact: true }).click();
      for (let round = 0; round < 6; round++) {
        const text = (await unit.getByTestId('pending-count').textContent()) ?? '';
        if (text.startsWith('0 /')) break;
        const group = unit
          .getByTestId('review-group')
          .filter({ hasNot: unit.locator('.mantine-Badge-root') })
          .first();
        if ((await group.count()) === 0) {
          // This article is answered: go to the next one still pending.
          await unit.getByTestId('article-filter').click();
          await unit
            .getByRole('option', { name: /\((?!0\/)\d+\/\d+\)/ })
            .first()
            .click();
          continue;
        }
        // A dropdown left open by the previous round would take the click: close it first.
        await unit.keyboard.press('Escape');
        await group.getByRole('combobox', { name: 'Tiếp thu, giải trình' }).click();
        await unit.getByRole('option', { name: 'Tiếp thu', exact: true }).click();
        await group.getByTestId('disposition-reason').fill('Tiếp thu, đã sửa trong dự thảo chỉnh lý');
        // The choice is made once its dropdown is gone and the select shows it; then the save is awaited.
        await expect.poll(() => unit.getByRole('listbox').count()).toBe(0);
        await expect
          .poll(() => group.getByRole('combobox', { name: 'Tiếp thu, giải trình' }).inputValue())
          .toBe('Tiếp thu');
        const saved = unit.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/dispositions'));
        await group.getByTestId('disposition-save').click();
        expect((await saved).status()).toBe(200);
        // The list re-renders once the disposition is saved: wait for the count to move before the next round.
        await expect.poll(() => unit.getByTestId('pending-count').textContent()).not.toBe(text);
        await settle(unit);
      }
      await expect.poll(() => unit.getByTestId('pending-count').textContent()).toMatch(/^0 \//);
      await unit.getByTestId('publish-response').click();
      await expect.poll(() => unit.getByTestId('phase').textContent()).toContain('Đã công bố báo cáo');
      await expectAccessible(unit, 'consultation (published, drafting unit)');

      // The business follows its notice to its comment's disposition.
      await business.goto('/gop-y');
      await expect
        .poll(() => business.getByTestId('notices').textContent())
        .toContain('Quy trình giải quyết vướng mắc');
      await expectAccessible(business, 'consultations with a notice (phone)');
      await business.getByTestId('notices').getByRole('link').first().click();
      await business.waitForURL(new RegExp(`/gop-y/${id}/bao-cao`));
      await expect
        .poll(() => business.locator('main').textContent())
        .toContain('Tiếp thu, đã sửa trong dự thảo chỉnh lý');
      expect(await business.locator('main').textContent()).toContain('Một doanh nghiệp');
      await expectAccessible(business, 'report (phone)');
      const pdf = await business.request.get(`/api/consultations/${id}/report/file?format=pdf`);
      expect(pdf.status()).toBe(200);
    },
  );
});
