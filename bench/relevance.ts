// Relevance of the question-bank search on judged queries (bench/relevance/
// queries.json, over the demo bank): top-3 success and nDCG@5 for the current
// ranking beside the previous one, overall and per kind of query, and the
// queries that still fail. Run: npm run bench -- relevance [--show all]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/server/config.ts';
import { previousSearchIds } from '../src/server/modules/questions/previous-search.ts';
import { createPlatform } from '../src/server/platform.ts';
import { seedQuestions } from '../scripts/seed/questions.ts';
import { argument, printTable } from './lib.ts';

interface Judged {
  q: string;
  kind: string;
  relevant: Record<string, number>;
}

const CUTOFF = 5;

/** Discounted cumulative gain of the first `CUTOFF` grades, over the ideal order of the judged grades. */
export function ndcg(grades: number[], judged: number[]): number {
  const dcg = (values: number[]) =>
    values.slice(0, CUTOFF).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...judged].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(grades) / ideal;
}

export async function runRelevanceBench(): Promise<void> {
  const file = path.join(import.meta.dirname, 'relevance', 'queries.json');
  const { queries } = JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: Judged[] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-relevance-'));
  const platform = await createPlatform({
    config: parseConfig({ DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' }),
  });
  const db = platform.deps.db;
  await seedQuestions(db, null, null, new Date('2026-11-01T00:00:00Z'));
  const entries = await db.selectFrom('qa_entries').select(['id', 'title_vi']).execute();
  const titleOf = new Map(entries.map((row) => [row.id, row.title_vi]));
  const known = new Set(entries.map((row) => row.title_vi));
  for (const query of queries)
    for (const title of Object.keys(query.relevant))
      if (!known.has(title)) throw new Error(`"${query.q}": no entry titled "${title}"`);

  const engines = {
    current: async (q: string) => {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/questions?q=${encodeURIComponent(q)}&limit=${CUTOFF}`,
      });
      if (response.statusCode !== 200) throw new Error(`${q}: ${response.statusCode} ${response.body}`);
      return (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
    },
    previous: (q: string) => previousSearchIds(db, q, CUTOFF),
  };
  type Name = keyof typeof engines;
  const results: Record<
    Name,
    { kind: string; q: string; top3: boolean; strict: boolean; ndcg: number; first: string }[]
  > = { current: [], previous: [] };
  for (const name of Object.keys(engines) as Name[]) {
    for (const query of queries) {
      const ids = await engines[name](query.q);
      const grades = ids.map((id) => query.relevant[titleOf.get(id) ?? ''] ?? 0);
      results[name].push({
        kind: query.kind,
        q: query.q,
        top3: grades.slice(0, 3).some((grade) => grade >= 1),
        strict: grades.slice(0, 3).some((grade) => grade >= 2),
        ndcg: ndcg(grades, Object.values(query.relevant)),
        first: ids[0] ? (titleOf.get(ids[0]) ?? '') : '(nothing)',
      });
    }
  }
  await platform.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const pct = (values: boolean[]) =>
    `${((100 * values.filter(Boolean).length) / Math.max(values.length, 1)).toFixed(1)} %`;
  const mean = (values: number[]) => (values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)).toFixed(3);
  const kinds = ['all', ...new Set(queries.map((query) => query.kind))];
  const rows = kinds.map((kind) => {
    const pick = (name: Name) => results[name].filter((r) => kind === 'all' || r.kind === kind);
    return {
      queries: kind,
      n: pick('current').length,
      'top-3 previous': pct(pick('previous').map((r) => r.top3)),
      'top-3 current': pct(pick('current').map((r) => r.top3)),
      'top-3 grade 2, previous': pct(pick('previous').map((r) => r.strict)),
      'top-3 grade 2, current': pct(pick('current').map((r) => r.strict)),
      'nDCG@5 previous': mean(pick('previous').map((r) => r.ndcg)),
      'nDCG@5 current': mean(pick('current').map((r) => r.ndcg)),
    };
  });
  printTable(
    `Question-bank relevance: ${queries.length} judged queries over the demo bank (${entries.length} entries); top-3 = a relevant entry (grade ≥ 1) among the first three`,
    rows,
  );
  const show = argument('show');
  const failing = results.current
    .map((r, i) => ({ ...r, previous: results.previous[i]! }))
    .filter((r) => show === 'all' || !r.top3 || r.ndcg < 0.5)
    .map((r) => ({
      kind: r.kind,
      query: r.q,
      top3: r.top3 ? 'yes' : 'no',
      'nDCG@5': r.ndcg.toFixed(2),
      'previous nDCG@5': r.previous.ndcg.toFixed(2),
      'first result': r.first.slice(0, 70),
    }));
  printTable(
    show === 'all'
      ? 'Every query (current ranking)'
      : 'Weak queries (current ranking: no relevant entry in the top 3, or nDCG@5 < 0.5)',
    failing,
  );
}
