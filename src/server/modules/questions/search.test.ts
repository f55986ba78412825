// The word index behind question-bank search: kept in step with entries by a
// trigger, ranked exactly however small the head of the rank order looked at,
// counts capped honestly, typos corrected from the dictionary of known words.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../../test/platform.ts';
import type { EntryInput, SearchResponse } from '../../../contracts/questions.ts';
import { correctWords, expandWords, extensionRows, rankedIds } from './search-repository.ts';
import { draftValues } from './service.ts';

let platform: TestPlatform;

const entry = (titleVi: string, bodyVi: string): EntryInput => ({
  category: 'procedures',
  tags: ['thủ tục'],
  titleVi,
  bodyVi,
  titleEn: '',
  bodyEn: '',
  legalBasis: [],
});

/** 48 published entries with "kangaroo": every third in the title, views in a scrambled order. */
async function seed() {
  const db = platform.deps.db;
  const now = new Date('2026-11-01T00:00:00Z');
  const rows = Array.from({ length: 48 }, (_, i) => {
    const inTitle = i % 3 === 0;
    const input = entry(
      inTitle ? `Nhập khẩu kangaroo trường hợp số ${i}` : `Thủ tục nhập khẩu động vật sống số ${i}`,
      inTitle
        ? `Hồ sơ gồm giấy phép và kiểm dịch cho trường hợp ${i}.`
        : `Con kangaroo nhập khẩu cần giấy phép CITES, trường hợp ${i}.`,
    );
    return { ...draftValues(input, null, now), status: 'published' as const, published_at: now, views: (i * 37) % 50 };
  });
  return db.insertInto('qa_entries').values(rows).returning(['id', 'number', 'views', 'title_vi']).execute();
}

let seeded: Awaited<ReturnType<typeof seed>> = [];
/** The order search promises, computed by brute force: title matches first, then views, then number. */
const expected = () =>
  [...seeded]
    .sort(
      (a, b) =>
        Number(b.title_vi.includes('kangaroo')) - Number(a.title_vi.includes('kangaroo')) ||
        b.views - a.views ||
        a.number - b.number,
    )
    .map((row) => row.id);

beforeAll(async () => {
  platform = await startTestPlatform();
  seeded = await seed();
});
afterAll(async () => platform.close());

