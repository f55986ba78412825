// After the event: the minutes close it, and every open question becomes a
// follow-up item of the organizer with a deadline.
import type { z } from 'zod';
import type { EventDetail, minutesBody } from '../../../contracts/events.ts';
import { isUser } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { AppError, forbidden, unauthorized } from '../../lib/errors.ts';
import * as repo from './repository.ts';
import type { EventDeps, EventViews } from './views.ts';

export function createMinutesService(deps: EventDeps, views: EventViews) {
  const { db, clock } = deps;
  const { access, detail } = views;

  /** Minutes close the event: every open question becomes a follow-up item of the organizer. */
  async function recordMinutes(
    context: AuditContext,
    id: string,
    input: z.infer<typeof minutesBody>,
  ): Promise<EventDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    await db.transaction().execute(async (tx) => {
      const { row, manage } = await access(tx, actor, id);
      if (!manage) throw forbidden();
      if (row.status === 'cancelled') throw new AppError('conflict', 'event_cancelled');
      const now = clock.now();
      if (row.starts_at.getTime() > now.getTime()) throw new AppError('conflict', 'event_not_started');
      await repo.updateEvent(tx, id, { status: 'held', minutes: input.minutes, minutes_at: now });
      const followUps = await repo.openFollowUps(
        tx,
        id,
        row.organizer_unit_id,
        new Date(now.getTime() + input.dueDays * 86_400_000),
      );
      await writeAudit(tx, context, {
        action: row.status === 'held' ? 'event.minutes_updated' : 'event.minutes_recorded',
        entityType: 'event',
        entityId: id,
        unitId: row.organizer_unit_id,
        details: { followUps },
      });
    });
    return detail(db, actor, id);
  }

  return { recordMinutes };
}
