// Every kind of user signs in from the demo list and lands on a page that shows
// only what its role may use; axe checks each page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newContext } from './browser.ts';

const ACCOUNTS = [
  ['admin@demo.caunoi.vn', 'Quản trị hệ thống', true],
  ['tongcuc@demo.caunoi.vn', 'Tổng cục (Ban Cải cách HĐH)', false],
  ['lanhdaocuc.haiphong@demo.caunoi.vn', 'Lãnh đạo Cục', false],
  ['thanhtra.haiphong@demo.caunoi.vn', 'Thanh tra / Kiểm tra nội bộ', false],
  ['lanhdao.03nk@demo.caunoi.vn', 'Lãnh đạo Chi cục', false],
  ['doitruong.03nk@demo.caunoi.vn', 'Đội trưởng', false],
  ['congchuc.03nk@demo.caunoi.vn', 'Công chức hải quan', false],
  ['doanhnghiep@demo.caunoi.vn', 'Doanh nghiệp', false],
  ['dailyhq@demo.caunoi.vn', 'Đại lý hải quan', false],
  ['hiephoi@demo.caunoi.vn', 'Hiệp hội doanh nghiệp', false],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('sign in as each kind of user', () => {
  it('the sign-in page lists the demo accounts of every role', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await expect.poll(() => page.getByTestId('demo-accounts').textContent()).toContain('admin@demo.caunoi.vn');
    for (const [email] of ACCOUNTS) expect(await page.getByTestId(`demo-sign-in-${email}`).count()).toBe(1);
    await expectAccessible(page, 'sign-in page');
    await context.close();
  });

  for (const [email, roleLabel, isAdmin] of ACCOUNTS) {
    it(`${email} signs in and sees only what the role may use`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/dang-nhap');
      await page.getByTestId(`demo-sign-in-${email}`).click();
      await page.waitForURL('**/app');
      await expect.poll(() => page.locator('main').textContent()).toContain(roleLabel);
      // The navigation loads on its own: every role has the dashboard link, so once it shows, the list is complete.
      await expect.poll(() => page.getByTestId('nav-dashboard').count()).toBe(1);
      expect(await page.getByTestId('nav-units').count()).toBe(isAdmin ? 1 : 0);
      await expectAccessible(page, `home of ${email}`);
      if (!isAdmin) {
        await page.goto('/app/admin/units');
        // First the page that did render (the refusal), then what it must not hold.
        await expect.poll(() => page.locator('main').textContent()).toContain('Không có quyền truy cập');
        expect(await page.locator('main').textContent()).not.toContain('Thêm đơn vị');
      }
      await context.close();
    });
  }

  it('a wrong password is refused with a message, on a phone', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByTestId('sign-in-email').fill('admin@demo.caunoi.vn');
    await page.getByTestId('sign-in-password').fill('sai-mat-khau');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Email hoặc mật khẩu không đúng');
    await expectAccessible(page, 'sign-in error on a phone');
    await context.close();
  });
});

describe('an account over its limit of failed attempts', () => {
  // Last in this file: the account stays over its limit for 15 minutes, and no other journey uses it.
  const EMAIL = 'dailyhq@demo.caunoi.vn';

  /** The newest sign-in link mailed to EMAIL, read from the outbox as the administrator (there is no SMTP here). */
  async function mailedLink(): Promise<string> {
    const admin = await fetch(`${baseUrl()}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.caunoi.vn', password: 'CauNoi@2026' }),
    });
    const cookie = (admin.headers.get('set-cookie') ?? '').split(';')[0]!;
    let link = '';
    await expect
      .poll(
        async () => {
          const outbox = (await (
            await fetch(`${baseUrl()}/api/admin/outbox?limit=50`, { headers: { cookie } })
          ).json()) as { items: { toAddress: string; textBody: string }[] };
          link =
            /\/dang-nhap\/lien-ket#[A-Za-z0-9_-]+/.exec(
              outbox.items.find((mail) => mail.toAddress === EMAIL)?.textBody ?? '',
            )?.[0] ?? '';
          return link;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');
    return link;
  }

  it('is told a link was sent, and signs in with the link and the password', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByTestId('sign-in-email').fill(EMAIL);
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('sign-in-password').fill(`sai-mat-khau-${i}`);
      await page.getByTestId('sign-in-submit').click();
      await expect.poll(() => page.getByTestId('form-error').count()).toBe(1);
    }
    await page.getByTestId('sign-in-password').fill('CauNoi@2026');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-link-sent').textContent()).toContain('đường dẫn đăng nhập');
    expect(page.url()).toContain('/dang-nhap');
    await expectAccessible(page, 'sign-in: a link was sent');

    const link = await mailedLink();
    await page.goto(link);
    await expect.poll(() => page.getByTestId('sign-in-link-form').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('');
    await expectAccessible(page, 'sign-in link');
    await page.getByTestId('sign-in-link-password').fill('CauNoi@2026');
    await page.getByTestId('sign-in-link-submit').click();
    await page.waitForURL('**/app');
    await expect.poll(() => page.locator('main').textContent()).toContain('Đại lý hải quan');

    // Used once: opened again, the link is refused with a way back.
    const again = await (await newContext(browser)).newPage();
    await again.goto(link);
    await again.getByTestId('sign-in-link-password').fill('CauNoi@2026');
    await again.getByTestId('sign-in-link-submit').click();
    await expect.poll(() => again.getByTestId('sign-in-link-invalid').count()).toBe(1);
    await expectAccessible(again, 'sign-in link used');
    await again.context().close();
    await context.close();
  });
});
