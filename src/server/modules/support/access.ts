// Loading a request for a caller: staff within scope, or the business it belongs to.
// Anyone else is told it does not exist.
import type { Kysely } from 'kysely';
import type { RequestDetail } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestries, resolveScopeUnitIds } from '../../lib/org.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';
import { isSupportStaff, STAFF_ROLES } from '../../../contracts/roles.ts';
import { toDetail } from './mapper.ts';
import { businessCanSee } from './policy.ts';
import * as repo from './repository.ts';

export interface Access {
  row: repo.RequestRow;
  staff: boolean;
}

async function staffCovers(db: Kysely<Database>, actor: Actor | null, row: repo.RequestRow): Promise<boolean> {
  if (!isSupportStaff(actor)) return false;
  const scope = unitScopeOf(actor, STAFF_ROLES);
  if (scope === 'all') return true;
  const ancestries = await getUnitAncestries(db, [row.team_unit_id, row.handler_unit_id, row.branch_unit_id]);
  return [...ancestries.values()].some((ancestry) => scopeCovers(scope, ancestry));
}

export async function loadRequest(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  forUpdate = false,
): Promise<Access> {
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

/** The request as this caller may see it (staff: with its handling; a business: without anything internal). */
export async function requestDetail(
  db: Kysely<Database>,
  row: repo.RequestRow,
  staff: boolean,
  actor: Actor | null,
  now: Date,
): Promise<RequestDetail> {
  return toDetail(row, await repo.findDetailParts(db, row, staff, isUser(actor) ? actor.userId : null), staff, now);
}

/** Reads the request again (after a change) and shows it to the caller. */
export async function reloadDetail(
  db: Kysely<Database>,
  id: string,
  staff: boolean,
  actor: Actor | null,
  now: Date,
): Promise<RequestDetail> {
  return requestDetail(db, (await repo.findRequest(db, id))!, staff, actor, now);
}
