// Loading a request for a caller: staff within scope, or the business it belongs to.
// Anyone else is told it does not exist.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';
import { businessCanSee } from './policy.ts';
import * as repo from './repository.ts';
import { isSupportStaff, STAFF_ROLES } from '../../../contracts/roles.ts';

export interface Access {
  row: repo.RequestRow;
  staff: boolean;
}

export async function staffCovers(db: Kysely<Database>, actor: Actor | null, row: repo.RequestRow): Promise<boolean> {
  if (!isSupportStaff(actor)) return false;
  const scope = unitScopeOf(actor, STAFF_ROLES);
  if (scope === 'all') return true;
  for (const unitId of new Set([row.team_unit_id, row.handler_unit_id, row.branch_unit_id])) {
    if (scopeCovers(scope, await getUnitAncestry(db, unitId))) return true;
  }
  return false;
}

export async function loadRequest(db: Kysely<Database>, actor: Actor | null, id: string, forUpdate = false): Promise<Access> {
  if (!isUser(actor)) throw unauthorized();
  const row = await repo.findRequest(db, id, forUpdate);
  if (!row) throw notFound();
  if (await staffCovers(db, actor, row)) return { row, staff: true };
  if (businessCanSee(actor, row)) return { row, staff: false };
  throw notFound();
}

export async function staffUnitIds(db: Kysely<Database>, actor: Actor | null): Promise<string[] | null> {
  return resolveScopeUnitIds(db, unitScopeOf(actor, STAFF_ROLES));
}
