// Surveys: answer submissions per second through the HTTP API (each request a
// different business's invitation link), and the results page of a survey of
// 60 questions with --size answers (100,000 by default) read from the
// maintained counts; GET /healthz in the same run as the baseline. On PGlite
// and on a PostgreSQL 15 server (`BENCH_DB=pglite|postgres` for one of them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { SurveyDefinition, SurveyQuestion } from '../src/contracts/surveys.ts';
import { parseConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/schema.ts';
import { randomToken, sha256 } from '../src/server/lib/crypto.ts';
import { countItemsOf } from '../src/server/modules/surveys/policy.ts';
import { RESPONDENTS_ITEM } from '../src/server/modules/surveys/results.ts';
import { createPlatform } from '../src/server/platform.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode } from '../test/factories.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { signIn } from '../test/platform.ts';
import { load, option, printTable } from './lib.ts';

const text = (vi: string) => ({ vi, en: vi });
const base = {
  required: false,
  scaleMax: 5 as const,
  min: null,
  max: null,
  showIf: null,
  perBranch: false,
  indicator: null,
};
const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `o${i}`, label: text(`Lựa chọn ${i}`) }));

/** 60 questions: choices, scales, matrices, numbers, rankings, one free text. */
function definition(): SurveyDefinition {
  const types: SurveyQuestion['type'][] = [
    'single',
    'scale',
    'multiple',
    'matrix',
    'scale',
    'number',
    'ranking',
    'single',
  ];
  const questions: SurveyQuestion[] = Array.from({ length: 59 }, (_, i) => {
    const type = types[i % types.length]!;
    return {
      ...base,
      key: `q${i}`,
      type,
      text: text(`Câu hỏi ${i}`),
      options: type === 'scale' || type === 'number' ? [] : choices(type === 'ranking' ? 3 : 4),
    };
  });
  questions.push({ ...base, key: 'gop_y', type: 'long_text', text: text('Góp ý'), options: [] });
  return { sections: [{ key: 's', title: text('Phiếu'), questions }] };
}

function answer(def: SurveyDefinition, i: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of def.sections[0]!.questions) {
    const k = (i * 31 + q.key.length * 7 + Number(q.key.slice(1)) * 13) % 97;
    if (q.type === 'single') answers[q.key] = `o${k % 4}`;
    if (q.type === 'multiple') answers[q.key] = [`o${k % 4}`];
    if (q.type === 'scale') answers[q.key] = 1 + (k % 5);
    if (q.type === 'matrix') answers[q.key] = Object.fromEntries(q.options.map((o, j) => [o.key, 1 + ((k + j) % 5)]));
    if (q.type === 'number') answers[q.key] = k;
    if (q.type === 'ranking') answers[q.key] = k % 2 ? ['o0', 'o1', 'o2'] : ['o2', 'o0', 'o1'];
    if (q.type === 'long_text' && k % 7 === 0) answers[q.key] = `Ý kiến ${k}`;
  }
  return answers;
}

