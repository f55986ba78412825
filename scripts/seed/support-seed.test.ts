// The demo question bank and support desk: enough, bilingual, searchable, and
// a desk whose dashboard has something to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QA_CATEGORIES } from '../../src/contracts/questions.ts';
import type { DatabaseHandle } from '../../src/server/db/connect.ts';
import { fixedClock } from '../../src/server/lib/clock.ts';
import { createQuestionService } from '../../src/server/modules/questions/service.ts';
import { openTestDatabase } from '../../test/database.ts';
import { seedIfEmpty } from './index.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await seedIfEmpty(handle.db, { scale: 0.1 });
});
afterAll(async () => handle.close());

describe('demo question bank and support desk', () => {
  it('publishes at least 150 entries in Vietnamese and English across every category, each with a legal basis', async () => {
    const rows = await handle.db
      .selectFrom('qa_entries')
      .select(['category', 'title_en', 'body_en', 'legal_basis', 'status'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(QA_CATEGORIES));
    for (const row of rows) {
      expect(row.status).toBe('published');
      expect(row.title_en.length).toBeGreaterThan(10);
      expect(row.body_en.length).toBeGreaterThan(20);
      expect(row.legal_basis.length).toBeGreaterThan(0);
    }
    const search = createQuestionService({ db: handle.db, clock: fixedClock(new Date('2026-11-23T03:00:00Z')) });
    const found = await search.search({ q: 'hoan thue nguyen lieu', limit: 5, offset: 0 });
    expect(found.total).toBeGreaterThan(0);
    expect(found.items[0]!.title.toLowerCase()).toContain('hoàn thuế');
  });

  it('has a few hundred past requests over every channel, most resolved and many rated', async () => {
    const rows = await handle.db
      .selectFrom('support_requests')
      .select(['status', 'channel', 'rated_at', 'requester_user_id'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['web', 'phone', 'in_person', 'writing', 'email']));
    expect(rows.filter((r) => r.status === 'resolved').length).toBeGreaterThan(150);
    expect(rows.filter((r) => r.rated_at).length).toBeGreaterThan(80);
    expect(rows.some((r) => r.requester_user_id)).toBe(true);
  });
});
