import type { Kysely, Selectable } from 'kysely';
import type { Database, UnitsTable } from '../../db/schema.ts';

export type UnitRow = Selectable<UnitsTable>;

export function findUnits(db: Kysely<Database>, options: { includeInactive: boolean }) {
  let query = db.selectFrom('units').selectAll().orderBy('kind').orderBy('code');
  if (!options.includeInactive) query = query.where('status', '=', 'active');
  return query.execute();
}

export function findUnitById(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertUnit(
  db: Kysely<Database>,
  values: { code: string; kind: UnitRow['kind']; nameVi: string; nameEn: string; parentId: string | null; now: Date },
) {
  return db
    .insertInto('units')
    .values({
      code: values.code,
      kind: values.kind,
      name_vi: values.nameVi,
      name_en: values.nameEn,
      parent_id: values.parentId,
      valid_from: values.now,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUnit(
  db: Kysely<Database>,
  id: string,
  values: Partial<{
    name_vi: string;
    name_en: string;
    parent_id: string | null;
    status: UnitRow['status'];
    merged_into_id: string | null;
    valid_to: Date | null;
  }>,
  now: Date,
) {
  return db
    .updateTable('units')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findChildren(db: Kysely<Database>, parentId: string) {
  return db.selectFrom('units').selectAll().where('parent_id', '=', parentId).where('status', '=', 'active').execute();
}

export async function insertHistory(
  db: Kysely<Database>,
  values: { unitId: string; action: string; before: unknown; after: unknown; actorUserId: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('unit_history')
    .values({
      unit_id: values.unitId,
      action: values.action,
      before: values.before === null ? null : JSON.stringify(values.before),
      after: values.after === null ? null : JSON.stringify(values.after),
      actor_user_id: values.actorUserId,
      at: values.at,
    })
    .execute();
}

export function findHistory(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('unit_history')
    .select(['action', 'at', 'before', 'after'])
    .where('unit_id', '=', unitId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