/** A closed survey of `size` answers, its counts maintained as answers would have left them (aggregated here). */
async function seedResults(db: Kysely<Database>, owner: string, def: SurveyDefinition, size: number): Promise<string> {
  const survey = await db
    .insertInto('surveys')
    .values({
      owner_unit_id: owner,
      title_vi: 'Khảo sát 60 câu hỏi',
      status: 'closed',
      frozen: true,
      definition: JSON.stringify(def),
      created_by: null,
      closes_on: null,
      targeting: 'bench',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counts = new Map<
    string,
    {
      item: string;
      branch_id: string;
      stratum: string;
      business_type: string;
      value: string;
      count: number;
      total: number;
    }
  >();
  const texts: { survey_id: string; item: string; body: string }[] = [];
  for (let i = 0; i < size; i++) {
    const stratum = `Tầng ${i % 10}`;
    const type = i % 5 === 0 ? 'broker' : 'enterprise';
    const given = answer(def, i) as never;
    for (const c of [{ item: RESPONDENTS_ITEM, branch: '', value: '', total: 0 }, ...countItemsOf(def, given)]) {
      const key = `${c.item}|${stratum}|${type}|${c.value}`;
      const row = counts.get(key) ?? {
        item: c.item,
        branch_id: c.branch,
        stratum,
        business_type: type,
        value: c.value,
        count: 0,
        total: 0,
      };
      row.count += 1;
      row.total += c.total;
      counts.set(key, row);
    }
    const body = (given as Record<string, unknown>).gop_y;
    if (typeof body === 'string') texts.push({ survey_id: survey.id, item: 'gop_y', body });
  }
  const rows = [...counts.values()].map((row) => ({ survey_id: survey.id, ...row }));
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('survey_counts')
      .values(rows.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < texts.length; i += 1000)
    await db
      .insertInto('survey_texts')
      .values(texts.slice(i, i + 1000))
      .execute();
  return survey.id;
}

/** An open survey with `n` invited businesses; the raw link of each. */
async function seedInvitations(
  db: Kysely<Database>,
  owner: string,
  def: SurveyDefinition,
  n: number,
): Promise<string[]> {
  const survey = await db
    .insertInto('surveys')
    .values({
      owner_unit_id: owner,
      title_vi: 'Khảo sát đo tốc độ',
      status: 'open',
      definition: JSON.stringify(def),
      created_by: null,
      closes_on: null,
      targeting: 'bench',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tokens: string[] = [];
  for (let start = 0; start < n; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - start) }, (_, i) => start + i);
    const firms = await db
      .insertInto('enterprises')
      .values(
        batch.map((i) => ({
          tax_code: validTaxCode(700_000_000 + i * 3),
          name: `Công ty đo tốc độ ${i}`,
          is_broker: i % 5 === 0,
        })),
      )
      .returning('id')
      .execute();
    const invitations = await db
      .insertInto('survey_invitations')
      .values(firms.map((f, i) => ({ survey_id: survey.id, enterprise_id: f.id, stratum: `Tầng ${i % 10}` })))
      .returning('id')
      .execute();
    const rows = invitations.map((inv) => {
      const token = randomToken();
      tokens.push(token);
      return { token_hash: sha256(token), invitation_id: inv.id };
    });
    await db.insertInto('survey_invitation_tokens').values(rows).execute();
  }
  return tokens;
}

export async function runSurveysBench(): Promise<void> {
  const seconds = option('seconds', 8);
  const connections = option('connections', 10);
  const size = option('size', 100_000);
  const invited = option('invited', 20_000);
  const def = definition();
  const rows: Record<string, string | number>[] = [];
  const row = (name: string, r: Awaited<ReturnType<typeof load>>, note = '') =>
    rows.push({
      request: name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p95 ms': r.p95,
      'p99 ms': r.p99,
      errors: r.errors + r.non2xx,
      requests: r.requests,
      note,
    });
  for (const kind of (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['pglite', 'postgres']) as (
    'postgres' | 'pglite'
  )[]) {
    const pgServer = kind === 'postgres' ? await startPostgresServer() : null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-surveys-'));
    const platform = await createPlatform({
      config: parseConfig({
        DATA_DIR: dir,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        JOBS: 'false',
        ...(pgServer && { DATABASE_URL: pgServer.url }),
      }),
    });
    try {
      const db = platform.deps.db;
      const org = await createOrg(db);
      await createUser(db, { email: 'owner@bench.vn', role: 'gd_staff' });
      const session = await signIn(platform, 'owner@bench.vn', TEST_PASSWORD);
      const started = Date.now();
      const resultsId = await seedResults(db, org['00'], def, size);
      const seeded = `${size} answers counted in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      const tokens = await seedInvitations(db, org['00'], def, invited);
      await platform.app.listen({ port: 0, host: '127.0.0.1' });
      const address = platform.app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      row(`GET /healthz (baseline), ${kind}`, await load({ url: `${url}/healthz`, seconds, connections }));
      // The first read computes the view (suppression trees) and stores it; the load then reads the stored view.
      const firstStarted = Date.now();
      const first = await fetch(`${url}/api/surveys/${resultsId}/results`, { headers: { cookie: session.cookie } });
      const firstBytes = (await first.arrayBuffer()).byteLength;
      const firstRead = `first read ${Date.now() - firstStarted} ms (computed, stored), ${Math.round(firstBytes / 1024)} kB`;
      row(
        `GET results, 60 questions, ${kind}`,
        await load({
          url: `${url}/api/surveys/${resultsId}/results`,
          seconds,
          connections,
          headers: { cookie: session.cookie },
        }),
        `${seeded}; ${firstRead}`,
      );
      let next = 0;
      const bodies = tokens.map((_, i) => JSON.stringify({ answers: answer(def, i) }));
      const submitted = await load({
        url,
        seconds,
        connections,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const i = next++ % tokens.length;
              return { ...request, path: `/api/survey-links/${tokens[i]}/answer`, body: bodies[i] };
            },
          },
        ],
      });
      const stored = await db
        .selectFrom('survey_responses')
        .select(db.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      row(`POST answer by link, ${kind}`, submitted, `${stored.n} answers stored`);
    } finally {
      await platform.close();
      await pgServer?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(
    `Surveys, ${seconds}s per run, ${connections} connections: results of a 60-question survey with ${size} answers (maintained counts); answers sent by link (each checked, counted, stored unlinked)`,
    rows,
  );
}
