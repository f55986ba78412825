// The live final of the law contest: 2,000 participants answer the same question
// within its 10-second timer (each a GET of the question, then a POST of the
// answer, over HTTP with 50 connections), then the hall asks for the
// leaderboard the moment the timer ends. Prints answers accepted per second and
// the leaderboard's delay after the timer, beside GET /healthz measured in the
// same run. PGlite by default; BENCH_DB=postgres for a PostgreSQL 15 server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/server/config.ts';
import { randomToken, sha256 } from '../src/server/lib/crypto.ts';
import { createPlatform } from '../src/server/platform.ts';
import { createOrg, createUser, TEST_PASSWORD, validTaxCode } from '../test/factories.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { signIn } from '../test/platform.ts';
import { load, option, printTable } from './lib.ts';

const SECONDS_PER_QUESTION = 10;

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function runContestsBench(): Promise<void> {
  const participants = option('size', 2000);
  const connections = option('connections', 50);
  const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
  const pgServer = kind === 'postgres' ? await startPostgresServer() : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-contests-'));
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
    await createUser(db, { email: 'organizer@bench.vn', role: 'gd_staff' });
    const organizer = await signIn(platform, 'organizer@bench.vn', TEST_PASSWORD);
    const as = { cookie: organizer.cookie, 'x-csrf-token': organizer.csrf };
    const call = async <T>(method: string, url: string, payload?: object): Promise<T> => {
      const r = await platform.app.inject({ method: method as 'POST', url, headers: as, ...(payload && { payload }) });
      if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    const contest = await call<{ id: string }>('POST', '/api/contests', {
      ownerUnitId: org['00'],
      title: { vi: 'Chung kết đo tốc độ' },
      eligibility: 'all',
    });
    for (let i = 0; i < 5; i++)
      await call('POST', `/api/contests/${contest.id}/questions`, {
        topic: 'procedures',
        difficulty: 2,
        text: { vi: `Câu hỏi ${i}` },
        choices: ['A', 'B', 'C', 'D'],
        correct: i % 4,
      });
    const detail = await call<{ rounds: { id: string }[] }>('POST', `/api/contests/${contest.id}/rounds`, {
      kind: 'final',
      name: 'Chung kết',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      live: true,
      questionCount: 1,
      secondsPerQuestion: SECONDS_PER_QUESTION,
    });
    const roundId = detail.rounds[0]!.id;
    await call('POST', `/api/contests/${contest.id}/open`);

    // 2,000 participants, each an enterprise account with a session, registered and joined.
    const started = Date.now();
    const cookies: string[] = [];
    const attempts: string[] = [];
    const csrf: string[] = [];
    for (let start = 0; start < participants; start += 500) {
      const batch = Array.from({ length: Math.min(500, participants - start) }, (_, i) => start + i);
      const firms = await db
        .insertInto('enterprises')
        .values(batch.map((i) => ({ tax_code: validTaxCode(710_000_000 + i * 3), name: `Công ty thi ${i}` })))
        .returning('id')
        .execute();
      const users = await db
        .insertInto('users')
        .values(
          firms.map((f, i) => ({
            email: `thisinh${start + i}@bench.vn`,
            password_hash: 'x',
            full_name: `Thí sinh ${start + i}`,
            enterprise_id: f.id,
            updated_at: new Date(),
          })),
        )
        .returning(['id', 'enterprise_id'])
        .execute();
      await db
        .insertInto('user_roles')
        .values(users.map((u) => ({ user_id: u.id, role: 'enterprise_user' as const, unit_id: null })))
        .execute();
      const tokens = users.map(() => randomToken());
      const csrfs = users.map(() => randomToken());
      await db
        .insertInto('sessions')
        .values(
          users.map((u, i) => ({
            id: sha256(tokens[i]!),
            user_id: u.id,
            csrf_token: csrfs[i]!,
            expires_at: new Date(Date.now() + 86_400_000),
            ip: null,
            user_agent: null,
          })),
        )
        .execute();
      const registrations = await db
        .insertInto('contest_registrations')
        .values(
          users.map((u, i) => ({
            contest_id: contest.id,
            user_id: u.id,
            enterprise_id: u.enterprise_id!,
            display_name: `Thí sinh ${start + i}`,
            registered_at: new Date(),
          })),
        )
        .returning('id')
        .execute();
      const round = await db
        .selectFrom('contest_rounds')
        .select('fixed_question_ids')
        .where('id', '=', roundId)
        .executeTakeFirstOrThrow();
      const joined = await db
        .insertInto('contest_attempts')
        .values(
          registrations.map((r) => ({
            round_id: roundId,
            registration_id: r.id,
            seed: 1,
            question_ids: round.fixed_question_ids,
            started_at: new Date(),
          })),
        )
        .returning('id')
        .execute();
      cookies.push(...tokens.map((t) => `caunoi_session=${t}`));
      csrf.push(...csrfs);
      attempts.push(...joined.map((a) => a.id));
    }
    const setup = `${participants} participants set up in ${((Date.now() - started) / 1000).toFixed(1)} s`;

    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const address = platform.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const baseline = await load({ url: `${url}/healthz`, seconds: 5, connections });

    // The hall shows the question; everyone fetches it and answers.
    const hall = await fetch(`${url}/api/contest-rounds/${roundId}/next`, { method: 'POST', headers: as });
    if (!hall.ok) throw new Error(`next: ${hall.status}`);
    const timerEnds = Date.now() + SECONDS_PER_QUESTION * 1000;
    const answerStart = Date.now();
    let accepted = 0;
    let refused = 0;
    const latencies: number[] = [];
    await pool(
      Array.from({ length: participants }, (_, i) => i),
      connections,
      async (i) => {
        const headers = { cookie: cookies[i]!, 'x-csrf-token': csrf[i]!, 'content-type': 'application/json' };
        const t0 = performance.now();
        const q = (await (await fetch(`${url}/api/contest-attempts/${attempts[i]}/question`, { headers })).json()) as {
          question: { id: string } | null;
        };
        if (!q.question) {
          refused++;
          return;
        }
        const r = await fetch(`${url}/api/contest-attempts/${attempts[i]}/answers`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ questionId: q.question.id, choice: i % 4 }),
        });
        latencies.push(performance.now() - t0);
        if (r.ok) accepted++;
        else refused++;
        await r.arrayBuffer();
      },
    );
    const answerSeconds = (Date.now() - answerStart) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);

    // The moment the timer ends, the hall asks for the leaderboard.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, timerEnds - Date.now())));
    type Hall = { phase: string; leaderboard: { participants: number; rows: unknown[] } | null };
    const readHall = async () =>
      (await (await fetch(`${url}/api/contest-rounds/${roundId}/hall`, { headers: as })).json()) as Hall;
    let board = await readHall();
    while (!board.leaderboard) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      board = await readHall();
    }
    const delay = Date.now() - timerEnds;

    printTable(
      `Live final, ${participants} participants, ${SECONDS_PER_QUESTION} s timer, ${kind} (load ${os.loadavg()[0]!.toFixed(1)})`,
      [
        {
          measure: 'GET /healthz (baseline)',
          value: `${baseline.rps} req/s`,
          note: `p50 ${baseline.p50} ms, p95 ${baseline.p95} ms`,
        },
        {
          measure: 'answers accepted',
          value: `${Math.round(accepted / answerSeconds)} answers/s`,
          note: `${accepted} accepted, ${refused} refused, in ${answerSeconds.toFixed(1)} s; question+answer p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`,
        },
        {
          measure: 'leaderboard after the timer',
          value: `${delay} ms`,
          note: `${board.leaderboard?.participants} on the board (goal < 1000 ms)`,
        },
        { measure: 'setup', value: '', note: setup },
      ],
    );
  } finally {
    await platform.close();
    await pgServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
