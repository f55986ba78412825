// Kysely queries for events, registrations and questions (follow-up items:
// follow-up-repository.ts; dialogue requests: dialogue-repository.ts).
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, EventQuestionsTable, EventsTable } from '../../db/schema.ts';
import { NO_ID, uuidList } from '../../db/uuid-list.ts';
import { foldedLike } from '../../lib/search-text.ts';

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
      eb
        .selectFrom('event_registrations as r')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('r.event_id', '=', 'e.id')
        .as('registered'),
      eb
        .selectFrom('event_registrations as r')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('r.event_id', '=', 'e.id')
        .where('r.checked_in_at', 'is not', null)
        .as('checked_in'),
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
  const enterprise = await db
    .selectFrom('enterprises')
    .select(['id', 'managing_unit_id', 'name', 'tax_code'])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  const associations = await db
    .selectFrom('association_members')
    .select('association_id')
    .where('enterprise_id', '=', enterpriseId)
    .execute();
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
export function findEventsForEnterprise(
  db: Kysely<Database>,
  filter: EventFilter,
  now: Date,
  who: { enterpriseId: string; unitAncestry: string[]; associationIds: string[] },
) {
  return filtered(db, filter, now)
    .where((eb) =>
      eb.or([
        eb('e.audience', '=', 'all'),
        eb.and([
          eb('e.audience', '=', 'branch'),
          eb('e.audience_unit_id', '=', sql<string>`any(${uuidList(who.unitAncestry)}::uuid[])`),
        ]),
        eb.and([
          eb('e.audience', '=', 'association'),
          eb('e.audience_association_id', '=', sql<string>`any(${uuidList(who.associationIds)}::uuid[])`),
        ]),
        eb.exists(
          eb
            .selectFrom('event_invitees as i')
            .select('i.event_id')
            .whereRef('i.event_id', '=', 'e.id')
            .where('i.enterprise_id', '=', who.enterpriseId),
        ),
        eb.exists(
          eb
            .selectFrom('event_registrations as r')
            .select('r.id')
            .whereRef('r.event_id', '=', 'e.id')
            .where('r.enterprise_id', '=', who.enterpriseId),
        ),
      ]),
    )
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('event_registrations as r')
            .select('r.id')
            .whereRef('r.event_id', '=', 'e.id')
            .where('r.enterprise_id', '=', who.enterpriseId),
        )
        .as('mine'),
    )
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
  return db
    .selectFrom('event_invitees')
    .select('event_id')
    .where('event_id', '=', eventId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

export function findRegistration(db: Kysely<Database>, eventId: string, enterpriseId: string) {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
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
  return questionQuery(db)
    .where('q.event_id', '=', eventId)
    .orderBy('q.votes', 'desc')
    .orderBy('q.created_at')
    .execute();
}

export async function findVotedQuestionIds(
  db: Kysely<Database>,
  eventId: string,
  enterpriseId: string,
): Promise<Set<string>> {
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
export function findAudienceUsers(
  db: Kysely<Database>,
  event: { id: string; audience: string; audience_unit_id: string | null; audience_association_id: string | null },
  subtree: string[],
) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('enterprises as n', 'n.id', 'u.enterprise_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('u.active', '=', true);
  if (event.audience === 'branch')
    query = query.where('n.managing_unit_id', '=', sql<string>`any(${uuidList(subtree)}::uuid[])`);
  if (event.audience === 'association')
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('association_members as m')
          .select('m.enterprise_id')
          .whereRef('m.enterprise_id', '=', 'n.id')
          .where('m.association_id', '=', event.audience_association_id ?? NO_ID),
      ),
    );
  if (event.audience === 'invited')
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_invitees as i')
          .select('i.enterprise_id')
          .whereRef('i.enterprise_id', '=', 'n.id')
          .where('i.event_id', '=', event.id),
      ),
    );
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
        eb(
          'u.enterprise_id',
          'in',
          eb.selectFrom('event_registrations as r').select('r.enterprise_id').where('r.event_id', '=', eventId),
        ),
        eb('u.enterprise_id', '=', askerEnterpriseId ?? NO_ID),
      ]),
    )
    .execute();
}

// ---- Publishing

