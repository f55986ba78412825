// The branch competitiveness index: Hải Phòng's department leader defines a
// method (imported as JSON), uploads the Department's scores, computes and sees
// the ranking with its bands; compares two methods in the sandbox (the PCI's
// published weights against equal weights); the public reads Quảng Ninh's
// ranking with tied groups and a branch profile on a phone. Axe on every page.
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

const method = {
  name: { vi: 'DDCI Hải Phòng (thử)', en: '' },
  minRespondents: 10,
  surveyShare: 70,
  uncertainty: { bootstrap: 200, sensitivity: 200, seed: 7, weightNoise: 0.25 },
  components: [
    {
      code: 'leadership',
      name: { vi: 'Năng động của người đứng đầu', en: 'Leadership' },
      weight: 60,
      indicators: [
        {
          code: 'd_leadership',
          name: { vi: 'Cục chấm', en: '' },
          source: { kind: 'department' },
          bounds: { kind: 'fixed', min: 0, max: 100 },
        },
      ],
    },
    {
      code: 'support',
      name: { vi: 'Hỗ trợ doanh nghiệp', en: 'Support' },
      weight: 40,
      indicators: [
        {
          code: 'd_support',
          name: { vi: 'Cục chấm', en: '' },
          source: { kind: 'department' },
          bounds: { kind: 'fixed', min: 0, max: 100 },
        },
      ],
    },
  ],
};

describe('branch competitiveness index', () => {
  it(
    'define and run a method; compare two in the sandbox; the public ranking on a phone',
    { timeout: 240_000 },
    async () => {
      const staffContext = await newContext(browser);
      const staff = await staffContext.newPage();
      await signInAs(staff, 'lanhdaocuc.haiphong@demo.caunoi.vn');
      await staff.goto('/app/chi-so');
      await expectAccessible(staff, 'index methods');
      const department = staff.getByRole('combobox', { name: 'Cục' }).first();
      await department.click();
      await department.fill('03');
      await staff.getByRole('option', { name: /^03 —/ }).first().click();
      await staff.getByTestId('cdci-document').fill(JSON.stringify(method));
      // Weights that do not add to 100 are refused, naming the field.
      await staff
        .getByTestId('cdci-document')
        .fill(
          JSON.stringify({ ...method, components: [{ ...method.components[0], weight: 50 }, method.components[1]] }),
        );
      await staff.getByTestId('cdci-save').click();
      await expect.poll(() => staff.getByTestId('form-error').textContent()).toContain('100');
      await staff.getByTestId('cdci-document').fill(JSON.stringify(method));
      await staff.getByTestId('cdci-save').click();
      await expect.poll(() => staff.getByTestId('cdci-detail').textContent()).toContain('Bản nháp');
      await settle(staff);
      await staff
        .getByTestId('cdci-scores')
        .fill(
          'unit,indicator,value\n03CC,d_leadership,92\n03CE,d_leadership,88\n03TG,d_leadership,95\n03CC,d_support,90\n03CE,d_support,97\n03TG,d_support,85\n',
        );
      await staff.getByTestId('cdci-upload').click();
      await settle(staff);
      await staff.getByTestId('cdci-compute').click();
      await expect.poll(() => staff.getByTestId('cdci-ranking').textContent(), { timeout: 30_000 }).toContain('03TG');
      await expectAccessible(staff, 'index computed');

      await staff.goto('/app/chi-so/thu-nghiem');
      await staff.getByTestId('sandbox-run').click();
      await expect.poll(() => staff.getByTestId('sandbox-table').textContent(), { timeout: 30_000 }).toContain('75.03');
      await expectAccessible(staff, 'index sandbox');
      await staffContext.close();

      const publicContext = await newContext(browser, { phone: true });
      const reader = await publicContext.newPage();
      await reader.goto('/chi-so');
      await reader.waitForURL(/\/chi-so\/[0-9a-f-]{36}$/);
      await expect.poll(() => reader.getByTestId('cdci-ranking').textContent(), { timeout: 30_000 }).toContain('20');
      expect(await reader.getByTestId('cdci-tied').count()).toBeGreaterThan(0);
      await expectAccessible(reader, 'public index (phone)');
      const select = reader.getByTestId('cdci-branch-select');
      await select.click();
      await reader.getByRole('option').first().click();
      await expect.poll(() => reader.getByTestId('cdci-profile').textContent()).toContain('Trung vị');
      expect(await reader.getByTestId('cdci-trend').count()).toBe(1);
      await expectAccessible(reader, 'branch profile (phone)');
      expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await publicContext.close();
    },
  );
});
