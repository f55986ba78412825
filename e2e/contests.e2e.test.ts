// The law contest: an organizer builds a contest whose questions come from the
// question bank, with an online round and a live final; the demo business takes
// the online round on a phone (one question at a time, the server's timer) and
// sees the right answers with their legal basis; a live final with three
// participants on phones and the hall's leaderboard; an editor of the bank sees
// a most-missed question (from the seeded finished contest) in the review list.
// Axe on every page.
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

async function addQuestion(page: Page, search: string) {
  await page.getByTestId('bank-search').fill(search);
  await page.getByTestId('bank-search-go').click();
  await page.getByTestId('bank-use').first().click();
  await expect.poll(() => page.getByTestId('question-source').textContent()).toMatch(/mục hỏi đáp số \d+/);
  for (const [i, text] of ['Đúng theo quy định', 'Không cần', 'Chỉ khi được yêu cầu', 'Tùy Chi cục'].entries())
    await page.getByTestId(`choice-${i}`).fill(text);
  await page.getByTestId('question-save').click();
  await expect.poll(() => page.getByTestId('question-source').count()).toBe(0);
}

async function addRound(page: Page, kind: 'online' | 'final', name: string) {
  const roundKind = page.getByRole('combobox', { name: 'Loại vòng' });
  await roundKind.click();
  await page.getByRole('option', { name: kind === 'online' ? 'Trực tuyến' : 'Chung kết' }).click();
  await page.getByTestId('round-name').fill(name);
  await page.getByTestId('round-count').fill('1');
  await page.getByTestId('round-save').click();
  await expect.poll(() => page.getByTestId('rounds-table').textContent()).toContain(name);
}

