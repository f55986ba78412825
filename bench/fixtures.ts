// Bulk data for benchmarks, written with set-based SQL.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/schema.ts';
import { createOfficers } from '../test/assessment-fixtures.ts';
import { createOrg, validTaxCode } from '../test/factories.ts';

/** The small organization of the tests plus `count` declarations ready to be assessed, numbered from 100000000001. */
export async function createDeclarations(db: Kysely<Database>, count: number) {
  const org = await createOrg(db);
  const officers = await createOfficers(db, org);
  const enterprise = await db
    .insertInto('enterprises')
    .values({ tax_code: validTaxCode(555_000_001), name: 'Công ty TNHH Thử tải' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into declarations (number, type_code, enterprise_id, office_unit_id, channel, registered_at, rating_token)
    select (100000000000 + g)::text, 'A11', ${enterprise.id}, ${org['03NK']}, 'green', now(), md5(g::text || 'bench')
    from generate_series(1, ${count}) g`.execute(db);
  await sql`
    insert into declaration_steps (declaration_id, seq, stage, team_unit_id, officer_id, started_at)
    select id, 1, 'Tiếp nhận', ${org['03NK01']}, ${officers.first.id}, now() from declarations`.execute(db);
  return { org, officers };
}
