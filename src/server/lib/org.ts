// Tree look-ups over units, shared by modules that check scope.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { UnitScope } from './scope.ts';

/** The unit's id, then its parent's, up to the root. Empty when the unit does not exist. */
export async function getUnitAncestry(db: Kysely<Database>, unitId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 20
    )
    select id from up order by depth`.execute(db);
  return result.rows.map((row) => row.id);
}

/** Every unit id under the given roots (roots included). Merged units stay under the unit they merged into. */
export async function getSubtreeIds(db: Kysely<Database>, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const result = await sql<{ id: string }>`
    with recursive down(id, depth) as (
      select id, 0 from units where id = any(${sql.val(rootIds)}::uuid[])
      union
      select u.id, down.depth + 1 from units u join down on (u.parent_id = down.id or u.merged_into_id = down.id)
      where down.depth < 20
    )
    select distinct id from down`.execute(db);
  return result.rows.map((row) => row.id);
}

/** The unit ids visible under a scope, or null for "all". */
export async function resolveScopeUnitIds(db: Kysely<Database>, scope: UnitScope): Promise<string[] | null> {
  if (scope === 'all') return null;
  if (scope === 'none') return [];
  return getSubtreeIds(db, scope);
}

export interface UnitLink {
  id: string;
  kind: 'general_department' | 'department' | 'branch' | 'team';
  parent_id: string | null;
}

/** The unit and its parents up to the root, with kinds (leaf first). */
export async function getUnitChain(db: Kysely<Database>, unitId: string): Promise<UnitLink[]> {
  const result = await sql<UnitLink & { depth: number }>`
    with recursive up(id, kind, parent_id, depth) as (
      select id, kind, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.kind, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 20
    )
    select id, kind, parent_id, depth from up order by depth`.execute(db);
  return result.rows.map(({ id, kind, parent_id }) => ({ id, kind, parent_id }));
}

/** For each unit, its id followed by its parents' ids up to the root — all in one query. */
export async function getUnitPaths(db: Kysely<Database>, unitIds: readonly string[]): Promise<Map<string, UnitLink[]>> {
  const paths = new Map<string, UnitLink[]>();
  if (unitIds.length === 0) return paths;
  const result = await sql<UnitLink & { start: string; depth: number }>`
    with recursive up(start, id, kind, parent_id, depth) as (
      select id, id, kind, parent_id, 0 from units where id = any(${sql.val([...new Set(unitIds)])}::uuid[])
      union all
      select up.start, u.id, u.kind, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 20
    )
    select start, id, kind, parent_id, depth from up order by start, depth`.execute(db);
  for (const row of result.rows) {
    const list = paths.get(row.start) ?? [];
    list.push({ id: row.id, kind: row.kind, parent_id: row.parent_id });
    paths.set(row.start, list);
  }
  return paths;
}

/** For each unit, its ancestry (its id, then its parents' up to the root) — all in one query. Absent units are absent. */
export async function getUnitAncestries(
  db: Kysely<Database>,
  unitIds: readonly string[],
): Promise<Map<string, string[]>> {
  const paths = await getUnitPaths(db, unitIds);
  return new Map([...paths].map(([id, path]) => [id, path.map((unit) => unit.id)]));
}
