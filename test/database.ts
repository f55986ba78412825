// A database per test file: an in-memory PGlite (default) or a fresh copy of
// the migrated template on the PostgreSQL server (TEST_DB=postgres).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { TEMPLATE_DB, withDatabase } from './global-setup.ts';

export const testDbKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDbKind === 'pglite') {
    const handle = await connectDatabase({ dataDir: null });
    await migrateToLatest(handle.db);
    return handle;
  }
  const serverUrl = inject('postgresUrl');
  const name = `caunoi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const handle = await connectDatabase({ databaseUrl: withDatabase(serverUrl, name), poolSize: 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
