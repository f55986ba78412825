import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import { startTestPlatform, type TestPlatform } from '../../../test/platform.ts';
import { connectDatabase, type DatabaseHandle } from './connect.ts';

describe('transactions', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await sql`create table isolation_probe (label text primary key)`.execute(handle.db);
  });
  afterAll(async () => handle.close());

  it('two concurrent transactions neither see nor commit each other’s work', async () => {
    let seenByOther: string[] | null = null;
    const committed = handle.db.transaction().execute(async (tx) => {
      await tx.insertInto('isolation_probe' as never).values({ label: 'committed' } as never).execute();
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    const rolledBack = handle.db
      .transaction()
      .execute(async (tx) => {
        await tx.insertInto('isolation_probe' as never).values({ label: 'rolled-back' } as never).execute();
        const rows = await sql<{ label: string }>`select label from isolation_probe order by label`.execute(tx);
        seenByOther = rows.rows.map((r) => r.label);
        throw new Error('roll back');
      })
      .catch((error: unknown) => (error as Error).message);
    await committed;
    expect(await rolledBack).toBe('roll back');
    // The second transaction saw at most its own row plus what had committed.
    expect(seenByOther).not.toBeNull();
    expect(seenByOther!.filter((l) => l !== 'committed' && l !== 'rolled-back')).toEqual([]);
    const final = await sql<{ label: string }>`select label from isolation_probe order by label`.execute(handle.db);
    expect(final.rows.map((r) => r.label)).toEqual(['committed']);
  });
});

describe('embedded database off the main thread', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform.close());

  it('/healthz answers while a heavy query runs', async () => {
    if (platform.database.kind !== 'pglite') return; // the property under test is PGlite's
    const order: string[] = [];
    const heavy = sql`select count(*) from generate_series(1, 4000000) a, lateral (select a % 7) b`.execute(platform.deps.db).then(() => order.push('heavy query'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = platform.app.inject({ method: 'GET', url: '/healthz' }).then((r) => order.push(`healthz ${r.statusCode}`));
    await Promise.all([heavy, health]);
    expect(order).toEqual(['healthz 200', 'heavy query']);
  });
});

describe('data directory lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-lock-'));
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await connectDatabase({ dataDir: dir });
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second process on the same data directory stops with a clear message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATA_DIR: dir, DEMO: 'false', PORT: '0', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is in use by another Cầu Nối process');
    expect(fs.readFileSync(path.join(dir, 'caunoi.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('a bad setting stops the process naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'ba nghìn', DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: /);
  });
});
