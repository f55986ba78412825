// A business on a phone at the customs office opens a public page: what it downloads before the
// page's load event, JavaScript and CSS as they cross the wire (compressed, headers included),
// stays within a budget, and so does what it fetched until it was ready to use; every script and
// style sheet came compressed. The figures are printed per page.
//
// The budgets are what the public pages weigh today (152 kB until load, 250 kB until ready, from
// 0.9–1.1 MB before compression and splitting), so that nothing grows back unnoticed. Issue 12's
// goal is 100 kB until load, which this stack cannot reach as it is: React DOM alone is 58 kB
// compressed, react-router 13, i18next 21, TanStack Query 9. Reaching it needs server-rendered
// public pages (or a lighter renderer for them); until then the budget stays here, not at the goal.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newContext } from './browser.ts';
import { publicPages, type PublicPage } from './public-pages.ts';

const BUDGET = 160 * 1024;
const READY_BUDGET = 260 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

interface Resource {
  url: string;
  type: string;
  encoding: string;
  /** The body's length as sent, when the server said it (Content-Length). */
  length: number;
  bytes: number;
  finished: number;
}

interface Weight {
  page: string;
  js: number;
  css: number;
  requests: number;
  /** Everything (JS and CSS) fetched by the time the page was ready to use. */
  readyJs: number;
  readyCss: number;
  uncompressed: string[];
}

async function weigh(target: PublicPage): Promise<Weight> {
  const context = await newContext(browser, { phone: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const resources = new Map<string, Resource>();
  let loadedAt = Infinity;
  cdp.on('Network.responseReceived', (event) => {
    const header = (wanted: string) =>
      Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === wanted)?.[1] ?? '';
    resources.set(event.requestId, {
      url: event.response.url,
      type: event.type,
      encoding: header('content-encoding'),
      length: Number(header('content-length')),
      bytes: 0,
      finished: Infinity,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const resource = resources.get(event.requestId);
    if (resource) Object.assign(resource, { bytes: event.encodedDataLength, finished: event.timestamp });
  });
  cdp.on('Page.loadEventFired', (event) => {
    loadedAt = Math.min(loadedAt, event.timestamp);
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Page.enable');
  await page.goto(target.path, { waitUntil: 'load' });
  await page.locator(target.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();

  const assets = [...resources.values()].filter((r) => r.type === 'Script' || r.type === 'Stylesheet');
  const beforeLoad = assets.filter((r) => r.finished <= loadedAt);
  const sum = (list: Resource[], type: string) =>
    list.filter((r) => r.type === type).reduce((total, r) => total + r.bytes, 0);
  return {
    page: target.name,
    js: sum(beforeLoad, 'Script'),
    css: sum(beforeLoad, 'Stylesheet'),
    requests: beforeLoad.length,
    readyJs: sum(assets, 'Script'),
    readyCss: sum(assets, 'Stylesheet'),
    // Files under 1 kB are not worth compressing (the build leaves them as they are).
    uncompressed: assets.filter((r) => !r.encoding && r.length >= 1024).map((r) => new URL(r.url).pathname),
  };
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1);

describe('public pages load little', () => {
  it('transfer at most 160 kB of JavaScript and CSS until their load event (260 kB until ready), on a phone', async () => {
    const weights: Weight[] = [];
    for (const target of await publicPages()) weights.push(await weigh(target));
    console.log(
      [
        'JavaScript and CSS on the wire (kB, compressed, headers included), phone viewport:',
        `${'page'.padEnd(22)}${'until load: JS'.padStart(16)}${'CSS'.padStart(8)}${'total'.padStart(8)}${'files'.padStart(7)}${'until ready: JS'.padStart(18)}${'CSS'.padStart(8)}${'total'.padStart(8)}`,
        ...weights.map(
          (w) =>
            `${w.page.padEnd(22)}${kB(w.js).padStart(16)}${kB(w.css).padStart(8)}${kB(w.js + w.css).padStart(8)}${String(w.requests).padStart(7)}` +
            `${kB(w.readyJs).padStart(18)}${kB(w.readyCss).padStart(8)}${kB(w.readyJs + w.readyCss).padStart(8)}`,
        ),
      ].join('\n'),
    );
    for (const w of weights) {
      expect(w.uncompressed, `${w.page}: scripts and style sheets sent uncompressed`).toEqual([]);
      expect(w.js + w.css, `${w.page}: JS and CSS until load (bytes)`).toBeLessThanOrEqual(BUDGET);
      expect(w.readyJs + w.readyCss, `${w.page}: JS and CSS until ready (bytes)`).toBeLessThanOrEqual(READY_BUDGET);
    }
  });
});

describe('static files', () => {
  it('are sent precompressed as the browser accepts them, with their type, Vary and cache headers', async () => {
    const html = await (await fetch(`${baseUrl()}/`)).text();
    // The entry, last of the scripts index.html loads (the first is a runtime under 1 kB, left as is).
    const script = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].at(-1)?.[1];
    expect(script, 'the entry script in index.html').toBeTruthy();
    const get = (path: string, acceptEncoding: string) =>
      fetch(`${baseUrl()}${path}`, { headers: { 'accept-encoding': acceptEncoding, accept: 'text/html' } });
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      // fetch decodes the body and keeps the headers as sent.
      const asset = await get(script ?? '', accept);
      expect(asset.headers.get('content-encoding'), `script for "${accept}"`).toBe(encoding);
      expect(asset.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await asset.text()).toContain('import');

      // Any address of the app answers with index.html, compressed the same way and never cached stale.
      const page = await get('/hoi-dap', accept);
      expect(page.headers.get('content-encoding'), `page for "${accept}"`).toBe(encoding);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="root">');
    }
  });

  it('tell crawlers what to index: robots.txt, and noindex on pages reached by a personal link', async () => {
    const robots = await fetch(`${baseUrl()}/robots.txt`);
    expect(robots.headers.get('content-type')).toContain('text/plain');
    expect(await robots.text()).toContain('Disallow: /app/');
    for (const path of ['/danh-gia/abc', '/huy-dang-ky/abc', '/khao-sat/abc', '/dang-nhap/lien-ket'])
      expect((await fetch(`${baseUrl()}${path}`)).headers.get('x-robots-tag'), path).toBe('noindex, nofollow');
    for (const path of ['/', '/hoi-dap', '/van-ban'])
      expect((await fetch(`${baseUrl()}${path}`)).headers.get('x-robots-tag'), path).toBeNull();
  });
});
