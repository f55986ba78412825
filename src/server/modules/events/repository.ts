// Kysely queries for events, registrations, questions and follow-up items.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { foldedLike } from '../../lib/search-text.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';
export const uuidList = (ids: readonly string[]) => sql.val(ids.length ? [...ids] : [NO_ID]);

export function eventQuery(db: Kysely<Database>) {
  return db
    .selectFrom('events as e')
    .innerJoin('units as u', 'u.id', 'e.organizer_unit_id')
    .select([
      'e.id',
      'e.kind',
      'e.title',
      'e.agenda',
      'e.organizer_unit_id',
      'e.place',
      'e.online_url',
      'e.starts_at',
      'e.ends_at',
      'e.capacity',
      'e.audience',
      'e.audience_unit_id',
      'e.audience_association_id',
      'e.status',
      'e.minutes',
      'e.minutes_at',
      'e.invitations_queued_at',
      'u.code as organizer_code',
      'u.name_vi as organizer_name',
      'u.name_en as organizer_name_en',
    ])
    .select((eb) => [
      eb.selectFrom('event_registrations as r').select((x) => x.fn.countAll<string>().as('n')).whereRef('r.event_id', '=', 'e.id').as('registered'),
      eb.selectFrom('event_registrations as r').select((x) => x.fn.countAll<string>().as('n')).whereRef('r.event_id', '=', 'e.id').where('r.checked_in_at', 'is not', null).as('checked_in'),
    ]);
}
export type EventRow = NonNullable<Awaited<ReturnType<ReturnType<typeof eventQuery>['executeTakeFirst']>>>;

export function findEvent(db: Kysely<Database>, id: string) {
  return eventQuery(db).where('e.id', '=', id).executeTakeFirst();
}

export interface EventFilter {
  when: 'upcoming' | 'past' | 'all';
  kind?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** What an enterprise is: where it is managed and which associations it belongs to. */
export async function findEnterpriseFacts(db: Kysely<Database>, enterpriseId: string) {
  const enterprise = await db.selectFrom('enterprises').select(['id', 'managing_unit_id', 'name', 'tax_code']).where('id', '=', enterpriseId).executeTakeFirst();
  const associations = await db.selectFrom('association_members').select('association_id').where('enterprise_id', '=', enterpriseId).execute();
  return { enterprise, associationIds: associations.map((a) => a.association_id) };
}

function filtered(db: Kysely<Database>, filter: EventFilter, now: Date) {
  let query = eventQuery(db);
  if (filter.when === 'upcoming') query = query.where('e.ends_at', '>=', now).where('e.status', '!=', 'cancelled');
  if (filter.when === 'past') query = query.where('e.ends_at', '<', now);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind as never);
  if (filter.q) query = query.where('e.search_text', 'like', foldedLike(filter.q));
  return query;
}

