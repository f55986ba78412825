// After the event: every question is a follow-up item with an owner and a
// deadline until it is answered; answers go to the participants; an item can
// be passed on to the question bank or the support desk; results by unit.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { FollowUpItem, answerBody, followUpListQuery, linkBody, statsQuery, updateFollowUpBody } from '../../../contracts/events.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { answerMail } from './mail.ts';
import { isOverdue } from './policy.ts';
import * as repo from './repository.ts';
import { toMailEvent } from './service.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { addDays, startOfVietnamDay } from '../../../contracts/vietnam-time.ts';

export function createFollowUpService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  function item(row: Awaited<ReturnType<typeof findItems>>[number]): FollowUpItem {
    return {
      id: row.id,
      eventId: row.event_id,
      eventTitle: row.event_title,
      eventStartsAt: row.event_starts_at.toISOString(),
      text: row.text,
      enterpriseName: row.enterprise_name,
      ownerUnit: row.owner_unit_id ? { id: row.owner_unit_id, code: row.owner_code ?? '', name: row.owner_name ?? '' } : null,
      dueAt: row.due_at?.toISOString() ?? null,
      overdue: isOverdue(row, clock.now()),
      answer: row.answer,
      answeredAt: row.answered_at?.toISOString() ?? null,
      link: row.link_kind ? { kind: row.link_kind, ref: row.link_ref, status: row.link_status ?? 'requested' } : null,
    };
  }

  function itemQuery(tx: Kysely<Database>) {
    return repo.questionQuery(tx).innerJoin('events as e', 'e.id', 'q.event_id').select(['e.title as event_title', 'e.starts_at as event_starts_at', 'e.organizer_unit_id']).where('q.due_at', 'is not', null);
  }
  function findItems(tx: Kysely<Database>, id: string) {
    return itemQuery(tx).where('q.id', '=', id).execute();
  }

  /** The item, if the actor organizes for its event's unit or owns it. */
  async function load(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const [row] = await findItems(tx, id);
    if (!row) throw notFound();
    const organizer = canOrganize(actor, await getUnitAncestry(tx, row.organizer_unit_id));
    const owner = row.owner_unit_id ? canOrganize(actor, await getUnitAncestry(tx, row.owner_unit_id)) : false;
    if (!organizer && !owner) throw notFound();
    return row;
  }

  async function listFollowUps(actor: Actor | null, query: z.infer<typeof followUpListQuery>) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    let q = itemQuery(db);
    if (unitIds) q = q.where((eb) => eb.or([eb('q.owner_unit_id', '=', sql<string>`any(${repo.uuidList(unitIds)}::uuid[])`), eb('e.organizer_unit_id', '=', sql<string>`any(${repo.uuidList(unitIds)}::uuid[])`)]));
    if (query.status === 'answered') q = q.where('q.answered_at', 'is not', null);
    else q = q.where('q.answered_at', 'is', null);
    if (query.status === 'overdue') q = q.where('q.due_at', '<', clock.now());
    const rows = await q.orderBy(query.status === 'answered' ? 'q.answered_at' : 'q.due_at', query.status === 'answered' ? 'desc' : 'asc').limit(query.limit).offset(query.offset).execute();
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
      await tx
        .updateTable('event_questions')
        .set({ ...(input.ownerUnitId && { owner_unit_id: input.ownerUnitId }), ...(input.dueAt && { due_at: new Date(input.dueAt) }) })
        .where('id', '=', id)
        .execute();
      await writeAudit(tx, context, { action: 'event.follow_up_updated', entityType: 'event_question', entityId: id, unitId: input.ownerUnitId ?? row.owner_unit_id, details: { ...input } });
      return item((await findItems(tx, id))[0]!);
    });
  }

  /** Records the answer and publishes it to the event's participants. */
  async function answerFollowUp(context: AuditContext, id: string, input: z.infer<typeof answerBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    return db.transaction().execute(async (tx) => {
      const row = await load(tx, actor, id);
      if (row.answered_at) throw new AppError('conflict', 'follow_up_answered');
      await tx.updateTable('event_questions').set({ answer: input.answer, answered_at: clock.now(), answered_by: actor.userId }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'event.follow_up_answered', entityType: 'event_question', entityId: id, unitId: row.owner_unit_id, details: { eventId: row.event_id } });
      const event = toMailEvent((await repo.findEvent(tx, row.event_id))!);
      const link = `${deps.publicBase}/app/events/${row.event_id}`;
      const users = await repo.findParticipantUsers(tx, row.event_id, row.enterprise_id);
      await queueDeliveries(
        tx,
        users.map((user) => ({ key: `event:${row.event_id}:answer:${id}:${user.id}`, to: user.email, ...answerMail(event, user.locale, link, row.text, input.answer) })),
      );
      return item((await findItems(tx, id))[0]!);
    });
  }

  /** Passes an item on to the question bank or the support desk (kept as a link and a status). */
  async function linkFollowUp(context: AuditContext, id: string, input: z.infer<typeof linkBody>) {
    return db.transaction().execute(async (tx) => {
      const row = await load(tx, context.actor, id);
      await tx.updateTable('event_questions').set({ link_kind: input.kind, link_ref: input.ref, link_status: input.ref ? 'linked' : 'requested' }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'event.follow_up_linked', entityType: 'event_question', entityId: id, unitId: row.owner_unit_id, details: { kind: input.kind, ref: input.ref } });
      return item((await findItems(tx, id))[0]!);
    });
  }

  /** Events held by unit and kind, participation, follow-up items open and overdue. */
  async function stats(actor: Actor | null, query: z.infer<typeof statsQuery>) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    const from = query.from ? startOfVietnamDay(query.from) : new Date('2000-01-01T00:00:00Z');
    const to = query.to ? startOfVietnamDay(addDays(query.to, 1)) : new Date('2100-01-01T00:00:00Z');
    let events = db
      .selectFrom('events as e')
      .innerJoin('units as u', 'u.id', 'e.organizer_unit_id')
      .leftJoin('event_registrations as r', 'r.event_id', 'e.id')
      .select([
        'u.id',
        'u.code',
        'u.name_vi',
        'e.kind',
        sql<string>`count(distinct e.id)`.as('events'),
        sql<string>`count(distinct e.id) filter (where e.status = 'held')`.as('held'),
        sql<string>`count(r.id)`.as('registrations'),
        sql<string>`count(r.checked_in_at)`.as('attended'),
      ])
      .where('e.starts_at', '>=', from)
      .where('e.starts_at', '<', to)
      .where('e.status', '!=', 'cancelled')
      .groupBy(['u.id', 'u.code', 'u.name_vi', 'e.kind'])
      .orderBy('u.code')
      .orderBy('e.kind');
    if (unitIds) events = events.where('e.organizer_unit_id', '=', sql<string>`any(${repo.uuidList(unitIds)}::uuid[])`);
    const rows = await events.execute();
    let items = db
      .selectFrom('event_questions as q')
      .innerJoin('events as e', 'e.id', 'q.event_id')
      .select([
        sql<string>`count(*) filter (where q.answered_at is null)`.as('open'),
        sql<string>`count(*) filter (where q.answered_at is null and q.due_at < ${clock.now()})`.as('overdue'),
        sql<string>`count(*) filter (where q.answered_at is not null)`.as('answered'),
      ])
      .where('q.due_at', 'is not', null)
      .where('e.starts_at', '>=', from)
      .where('e.starts_at', '<', to);
    if (unitIds) items = items.where('e.organizer_unit_id', '=', sql<string>`any(${repo.uuidList(unitIds)}::uuid[])`);
    const counts = await items.executeTakeFirstOrThrow();
    return {
      rows: rows.map((r) => ({ unit: { id: r.id, code: r.code, name: r.name_vi }, kind: r.kind, events: Number(r.events), held: Number(r.held), registrations: Number(r.registrations), attended: Number(r.attended) })),
      followUps: { open: Number(counts.open), overdue: Number(counts.overdue), answered: Number(counts.answered) },
    };
  }

  return { listFollowUps, updateFollowUp, answerFollowUp, linkFollowUp, stats };
}
