import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasScope, type Actor } from '../../lib/actor.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';

export function requireScope(actor: Actor | null, scope: string): void {
  if (!actor || actor.kind !== 'api') throw unauthorized();
  if (!hasScope(actor, scope)) throw forbidden();
}

export function createIntegrationService(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  async function listUnits(actor: Actor | null) {
    requireScope(actor, 'units:read');
    const rows = await db
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'u.kind', 'u.name_vi', 'u.name_en', 'p.code as parent_code'])
      .where('u.status', '=', 'active')
      .orderBy('u.code')
      .execute();
    return { units: rows.map((row) => ({ code: row.code, kind: row.kind, names: { vi: row.name_vi, en: row.name_en }, parentCode: row.parent_code })) };
  }

  return { listUnits };
}
