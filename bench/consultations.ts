// Consultations: comment intake through the HTTP API (one business posting
// comments on an open draft), then the drafting unit's grouped view of one
// article on a consultation of --size comments (20,000 by default), beside a
// primary-key read (GET /api/documents/:id) and GET /healthz in the same run;
// and near-duplicate grouping of those comments — the time to group (in process,
// and through POST …/group, which also writes the groups) and its pairwise
// precision and recall against the labels the generator knows
// (scripts/seed/consultation-texts.ts: distinct base comments, and copies sent by
// other firms — identical, without diacritics, with 1–3 words changed, added or
// dropped, or with other punctuation and case; 35 % of bases copied 1–24 times).
// PGlite by default; BENCH_DB=postgres for a PostgreSQL 15 server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/server/config.ts';
import { groupNearDuplicates, pairScores } from '../src/server/modules/consultations/policy.ts';
import { createPlatform } from '../src/server/platform.ts';
import { labelledComments } from '../scripts/seed/consultation-texts.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD } from '../test/factories.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { as, signIn } from '../test/platform.ts';
import { load, option, printTable } from './lib.ts';

const ARTICLES = 20;

export async function runConsultationsBench(): Promise<void> {
  const seconds = option('seconds', 8);
  const connections = option('connections', 10);
  const size = option('size', 20_000);
  const rows: Record<string, string | number>[] = [];
  const row = (name: string, r: Awaited<ReturnType<typeof load>>, note = '') =>
    rows.push({
      request: name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p97.5 ms': r.p95,
      'p99 ms': r.p99,
      errors: r.errors + r.non2xx,
      requests: r.requests,
      note,
    });

  // Grouping in process, on the labelled set.
  const labelled = labelledComments(size, 'bench-consultations', 0.35, 25);
  const input = labelled.map((c, i) => ({ id: String(i), articleNumber: 1 + (c.label % ARTICLES), text: c.text }));
  const truth = new Map(labelled.map((c, i) => [String(i), String(c.label)]));
  const t0 = performance.now();
  const groups = groupNearDuplicates(input);
  const groupMs = performance.now() - t0;
  const scores = pairScores(groups, truth);
  const bases = new Set(labelled.map((c) => c.label)).size;

  const kind = (process.env.BENCH_DB ?? 'pglite') as 'pglite' | 'postgres';
  const pgServer = kind === 'postgres' ? await startPostgresServer() : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-consultations-'));
  const platform = await createPlatform({
    config: parseConfig({
      DATA_DIR: dir,
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      JOBS: 'false',
      ...(pgServer && { DATABASE_URL: pgServer.url }),
    }),
  });
  let httpGroup = '';
  try {
    const db = platform.deps.db;
    const org = await createOrg(db);
    await createUser(db, { email: 'gd@bench.vn', role: 'gd_staff' });
    const firm = await createEnterprise(db, { name: 'Công ty góp ý' });
    await createUser(db, { email: 'dn@bench.vn', role: 'enterprise_user', enterpriseId: firm.id });
    const gd = await signIn(platform, 'gd@bench.vn', TEST_PASSWORD);
    const business = await signIn(platform, 'dn@bench.vn', TEST_PASSWORD);
    const draftText = Array.from(
      { length: ARTICLES },
      (_, i) => `Điều ${i + 1}. Điều khoản ${i + 1}\nNội dung điều ${i + 1} của dự thảo.`,
    ).join('\n');
    const inject = async (method: 'POST' | 'GET', url: string, session: typeof gd, payload?: object) => {
      const r = await platform.app.inject({ method, url, headers: as(session), ...(payload && { payload }) });
      if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    const local = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
    const body = {
      ownerUnitId: org['00'],
      title: 'Dự thảo đo tốc độ',
      docType: 'decree',
      draftText,
      topics: ['procedures'],
      opensAt: local(-1),
      closesAt: local(10),
    };
    const intakeId = (await inject('POST', '/api/consultations', gd, body)).id as string;
    await inject('POST', `/api/consultations/${intakeId}/open`, gd);
    const big = (await inject('POST', '/api/consultations', gd, { ...body, title: 'Dự thảo 20.000 ý kiến' }))
      .id as string;
    await inject('POST', `/api/consultations/${big}/open`, gd);
    const document = await inject('POST', '/api/documents', gd, {
      number: '01/2027/TT-BTC',
      docType: 'circular',
      issuer: 'Bộ Tài chính',
      title: 'Thông tư đo tốc độ đọc theo khóa chính',
      issuedOn: '2027-01-01',
      summaryVi: 'Văn bản dùng làm mốc so sánh trong phép đo.',
      topics: ['procedures'],
    });

    const started = Date.now();
    const firms = [] as string[];
    for (let i = 0; i < 200; i++) firms.push((await createEnterprise(db, { name: `Công ty ${i}` })).id);
    const now = new Date();
    for (let i = 0; i < labelled.length; i += 1000)
      await db
        .insertInto('consultation_comments')
        .values(
          labelled.slice(i, i + 1000).map((c, k) => ({
            consultation_id: big,
            article_number: 1 + (c.label % ARTICLES),
            body: c.text,
            proposed_wording: null,
            clause: null,
            kind: 'enterprise' as const,
            enterprise_id: firms[(i + k) % firms.length]!,
            association_id: null,
            author_user_id: null,
            anonymous: (i + k) % 7 === 0,
            represented_count: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    const seeded = `${size} comments inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    await inject('POST', `/api/consultations/${big}/close`, gd);
    const g0 = performance.now();
    const grouped = (await inject('POST', `/api/consultations/${big}/group`, gd)) as {
      comments: number;
      groups: number;
    };
    httpGroup = `${((performance.now() - g0) / 1000).toFixed(2)} s through POST …/group (${grouped.comments} comments → ${grouped.groups} groups, written)`;

    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const address = platform.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    row(`GET /healthz (baseline), ${kind}`, await load({ url: `${url}/healthz`, seconds, connections }));
    row(
      `GET /api/documents/:id (primary-key read), ${kind}`,
      await load({ url: `${url}/api/documents/${document.id}`, seconds, connections }),
    );
    const perArticle = Math.round(size / ARTICLES);
    row(
      `GET grouped view, one article (~${perArticle} comments), ${kind}`,
      await load({
        url: `${url}/api/consultations/${big}/review?article=3`,
        seconds,
        connections,
        headers: { cookie: gd.cookie },
      }),
      seeded,
    );
    row(
      `GET grouped view, pending only, ${kind}`,
      await load({
        url: `${url}/api/consultations/${big}/review?article=7&status=pending`,
        seconds,
        connections,
        headers: { cookie: gd.cookie },
      }),
    );
    let n = 0;
    row(
      `POST comment (intake), ${kind}`,
      await load({
        url,
        seconds,
        connections,
        method: 'POST',
        requests: [
          {
            method: 'POST',
            path: `/api/consultations/${intakeId}/comments`,
            headers: { ...as(business), 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                articleNumber: 1 + (n % ARTICLES),
                body: `Ý kiến số ${n++} về dự thảo, đề nghị làm rõ thời hạn.`,
              }),
            }),
          },
        ],
      }),
    );
  } finally {
    await platform.close();
    await pgServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(`Consultations (load ${os.loadavg()[0]!.toFixed(1)}, ${os.cpus().length} cores)`, rows);
  console.log(
    `Near-duplicate grouping of ${size} comments (${bases} distinct texts, labels known): ${groupMs.toFixed(0)} ms in process; ${httpGroup}.`,
  );
  console.log(
    `Pairwise precision ${scores.precision.toFixed(4)}, recall ${scores.recall.toFixed(4)} (${scores.truePairs} true duplicate pairs, ${scores.predictedPairs} predicted).`,
  );
}
