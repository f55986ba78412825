// Waiting-room screens: a branch leader sets up a screen (a bad announcement is
// refused, naming the field), a TV pairs with the code and shows the board; a
// declaration arrives through the integration API and moves to "cleared" on the
// screen without a reload; the business scans the QR code on a phone, follows
// its declaration and rates the visit. Axe on every page.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

/** The board holds a live stream open, so the network never falls quiet: axe runs once the board is drawn. */
async function expectBoardAccessible(page: Page, label: string) {
  await page.getByTestId('screen-board').waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${label}`,
  ).toEqual([]);
}

/** A signed-in page's call to the API (with its CSRF token). */
async function apiAs(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    { method, path, body },
  );
}

describe('waiting-room screens', () => {
  it(
    'configure a screen; it shows a declaration moving to cleared live; the business follows and rates',
    { timeout: 120_000 },
    async () => {
      // An integration key, as an administrator creates one.
      const adminContext = await newContext(browser);
      const admin = await adminContext.newPage();
      await signInAs(admin, 'admin@demo.caunoi.vn');
      const created = await apiAs(admin, 'POST', '/api/admin/api-keys', {
        name: 'Phần mềm khai báo (hành trình màn hình)',
        scopes: ['declarations:write', 'progress:write'],
      });
      expect(created.status).toBe(201);
      const key = (created.json as { key: string }).key;
      await adminContext.close();

      // The branch leader sets up a screen.
      const leaderContext = await newContext(browser);
      const leader = await leaderContext.newPage();
      await signInAs(leader, 'lanhdao.03nk@demo.caunoi.vn');
      await leader.goto('/app/man-hinh');
      await expectAccessible(leader, 'screens');
      await leader.getByTestId('screen-new').click();
      const dialog = leader.getByRole('dialog');
      const office = dialog.getByRole('combobox', { name: /Chi cục/ }).first();
      await office.click();
      await office.fill('03NK');
      await leader.getByRole('option', { name: /^03NK/ }).first().click();
      await dialog.getByTestId('screen-name').fill('Phòng chờ hành trình');
      await dialog.getByTestId('screen-add-announcement').click();
      await dialog.getByLabel('Nội dung (tiếng Việt)').fill('Nghỉ trưa 11:30–13:00');
      await dialog.getByTestId('screen-announcement-to').fill('2020-01-01');
      await expectAccessible(leader, 'screen settings');
      await dialog.getByTestId('screen-save').click();
      await expect
        .poll(() => dialog.textContent())
        .toContain('Ngày kết thúc của thông báo không được trước ngày bắt đầu');
      await dialog.getByTestId('screen-announcement-to').fill('2099-12-31');
      await dialog.getByTestId('screen-save').click();
      const code = (await leader.getByTestId('screen-pairing-code').textContent()) ?? '';
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      await expectAccessible(leader, 'screen credentials');
      await leaderContext.close();

      // A TV pairs with the code and shows the board (1920×1080).
      const tvContext = await browser.newContext({
        viewport: { width: 1920, height: 1080 },
        baseURL: baseUrl(),
        locale: 'vi-VN',
      });
      const tv = await tvContext.newPage();
      await tv.goto('/man-hinh');
      await expectAccessible(tv, 'screen pairing');
      await tv.getByTestId('pair-code').fill(code);
      await tv.getByTestId('pair-submit').click();
      await tv.waitForURL(/\/man-hinh\/scr_/);
      await expect
        .poll(() => tv.getByTestId('screen-live').textContent(), { timeout: 15_000 })
        .toBe('Đang cập nhật trực tiếp');
      await expectBoardAccessible(tv, 'screen board');

      // Declaration software sends a declaration of the demo business and its steps.
      const businessContext = await newContext(browser, { phone: true });
      const phone = await businessContext.newPage();
      await signInAs(phone, 'doanhnghiep@demo.caunoi.vn');
      const me = (await phone.evaluate(async () => (await fetch('/api/auth/me')).json())) as {
        enterprise: { taxCode: string; name: string };
      };
      const number = `1${String(Date.now()).slice(-11)}`;
      const send = async (method: string, path: string, body: unknown) => {
        const response = await fetch(`${baseUrl()}${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status, `${method} ${path}`).toBeLessThan(300);
      };
      const now = () => new Date().toISOString();
      await send('PUT', `/api/v1/declarations/${number}`, {
        typeCode: 'A11',
        enterprise: me.enterprise,
        officeCode: '03NK',
        channel: 'yellow',
        registeredAt: now(),
        steps: [{ stage: 'Tiếp nhận', startedAt: now() }],
      });
      const sentAt = Date.now();
      await send('PUT', `/api/v1/declarations/${number}/progress/registered`, { at: now(), counter: 'Quầy 2' });
      const row = tv.getByTestId(`screen-row-${number.slice(-4)}`);
      await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
      const shownAfter = Date.now() - sentAt;
      expect(await row.textContent()).toContain('Đã đăng ký');
      expect(await tv.locator('main').textContent()).not.toContain(number);
      await send('PUT', `/api/v1/declarations/${number}/progress/cleared`, { at: now(), counter: 'Quầy 2' });
      await expect
        .poll(() => row.getByTestId('screen-row-stage').textContent(), { timeout: 5000 })
        .toBe('Đã thông quan');
      expect(await row.getAttribute('data-highlight')).toBe('true');
      console.log(`screen journey: a step reached the TV in ${shownAfter} ms`);

      // The business scans the QR code (its address) on a phone, follows its declaration and rates it.
      const qr = await tv.getByRole('img', { name: /Mã QR/ }).count();
      expect(qr).toBe(1);
      await phone.goto('/theo-doi?office=03NK');
      await expect.poll(() => phone.getByTestId('follow-item').count()).toBeGreaterThan(0);
      await expectAccessible(phone, 'follow (phone)');
      await phone.getByTestId('follow-item').filter({ hasText: number }).getByRole('link').click();
      await expect.poll(() => phone.getByTestId('follow-stage').textContent()).toBe('Đã thông quan');
      await expectAccessible(phone, 'followed declaration (phone)');
      await phone.getByTestId('follow-rate').click();
      await phone.waitForURL(/\/danh-gia\//);
      await phone.getByRole('radio', { name: 'Hài lòng', exact: true }).first().check(); // tap 1
      await phone.getByTestId('rating-send').click(); // tap 2
      await phone.getByRole('dialog').getByTestId('confirm').click(); // tap 3
      await expect.poll(() => phone.getByTestId('sent-assessment').count()).toBe(1);
      await expectAccessible(phone, 'rating sent (phone)');
      await tvContext.close();
      await businessContext.close();
    },
  );
});
