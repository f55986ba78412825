// Question-bank search latency at N published entries (default 100,000) on the
// embedded database, through HTTP, beside two baselines from the same run:
// /healthz and a primary-key read of one entry. Search and suggestions are
// reported per kind of query (common words, selective, typos, nothing found)
// so that no kind hides in an average.
//
// The data: syntheticQuestionEntries(N), the demo bank's entries repeated with
// a case number and a place added to title and body (see scripts/seed/questions.ts),
// all published, views spread 0..996.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/schema.ts';
import { parseConfig } from '../src/server/config.ts';
import { draftValues } from '../src/server/modules/questions/service.ts';
import { createPlatform } from '../src/server/platform.ts';
import { syntheticQuestionEntries } from '../scripts/seed/questions.ts';
import { argument, option, printTable } from './lib.ts';

type Kind = 'common' | 'selective' | 'typo' | 'no-result';

const SEARCHES: Record<Kind, string[]> = {
  common: [
    'hoan thue',
    'hoàn thuế nguyên liệu sản xuất xuất khẩu',
    'thu tuc huy to khai',
    'C/O mẫu E',
    'tam nhap tai xuat',
    'bao cao quyet toan nguyen lieu',
    'mien thue hang mau',
    'kiem tra chuyen nganh thuc pham',
  ],
  selective: [
    'ma hs may dieu hoa',
    'xac dinh truoc ma so',
    'tình huống 4711',
    'chu ky so vnaccs',
    'thep can nong 72.08',
    'Hải Phòng tình huống 99',
  ],
  typo: ['hoan thuee nhap khau', 'thu tuc huy to khaii', 'giay chung nhan xuat xuu', 'kiem tra chuyenn nganh'],
  'no-result': ['ruou vang nhan phu', 'kiem dich thuc vat xyz', 'tàu vũ trụ', 'qwerty asdfgh'],
};

