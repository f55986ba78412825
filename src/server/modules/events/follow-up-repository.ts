// Queries for follow-up items (an event's questions with an owner and a
// deadline until answered) and the events' results by unit (Kysely and SQL only).
import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, EventQuestionsTable } from '../../db/schema.ts';
import { uuidList } from '../../db/uuid-list.ts';
import { questionQuery } from './repository.ts';

function itemQuery(db: Kysely<Database>) {
  return questionQuery(db)
    .innerJoin('events as e', 'e.id', 'q.event_id')
    .select(['e.title as event_title', 'e.starts_at as event_starts_at', 'e.organizer_unit_id'])
    .where('q.due_at', 'is not', null);
}
export type FollowUpRow = NonNullable<Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirst']>>>;

export function findItem(db: Kysely<Database>, id: string): Promise<FollowUpRow | undefined> {
  return itemQuery(db).where('q.id', '=', id).executeTakeFirst();
}

/** Items owned by, or of events organized by, the given units (null: all): open, overdue (at `now`) or answered. */
export function findItems(
  db: Kysely<Database>,
  filter: {
    unitIds: string[] | null;
    status: 'open' | 'overdue' | 'answered';
    now: Date;
    limit: number;
    offset: number;
  },
): Promise<FollowUpRow[]> {
  let q = itemQuery(db);
  const unitIds = filter.unitIds;
  if (unitIds)
    q = q.where((eb) =>
      eb.or([
        eb('q.owner_unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`),
        eb('e.organizer_unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`),
      ]),
    );
  if (filter.status === 'answered') q = q.where('q.answered_at', 'is not', null);
  else q = q.where('q.answered_at', 'is', null);
  if (filter.status === 'overdue') q = q.where('q.due_at', '<', filter.now);
  return q
    .orderBy(filter.status === 'answered' ? 'q.answered_at' : 'q.due_at', filter.status === 'answered' ? 'desc' : 'asc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function updateQuestion(
  db: Kysely<Database>,
  id: string,
  values: Updateable<EventQuestionsTable>,
): Promise<void> {
  await db.updateTable('event_questions').set(values).where('id', '=', id).execute();
}

/** Events starting in [from, to) by organizing unit and kind (cancelled ones left out), with registrations and attendance. */
export async function eventCounts(db: Kysely<Database>, range: { from: Date; to: Date }, unitIds: string[] | null) {
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
    .where('e.starts_at', '>=', range.from)
    .where('e.starts_at', '<', range.to)
    .where('e.status', '!=', 'cancelled')
    .groupBy(['u.id', 'u.code', 'u.name_vi', 'e.kind'])
    .orderBy('u.code')
    .orderBy('e.kind');
  if (unitIds) events = events.where('e.organizer_unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`);
  return events.execute();
}

/** Follow-up items of events starting in [from, to): open, overdue at `now`, answered. */
export async function followUpCounts(
  db: Kysely<Database>,
  range: { from: Date; to: Date },
  unitIds: string[] | null,
  now: Date,
) {
  let items = db
    .selectFrom('event_questions as q')
    .innerJoin('events as e', 'e.id', 'q.event_id')
    .select([
      sql<string>`count(*) filter (where q.answered_at is null)`.as('open'),
      sql<string>`count(*) filter (where q.answered_at is null and q.due_at < ${now})`.as('overdue'),
      sql<string>`count(*) filter (where q.answered_at is not null)`.as('answered'),
    ])
    .where('q.due_at', 'is not', null)
    .where('e.starts_at', '>=', range.from)
    .where('e.starts_at', '<', range.to);
  if (unitIds) items = items.where('e.organizer_unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`);
  return items.executeTakeFirstOrThrow();
}
