// Question-bank search latency at N published entries (default 100,000) on the
// embedded database, through HTTP, beside two baselines from the same run:
// /healthz and a primary-key read of one entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { parseConfig } from '../src/server/config.ts';
import { draftValues } from '../src/server/modules/questions/service.ts';
import { createPlatform } from '../src/server/platform.ts';
import { syntheticQuestionEntries } from '../scripts/seed/questions.ts';
import { option, printTable } from './lib.ts';

const QUERIES = [
  'hoan thue',
  'hoàn thuế nguyên liệu sản xuất xuất khẩu',
  'ma hs may dieu hoa',
  'C/O mẫu E',
  'thu tuc huy to khai',
  'kiem tra chuyen nganh thuc pham',
  'tam nhap tai xuat',
  'bao cao quyet toan nguyen lieu',
  'chu ky so vnaccs',
  'mien thue hang mau',
  'hoan thuee nhap khau',
  'xac dinh truoc ma so',
  'tình huống 4711',
  'ruou vang nhan phu',
];

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

export async function runQuestionsBench(): Promise<void> {
  const size = option('size', 100_000);
  const rounds = option('rounds', 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-qa-'));
  const platform = await createPlatform({ config: parseConfig({ DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' }) });
  const db = platform.deps.db;
  const loadStarted = Date.now();
  const entries = syntheticQuestionEntries(size);
  const now = new Date();
  // Bulk load: build the trigram indexes once after the rows are in (the migration's own definitions).
  await sql`drop index qa_entries_search_title_trgm; drop index qa_entries_search_text_trgm`.execute(db);
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('qa_entries')
      .values(entries.slice(i, i + 1000).map((entry, j) => ({ ...draftValues(entry, null, now), status: 'published' as const, published_at: now, last_reviewed_at: now, views: (i + j) % 997 })))
      .execute();
  }
  await sql`create index qa_entries_search_title_trgm on qa_entries using gin (search_title gin_trgm_ops)`.execute(db);
  await sql`create index qa_entries_search_text_trgm on qa_entries using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`analyze qa_entries`.execute(db);
  const loadSeconds = ((Date.now() - loadStarted) / 1000).toFixed(1);
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const one = await db.selectFrom('qa_entries').select('id').limit(1).executeTakeFirstOrThrow();

  const searchUrls = Array.from({ length: rounds }, () => QUERIES.map((q) => `${base}/api/questions?q=${encodeURIComponent(q)}`)).flat();
  const suggestUrls = Array.from({ length: rounds }, () => QUERIES.map((q) => `${base}/api/questions/suggest?q=${encodeURIComponent(q.slice(0, 8))}`)).flat();
  await timeRequests(searchUrls.slice(0, QUERIES.length)); // warm-up
  const rows: Record<string, string | number>[] = [];
  const row = (name: string, times: number[]) => rows.push({ request: name, n: times.length, 'p50 ms': percentile(times, 50).toFixed(1), 'p95 ms': percentile(times, 95).toFixed(1), 'max ms': Math.max(...times).toFixed(1) });
  row('GET /healthz (baseline)', await timeRequests(Array.from({ length: searchUrls.length }, () => `${base}/healthz`)));
  row('GET /api/questions/:id (primary key, baseline)', await timeRequests(Array.from({ length: searchUrls.length }, () => `${base}/api/questions/${one.id}`)));
  row('GET /api/questions?q=… (search)', await timeRequests(searchUrls));
  row('GET /api/questions/suggest?q=…', await timeRequests(suggestUrls));
  const perQuery: Record<string, string | number>[] = [];
  for (const q of QUERIES) {
    const times = await timeRequests(Array.from({ length: 5 }, () => `${base}/api/questions?q=${encodeURIComponent(q)}`));
    const result = (await (await fetch(`${base}/api/questions?q=${encodeURIComponent(q)}`)).json()) as { total: number; fuzzy: boolean };
    perQuery.push({ query: q, matches: result.total, fuzzy: String(result.fuzzy), 'p50 ms': percentile(times, 50).toFixed(1) });
  }
  await platform.close();
  fs.rmSync(dir, { recursive: true, force: true });
  printTable(`Question-bank search at ${size.toLocaleString('en')} published entries (PGlite; loaded in ${loadSeconds} s); sequential requests`, rows);
  printTable('Per query', perQuery);
}