const SUGGESTS: Record<Kind, string[]> = {
  common: ['hoan thu', 'hoàn thu', 'thu tuc', 'kiem tr', 'c/o mau', 'tam nhap'],
  selective: ['ma hs may', 'xac dinh tr', 'tinh huong 471', 'chu ky so'],
  typo: ['hoan thuee', 'thu tucc huy', 'giay chungg'],
  'no-result': ['ruou vang', 'qwerty', 'kiem dich xyz'],
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timeRequests(urls: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Bulk load: the word index is filled once after the rows are in (the migration's own qa_search_rebuild()), the trigram indexes built once. */
async function load(db: Kysely<Database>, size: number): Promise<void> {
  const entries = syntheticQuestionEntries(size);
  const now = new Date();
  await sql`drop index qa_entries_search_title_trgm; drop index qa_entries_search_text_trgm`.execute(db);
  await sql`alter table qa_entries disable trigger qa_search_sync`.execute(db);
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('qa_entries')
      .values(
        entries.slice(i, i + 1000).map((entry, j) => ({
          ...draftValues(entry, null, now),
          status: 'published' as const,
          published_at: now,
          last_reviewed_at: now,
          views: (i + j) % 997,
        })),
      )
      .execute();
  }
  await sql`alter table qa_entries enable trigger qa_search_sync`.execute(db);
  await sql`select qa_search_rebuild()`.execute(db);
  await sql`create index qa_entries_search_title_trgm on qa_entries using gin (search_title gin_trgm_ops)`.execute(db);
  await sql`create index qa_entries_search_text_trgm on qa_entries using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`analyze qa_entries`.execute(db);
}

export async function runQuestionsBench(): Promise<void> {
  const size = option('size', 100_000);
  const rounds = option('rounds', 20);
  // `--data <dir>`: keep the loaded database there, and reuse it when it is already there.
  const kept = argument('data');
  const reuse = kept !== undefined && fs.existsSync(path.join(kept, 'pg', 'PG_VERSION'));
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-qa-'));
  const platform = await createPlatform({
    config: parseConfig({ DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' }),
  });
  const db = platform.deps.db;
  const loadStarted = Date.now();
  if (!reuse) await load(db, size);
  const loadSeconds = reuse ? 'reused' : `${((Date.now() - loadStarted) / 1000).toFixed(1)} s`;
  const published = Number((await sql<{ n: number }>`select count(*)::int as n from qa_search`.execute(db)).rows[0]?.n);
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const one = await db.selectFrom('qa_entries').select('id').limit(1).executeTakeFirstOrThrow();
  const searchUrl = (q: string) => `${base}/api/questions?q=${encodeURIComponent(q)}`;
  const suggestUrl = (q: string) => `${base}/api/questions/suggest?q=${encodeURIComponent(q)}`;
  const kinds = Object.keys(SEARCHES) as Kind[];
  const repeat = <T>(items: T[]) => Array.from({ length: rounds }, () => items).flat();

  // Warm-up: every query once.
  await timeRequests([
    ...kinds.flatMap((kind) => SEARCHES[kind].map(searchUrl)),
    ...kinds.flatMap((kind) => SUGGESTS[kind].map(suggestUrl)),
  ]);
  const perKindSamples = Math.max(...kinds.map((kind) => SEARCHES[kind].length)) * rounds;
  const rows: Record<string, string | number>[] = [];
  const row = (name: string, times: number[]) =>
    rows.push({
      request: name,
      n: times.length,
      'p50 ms': percentile(times, 50).toFixed(1),
      'p95 ms': percentile(times, 95).toFixed(1),
      'max ms': Math.max(...times).toFixed(1),
    });
  row('GET /healthz (baseline)', await timeRequests(Array.from({ length: perKindSamples }, () => `${base}/healthz`)));
  row(
    'GET /api/questions/:id (primary key, baseline)',
    await timeRequests(Array.from({ length: perKindSamples }, () => `${base}/api/questions/${one.id}`)),
  );
  const allSearch: number[] = [];
  const allSuggest: number[] = [];
  for (const kind of kinds) {
    const times = await timeRequests(repeat(SEARCHES[kind].map(searchUrl)));
    allSearch.push(...times);
    row(`search, ${kind}`, times);
  }
  row('search, all kinds', allSearch);
  for (const kind of kinds) {
    const times = await timeRequests(repeat(SUGGESTS[kind].map(suggestUrl)));
    allSuggest.push(...times);
    row(`suggest, ${kind}`, times);
  }
  row('suggest, all kinds', allSuggest);

  const perQuery: Record<string, string | number>[] = [];
  for (const kind of kinds) {
    for (const q of SEARCHES[kind]) {
      const times = await timeRequests(Array.from({ length: 5 }, () => searchUrl(q)));
      const result = (await (await fetch(searchUrl(q))).json()) as {
        total: number;
        totalExact: boolean;
        fuzzy: boolean;
        corrected: string | null;
      };
      perQuery.push({
        kind,
        query: q,
        matches: `${result.totalExact ? '' : '> '}${result.total}`,
        corrected: result.corrected ?? '',
        'p50 ms': percentile(times, 50).toFixed(1),
      });
    }
  }
  const perSuggest: Record<string, string | number>[] = [];
  for (const kind of kinds) {
    for (const q of SUGGESTS[kind]) {
      const times = await timeRequests(Array.from({ length: 5 }, () => suggestUrl(q)));
      const result = (await (await fetch(suggestUrl(q))).json()) as unknown[];
      perSuggest.push({ kind, typed: q, suggestions: result.length, 'p50 ms': percentile(times, 50).toFixed(1) });
    }
  }
  await platform.close();
  if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  printTable(
    `Question-bank search at ${published.toLocaleString('en')} published entries (PGlite; loaded: ${loadSeconds}); sequential requests, ${rounds} rounds`,
    rows,
  );
  printTable('Search, per query (5 runs each)', perQuery);
  printTable('Suggest, per typed prefix (5 runs each)', perSuggest);
}
