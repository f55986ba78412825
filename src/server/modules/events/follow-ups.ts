// After the event: every question is a follow-up item with an owner and a
// deadline until it is answered; answers go to the participants; an item can
// be passed on to the question bank or the support desk; results by unit.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  FollowUpItem,
  answerBody,
  followUpListQuery,
  linkBody,
  statsQuery,
  updateFollowUpBody,
} from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestries, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { answerMail } from './mail.ts';
import * as items from './follow-up-repository.ts';
import { toFollowUpItem } from './mapper.ts';
import * as repo from './repository.ts';
import { toMailEvent } from './mapper.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { addDays, startOfVietnamDay } from '../../../contracts/vietnam-time.ts';

export function createFollowUpService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  const item = (row: items.FollowUpRow): FollowUpItem => toFollowUpItem(row, clock.now());

  /** The item, if the actor organizes for its event's unit or owns it. */
  async function load(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const row = await items.findItem(tx, id);
    if (!row) throw notFound();
    const ancestries = await getUnitAncestries(
      tx,
      row.owner_unit_id ? [row.organizer_unit_id, row.owner_unit_id] : [row.organizer_unit_id],
    );
    const organizer = canOrganize(actor, ancestries.get(row.organizer_unit_id) ?? []);
    const owner = row.owner_unit_id ? canOrganize(actor, ancestries.get(row.owner_unit_id) ?? []) : false;
    if (!organizer && !owner) throw notFound();
    return row;
  }

  async function listFollowUps(actor: Actor | null, query: z.infer<typeof followUpListQuery>) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    const rows = await items.findItems(db, {
      unitIds,
      status: query.status,
      now: clock.now(),
      limit: query.limit,
      offset: query.offset,
    });
    return rows.map(item);
  }

  async function updateFollowUp(context: AuditContext, id: string, input: z.infer<typeof updateFollowUpBody>) {
    return db.transaction().execute(async (tx) => {
      const row = await load(tx, context.actor, id);
      if (row.answered_at) throw new AppError('conflict', 'follow_up_answered');
      if (input.ownerUnitId) {
        const ancestry = await getUnitAncestry(tx, input.ownerUnitId);
        if (ancestry.length === 0) throw invalidField('ownerUnitId', 'not_found');
      }
      await items.updateQuestion(tx, id, {
        ...(input.ownerUnitId && { owner_unit_id: input.ownerUnitId }),
        ...(input.dueAt && { due_at: new Date(input.dueAt) }),
      });
      await writeAudit(tx, context, {
        action: 'event.follow_up_updated',
        entityType: 'event_question',
        entityId: id,
        unitId: input.ownerUnitId ?? row.owner_unit_id,
        details: { ...input },
      });
      return item((await items.findItem(tx, id))!);
    });
  }

  /** Records the answer and publishes it to the event's participants. */
  async function answerFollowUp(context: AuditContext, id: string, input: z.infer<typeof answerBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    return db.transaction().execute(async (tx) => {
      const row = await load(tx, actor, id);
      if (row.answered_at) throw new AppError('conflict', 'follow_up_answered');
      await items.updateQuestion(tx, id, { answer: input.answer, answered_at: clock.now(), answered_by: actor.userId });
      await writeAudit(tx, context, {
        action: 'event.follow_up_answered',
        entityType: 'event_question',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { eventId: row.event_id },
      });
      const event = toMailEvent((await repo.findEvent(tx, row.event_id))!);
      const link = `${deps.publicBase}/app/events/${row.event_id}`;
      const users = await repo.findParticipantUsers(tx, row.event_id, row.enterprise_id);
      await queueDeliveries(
        tx,
        users.map((user) => ({
          key: `event:${row.event_id}:answer:${id}:${user.id}`,
          to: user.email,
          ...answerMail(event, user.locale, link, row.text, input.answer),
        })),
      );
      return item((await items.findItem(tx, id))!);
    });
  }

  /** Passes an item on to the question bank or the support desk (kept as a link and a status). */
  async function linkFollowUp(context: AuditContext, id: string, input: z.infer<typeof linkBody>) {
    return db.transaction().execute(async (tx) => {
      const row = await load(tx, context.actor, id);
      await items.updateQuestion(tx, id, {
        link_kind: input.kind,
        link_ref: input.ref,
        link_status: input.ref ? 'linked' : 'requested',
      });
      await writeAudit(tx, context, {
        action: 'event.follow_up_linked',
        entityType: 'event_question',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { kind: input.kind, ref: input.ref },
      });
      return item((await items.findItem(tx, id))!);
    });
  }

  /** Events held by unit and kind, participation, follow-up items open and overdue. */
  async function stats(actor: Actor | null, query: z.infer<typeof statsQuery>) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    const from = query.from ? startOfVietnamDay(query.from) : new Date('2000-01-01T00:00:00Z');
    const to = query.to ? startOfVietnamDay(addDays(query.to, 1)) : new Date('2100-01-01T00:00:00Z');
    const range = { from, to };
    const rows = await items.eventCounts(db, range, unitIds);
    const counts = await items.followUpCounts(db, range, unitIds, clock.now());
    return {
      rows: rows.map((r) => ({
        unit: { id: r.id, code: r.code, name: r.name_vi },
        kind: r.kind,
        events: Number(r.events),
        held: Number(r.held),
        registrations: Number(r.registrations),
        attended: Number(r.attended),
      })),
      followUps: { open: Number(counts.open), overdue: Number(counts.overdue), answered: Number(counts.answered) },
    };
  }

  return { listFollowUps, updateFollowUp, answerFollowUp, linkFollowUp, stats };
}
