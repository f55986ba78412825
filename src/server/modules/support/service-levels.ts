// Editable service levels: first-response and resolution targets per category
// and priority, on a 24/7 or working-hours clock. Every support officer may read
// them; only the General Department (its staff, who set the national service
// commitments) changes them. A change applies to requests opened afterwards;
// open requests keep the deadlines they were given.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { serviceLevelBody, ServiceLevelView } from '../../../contracts/support-inbound.ts';
import type { Priority } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { isSupportStaff } from '../../../contracts/roles.ts';
import { toServiceLevelView } from './mapper.ts';
import * as repo from './repository.ts';

/** Who may change the targets (pure; tested). */
export const canEditServiceLevels = (actor: Actor | null): boolean => hasRole(actor, 'gd_staff');
const canReadServiceLevels = (actor: Actor | null): boolean => isSupportStaff(actor) || hasRole(actor, 'admin');

export function createServiceLevelService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function listServiceLevels(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (!canReadServiceLevels(actor)) throw forbidden();
    const rows = await repo.findServiceLevels(db);
    return { items: rows.map(toServiceLevelView), canEdit: canEditServiceLevels(actor) };
  }

  async function updateServiceLevel(
    context: AuditContext,
    category: QaCategory,
    priority: Priority,
    input: z.infer<typeof serviceLevelBody>,
  ): Promise<ServiceLevelView> {
    if (!isUser(context.actor)) throw unauthorized();
    if (!canEditServiceLevels(context.actor)) throw forbidden();
    const userId = context.actor.userId;
    return db.transaction().execute(async (tx) => {
      const before = await repo.lockServiceLevel(tx, category, priority);
      if (!before) throw notFound();
      const unchanged =
        before.calendar === input.calendar &&
        before.first_response_minutes === input.firstResponseMinutes &&
        before.resolution_minutes === input.resolutionMinutes;
      if (unchanged) throw new AppError('conflict', 'nothing_to_change');
      await repo.updateServiceLevel(tx, category, priority, {
        calendar: input.calendar,
        firstResponseMinutes: input.firstResponseMinutes,
        resolutionMinutes: input.resolutionMinutes,
        updatedByUserId: userId,
        at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'support.service_level_changed',
        entityType: 'support_service_level',
        entityId: `${category}:${priority}`,
        details: {
          category,
          priority,
          old: {
            calendar: before.calendar,
            firstResponseMinutes: before.first_response_minutes,
            resolutionMinutes: before.resolution_minutes,
          },
          new: {
            calendar: input.calendar,
            firstResponseMinutes: input.firstResponseMinutes,
            resolutionMinutes: input.resolutionMinutes,
          },
        },
      });
      return toServiceLevelView(await repo.findServiceLevelRow(tx, category, priority));
    });
  }

  return { listServiceLevels, updateServiceLevel };
}
