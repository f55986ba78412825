// The connection pool outlives a server that ends its idle connections.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDbKind } from '../../../test/database.ts';
import type { DatabaseHandle } from './connect.ts';

describe('database connections', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.close());

  it.runIf(testDbKind === 'postgres')(
    'survives the server ending idle connections, and the next query reconnects',
    async () => {
      // Two connections in the pool, both idle afterwards.
      await Promise.all([sql`select pg_sleep(0.05)`.execute(handle.db), sql`select pg_sleep(0.05)`.execute(handle.db)]);
      const before = handle.pool.totalCount;
      const ended = await sql<{ n: number }>`
      select count(*)::int as n from (
        select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t`.execute(
        handle.db,
      );
      expect(ended.rows[0]?.n).toBeGreaterThanOrEqual(1);
      // The pool hears of each ended connection and drops it.
      await expect.poll(() => handle.pool.totalCount, { timeout: 10_000 }).toBe(before - ended.rows[0]!.n);
      const results = await Promise.all(
        [1, 2, 3].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(handle.db)),
      );
      expect(results.map((r) => r.rows[0]?.n)).toEqual([1, 2, 3]);
    },
  );
});
