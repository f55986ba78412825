// The branch leader sees the dashboard move but not who rated: a new assessment
// arrives through the integration API, the roll-up folds it in, the count moves,
// and the enterprise's name and tax code appear nowhere the leader can look.
import fs from 'node:fs';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

/** A tax code with a valid check digit (the integration API checks it). */
function validTaxCode(seed: number): string {
  for (let n = seed; ; n++) {
    const nine = String(n).padStart(9, '0').slice(-9);
    const sum = [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((total, w, i) => total + w * Number(nine[i]), 0);
    const check = 10 - (sum % 11);
    if (check < 10) return nine + String(check);
  }
}

const ENTERPRISE = { taxCode: validTaxCode(481_516_234), name: 'Công ty TNHH Gốm sứ Bí Mật Tràng An' };

async function json<T>(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; text: string }> {
  const response = await request.get(url, { headers });
  const text = await response.text();
  return { status: response.status(), body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : null) as T, text };
}

/** Digits of a figure as shown ("1.234" in Vietnamese). */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('figure-count-value').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

async function createApiKey(): Promise<string> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInAs(page, 'admin@demo.caunoi.vn');
  const me = await json<{ csrfToken: string }>(page.request, '/api/auth/me');
  const created = await page.request.post('/api/admin/api-keys', {
    headers: { 'x-csrf-token': me.body.csrfToken },
    data: { name: 'Phần mềm khai báo thử nghiệm', scopes: ['declarations:write', 'declarations:read', 'assessments:write'] },
  });
  expect(created.status()).toBe(201);
  const key = ((await created.json()) as { key: string }).key;
  await context.close();
  return key;
}

interface UnitView {
  unit: { id: string; code: string };
  figures: { count: number };
  children: { unit: { id: string; code: string } }[];
  officers: { id: string; code: string }[];
}

