// Kills the server (SIGKILL) in the middle of a stream of submissions and
// checks that every assessment acknowledged with 201 is there after a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createOfficers, declarationBody } from './assessment-fixtures.ts';
import { testDbKind } from './database.ts';
import { createOrg } from './factories.ts';
import { TEMPLATE_DB, withDatabase } from './global-setup.ts';

const KEY = 'crash-test-bootstrap-key-0123456789abcdef';
const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// vitest's timeout for the test, and every wait inside it ends earlier, with its own message.
const TEST_TIMEOUT = 240_000;
const START_LIMIT = 90_000;
const STREAM_LIMIT = 60_000;

/** Resolves once `condition` holds; fails naming `what` at the deadline (checked every 20 ms). */
async function until(condition: () => boolean, what: string, deadline: number): Promise<void> {
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

async function startServer(
  env: Record<string, string>,
  deadline: number,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      CAUNOI_BOOTSTRAP_API_KEY: KEY,
    },
    stdio: 'ignore',
  });
  cleanups.push(async () => {
    child.kill('SIGKILL');
    await exited(child);
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) })).ok) return { child, base };
    } catch {
      // starting
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it answered`);
    if (Date.now() > deadline) throw new Error('server did not answer /healthz in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A database with the organization and officers the declarations refer to. */
async function prepareDatabase(): Promise<{
  env: Record<string, string>;
  officers: Awaited<ReturnType<typeof createOfficers>>;
}> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  if (testDbKind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-crash-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    handle = await connectDatabase({ dataDir: dir });
    env = { DATA_DIR: dir, DATABASE_URL: '' };
  } else {
    const serverUrl = inject('postgresUrl');
    const name = `caunoi_crash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    handle = await connectDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    env = { DATABASE_URL: withDatabase(serverUrl, name) };
  }
  await migrateToLatest(handle.db);
  const org = await createOrg(handle.db);
  const officers = await createOfficers(handle.db, org);
  await handle.close();
  return { env, officers };
}

describe(`crash durability (${testDbKind})`, () => {
  it(
    'keeps every acknowledged declaration and assessment after SIGKILL, and no refused one',
    async () => {
      const deadline = Date.now() + TEST_TIMEOUT - 10_000;
      const within = (ms: number) => Math.min(Date.now() + ms, deadline);
      const { env, officers } = await prepareDatabase();
      const first = await startServer(env, within(START_LIMIT));
      const declared: string[] = []; // PUT answered 201
      const acknowledged: string[] = []; // POST answered 201
      const refused: string[] = []; // POST answered with anything else
      let lanesEnded = 0;
      let stop = false;
      const worker = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          const number = `10${String(lane)}${String(i).padStart(9, '0')}`;
          try {
            const put = await fetch(`${first.base}/api/v1/declarations/${number}`, {
              method: 'PUT',
              headers,
              body: JSON.stringify(declarationBody(officers)),
            });
            if (put.status !== 201) continue;
            declared.push(number);
            const post = await fetch(`${first.base}/api/v1/declarations/${number}/assessments`, {
              method: 'POST',
              headers,
              body: JSON.stringify({
                subjects: [
                  { kind: 'branch', ref: '03NK', stars: 5 },
                  { kind: 'officer', ref: officers.first.code, stars: 4 },
                ],
              }),
            });
            (post.status === 201 ? acknowledged : refused).push(number);
          } catch {
            break; // the server is gone
          }
        }
        lanesEnded++;
      };
      const lanes = [1, 2, 3, 4].map((lane) => worker(lane));
      await until(
        () => {
          if (lanesEnded > 0)
            throw new Error(
              `the server went away before the kill, after ${acknowledged.length} acknowledged assessments`,
            );
          return acknowledged.length >= 40;
        },
        `40 acknowledged assessments (${acknowledged.length} so far)`,
        within(STREAM_LIMIT),
      );
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(lanes);
      await exited(first.child);
      expect(first.child.signalCode).toBe('SIGKILL'); // it ran until the kill

      const second = await startServer(env, within(START_LIMIT));
      const assessed = new Map<string, boolean>();
      const lost: string[] = [];
      for (const number of declared) {
        const response = await fetch(`${second.base}/api/v1/declarations/${number}`, {
          headers,
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        });
        if (response.status === 404) lost.push(number);
        else assessed.set(number, Boolean(((await response.json()) as { assessed?: boolean }).assessed));
      }
      expect(lost).toEqual([]);
      expect(acknowledged.filter((number) => !assessed.get(number))).toEqual([]);
      expect(refused.filter((number) => assessed.get(number))).toEqual([]);
      second.child.kill('SIGTERM');
      await exited(second.child);
    },
    TEST_TIMEOUT,
  );
});
