// Runs PGlite on its own thread and serves it over the Postgres wire protocol,
// so a long query never blocks the web server's event loop. Plain JavaScript:
// a worker thread cannot load TypeScript through a loader hook on Node 20.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** @type {{ dataDir: string | null, socketPath: string | null }} */
const input = workerData;

async function main() {
  // pg_trgm: the question bank's typo-tolerant search (Debian's PostgreSQL ships it too).
  const db = await PGlite.create(input.dataDir ?? 'memory://', { extensions: { pg_trgm } });
  // One connection: PGlite is one session, so a single client keeps each
  // transaction's queries together and isolated by construction.
  const server = new PGLiteSocketServer({
    db,
    ...(input.socketPath ? { path: input.socketPath } : { host: '127.0.0.1', port: 0 }),
    maxConnections: 1,
  });
  await server.start();
  parentPort?.postMessage({ type: 'ready', conn: server.getServerConn() });
  parentPort?.on('message', (message) => {
    if (message.type !== 'stop') return;
    void (async () => {
      await server.stop();
      await db.close();
      parentPort?.postMessage({ type: 'stopped' });
    })();
  });
}

main().catch((error) => {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
});
