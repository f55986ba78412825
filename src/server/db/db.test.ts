import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, testDbKind } from '../../../test/database.ts';
import { startTestPlatform, type TestPlatform } from '../../../test/platform.ts';
import { connectDatabase, type DatabaseHandle } from './connect.ts';

// Two transactions run at once; each waits for the other to have done its part
// (or, on PGlite's single connection, to be queued behind it), so every check below
// reads what one transaction saw while the other was still open.
type AnyDb = Kysely<any>;

class RollBack extends Error {}

/** Resolves once `condition` holds; fails naming `what` after 10 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!condition()) throw new Error(`still waiting: ${what}`);
    },
    { timeout: 10_000, interval: 5 },
  );
}

async function createProbeTable(db: AnyDb, table: string): Promise<void> {
  await sql`create table ${sql.table(table)} (label text primary key)`.execute(db);
}

async function labels(db: AnyDb, table: string): Promise<string[]> {
  const rows = await sql<{ label: string }>`select label from ${sql.table(table)} order by label`.execute(db);
  return rows.rows.map((row) => row.label);
}

async function insertLabel(db: AnyDb, table: string, label: string): Promise<void> {
  await sql`insert into ${sql.table(table)} (label) values (${label})`.execute(db);
}

/**
 * A writes a row and, once B is done, rolls back; B, while A is still open, reads and then
 * commits its own row. `queued` says whether a transaction waits for a connection (PGlite has one).
 */
async function readWhileAnotherWrites(db: AnyDb, table: string, queued: () => boolean) {
  let aWrote = false;
  let bDone = false;
  let seenByB: string[] | null = null;
  const a = db
    .transaction()
    .execute(async (tx) => {
      await insertLabel(tx, table, 'a');
      aWrote = true;
      await until(() => bDone || queued(), 'B commits, or waits for the connection');
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  const b = until(() => aWrote, 'A writes').then(() =>
    db
      .transaction()
      .execute(async (tx) => {
        seenByB = await labels(tx, table);
        await insertLabel(tx, table, 'b');
      })
      .then(() => {
        bDone = true;
      }),
  );
  await Promise.all([a, b]);
  return { seenByB, final: await labels(db, table) };
}

/** A writes, reads after B has written, and commits; B rolls back once A has committed. */
async function commitWhileAnotherWrites(db: AnyDb, table: string, queued: () => boolean) {
  let aWrote = false;
  let aDone = false;
  let bWrote = false;
  let seenByA: string[] | null = null;
  const a = db
    .transaction()
    .execute(async (tx) => {
      await insertLabel(tx, table, 'a');
      aWrote = true;
      await until(() => bWrote || queued(), 'B writes, or waits for the connection');
      seenByA = await labels(tx, table);
    })
    .then(() => {
      aDone = true;
    });
  const b = until(() => aWrote, 'A writes').then(() =>
    db
      .transaction()
      .execute(async (tx) => {
        await insertLabel(tx, table, 'b');
        bWrote = true;
        await until(() => aDone, 'A commits');
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      }),
  );
  await Promise.all([a, b]);
  return { seenByA, final: await labels(db, table) };
}

/** What isolation failing looks like: every "connection" is one shared session, as a careless multiplexer would give. */
async function sharedSession(handle: DatabaseHandle): Promise<{ db: AnyDb; close(): Promise<void> }> {
  const client = await handle.pool.connect();
  const shared: PostgresPoolClient = {
    query: client.query.bind(client) as PostgresPoolClient['query'],
    release: () => undefined,
  };
  const pool: PostgresPool = { connect: async () => shared, end: async () => undefined };
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    async close() {
      await db.destroy();
      client.release();
    },
  };
}

describe(`transactions (${testDbKind})`, () => {
  let handle: DatabaseHandle;
  const queued = () => handle.pool.waitingCount > 0;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.close());

  it('a transaction does not see another’s uncommitted rows, and a rollback undoes only its own work', async () => {
    await createProbeTable(handle.db, 'probe_read');
    const { seenByB, final } = await readWhileAnotherWrites(handle.db, 'probe_read', queued);
    expect(seenByB).toEqual([]);
    expect(final).toEqual(['b']);
  });

  it('a commit carries only its own rows, and its transaction never saw another’s uncommitted ones', async () => {
    await createProbeTable(handle.db, 'probe_commit');
    const { seenByA, final } = await commitWhileAnotherWrites(handle.db, 'probe_commit', queued);
    expect(seenByA).toEqual(['a']);
    expect(final).toEqual(['a']);
  });

  it('these checks catch transactions that share one session', async () => {
    const broken = await sharedSession(handle);
    try {
      await createProbeTable(broken.db, 'probe_shared_read');
      expect(await readWhileAnotherWrites(broken.db, 'probe_shared_read', () => false)).toEqual({
        seenByB: ['a'],
        final: ['a', 'b'],
      });
      await createProbeTable(broken.db, 'probe_shared_commit');
      expect(await commitWhileAnotherWrites(broken.db, 'probe_shared_commit', () => false)).toEqual({
        seenByA: ['a', 'b'],
        final: ['a', 'b'],
      });
    } finally {
      await broken.close();
    }
  });
});

describe.skipIf(testDbKind !== 'pglite')(
  'embedded database off the main thread (PGlite only: a PostgreSQL server runs queries in its own processes)',
  () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await startTestPlatform();
    });
    afterAll(async () => platform.close());

    it('/healthz answers again and again while a heavy query runs', async () => {
      let heavyDone = false;
      const heavy = sql`select count(*) from generate_series(1, 4000000) a, lateral (select a % 7) b`
        .execute(platform.deps.db)
        .then(() => {
          heavyDone = true;
        });
      // Ask one after another until the query ends: a database on this thread would
      // answer none of them between the query's start and its end.
      const during: number[] = [];
      while (!heavyDone) {
        const response = await platform.app.inject({ method: 'GET', url: '/healthz' });
        if (!heavyDone) during.push(response.statusCode);
        await new Promise((resolve) => setImmediate(resolve)); // let I/O in: the query's answer arrives through a socket
      }
      await heavy;
      expect(during.length).toBeGreaterThanOrEqual(20);
      expect(new Set(during)).toEqual(new Set([200]));
    });
  },
);

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
