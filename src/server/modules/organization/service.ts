// The organization tree. Units are renamed, moved and merged in place; their
// ids never change, so records made under a unit keep pointing at it, and
// unit_history keeps what it was called and where it sat.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { createUnitBody, updateUnitBody } from '../../../contracts/organization.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound } from '../../lib/errors.ts';
import { toUnit, unitSnapshot } from './mapper.ts';
import { canManageOrganization, isValidParent } from './policy.ts';
import * as repo from './repository.ts';

type CreateUnit = z.infer<typeof createUnitBody>;
type UpdateUnit = z.infer<typeof updateUnitBody>;

export function createOrganizationService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const actorId = (actor: Actor | null) => (isUser(actor) ? actor.userId : null);

  async function listUnits(actor: Actor | null, options: { includeInactive: boolean }) {
    const includeInactive = options.includeInactive && canManageOrganization(actor);
    return (await repo.findUnits(db, { includeInactive })).map(toUnit);
  }

  async function getUnit(id: string) {
    const row = await repo.findUnitById(db, id);
    if (!row) throw notFound();
    return toUnit(row);
  }

  async function checkParent(tx: Kysely<Database>, kind: CreateUnit['kind'], parentId: string | null) {
    const parent = parentId ? await repo.findUnitById(tx, parentId) : null;
    if (parentId && !parent) throw invalidField('parentId', 'invalid_unit_parent');
    if (parent && parent.status !== 'active') throw invalidField('parentId', 'unit_inactive');
    if (!isValidParent(kind, parent?.kind ?? null)) throw invalidField('parentId', 'invalid_unit_parent');
  }

  async function createUnit(context: AuditContext, input: CreateUnit) {
    if (!canManageOrganization(context.actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      if (await repo.findUnitByCode(tx, input.code))
        throw new AppError('conflict', 'unit_code_taken', [{ field: 'code', message: 'unit_code_taken' }]);
      await checkParent(tx, input.kind, input.parentId);
      const now = clock.now();
      const row = await repo.insertUnit(tx, { ...input, now });
      await repo.insertHistory(tx, {
        unitId: row.id,
        action: 'created',
        before: null,
        after: unitSnapshot(row),
        actorUserId: actorId(context.actor),
        at: now,
      });
      await writeAudit(tx, context, {
        action: 'unit.created',
        entityType: 'unit',
        entityId: row.id,
        unitId: row.id,
        details: unitSnapshot(row),
      });
      return toUnit(row);
    });
  }

  async function updateUnit(context: AuditContext, id: string, input: UpdateUnit) {
    if (!canManageOrganization(context.actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const before = await repo.findUnitById(tx, id);
      if (!before) throw notFound();
      if (before.status !== 'active') throw new AppError('conflict', 'unit_inactive');
      if (input.parentId !== undefined && input.parentId !== before.parent_id) {
        if (input.parentId === id) throw invalidField('parentId', 'invalid_unit_parent');
        await checkParent(tx, before.kind, input.parentId);
      }
      const now = clock.now();
      const after = await repo.updateUnit(
        tx,
        id,
        {
          ...(input.nameVi !== undefined && { name_vi: input.nameVi }),
          ...(input.nameEn !== undefined && { name_en: input.nameEn }),
          ...(input.parentId !== undefined && { parent_id: input.parentId }),
        },
        now,
      );
      const action = input.parentId !== undefined && input.parentId !== before.parent_id ? 'moved' : 'renamed';
      await repo.insertHistory(tx, {
        unitId: id,
        action,
        before: unitSnapshot(before),
        after: unitSnapshot(after),
        actorUserId: actorId(context.actor),
        at: now,
      });
      await writeAudit(tx, context, {
        action: `unit.${action}`,
        entityType: 'unit',
        entityId: id,
        unitId: id,
        details: { before: unitSnapshot(before), after: unitSnapshot(after) },
      });
      return toUnit(after);
    });
  }

  /** Merges `id` into `intoId`: the source closes, its children move under the target. */
  async function mergeUnit(context: AuditContext, id: string, intoId: string) {
    if (!canManageOrganization(context.actor)) throw forbidden();
    if (id === intoId) throw invalidField('intoId', 'invalid_unit_parent');
    return db.transaction().execute(async (tx) => {
      const source = await repo.findUnitById(tx, id);
      const target = await repo.findUnitById(tx, intoId);
      if (!source) throw notFound();
      if (!target) throw invalidField('intoId', 'invalid_unit_parent');
      if (source.status !== 'active' || target.status !== 'active') throw new AppError('conflict', 'unit_inactive');
      if (source.kind !== target.kind) throw invalidField('intoId', 'invalid_unit_parent');
      const now = clock.now();
      const children = await repo.findChildren(tx, id);
      for (const child of children) {
        const moved = await repo.updateUnit(tx, child.id, { parent_id: intoId }, now);
        await repo.insertHistory(tx, {
          unitId: child.id,
          action: 'moved',
          before: unitSnapshot(child),
          after: unitSnapshot(moved),
          actorUserId: actorId(context.actor),
          at: now,
        });
      }
      const merged = await repo.updateUnit(tx, id, { status: 'merged', merged_into_id: intoId, valid_to: now }, now);
      await repo.insertHistory(tx, {
        unitId: id,
        action: 'merged',
        before: unitSnapshot(source),
        after: { ...unitSnapshot(merged), mergedIntoId: intoId },
        actorUserId: actorId(context.actor),
        at: now,
      });
      await writeAudit(tx, context, {
        action: 'unit.merged',
        entityType: 'unit',
        entityId: id,
        unitId: intoId,
        details: { from: source.code, into: target.code, childrenMoved: children.length },
      });
      return toUnit(merged);
    });
  }

  async function getHistory(actor: Actor | null, id: string) {
    if (!canManageOrganization(actor)) throw forbidden();
    if (!(await repo.findUnitById(db, id))) throw notFound();
    const rows = await repo.findHistory(db, id);
    return rows.map((row) => ({ action: row.action, at: row.at.toISOString(), before: row.before, after: row.after }));
  }

  return { listUnits, getUnit, createUnit, updateUnit, mergeUnit, getHistory };
}
