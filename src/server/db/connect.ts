// One way to reach the database: Kysely over `pg`. Embedded mode is only
// another connection, to PGlite served from a worker thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CompiledQuery, Kysely, PostgresDialect, type DatabaseConnection } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { lockDataDir } from './lock.ts';
import { GENERIC_PLANS, PreparingClient } from './prepared.ts';

// Return bigint counts and numerics as JS numbers/strings predictably.
pg.types.setTypeParser(20, (value) => Number(value)); // int8
pg.types.setTypeParser(1700, (value) => Number(value)); // numeric
pg.types.setTypeParser(1082, (value) => value); // date stays 'YYYY-MM-DD'

async function onCreateConnection(connection: DatabaseConnection): Promise<void> {
  await connection.executeQuery(CompiledQuery.raw(GENERIC_PLANS));
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; null keeps it in memory (tests). */
  dataDir?: string | null;
  poolSize?: number;
}

interface WorkerMessage {
  type: 'ready' | 'error' | 'stopped';
  conn?: string;
  message?: string;
}

async function startPGliteWorker(
  dataDir: string | null,
): Promise<{ host: string; port: number; stop(): Promise<void> }> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dataDir ? path.resolve(dataDir, 'pg') : null, socketPath: null },
  });
  const ready = await new Promise<WorkerMessage>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (ready.type !== 'ready' || !ready.conn)
    throw new Error(`Embedded database failed to start: ${ready.message ?? 'unknown error'}`);
  const [host, port] = ready.conn.split(':');
  return {
    host: host ?? '127.0.0.1',
    port: Number(port),
    async stop() {
      const stopped = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage({ type: 'stop' });
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await worker.terminate();
    },
  };
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      Client: PreparingClient,
    });
    // An idle connection the server ended (a restart, an administrator): the pool drops it
    // and opens another when needed. Without a listener this event would end the process.
    pool.on('error', (error) => process.emitWarning(`database connection closed by the server: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, onCreateConnection }) });
    return {
      db,
      pool,
      kind: 'postgres',
      async close() {
        await db.destroy();
      },
    };
  }
  const dataDir = options.dataDir ?? null;
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const server = await startPGliteWorker(dataDir);
    // A single connection: PGlite is one session (see pglite-worker.mjs).
    const pool = new pg.Pool({
      host: server.host,
      port: server.port,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      Client: PreparingClient,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, onCreateConnection }) });
    return {
      db,
      pool,
      kind: 'pglite',
      async close() {
        await db.destroy();
        await server.stop();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
