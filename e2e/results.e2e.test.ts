// Results are published once per closed month, through disclosure control: the
// branch leader reads released months (a month, a quarter, the last twelve),
// drills down to a team and an officer, exports and prints; a rating sent now
// changes nothing they can see, and who rated appears nowhere. A filter other than
// the period in the address is not sent, and the page still works.
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
const UNPUBLISHED = 'Không công bố: dưới 5 doanh nghiệp đánh giá, hoặc ẩn để không suy ra được ô khác.';

async function json<T>(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; text: string }> {
  const response = await request.get(url, { headers });
  const text = await response.text();
  return {
    status: response.status(),
    body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : null) as T,
    text,
  };
}

async function createApiKey(): Promise<string> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInAs(page, 'admin@demo.caunoi.vn');
  const me = await json<{ csrfToken: string }>(page.request, '/api/auth/me');
  const created = await page.request.post('/api/admin/api-keys', {
    headers: { 'x-csrf-token': me.body.csrfToken },
    data: {
      name: 'Phần mềm khai báo thử nghiệm',
      scopes: ['declarations:write', 'declarations:read', 'assessments:write'],
    },
  });
  expect(created.status()).toBe(201);
  const key = ((await created.json()) as { key: string }).key;
  await context.close();
  return key;
}

interface Period {
  key: string;
  kind: 'last12' | 'month' | 'quarter' | 'year';
  months: string[];
}
interface Periods {
  periods: Period[];
  next: { month: string; releasesAt: string };
  minimumBusinesses: number;
}
interface Figures {
  published: boolean;
  declarations: number | null;
}
interface UnitView {
  unit: { id: string; code: string };
  period: Period | null;
  figures: Figures;
  children: { unit: { id: string; code: string }; figures: Figures }[];
  officers: { id: string; code: string; figures: Figures }[];
}

/** '2026-10' → 'Tháng 10/2026'; '2026-Q3' → 'Quý III/2026'. */
const monthLabel = (month: string) => `Tháng ${String(Number(month.slice(5, 7)))}/${month.slice(0, 4)}`;
const quarterLabel = (key: string) => `Quý ${['I', 'II', 'III', 'IV'][Number(key.slice(-1)) - 1]!}/${key.slice(0, 4)}`;
/** What the footer says of the next release, in Vietnam time: 'Kết quả tháng 11/2026 sẽ công bố ngày 08/12/2026.' */
function nextReleaseText(next: Periods['next']): string {
  const day = new Date(new Date(next.releasesAt).getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 10)
    .split('-')
    .reverse()
    .join('/');
  return `Kết quả ${monthLabel(next.month).toLowerCase()} sẽ công bố ngày ${day}.`;
}

/** Every figure a reader can see on a results page, as shown. */
async function shownFigures(page: Page): Promise<string[]> {
  await expect.poll(() => page.getByTestId('period-picker').isVisible()).toBe(true);
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  const parts = ['figure-cards', 'own-figures', 'flags-table', 'ranking', 'officer-ranking', 'trend-table', 'comments'];
  const texts: string[] = [];
  for (const id of parts) {
    const locator = page.getByTestId(id);
    texts.push((await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '') : `(${id}: none)`);
  }
  return texts;
}

