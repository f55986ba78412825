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

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), DEMO: 'false', LOG_LEVEL: 'silent', CAUNOI_BOOTSTRAP_API_KEY: KEY },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {
      // starting
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A database with the organization and officers the declarations refer to. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; officers: Awaited<ReturnType<typeof createOfficers>> }> {
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
  it('keeps every acknowledged assessment after SIGKILL', async () => {
    const { env, officers } = await prepareDatabase();
    const first = await startServer(env);
    const acknowledged: string[] = [];
    let attempted = 0;
    let stop = false;
    const worker = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const number = `10${String(lane)}${String(i).padStart(9, '0')}`;
        try {
          const put = await fetch(`${first.base}/api/v1/declarations/${number}`, { method: 'PUT', headers, body: JSON.stringify(declarationBody(officers)) });
          if (put.status !== 201) continue;
          attempted++;
          const post = await fetch(`${first.base}/api/v1/declarations/${number}/assessments`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }, { kind: 'officer', ref: officers.first.code, stars: 4 }] }),
          });
          if (post.status === 201) acknowledged.push(number);
        } catch {
          return; // the server is gone
        }
      }
    };
    const lanes = [1, 2, 3, 4].map((lane) => worker(lane));
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((r) => first.child.once('exit', r));

    const second = await startServer(env);
    cleanups.push(async () => {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    });
    const missing: string[] = [];
    for (const number of acknowledged) {
      const response = await fetch(`${second.base}/api/v1/declarations/${number}`, { headers });
      const body = (await response.json()) as { assessed?: boolean };
      if (!body.assessed) missing.push(number);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(attempted).toBeGreaterThanOrEqual(acknowledged.length);
    expect(missing).toEqual([]);
  }, 240_000); // two server starts of up to 90 s each, and the stream between them
});