describe('question-bank word index', () => {
  it('ranks exactly, whatever the size of the head looked at first', async () => {
    const db = platform.deps.db;
    for (const window of [5, 12, 1000]) {
      for (const need of [3, 20, 40]) {
        const found = await rankedIds(db, { words: ['kangaroo'], need, count: true, window });
        expect(found.ids).toEqual(expected().slice(0, need));
      }
    }
    const prefix = await rankedIds(db, { words: ['kanga'], need: 48, count: true });
    expect(prefix).toEqual({ ids: expected(), total: 48, totalExact: true, unknown: [] });
  });

  it('stays exact when it walks further down the rank order to finish a tier', async () => {
    const db = platform.deps.db;
    await sql`analyze qa_search`.execute(db); // the row count that decides between walking on and the word indexes
    const exact = async () => {
      for (const window of [3, 4, 6]) {
        for (const need of [5, 17, 30]) {
          const found = await rankedIds(db, { words: ['kangaroo'], need, count: true, window });
          expect(found.ids).toEqual(expected().slice(0, need));
        }
      }
    };
    await exact();
    // Many entries with the same views: a stretch may end inside a tie, and the next starts after it by number.
    const original = seeded;
    const ids = seeded.map((row) => row.id);
    await db
      .updateTable('qa_entries')
      .set({ views: sql<number>`views % 3` })
      .where('id', 'in', ids)
      .execute();
    seeded = seeded.map((row) => ({ ...row, views: row.views % 3 }));
    await exact();
    for (const row of original)
      await db.updateTable('qa_entries').set({ views: row.views }).where('id', '=', row.id).execute();
    seeded = original;
  });

  it('walks on only while that is cheaper than the word indexes', () => {
    expect(extensionRows(8, 1000, 2, 100_000)).toBe(871); // dense enough: a few hundred more rows
    expect(extensionRows(20, 1000, 5, 100_000)).toBe(580);
    expect(extensionRows(4, 1000, 6, 100_000)).toBe(0); // four matches may be luck: 5,250 rows is too far
    expect(extensionRows(1, 1000, 9, 100_000)).toBe(0); // one match says too little
    expect(extensionRows(8, 1000, 2, 5_000)).toBe(0); // a small bank: its few matches are cheap to fetch
    expect(extensionRows(10, 1000, 0, 100_000)).toBe(0);
  });

  it('counts exactly up to the cap and says "more than" beyond what it saw', async () => {
    const db = platform.deps.db;
    // The head holds everything: exact.
    expect(await rankedIds(db, { words: ['kangaroo'], need: 20, count: true })).toMatchObject({
      total: 48,
      totalExact: true,
    });
    // A head of 30 rows holds 30 matches: at least that many, said as "more than 20".
    expect(await rankedIds(db, { words: ['kangaroo'], need: 5, count: true, window: 30 })).toMatchObject({
      total: 20,
      totalExact: false,
    });
    // A head of 8 saw too few to say: the index counts (48, under the cap).
    expect(await rankedIds(db, { words: ['kangaroo'], need: 1, count: true, window: 8 })).toMatchObject({
      total: 48,
      totalExact: true,
    });
    // Both tiers listed through the word indexes: each is counted as it is listed.
    expect(await rankedIds(db, { words: ['kangaroo'], need: 40, count: true, window: 3 })).toMatchObject({
      total: 48,
      totalExact: true,
    });
    // Not a full page: what was listed is everything.
    expect(
      await rankedIds(db, { words: ['kangaroo', 'truong', 'hop', 'so', '33'], need: 20, count: true, window: 5 }),
    ).toMatchObject({ total: 1, totalExact: true });
  });

  it('follows entries through publishing, views, editing and archiving', async () => {
    const db = platform.deps.db;
    const [first] = seeded;
    await db.updateTable('qa_entries').set({ views: 10_000 }).where('id', '=', first!.id).execute();
    expect((await rankedIds(db, { words: ['kangaroo'], need: 1, count: false })).ids).toEqual([first!.id]);
    const edited = draftValues(
      entry('Nhập khẩu chim đà điểu sống', 'Đà điểu nhập khẩu cần giấy phép.'),
      null,
      new Date(),
    );
    await db
      .updateTable('qa_entries')
      .set({ search_title: edited.search_title, search_text: edited.search_text })
      .where('id', '=', first!.id)
      .execute();
    expect((await rankedIds(db, { words: ['da', 'dieu'], need: 5, count: true })).ids).toEqual([first!.id]);
    expect((await rankedIds(db, { words: ['kangaroo'], need: 48, count: true })).total).toBe(47);
    await db.updateTable('qa_entries').set({ status: 'archived' }).where('id', '=', first!.id).execute();
    expect((await rankedIds(db, { words: ['da', 'dieu'], need: 5, count: true })).total).toBe(0);
    const search = await db.selectFrom('qa_search').select('entry_id').where('entry_id', '=', first!.id).execute();
    expect(search).toEqual([]);
  });

  it('expands words to the known words they start and corrects typos from them', async () => {
    const db = platform.deps.db;
    expect(await expandWords(db, ['kangar', 'zzzz'])).toEqual([['kangaroo'], []]);
    expect(await rankedIds(db, { words: ['kangaroo', 'zzzz', 'nhapp'], need: 5, count: true })).toEqual({
      ids: [],
      total: 0,
      totalExact: true,
      unknown: ['zzzz', 'nhapp'],
    });
    expect(await correctWords(db, ['kangaroo', 'nhapp'], ['nhapp'])).toEqual(['kangaroo', 'nhap']);
    expect(await correctWords(db, ['kangarooo', 'nhap', 'khau', '123'])).toEqual(['kangaroo', 'nhap', 'khau', '123']);
    const response = await platform.app.inject({
      method: 'GET',
      url: `/api/questions?q=${encodeURIComponent('kangarooo nhập khẩu')}`,
    });
    expect(response.json()).toMatchObject({ fuzzy: true, corrected: 'kangaroo nhap khau', totalExact: true });
    // The corrected word is marked in the results (in the title of those holding it there).
    const marked = (response.json() as SearchResponse).items.flatMap((item) => [
      ...item.titleSegments,
      ...item.snippet,
    ]);
    expect(marked).toContainEqual({ text: 'kangaroo', hit: true });
    const suggestions = await platform.app.inject({
      method: 'GET',
      url: `/api/questions/suggest?q=${encodeURIComponent('kangaroo trường')}`,
    });
    expect(suggestions.json()).toHaveLength(8);
    expect(suggestions.json()[0].title).toContain('kangaroo');
  });
});