describe('law contest', () => {
  it(
    'organizer builds from the bank; a phone takes the round; a live final of three; the review list',
    { timeout: 240_000 },
    async () => {
      const organizerContext = await newContext(browser);
      const organizer = await organizerContext.newPage();
      await signInAs(organizer, 'lanhdaocuc.haiphong@demo.caunoi.vn');
      await organizer.goto('/app/cuoc-thi');
      await expectAccessible(organizer, 'contests (organizer)');
      const unit = organizer.getByRole('combobox', { name: /Đơn vị tổ chức/ }).first();
      await unit.click();
      await unit.fill('03');
      await organizer.getByRole('option', { name: /^03 —/ }).first().click();
      await organizer.getByTestId('contest-name').fill('Thi thử pháp luật hải quan');
      await organizer.getByTestId('contest-create').click();
      await organizer.waitForURL(/\/app\/cuoc-thi\/[0-9a-f-]{36}$/);
      const contestUrl = new URL(organizer.url()).pathname;
      await organizer.goto(contestUrl);
      await organizer.getByTestId('contest-status').waitFor();
      await expectAccessible(organizer, 'contest builder');
      await addQuestion(organizer, 'xuất xứ');
      await addQuestion(organizer, 'hoàn thuế');
      expect(await organizer.getByTestId('questions-table').textContent()).toMatch(/#\d+/);
      await addRound(organizer, 'online', 'Vòng trực tuyến thử');
      await addRound(organizer, 'final', 'Chung kết thử');
      await organizer.getByTestId('contest-open').click();
      await expect.poll(() => organizer.getByTestId('contest-status').textContent()).toBe('Đang mở');
      await settle(organizer);
      await expectAccessible(organizer, 'contest open (organizer)');

      // The demo business on a phone: register, take the online round.
      const phoneContext = await newContext(browser, { phone: true });
      const phone = await phoneContext.newPage();
      await signInAs(phone, 'doanhnghiep@demo.caunoi.vn');
      await phone.goto('/app/cuoc-thi');
      await phone
        .getByText(/năm 2027/)
        .first()
        .waitFor();
      await expectAccessible(phone, 'contests (business, phone)');
      await phone.goto(contestUrl);
      await phone.getByTestId('contest-register').click();
      await expect.poll(() => phone.getByTestId('my-registration').count()).toBe(1);
      await settle(phone);
      await expectAccessible(phone, 'contest (business, phone)');
      const served = phone.waitForResponse((r) => r.url().includes('/attempt') && r.request().method() === 'POST');
      await phone
        .getByRole('row', { name: /Vòng trực tuyến thử/ })
        .getByTestId('take-round')
        .click();
      const body = await (await served).text();
      // What reaches the browser while the question runs names no right choice.
      expect(body).not.toMatch(/correct|legalBasis/);
      await expect.poll(() => phone.getByTestId('play-choice').count()).toBe(4);
      await expectAccessible(phone, 'contest question (phone)');
      await phone.getByTestId('play-choice').first().click();
      await expect.poll(() => phone.getByTestId('play-score').count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => phone.locator('main').textContent()).toContain('Căn cứ pháp lý');
      expect(await phone.getByTestId('result-entry').count()).toBe(1);
      await settle(phone);
      await expectAccessible(phone, 'contest result (phone)');

      // A live final: the hall screen and three phones.
      await organizer.goto(contestUrl);
      await organizer.getByTestId('hall-link').click();
      await organizer.waitForURL(/man-hinh$/);
      const finalRound = /vong\/([0-9a-f-]{36})\/man-hinh/.exec(organizer.url())![1]!;
      // The third participant: a colleague of the demo business, given an account by the administrator.
      const adminContext = await newContext(browser);
      const admin = await adminContext.newPage();
      await signInAs(admin, 'admin@demo.caunoi.vn');
      const business = (await (await phone.request.get('/api/auth/me')).json()) as { enterprise: { id: string } };
      const csrf = ((await (await admin.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
      const created = await admin.request.post('/api/accounts', {
        headers: { 'x-csrf-token': csrf },
        data: {
          email: 'thisinh3@demo.caunoi.vn',
          fullName: 'Phan Văn Khoa',
          password: 'ThiSinh2026x',
          roles: [{ role: 'enterprise_user' }],
          enterpriseId: business.enterprise.id,
        },
      });
      expect(created.status()).toBe(201);
      await adminContext.close();
      const players: Page[] = [phone];
      for (const [email, password] of [
        ['dailyhq@demo.caunoi.vn', 'CauNoi@2026'],
        ['thisinh3@demo.caunoi.vn', 'ThiSinh2026x'],
      ] as const) {
        const page = await (await newContext(browser, { phone: true })).newPage();
        await signInAs(page, email, password);
        await page.goto(contestUrl);
        await page.getByTestId('contest-register').click();
        await expect.poll(() => page.getByTestId('my-registration').count()).toBe(1);
        players.push(page);
      }
      for (const page of players) {
        await page.goto(`/app/cuoc-thi/vong/${finalRound}`);
        await expect.poll(() => page.getByTestId('play-waiting').count()).toBe(1);
      }
      await expectAccessible(players[1]!, 'live final waiting (phone)');
      await expect.poll(() => organizer.getByTestId('hall-counts').textContent()).toContain('/3');
      await expectAccessible(organizer, 'hall waiting');
      await organizer.getByTestId('hall-next').click();
      await expect.poll(() => organizer.getByTestId('hall-question').count()).toBe(1);
      for (const [i, page] of players.entries()) {
        await expect.poll(() => page.getByTestId('play-choice').count(), { timeout: 10_000 }).toBe(4);
        await page
          .getByTestId('play-choice')
          .nth(i === 2 ? 1 : 0)
          .click();
      }
      await expect.poll(() => organizer.getByTestId('hall-counts').textContent()).toContain('3/3');
      await expectAccessible(organizer, 'hall question');
      // Seconds per question: the form's default, 20 s; the leaderboard appears once the timer ends.
      await expect.poll(() => organizer.getByTestId('hall-board').count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => organizer.getByTestId('hall-board').locator('tbody tr').count()).toBe(3);
      expect(await organizer.getByTestId('hall-correct').count()).toBe(1);
      await expectAccessible(organizer, 'hall leaderboard');
      await expect.poll(() => players[0]!.getByTestId('play-board').count(), { timeout: 10_000 }).toBe(1);
      await expectAccessible(players[0]!, 'live final leaderboard (phone)');

      // An editor of the bank: the seeded contest's most-missed questions.
      const editorContext = await newContext(browser);
      const editor = await editorContext.newPage();
      await signInAs(editor, 'congchuc.03nk@demo.caunoi.vn');
      await editor.goto('/app/hoi-dap-ra-soat');
      await expect.poll(() => editor.getByTestId('review-tasks').locator('tbody tr').count()).toBeGreaterThan(0);
      await expectAccessible(editor, 'question-bank review list');
      // And the organizer's statistics of that contest.
      await organizer.goto('/app/cuoc-thi');
      await organizer.getByRole('link', { name: /năm 2026/ }).click();
      await organizer.getByTestId('contest-status').waitFor();
      await organizer.getByTestId('contest-status').waitFor();
      await expect.poll(() => organizer.getByTestId('stats-participants').textContent()).toMatch(/320 thí sinh/);
      await expectAccessible(organizer, 'contest statistics');
    },
  );
});
