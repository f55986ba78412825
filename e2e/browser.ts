// Debian's Chromium through playwright-core, and an axe check for every page a journey visits.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

export async function newContext(
  browser: Browser,
  options: { phone?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...(options.phone ? PHONE : DESKTOP),
    locale: options.locale ?? 'vi-VN',
    baseURL: baseUrl(),
  });
}

/** Every page visited is checked by axe; the journey fails on any violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // The network can fall quiet a moment before the page's strings and data are rendered; every
  // page has one heading of the first level (axe asks for it), so the page is there once it is.
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  // A dialog fading in has, for a moment, text of too little contrast: axe judges the page at rest.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  axeLog.push({ page: label, violations: violations.length });
  expect(violations, `axe on ${label}`).toEqual([]);
}

export const axeLog: { page: string; violations: number }[] = [];

export async function signInAs(page: Page, email: string, password = 'CauNoi@2026'): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/** Waits for a mail sent to `to` after `since` messages had arrived (see mailCount); outgoing mail reaches a real SMTP receiver. */
export async function waitForMail(to: string, since: number, timeoutMs = 20_000): Promise<ReceivedMail> {
  const dir = inject('mailDir');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .slice(since);
    for (const file of files) {
      const mail = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as ReceivedMail;
      if (mail.to.includes(to)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** How many messages have arrived so far. */
export function mailCount(): number {
  return fs.readdirSync(inject('mailDir')).filter((f) => f.endsWith('.json')).length;
}