/** Picks a period and waits for its figures (the old ones stay, dimmed and busy, until then). */
async function choosePeriod(page: Page, option: string | RegExp, url: string) {
  await page.getByRole('combobox', { name: 'Kỳ công bố' }).click();
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
  await page.waitForURL(url);
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

describe('assessment results', () => {
  it('the branch leader reads released months, drills down, exports and prints; a rating sent now changes nothing', async () => {
    const key = await createApiKey();
    const context = await newContext(browser);
    const page = await context.newPage();
    const seen: string[] = [];
    const asked: URL[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/dashboards/')) asked.push(new URL(request.url()));
    });
    page.on('response', async (response) => {
      if (!response.url().includes('/api/dashboards/')) return;
      try {
        seen.push(await response.text());
      } catch {
        // a download or an aborted request: checked below through the API
      }
    });
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    const periods = (await json<Periods>(page.request, '/api/dashboards/periods')).body;
    const months = periods.periods.filter((p) => p.kind === 'month');
    const latestMonth = months[0]!.key;
    const quarter = periods.periods.find((p) => p.kind === 'quarter')!;
    expect(periods.periods[0]!.kind).toBe('last12');
    expect(periods.minimumBusinesses).toBe(5);

    // The default view: the last twelve released months, with figures, and when the next month comes.
    await page.getByTestId('nav-results').first().click();
    await page.waitForURL('**/app/ket-qua');
    await expect.poll(() => page.locator('h1').textContent()).toContain('03NK');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Kỳ công bố' }).inputValue())
      .toMatch(/^12 tháng gần nhất \(tháng \d+\/\d{4}–\d+\/\d{4}\)$/);
    expect(
      Number((await page.getByTestId('figure-declarations-value').textContent())!.replace(/\D/g, '')),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('figure-businesses').count()).toBe(0);
    expect(await page.getByTestId('own-figures').textContent()).toContain('Đánh giá trực tiếp về');
    await expect
      .poll(
        async () =>
          (await page.getByTestId('next-release').textContent()) ===
          nextReleaseText((await json<Periods>(page.request, '/api/dashboards/periods')).body.next),
      )
      .toBe(true);
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(Math.min(12, months.length));
    await expectAccessible(page, 'branch results, last 12 months');

    // One month: businesses are counted; the address says which month, for sharing.
    await choosePeriod(page, monthLabel(latestMonth), `**/app/ket-qua?period=${latestMonth}`);
    await expect.poll(() => page.getByTestId('figure-businesses-value').isVisible()).toBe(true);
    await expect.poll(() => page.locator('main').textContent()).toContain(`Chi cục · ${monthLabel(latestMonth)}`);
    await expectAccessible(page, 'branch results, one month');

    // A quarter sums its published months and says how many.
    await choosePeriod(
      page,
      new RegExp(`^${quarterLabel(quarter.key).replace('/', '\\/')} `),
      `**/app/ket-qua?period=${quarter.key}`,
    );
    await expect
      .poll(() => page.getByTestId('figures-coverage').textContent())
      .toMatch(/^Tổng hợp [0-3]\/3 tháng đã công bố\./);
    expect(await page.getByTestId('figure-businesses').count()).toBe(0);
    await expectAccessible(page, 'branch results, a quarter');

    // Drill down, the quarter carried along: the team, its officers ranked, unpublished rows last and without a number.
    await page.getByTestId('ranking-row-03NK01').getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('03NK01');
    expect(new URL(page.url()).searchParams.get('period')).toBe(quarter.key);
    await expect.poll(() => page.getByTestId('results-breadcrumbs').textContent()).toContain('03NK');
    const rows = page.getByTestId('officer-ranking').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const flags = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-published')));
    expect(flags.indexOf('false') === -1 || !flags.slice(flags.indexOf('false')).includes('true')).toBe(true);
    for (const row of await rows.all()) {
      if ((await row.getAttribute('data-published')) !== 'false') continue;
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('Không công bố');
      expect(text.replace(/CB\w+/, '')).not.toMatch(/\d/);
    }
    await expectAccessible(page, 'team results (drill-down)');
    const officerLink = page.getByTestId('officer-ranking').locator('tbody tr[data-published="true"] a').first();
    await officerLink.click();
    await page.waitForURL(`**/app/ket-qua/cong-chuc/**?period=${quarter.key}`);
    await expect.poll(() => page.getByTestId('officer-results').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('comments').isVisible()).toBe(true);
    await expectAccessible(page, 'officer results');
    await page
      .getByTestId('results-breadcrumbs')
      .getByRole('link', { name: /^03NK —/ })
      .click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/03NK —/);
    expect(new URL(page.url()).searchParams.get('period')).toBe(quarter.key);

    // Back to the last twelve months; the export is the same view.
    await choosePeriod(page, /^12 tháng gần nhất/, `**/app/ket-qua/don-vi/**?period=${periods.periods[0]!.key}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Chi cục · 12 tháng gần nhất (tháng');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`ket-qua-03NK-${periods.periods[0]!.key}.csv`);
    const csv = fs.readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Tờ khai được đánh giá');

    // The monthly report: only released months to choose from; it prints without the app around it.
    await page.getByTestId('open-report').click();
    await page.waitForURL(`**/app/ket-qua/bao-cao?**month=${latestMonth}`);
    await expect.poll(() => page.getByTestId('report-figures-table').isVisible()).toBe(true);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe(`Báo cáo kết quả đánh giá ${monthLabel(latestMonth).toLowerCase()}`);
    await page.getByRole('combobox', { name: 'Tháng báo cáo' }).click();
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(months.map((m) => monthLabel(m.key)));
    await page.keyboard.press('Escape');
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
    expect(await page.getByTestId('report-month').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // A month not yet released cannot be asked for: the report says when it comes and shows the latest.
    await page.goto(`/app/ket-qua/bao-cao?month=${periods.next.month}`);
    await expect.poll(() => page.getByTestId('unreleased-month').textContent()).toContain('sẽ công bố ngày');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Tháng báo cáo' }).inputValue())
      .toBe(monthLabel(latestMonth));

    // Figures of a released month, as the leader sees them and as the API answers, before a new rating.
    const branch = (await json<UnitView>(page.request, `/api/dashboards/units?period=${latestMonth}`)).body;
    expect(branch.unit.code).toBe('03NK');
    const teamId = branch.children.find((c) => c.unit.code === '03NK01')!.unit.id;
    const team = (await json<UnitView>(page.request, `/api/dashboards/units/${teamId}?period=${latestMonth}`)).body;
    const officer = team.officers[0]!;
    const views = [
      `/api/dashboards/units?period=${latestMonth}`,
      `/api/dashboards/units/${teamId}?period=${latestMonth}`,
      `/api/dashboards/officers/${officer.id}?period=${latestMonth}`,
      `/api/dashboards/units/${branch.unit.id}/report?month=${latestMonth}`,
      `/api/dashboards/units/${branch.unit.id}?period=${periods.periods[0]!.key}`,
    ];
    /** What each view answers, but for the moment the report was generated. */
    // A monthly report's flag cases say how their handling stands (open, in review, resolved,
    // overdue): that moves with the handlers and the clock, not with ratings. What a rating could
    // move, how many cases the month opened, is compared with the rest.
    const answer = async (url: string) =>
      (await json<unknown>(page.request, url)).text
        .replace(/"generatedAt":"[^"]*"/, '')
        .replace(/("cases":\{"opened":\d+)[^}]*\}/, '$1}');
    const answersBefore = await Promise.all(views.map(answer));
    await page.goto(`/app/ket-qua?period=${latestMonth}`);
    const pageBefore = await shownFigures(page);

    // The declaration software sends a declaration of this branch and the business's assessment, now.
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
        steps: [
          {
            stage: 'Kiểm tra hồ sơ',
            teamCode: '03NK01',
            officerCode: officer.code,
            startedAt: new Date(now.getTime() - 3 * 3600_000).toISOString(),
            finishedAt: new Date(now.getTime() - 3600_000).toISOString(),
          },
        ],
      },
    });
    expect(put.status()).toBe(201);
    const post = await page.request.post(`/api/v1/declarations/${number}/assessments`, {
      headers: bearer,
      data: {
        subjects: [
          { kind: 'branch', ref: '03NK', stars: 1, flags: ['harassment'] },
          { kind: 'officer', ref: officer.code, stars: 1, reason: 'Hướng dẫn không rõ ràng, bắt chờ cả buổi' },
        ],
      },
    });
    expect(post.status()).toBe(201);

    // Several roll-up cycles later (they run every second), nothing a rated party can see has moved.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const answersAfter = await Promise.all(views.map(answer));
      for (const [j, url] of views.entries())
        expect(answersAfter[j] === answersBefore[j], `${url} changed after a new rating`).toBe(true);
    }
    await page.reload();
    expect(await shownFigures(page)).toEqual(pageBefore);
    expect(await page.locator('main').textContent()).not.toContain('Hướng dẫn không rõ ràng, bắt chờ cả buổi');

    // A filter in the address is not sent (the API would refuse it), and the page works as without it.
    asked.length = 0;
    await page.goto(`/app/ket-qua?channel=red&period=${latestMonth}`);
    expect(await shownFigures(page)).toEqual(pageBefore);
    await page.goto('/app/ket-qua?channel=red&typeCode=H21&months=1');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Kỳ công bố' }).inputValue())
      .toMatch(/^12 tháng gần nhất/);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(asked.length).toBeGreaterThan(0);
    for (const url of asked)
      expect(
        [...url.searchParams.keys()].filter((name) => !['period', 'format', 'month'].includes(name)),
        url.href,
      ).toEqual([]);
    expect((await json<unknown>(page.request, '/api/dashboards/units?channel=red')).status).toBe(400);

    // A period not released: said plainly, and the default shown instead.
    await page.goto(`/app/ket-qua?period=${periods.next.month}`);
    await expect
      .poll(() => page.getByTestId('unreleased-period').textContent())
      .toContain(`Kỳ «${monthLabel(periods.next.month)}» chưa được công bố`);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Kỳ công bố' }).inputValue())
      .toMatch(/^12 tháng gần nhất/);
    await expectAccessible(page, 'branch results, a period not released');

    // Who rated appears nowhere: not on the pages, not in any dashboard answer, not in the exports.
    const urls = [
      ...views,
      `/api/dashboards/units/${branch.unit.id}/export?format=csv`,
      `/api/dashboards/units/${teamId}/export?format=csv&period=${latestMonth}`,
      `/api/dashboards/officers/${officer.id}/export?format=xlsx`,
    ];
    const answers = await Promise.all(urls.map((url) => json<unknown>(page.request, url)));
    for (const [i, answer] of answers.entries()) expect(answer.status, urls[i]).toBe(200);
    for (const text of [...answers.map((a) => a.text), ...seen, await page.content()]) {
      expect(text).not.toContain(ENTERPRISE.name);
      expect(text).not.toContain(ENTERPRISE.taxCode);
      expect(text).not.toContain(number);
      expect(text).not.toContain('Hướng dẫn không rõ ràng, bắt chờ cả buổi');
    }
    await context.close();
  });

  it('the General Department drills down from the country to a team, keeping the period', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'tongcuc@demo.caunoi.vn');
    const periods = (await json<Periods>(page.request, '/api/dashboards/periods')).body;
    const quarter = periods.periods.find((p) => p.kind === 'quarter')!.key;
    await page.goto(`/app/ket-qua?period=${quarter}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Tổng cục Hải quan');
    await expectAccessible(page, 'country results');
    for (const code of ['03', '03NK', '03NK01']) {
      await page.getByTestId(`ranking-row-${code}`).getByRole('link').click();
      await expect.poll(() => page.locator('h1').textContent()).toContain(`${code} —`);
      expect(new URL(page.url()).searchParams.get('period')).toBe(quarter);
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
    await expectAccessible(page, 'branch results on a phone');
    // On a phone a page wider than the screen widens the layout viewport itself: compare with the device width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const chartWidth = await page
      .locator('.recharts-surface')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeLessThanOrEqual(390);
    await page.getByTestId('ranking-row-03NK01').getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('03NK01');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'team results on a phone');
    await page.goto('/app/ket-qua/bao-cao');
    await expect.poll(() => page.getByTestId('report-figures-table').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
    await expect.poll(() => page.getByTestId('period-picker').isVisible()).toBe(true);
    await expect
      .poll(
        async () =>
          (await page.getByTestId('figure-cards').count()) + (await page.getByTestId('unpublished-notice').count()),
      )
      .toBe(1);
    if ((await page.getByTestId('unpublished-notice').count()) > 0)
      expect(await page.getByTestId('unpublished-notice').textContent()).toContain(UNPUBLISHED);
    await expectAccessible(page, 'own officer results');
    expect((await json<unknown>(page.request, '/api/dashboards/units')).status).toBe(403);
    await context.close();
  });

  it('before the first release, the page says when results come', async () => {
    // The demo always has released months, so the server's answer before its first release is played here.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'lanhdao.03nk@demo.caunoi.vn');
    const next = { month: '2026-11', releasesAt: '2026-12-07T17:00:00.000Z' };
    await page.route('**/api/dashboards/periods', (route) =>
      route.fulfill({ json: { periods: [], next, minimumBusinesses: 5 } }),
    );
    await page.route('**/api/dashboards/units*', async (route) => {
      const real = (await (await route.fetch()).json()) as Record<string, unknown>;
      const none = {
        published: false,
        monthsShown: 0,
        monthsInPeriod: 0,
        businesses: null,
        declarations: null,
        satisfiedShare: null,
        ratings: null,
        meanStars: null,
        distribution: null,
        flags: null,
      };
      await route.fulfill({
        json: { ...real, period: null, figures: none, own: none, trend: [], children: [], officers: [], comments: [] },
      });
    });
    await page.goto('/app/ket-qua');
    await expect
      .poll(() => page.getByTestId('nothing-released').textContent())
      .toContain('Kết quả đầu tiên, tháng 11/2026, sẽ công bố ngày 08/12/2026.');
    expect(await page.getByTestId('export-csv').count()).toBe(0);
    expect(await page.getByTestId('period-picker').count()).toBe(0);
    await expectAccessible(page, 'results before the first release');
    await context.close();
  });
});