/** Events an enterprise may see: its audiences, and those it registered for. */
export function findEventsForEnterprise(db: Kysely<Database>, filter: EventFilter, now: Date, who: { enterpriseId: string; unitAncestry: string[]; associationIds: string[] }) {
  return filtered(db, filter, now)
    .where((eb) =>
      eb.or([
        eb('e.audience', '=', 'all'),
        eb.and([eb('e.audience', '=', 'branch'), eb('e.audience_unit_id', '=', sql<string>`any(${uuidList(who.unitAncestry)}::uuid[])`)]),
        eb.and([eb('e.audience', '=', 'association'), eb('e.audience_association_id', '=', sql<string>`any(${uuidList(who.associationIds)}::uuid[])`)]),
        eb.exists(eb.selectFrom('event_invitees as i').select('i.event_id').whereRef('i.event_id', '=', 'e.id').where('i.enterprise_id', '=', who.enterpriseId)),
        eb.exists(eb.selectFrom('event_registrations as r').select('r.id').whereRef('r.event_id', '=', 'e.id').where('r.enterprise_id', '=', who.enterpriseId)),
      ]),
    )
    .select((eb) => eb.exists(eb.selectFrom('event_registrations as r').select('r.id').whereRef('r.event_id', '=', 'e.id').where('r.enterprise_id', '=', who.enterpriseId)).as('mine'))
    .orderBy('e.starts_at', filter.when === 'past' ? 'desc' : 'asc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** Events organized by the given units (null: all). */
export function findEventsForUnits(db: Kysely<Database>, filter: EventFilter, now: Date, unitIds: string[] | null) {
  let query = filtered(db, filter, now);
  if (unitIds) query = query.where('e.organizer_unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`);
  return query
    .select(sql<boolean>`false`.as('mine'))
    .orderBy('e.starts_at', filter.when === 'past' ? 'desc' : 'asc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export function isInvited(db: Kysely<Database>, eventId: string, enterpriseId: string) {
  return db.selectFrom('event_invitees').select('event_id').where('event_id', '=', eventId).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}

export function findRegistration(db: Kysely<Database>, eventId: string, enterpriseId: string) {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}

export function findRegistrations(db: Kysely<Database>, eventId: string) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('enterprises as n', 'n.id', 'r.enterprise_id')
    .select(['r.id', 'r.attendee_name', 'r.registered_at', 'r.checked_in_at', 'n.tax_code', 'n.name'])
    .where('r.event_id', '=', eventId)
    .orderBy('n.name')
    .execute();
}

export function questionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('event_questions as q')
    .leftJoin('enterprises as n', 'n.id', 'q.enterprise_id')
    .leftJoin('units as o', 'o.id', 'q.owner_unit_id')
    .select([
      'q.id',
      'q.event_id',
      'q.enterprise_id',
      'q.text',
      'q.raised_at_event',
      'q.votes',
      'q.created_at',
      'q.owner_unit_id',
      'q.due_at',
      'q.answer',
      'q.answered_at',
      'q.link_kind',
      'q.link_ref',
      'q.link_status',
      'n.name as enterprise_name',
      'o.code as owner_code',
      'o.name_vi as owner_name',
    ]);
}
export type QuestionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof questionQuery>['executeTakeFirst']>>>;

export function findQuestions(db: Kysely<Database>, eventId: string) {
  return questionQuery(db).where('q.event_id', '=', eventId).orderBy('q.votes', 'desc').orderBy('q.created_at').execute();
}

export async function findVotedQuestionIds(db: Kysely<Database>, eventId: string, enterpriseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('event_question_votes as v')
    .innerJoin('event_questions as q', 'q.id', 'v.question_id')
    .select('v.question_id')
    .where('q.event_id', '=', eventId)
    .where('v.enterprise_id', '=', enterpriseId)
    .execute();
  return new Set(rows.map((r) => r.question_id));
}

/** Active users of the enterprises in an event's audience (for invitations). */
export function findAudienceUsers(db: Kysely<Database>, event: { id: string; audience: string; audience_unit_id: string | null; audience_association_id: string | null }, subtree: string[]) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('enterprises as n', 'n.id', 'u.enterprise_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('u.active', '=', true);
  if (event.audience === 'branch') query = query.where('n.managing_unit_id', '=', sql<string>`any(${uuidList(subtree)}::uuid[])`);
  if (event.audience === 'association')
    query = query.where((eb) => eb.exists(eb.selectFrom('association_members as m').select('m.enterprise_id').whereRef('m.enterprise_id', '=', 'n.id').where('m.association_id', '=', event.audience_association_id ?? NO_ID)));
  if (event.audience === 'invited') query = query.where((eb) => eb.exists(eb.selectFrom('event_invitees as i').select('i.enterprise_id').whereRef('i.enterprise_id', '=', 'n.id').where('i.event_id', '=', event.id)));
  return query.orderBy('u.email').execute();
}

/** Users of the registered enterprises, and of the enterprise that asked (for a published answer). */
export function findParticipantUsers(db: Kysely<Database>, eventId: string, askerEnterpriseId: string | null) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('u.enterprise_id', 'in', eb.selectFrom('event_registrations as r').select('r.enterprise_id').where('r.event_id', '=', eventId)),
        eb('u.enterprise_id', '=', askerEnterpriseId ?? NO_ID),
      ]),
    )
    .execute();
}
