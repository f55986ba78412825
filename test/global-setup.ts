// For the PostgreSQL run: start a server unless TEST_DATABASE_URL is given,
// and build a migrated template database that each test file copies.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { startPostgresServer, type PostgresServer } from './pg-server.ts';

export const TEMPLATE_DB = 'caunoi_test_template';

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (process.env.TEST_DB !== 'postgres') return undefined;
  let server: PostgresServer | null = null;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    server = await startPostgresServer({ fsync: false });
    url = server.url;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(url, TEMPLATE_DB);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: templateUrl, max: 1 }) }),
  });
  await migrateToLatest(db);
  await db.destroy();
  provide('postgresUrl', url);
  return async () => {
    await server?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
