// Enterprises, brokers, associations and officers: the parties the other
// capabilities refer to.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { createEnterpriseBody } from '../../../contracts/parties.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getSubtreeIds, resolveScopeUnitIds } from '../../lib/org.ts';
import { unitScopeOf } from '../../lib/scope.ts';
import { toAssociation, toEnterprise, toOfficer } from './mapper.ts';
import { canManageEnterprises, canReadEnterpriseDirectory } from './policy.ts';
import * as repo from './repository.ts';

/** The enterprises a party may see: its own, a broker's clients, an association's members. */
async function visibleEnterpriseIds(db: Kysely<Database>, actor: Actor | null): Promise<string[] | null> {
  if (canReadEnterpriseDirectory(actor)) return null;
  if (!isUser(actor)) return [];
  const ids = new Set<string>();
  if (actor.enterpriseId) ids.add(actor.enterpriseId);
  if (actor.enterpriseId && hasRole(actor, 'broker'))
    for (const id of await repo.findBrokerClientIds(db, actor.enterpriseId)) ids.add(id);
  if (actor.associationId && hasRole(actor, 'association_rep'))
    for (const id of await repo.findAssociationMemberIds(db, actor.associationId)) ids.add(id);
  return [...ids];
}

export function createPartyService(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  async function listEnterprises(
    actor: Actor | null,
    query: { q?: string | undefined; limit: number; offset: number },
  ) {
    if (!isUser(actor)) throw unauthorized();
    const ids = await visibleEnterpriseIds(db, actor);
    const result = await repo.findEnterprises(db, { ...query, ids: ids ?? undefined });
    return { items: result.items.map(toEnterprise), total: result.total };
  }

  async function getEnterprise(actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const ids = await visibleEnterpriseIds(db, actor);
    if (ids && !ids.includes(id)) throw notFound(); // do not confirm that others exist
    const row = await repo.findEnterpriseById(db, id);
    if (!row) throw notFound();
    return toEnterprise(row);
  }

  async function createEnterprise(context: AuditContext, input: z.infer<typeof createEnterpriseBody>) {
    if (!canManageEnterprises(context.actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      if (await repo.findEnterpriseByTaxCode(tx, input.taxCode)) {
        throw new AppError('conflict', 'tax_code_taken', [{ field: 'taxCode', message: 'tax_code_taken' }]);
      }
      if (input.managingUnitId) {
        const unit = await repo.findUnitKind(tx, input.managingUnitId);
        if (!unit || unit.kind !== 'branch') throw invalidField('managingUnitId', 'invalid_unit_parent');
      }
      const row = await repo.insertEnterprise(tx, input);
      await writeAudit(tx, context, {
        action: 'enterprise.created',
        entityType: 'enterprise',
        entityId: row.id,
        details: { taxCode: row.tax_code, name: row.name },
      });
      return toEnterprise(row);
    });
  }

  async function listAssociations(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    return (await repo.findAssociations(db)).map(toAssociation);
  }

  async function listOfficers(
    actor: Actor | null,
    query: { unitId?: string | undefined; q?: string | undefined; limit: number; offset: number },
  ) {
    const scope = unitScopeOf(actor);
    if (scope === 'none') throw forbidden();
    const visible = await resolveScopeUnitIds(db, scope);
    let unitIds = visible;
    if (query.unitId) {
      if (visible && !visible.includes(query.unitId)) throw forbidden();
      unitIds = await getSubtreeIds(db, [query.unitId]);
    }
    const result = await repo.findOfficers(db, { unitIds, q: query.q, limit: query.limit, offset: query.offset });
    return { items: result.items.map(toOfficer), total: result.total };
  }

  return { listEnterprises, getEnterprise, createEnterprise, listAssociations, listOfficers };
}
