// Accounts and role grants, managed by administrators. Passwords are hashed
// before any transaction opens and never reach the audit log.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { createAccountBody, updateAccountBody } from '../../../contracts/accounts.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword } from '../../lib/crypto.ts';
import { AppError, forbidden, invalidField, notFound } from '../../lib/errors.ts';
import { toAccount } from './mapper.ts';
import { canManageAccounts, roleRequirementError } from './policy.ts';
import * as repo from './repository.ts';

type CreateAccount = z.infer<typeof createAccountBody>;
type UpdateAccount = z.infer<typeof updateAccountBody>;
type RoleInput = CreateAccount['roles'][number];

export function createAccountService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function loadAccount(tx: Kysely<Database>, id: string) {
    const row = await repo.findAccountById(tx, id);
    if (!row) throw notFound();
    return toAccount(row, await repo.findRolesFor(tx, [id]));
  }

  async function checkRoles(
    tx: Kysely<Database>,
    roles: RoleInput[],
    party: { enterpriseId: string | null; associationId: string | null },
  ) {
    const seen = new Set<string>();
    for (const [index, grant] of roles.entries()) {
      if (seen.has(grant.role)) throw invalidField(`roles.${index}.role`, 'conflict');
      seen.add(grant.role);
      const problem = roleRequirementError(grant, party);
      if (problem)
        throw invalidField(problem === 'role_scope_required' ? `roles.${index}.unitId` : 'enterpriseId', problem);
    }
    const unitIds = roles.flatMap((r) => (r.unitId ? [r.unitId] : []));
    const found = await repo.existingIds(tx, 'units', unitIds);
    const missing = roles.findIndex((r) => r.unitId && !found.has(r.unitId));
    if (missing >= 0) throw invalidField(`roles.${missing}.unitId`, 'not_found');
  }

  async function listAccounts(
    actor: Actor | null,
    query: { q?: string | undefined; role?: string | undefined; limit: number; offset: number },
  ) {
    if (!canManageAccounts(actor)) throw forbidden();
    const result = await repo.findAccounts(db, query);
    const roles = await repo.findRolesFor(
      db,
      result.items.map((item) => item.id),
    );
    return { items: result.items.map((row) => toAccount(row, roles)), total: result.total };
  }

  async function getAccount(actor: Actor | null, id: string) {
    if (!canManageAccounts(actor)) throw forbidden();
    return loadAccount(db, id);
  }

  async function createAccount(context: AuditContext, input: CreateAccount) {
    if (!canManageAccounts(context.actor)) throw forbidden();
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (tx) => {
      if (await repo.emailExists(tx, input.email))
        throw new AppError('conflict', 'email_taken', [{ field: 'email', message: 'email_taken' }]);
      for (const [field, table, id] of [
        ['enterpriseId', 'enterprises', input.enterpriseId],
        ['associationId', 'associations', input.associationId],
        ['officerId', 'officers', input.officerId],
      ] as const) {
        if (id && !(await repo.existingIds(tx, table, [id])).has(id)) throw invalidField(field, 'not_found');
      }
      await checkRoles(tx, input.roles, input);
      const { id } = await repo.insertAccount(tx, { ...input, passwordHash });
      await repo.replaceRoles(tx, id, input.roles);
      await writeAudit(tx, context, {
        action: 'account.created',
        entityType: 'user',
        entityId: id,
        details: {
          email: input.email,
          roles: input.roles,
          enterpriseId: input.enterpriseId,
          associationId: input.associationId,
        },
      });
      return loadAccount(tx, id);
    });
  }

  async function updateAccount(context: AuditContext, id: string, input: UpdateAccount) {
    if (!canManageAccounts(context.actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const before = await loadAccount(tx, id);
      if (input.roles) await checkRoles(tx, input.roles, before);
      if (
        context.actor?.kind === 'user' &&
        context.actor.userId === id &&
        (input.active === false || (input.roles && !input.roles.some((r) => r.role === 'admin')))
      ) {
        throw invalidField(input.active === false ? 'active' : 'roles', 'forbidden'); // an administrator cannot lock themselves out
      }
      await repo.updateAccount(
        tx,
        id,
        {
          ...(input.fullName !== undefined && { full_name: input.fullName }),
          ...(input.phone !== undefined && { phone: input.phone }),
          ...(input.active !== undefined && { active: input.active }),
        },
        clock.now(),
      );
      if (input.roles) await repo.replaceRoles(tx, id, input.roles);
      if (input.active === false) await repo.deleteSessionsOf(tx, id);
      const after = await loadAccount(tx, id);
      if (input.roles) {
        await writeAudit(tx, context, {
          action: 'account.roles_changed',
          entityType: 'user',
          entityId: id,
          details: { before: before.roles, after: after.roles },
        });
      }
      if (input.active !== undefined && input.active !== before.active) {
        await writeAudit(tx, context, {
          action: input.active ? 'account.activated' : 'account.deactivated',
          entityType: 'user',
          entityId: id,
        });
      }
      if (input.fullName !== undefined || input.phone !== undefined) {
        await writeAudit(tx, context, {
          action: 'account.updated',
          entityType: 'user',
          entityId: id,
          details: { fullName: after.fullName, phone: after.phone },
        });
      }
      return after;
    });
  }

  async function resetPassword(context: AuditContext, id: string, password: string) {
    if (!canManageAccounts(context.actor)) throw forbidden();
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      await loadAccount(tx, id);
      await repo.updateAccount(tx, id, { password_hash: passwordHash }, clock.now());
      await repo.deleteSessionsOf(tx, id);
      await writeAudit(tx, context, { action: 'account.password_reset', entityType: 'user', entityId: id });
    });
  }

  return { listAccounts, getAccount, createAccount, updateAccount, resetPassword };
}
