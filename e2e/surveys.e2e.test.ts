// Surveys: a department leader builds a survey with a condition and a question
// per branch, previews it on a phone, targets a stratified sample drawn from
// declarations and opens it; the demo business answers on a phone (signed in)
// and cannot answer twice; the General Department reads the charts of the
// national survey, filters them and exports the answers. Axe on every page.
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

async function pick(page: Page, label: string | RegExp, search: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: label }).first();
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('customs surveys', () => {
  it(
    'build, target a sample, open; a business answers on a phone; charts and export',
    { timeout: 300_000 },
    async () => {
      const ownerContext = await newContext(browser);
      const owner = await ownerContext.newPage();
      await signInAs(owner, 'lanhdaocuc.haiphong@demo.caunoi.vn');
      await owner.goto('/app/khao-sat');
      await expectAccessible(owner, 'surveys (owner)');
      await pick(owner, /Đơn vị chủ trì/, '03', /^03 —/);
      await owner.getByTestId('survey-create').click();
      await owner.waitForURL(/\/app\/khao-sat\/[0-9a-f-]{36}$/);
      const surveyUrl = new URL(owner.url()).pathname;
      await expectAccessible(owner, 'survey builder');

      // A yes/no question, then one asked per branch only when the answer is yes.
      await owner.getByTestId('add-question-0').click();
      await owner.getByTestId('add-question-0').click();
      const third = owner.getByTestId('editor-cau_3');
      await third.getByLabel('Nội dung (tiếng Việt)').fill('Chi cục giải quyết vướng mắc có kịp thời không?');
      await third.getByRole('checkbox', { name: /Hỏi riêng cho từng Chi cục/ }).check();
      await third.getByRole('checkbox', { name: 'Bắt buộc' }).check();
      await third.getByRole('combobox', { name: 'Chỉ hỏi khi câu' }).click();
      await owner.getByRole('option', { name: /^cau_2/ }).click();
      await third.getByRole('combobox', { name: 'có trả lời' }).click();
      await owner.getByRole('option', { name: 'Có' }).click();
      // The per-branch question feeds the branch index: its CDCI component, higher is better.
      await third.getByRole('combobox', { name: /Chỉ số thành phần CDCI/ }).click();
      await owner.getByRole('option', { name: 'Thời gian và chi phí' }).click();
      await owner
        .getByTestId('editor-cau_2')
        .getByLabel('Nội dung (tiếng Việt)')
        .fill('Doanh nghiệp có gặp vướng mắc không?');
      // Waits for the save itself: the toast that settle() waits out may not be up yet.
      const saving = owner.waitForResponse(
        (r) => r.request().method() === 'PUT' && /\/api\/surveys\/[0-9a-f-]{36}$/.test(r.url()),
      );
      await owner.getByTestId('survey-save-form').click();
      expect((await saving).status()).toBe(200);
      await settle(owner);
      const saved = (await (
        await owner.request.get(`/api${surveyUrl.replace('/app/khao-sat', '/surveys')}`)
      ).json()) as {
        definition: { sections: { questions: { key: string; indicator: unknown }[] }[] };
      };
      expect(saved.definition.sections.flatMap((s) => s.questions).find((q) => q.key === 'cau_3')?.indicator).toEqual({
        component: 'time_costs',
        direction: 'higher_better',
      });

      await owner.getByRole('tab', { name: 'Xem trên điện thoại' }).click();
      await expect
        .poll(() => owner.getByTestId('survey-preview').textContent())
        .toContain('Doanh nghiệp có gặp vướng mắc');
      await expectAccessible(owner, 'survey phone preview');

      await owner.getByRole('tab', { name: 'Đối tượng' }).click();
      await pick(owner, /Thêm Chi cục/, '03NK', /^03NK/);
      await owner.getByLabel('Số doanh nghiệp mỗi tầng').fill('10000');
      await expectAccessible(owner, 'survey targeting');
      await owner.getByTestId('survey-target').click();
      await settle(owner);
      await owner.getByTestId('survey-open').click();
      await expect.poll(() => owner.locator('main').textContent()).toContain('Đang mở');
      await owner.getByRole('tab', { name: 'Tỷ lệ trả lời' }).click();
      await expect.poll(() => owner.locator('main').textContent()).toContain('03NK · large');
      await expectAccessible(owner, 'survey participation');

      const businessContext = await newContext(browser, { phone: true });
      const business = await businessContext.newPage();
      await signInAs(business, 'doanhnghiep@demo.caunoi.vn');
      await business.goto('/app/khao-sat');
      await expectAccessible(business, 'surveys (business, phone)');
      await business.getByRole('link', { name: 'Trả lời' }).first().click();
      await business.waitForURL(/\/app\/khao-sat\/tra-loi\//);
      await expect.poll(() => business.getByTestId('q-hai_long').isVisible()).toBe(true);
      await business.getByTestId('q-hai_long').getByRole('radio', { name: '4' }).check();
      await business.getByTestId('q-cau_2').getByRole('radio', { name: 'Có' }).check();
      await expect.poll(() => business.getByTestId('q-cau_3').isVisible()).toBe(true);
      await expectAccessible(business, 'survey answer (phone)');
      await business.getByTestId('survey-save').click();
      await settle(business);
      for (const radio of await business.getByTestId('q-cau_3').getByRole('radio', { name: 'Có' }).all())
        await radio.check();
      await business.getByTestId('survey-submit').click();
      await expect.poll(() => business.getByTestId('survey-received').isVisible()).toBe(true);
      await expectAccessible(business, 'survey received (phone)');
      await business.goto('/app/khao-sat');
      await expect.poll(() => business.locator('main').textContent()).toContain('Đã trả lời');

      await owner.goto(surveyUrl);
      await expect.poll(() => owner.locator('main').textContent()).toMatch(/1 \/ \d+/);

      // VCCI Hải Phòng passes the open survey on to its members, on a phone, once.
      const associationContext = await newContext(browser, { phone: true });
      const association = await associationContext.newPage();
      await signInAs(association, 'hiephoi@demo.caunoi.vn');
      await association.goto('/app/khao-sat');
      const card = association.getByTestId('association-survey').filter({ hasText: 'Khảo sát mới' }).first();
      await expect.poll(() => card.isVisible()).toBe(true);
      await expectAccessible(association, 'surveys (association, phone)');
      await card.getByTestId('survey-forward').click();
      await association.getByLabel(/Lời nhắn của Hiệp hội/).fill('Đề nghị hội viên dành 5 phút trả lời.');
      await expectAccessible(association, 'forward a survey (association, phone)');
      await association.getByTestId('survey-forward-send').click();
      await expect.poll(() => card.textContent()).toMatch(/Đã chuyển ngày \d{2}\/\d{2}\/\d{4}/);
      await associationContext.close();

      // The General Department reads the national survey's charts and exports its answers.
      const gdContext = await newContext(browser);
      const gd = await gdContext.newPage();
      await signInAs(gd, 'tongcuc@demo.caunoi.vn');
      await gd.goto('/app/khao-sat');
      await gd.getByRole('link', { name: /quan hệ đối tác Hải quan/ }).click();
      await gd.getByTestId('survey-results').click();
      await expect.poll(() => gd.locator('main').textContent()).toMatch(/\d+ doanh nghiệp trả lời/);
      await expect.poll(() => gd.locator('.recharts-surface').count()).toBeGreaterThan(3);
      await expectAccessible(gd, 'survey results');
      await gd.getByRole('combobox', { name: 'Nhóm (tầng mẫu)' }).click();
      await gd.getByRole('option', { name: 'Hải Phòng' }).click();
      await expect.poll(() => gd.locator('main').textContent()).toMatch(/\d+ doanh nghiệp trả lời/);
      // The printed report: no buttons or filter fields, the filter written out instead.
      await gd.emulateMedia({ media: 'print' });
      expect(await gd.getByTestId('export-csv').isVisible()).toBe(false);
      expect(await gd.getByRole('combobox', { name: 'Nhóm (tầng mẫu)' }).isVisible()).toBe(false);
      expect(await gd.getByText(/Bộ lọc: tầng Hải Phòng/).isVisible()).toBe(true);
      await gd.emulateMedia({ media: 'screen' });
      expect(await gd.getByText(/Bộ lọc: tầng Hải Phòng/).isVisible()).toBe(false);
      const href = await gd.getByTestId('export-csv').getAttribute('href');
      const csv = await gd.request.get(href!);
      expect(csv.status()).toBe(200);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toContain('dvc_hai_long');
      expect(lines.length).toBeGreaterThan(100);
      for (const context of [ownerContext, businessContext, gdContext]) await context.close();
    },
  );
});