export async function findUnit(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').select(['id', 'kind', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function unitExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function associationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('associations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findEnterprisesByTaxCodes(db: Kysely<Database>, taxCodes: string[]) {
  return db.selectFrom('enterprises').select(['id', 'tax_code']).where('tax_code', 'in', taxCodes).execute();
}

export async function findEnterpriseIdByTaxCode(db: Kysely<Database>, taxCode: string): Promise<string | undefined> {
  return (await db.selectFrom('enterprises').select('id').where('tax_code', '=', taxCode).executeTakeFirst())?.id;
}

export async function insertEvent(db: Kysely<Database>, values: Insertable<EventsTable>): Promise<string> {
  return (await db.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function addInvitees(db: Kysely<Database>, eventId: string, enterpriseIds: string[]): Promise<void> {
  if (enterpriseIds.length)
    await db
      .insertInto('event_invitees')
      .values(enterpriseIds.map((enterprise_id) => ({ event_id: eventId, enterprise_id })))
      .execute();
}

export async function updateEvent(db: Kysely<Database>, id: string, values: Updateable<EventsTable>): Promise<void> {
  await db.updateTable('events').set(values).where('id', '=', id).execute();
}

/** Serializes registrations for one event (capacity holds under concurrency). */
export async function lockEvent(db: Kysely<Database>, id: string): Promise<void> {
  await db.selectFrom('events').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findEventsByIds(db: Kysely<Database>, ids: string[]) {
  return eventQuery(db).where('e.id', 'in', ids).orderBy('e.starts_at').execute();
}

/** Published events starting in (now, until] whose invitations have not been queued. */
export async function findEventsToInvite(
  db: Kysely<Database>,
  now: Date,
  until: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('status', '=', 'published')
    .where('invitations_queued_at', 'is', null)
    .where('starts_at', '>', now)
    .where('starts_at', '<=', until)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Registrations of published events starting in (now, until] with no reminder queued yet (by its delivery key). */
export async function findRemindersDue(db: Kysely<Database>, now: Date, until: Date, limit: number) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id as registration_id', 'e.id as event_id', 'u.email', 'u.locale'])
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', now)
    .where('e.starts_at', '<=', until)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mail_deliveries as d')
            .select('d.id')
            .where('d.key', '=', sql<string>`'event:' || e.id || ':reminder:' || r.id`),
        ),
      ),
    )
    .limit(limit)
    .execute();
}

export async function findUnitRef(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').select(['code', 'name_vi']).where('id', '=', id).executeTakeFirst();
}

export async function findAssociationName(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('associations').select('name_vi').where('id', '=', id).executeTakeFirst())?.name_vi;
}

// ---- Taking part

export async function insertRegistration(
  db: Kysely<Database>,
  values: { eventId: string; enterpriseId: string; userId: string; attendeeName: string; token: string },
): Promise<string> {
  const row = await db
    .insertInto('event_registrations')
    .values({
      event_id: values.eventId,
      enterprise_id: values.enterpriseId,
      user_id: values.userId,
      attendee_name: values.attendeeName,
      token: values.token,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertQuestion(db: Kysely<Database>, values: Insertable<EventQuestionsTable>): Promise<string> {
  return (await db.insertInto('event_questions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findQuestionHead(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('event_questions')
    .select(['id', 'event_id', 'enterprise_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One vote per enterprise: false when it had voted already. */
export async function addVote(db: Kysely<Database>, questionId: string, enterpriseId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('event_question_votes')
    .values({ question_id: questionId, enterprise_id: enterpriseId })
    .onConflict((oc) => oc.doNothing())
    .returning('question_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('event_questions')
    .set({ votes: sql<number>`votes + 1` })
    .where('id', '=', questionId)
    .execute();
  return true;
}

/** A registration of the event by its QR token or its id, locked. */
export async function lockRegistration(
  db: Kysely<Database>,
  eventId: string,
  by: { token: string } | { registrationId: string },
) {
  let query = db
    .selectFrom('event_registrations')
    .select(['id', 'checked_in_at', 'enterprise_id'])
    .where('event_id', '=', eventId);
  query = 'token' in by ? query.where('token', '=', by.token) : query.where('id', '=', by.registrationId);
  return query.forUpdate().executeTakeFirst();
}

export async function checkIn(db: Kysely<Database>, registrationId: string, at: Date, byUserId: string): Promise<void> {
  await db
    .updateTable('event_registrations')
    .set({ checked_in_at: at, checked_in_by: byUserId })
    .where('id', '=', registrationId)
    .execute();
}

/** Minutes: every open question of the event becomes a follow-up item of `ownerUnitId`, due at `dueAt`; returns how many. */
export async function openFollowUps(
  db: Kysely<Database>,
  eventId: string,
  ownerUnitId: string,
  dueAt: Date,
): Promise<number> {
  const items = await db
    .updateTable('event_questions')
    .set({ owner_unit_id: ownerUnitId, due_at: dueAt })
    .where('event_id', '=', eventId)
    .where('due_at', 'is', null)
    .where('answered_at', 'is', null)
    .returning('id')
    .execute();
  return items.length;
}
