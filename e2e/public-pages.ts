// The public pages whose weight and Lighthouse scores are held to a budget: the home page, the
// question bank, one of its entries and a declaration's rating page (the link of a QR code).
import { request } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from './browser.ts';

export interface PublicPage {
  name: string;
  path: string;
  /** Shown once the page has rendered what it is for. */
  ready: string;
}

/** Finds an entry of the question bank and the rating link of an unrated declaration (as its business would). */
export async function publicPages(): Promise<PublicPage[]> {
  const api = await request.newContext({ baseURL: baseUrl() });
  try {
    const search = await api.get('/api/questions?limit=1');
    expect(search.ok(), 'question bank search').toBe(true);
    const entry = ((await search.json()) as { items: { id: string }[] }).items[0];
    if (!entry) throw new Error('the demo question bank is empty');

    const signIn = await api.post('/api/auth/sign-in', {
      data: { email: 'doanhnghiep@demo.caunoi.vn', password: 'CauNoi@2026' },
    });
    expect(signIn.ok(), 'business sign-in').toBe(true);
    // The last of the list, which the journeys that rate the first declarations leave unrated.
    const list = await api.get('/api/my/declarations?unrated=true&limit=50');
    expect(list.ok(), 'declarations of the business').toBe(true);
    const declaration = ((await list.json()) as { items: { ratingToken: string }[] }).items.at(-1);
    if (!declaration) throw new Error('the demo business has no unrated declaration');

    return [
      { name: 'home', path: '/', ready: '[data-testid="home-cta"]' },
      { name: 'question bank', path: '/hoi-dap', ready: '[data-testid="qa-search"]' },
      { name: 'question-bank entry', path: `/hoi-dap/${entry.id}`, ready: '[data-testid="qa-entry-title"]' },
      { name: 'rating page', path: `/danh-gia/${declaration.ratingToken}`, ready: '[data-testid="rating-send"]' },
    ];
  } finally {
    await api.dispose();
  }
}