describe('assessment results', () => {
  it('the branch leader sees the dashboard move but not who rated', async () => {
    const key = await createApiKey();
    const context = await newContext(browser);
    const page = await context.newPage();
    const seen: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().includes('/api/dashboards/')) return;
      try {
        seen.push(await response.text());
      } catch {
        // a download or an aborted request: checked below through the API
      }
    });
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    await page.getByTestId('nav-results').first().click();
    await page.waitForURL('**/app/ket-qua');
    await expect.poll(() => page.locator('h1').textContent()).toContain('03NK');
    const before = await shownCount(page);
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page, 'branch dashboard');

    // The declaration software sends a new declaration of this branch and the business's assessment.
    const branch = (await json<UnitView>(page.request, '/api/dashboards/units')).body;
    expect(branch.unit.code).toBe('03NK');
    const teamId = branch.children.find((c) => c.unit.code === '03NK01')!.unit.id;
    const team = (await json<UnitView>(page.request, `/api/dashboards/units/${teamId}`)).body;
    const officer = team.officers[0]!;
    // An export type the demo data never uses, so that a filter on it shows only this assessment.
    const number = `30${String(Date.now()).slice(-10)}`;
    const bearer = { authorization: `Bearer ${key}` };
    const now = new Date();
    const put = await page.request.put(`/api/v1/declarations/${number}`, {
      headers: bearer,
      data: {
        typeCode: 'H21',
        enterprise: ENTERPRISE,
        officeCode: '03NK',
        channel: 'yellow',
        registeredAt: new Date(now.getTime() - 3 * 3600_000).toISOString(),
        clearedAt: new Date(now.getTime() - 3600_000).toISOString(),
        status: 'cleared',
        steps: [{ stage: 'Kiểm tra hồ sơ', teamCode: '03NK01', officerCode: officer.code, startedAt: new Date(now.getTime() - 3 * 3600_000).toISOString(), finishedAt: new Date(now.getTime() - 3600_000).toISOString() }],
      },
    });
    expect(put.status()).toBe(201);
    const post = await page.request.post(`/api/v1/declarations/${number}/assessments`, {
      headers: bearer,
      data: {
        subjects: [
          { kind: 'branch', ref: '03NK', stars: 5 },
          { kind: 'officer', ref: officer.code, stars: 4, reason: 'Hướng dẫn rõ ràng, xử lý nhanh' },
        ],
      },
    });
    expect(post.status()).toBe(201);

    // The roll-up flush runs every second: the branch's count moves by the two ratings.
    await expect.poll(async () => (await json<UnitView>(page.request, '/api/dashboards/units')).body.figures.count, { timeout: 15_000 }).toBe(branch.figures.count + 2);
    await page.reload();
    await expect.poll(() => shownCount(page)).toBe(before + 2);

    // Drill down: team, then officer; breadcrumbs lead back.
    await page.getByTestId('ranking-row-03NK01').getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('03NK01');
    await expect.poll(() => page.getByTestId('results-breadcrumbs').textContent()).toContain('03NK');
    await expectAccessible(page, 'team dashboard (drill-down)');
    await page.getByTestId(`officer-ranking-row-${officer.code}`).getByRole('link').click();
    await page.waitForURL(`**/app/ket-qua/cong-chuc/${officer.id}`);
    await expect.poll(() => page.getByTestId('officer-results').isVisible()).toBe(true);
    await expectAccessible(page, 'officer results');
    await page.getByTestId('results-breadcrumbs').getByRole('link', { name: /^03NK —/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/03NK —/);

    // A filter goes to the URL and survives a reload.
    await page.getByRole('combobox', { name: 'Phân luồng' }).click();
    await page.getByRole('option', { name: 'Luồng vàng' }).click();
    await page.waitForURL('**channel=yellow**');
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: 'Phân luồng' }).inputValue()).toBe('Luồng vàng');
    await expectAccessible(page, 'branch dashboard, yellow channel');

    // Filtered down to that one assessment, the figures are withheld from the leader, never shown as zero.
    await page.goto('/app/ket-qua?typeCode=H21');
    await expect.poll(() => page.getByTestId('withheld-notice').isVisible()).toBe(true);
    expect(await shownCount(page)).toBe(2);
    expect(await page.getByTestId('figure-mean-value').textContent()).toBe('Chưa đủ số đánh giá để hiển thị');
    expect(await page.getByTestId('ranking-row-03NK01').textContent()).toContain('Chưa đủ số đánh giá để hiển thị');
    await expectAccessible(page, 'branch dashboard, withheld figures');
    await page.goto('/app/ket-qua?channel=yellow');
    await expect.poll(() => page.getByTestId('figure-count-value').isVisible()).toBe(true);

    // The export buttons download the same view, with the same filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^ket-qua-03NK-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Luồng,Vàng');
    expect(csv.toString('utf8')).not.toContain(ENTERPRISE.name);

    // The monthly report prints.
    await page.getByTestId('open-report').click();
    await page.waitForURL('**/app/ket-qua/bao-cao?**');
    await expect.poll(() => page.getByTestId('report-figures-table').isVisible()).toBe(true);
    await expectAccessible(page, 'monthly report');
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId('report-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // Who rated appears nowhere: not on the pages, not in any dashboard answer, not in the exports.
    const month = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
    const urls = [
      '/api/dashboards/units',
      `/api/dashboards/units/${branch.unit.id}?granularity=week`,
      `/api/dashboards/units/${teamId}`,
      `/api/dashboards/officers/${officer.id}`,
      `/api/dashboards/units/${branch.unit.id}/report?month=${month}`,
      `/api/dashboards/units/${branch.unit.id}/export?format=csv`,
      `/api/dashboards/units/${teamId}/export?format=csv`,
      `/api/dashboards/officers/${officer.id}/export?format=csv`,
    ];
    const answers = await Promise.all(urls.map((url) => json<unknown>(page.request, url)));
    for (const [i, answer] of answers.entries()) expect(answer.status, urls[i]).toBe(200);
    const officerView = answers[3]!.body as { comments: { reason: string }[] };
    expect(officerView.comments.map((c) => c.reason)).toContain('Hướng dẫn rõ ràng, xử lý nhanh');
    for (const text of [...answers.map((a) => a.text), ...seen, await page.content()]) {
      expect(text).not.toContain(ENTERPRISE.name);
      expect(text).not.toContain(ENTERPRISE.taxCode);
      expect(text).not.toContain(number);
    }
    await context.close();
  });

  it('the General Department drills down from the country to a team', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'tongcuc@demo.caunoi.vn');
    await page.goto('/app/ket-qua?months=6');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Tổng cục Hải quan');
    await expectAccessible(page, 'country dashboard');
    for (const code of ['03', '03NK', '03NK01']) {
      await page.getByTestId(`ranking-row-${code}`).getByRole('link').click();
      await expect.poll(() => page.locator('h1').textContent()).toContain(`${code} —`);
      expect(new URL(page.url()).searchParams.get('months')).toBe('6');
    }
    await expect.poll(() => page.getByTestId('results-breadcrumbs').getByRole('link').count()).toBe(3);
    await context.close();
  });

  it('works on a phone: charts fit, tables scroll, nothing for axe', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    await page.goto('/app/ket-qua');
    await expect.poll(() => page.locator('h1').textContent()).toContain('03NK');
    await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'branch dashboard on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const chartWidth = await page.locator('.recharts-surface').first().evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeLessThanOrEqual(390);
    await page.goto('/app/ket-qua/bao-cao');
    await expect.poll(() => page.getByTestId('report-figures-table').isVisible()).toBe(true);
    await expectAccessible(page, 'monthly report on a phone');
    await context.close();
  });

  it('an officer sees their own results and comments, nothing of colleagues', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'congchuc.03nk@demo.caunoi.vn');
    await page.goto('/app/ket-qua');
    await page.waitForURL('**/app/ket-qua/cong-chuc/**');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Kết quả đánh giá của tôi');
    await expectAccessible(page, 'own officer results');
    const branch = await page.request.get('/api/dashboards/units');
    expect(branch.status()).toBe(403);
    await context.close();
  });
});
