import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import type { DatabaseHandle } from './connect.ts';
import { executePrepared, prepareStatement } from './prepared.ts';

describe('prepared statements', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.close());

  it('runs a registered text as a named statement, planned once for any parameters', async () => {
    await handle.db.connection().execute(async (connection) => {
      const query = (codes: string[]) =>
        CompiledQuery.raw('select count(*)::int as n from units where code = any($1::text[])', [
          codes,
        ]) as CompiledQuery<{ n: number }>;
      expect(await executePrepared(connection, 'test_units_by_code', query(['NO-SUCH-UNIT']))).toEqual([{ n: 0 }]);
      expect(await executePrepared(connection, 'test_units_by_code', query([]))).toEqual([{ n: 0 }]);
      const prepared = await sql<{ name: string; generic_plans: number; custom_plans: number }>`
        select name, generic_plans::int, custom_plans::int from pg_prepared_statements where name = 'test_units_by_code'`.execute(
        connection,
      );
      expect(prepared.rows).toEqual([{ name: 'test_units_by_code', generic_plans: 2, custom_plans: 0 }]);
    });
  });

  it('leaves every other query unnamed', async () => {
    await handle.db.connection().execute(async (connection) => {
      await sql`select count(*) from units where code = ${'X'}`.execute(connection);
      const named = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_prepared_statements where statement like '%code = $1%'`.execute(connection);
      expect(named.rows[0]?.n).toBe(0);
    });
  });

  it('refuses one text under two names', () => {
    prepareStatement('test_one', 'select 1 as one');
    expect(() => prepareStatement('test_two', 'select 1 as one')).toThrow(/prepared twice/);
  });
});
