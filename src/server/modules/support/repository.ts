// Support-desk queries (Kysely only): requests, their conversation, events,
// followers and attachments, service levels, canned answers. The inbox of mail
// is in inbox-repository.ts, the dashboard's figures in dashboard-repository.ts.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, SupportAttachmentsTable, SupportRequestsTable } from '../../db/schema.ts';
import { serviceLevel, type ServiceLevel } from './policy.ts';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { Priority } from '../../../contracts/support.ts';

export type RequestRow = Selectable<SupportRequestsTable>;

export async function nextNumber(db: Kysely<Database>, now: Date): Promise<string> {
  const row = await sql<{ n: number }>`select nextval('support_request_number_seq')::int as n`.execute(db);
  return `HT${String(now.getUTCFullYear()).slice(2)}-${String(row.rows[0]!.n).padStart(6, '0')}`;
}

export async function findRequest(
  db: Kysely<Database>,
  id: string,
  forUpdate = false,
): Promise<RequestRow | undefined> {
  let query = db.selectFrom('support_requests').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findUnit(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'kind', 'name_vi', 'name_en', 'parent_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The team that owns a category at a branch: the configured route, else the branch's first active team, else the branch. */
export async function routeTeam(db: Kysely<Database>, branchId: string, category: string): Promise<string> {
  const route = await db
    .selectFrom('support_routes')
    .select('team_unit_id')
    .where('branch_unit_id', '=', branchId)
    .where('category', '=', category)
    .executeTakeFirst();
  if (route) return route.team_unit_id;
  const team = await db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', branchId)
    .where('kind', '=', 'team')
    .where('status', '=', 'active')
    .orderBy('code')
    .executeTakeFirst();
  return team?.id ?? branchId;
}

/** Records what happened to a request; returns the event's id (mail about it is keyed by it). */
export async function addEvent(
  db: Kysely<Database>,
  requestId: string,
  at: Date,
  action: string,
  actorUserId: string | null,
  details: Record<string, unknown> = {},
): Promise<number> {
  const row = await db
    .insertInto('support_events')
    .values({ request_id: requestId, at, action, actor_user_id: actorUserId, details: JSON.stringify(details) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRequest(
  db: Kysely<Database>,
  values: Insertable<SupportRequestsTable>,
): Promise<RequestRow> {
  return db.insertInto('support_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateRequest(
  db: Kysely<Database>,
  id: string,
  values: Updateable<SupportRequestsTable>,
): Promise<void> {
  await db.updateTable('support_requests').set(values).where('id', '=', id).execute();
}

/** A request by its number ([HT26-000123] in a mail's subject). */
export async function findRequestByNumber(
  db: Kysely<Database>,
  number: string,
  forUpdate = false,
): Promise<RequestRow | undefined> {
  let query = db.selectFrom('support_requests').selectAll().where('number', '=', number);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Open requests past their escalation time, locked (others' are skipped: safe from several processes). */
export async function findEscalationsDue(db: Kysely<Database>, now: Date, limit: number): Promise<RequestRow[]> {
  return db
    .selectFrom('support_requests')
    .selectAll()
    .where('status', 'in', ['open', 'in_progress'])
    .where('paused_at', 'is', null)
    .where('escalation_due_at', '<=', now)
    .orderBy('escalation_due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function isAssociationMember(
  db: Kysely<Database>,
  associationId: string,
  enterpriseId: string,
): Promise<boolean> {
  return (
    (await db
      .selectFrom('association_members')
      .select('enterprise_id')
      .where('association_id', '=', associationId)
      .where('enterprise_id', '=', enterpriseId)
      .executeTakeFirst()) !== undefined
  );
}

export async function isBrokerClient(db: Kysely<Database>, brokerId: string, enterpriseId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('broker_clients')
      .select('enterprise_id')
      .where('broker_id', '=', brokerId)
      .where('enterprise_id', '=', enterpriseId)
      .executeTakeFirst()) !== undefined
  );
}

export async function findUserLocale(db: Kysely<Database>, userId: string): Promise<'vi' | 'en' | undefined> {
  return (await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst())?.locale;
}

/** A user's role grants (whether an assignee fits the request's team). */
export async function findRoleGrants(db: Kysely<Database>, userId: string) {
  return db.selectFrom('user_roles').select(['role', 'unit_id']).where('user_id', '=', userId).execute();
}

export async function addFollower(db: Kysely<Database>, requestId: string, userId: string): Promise<void> {
  await db
    .insertInto('support_followers')
    .values({ request_id: requestId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeFollower(db: Kysely<Database>, requestId: string, userId: string): Promise<void> {
  await db.deleteFrom('support_followers').where('request_id', '=', requestId).where('user_id', '=', userId).execute();
}

export async function addAttachment(db: Kysely<Database>, values: Insertable<SupportAttachmentsTable>) {
  return db
    .insertInto('support_attachments')
    .values(values)
    .returning(['id', 'file_name', 'content_type', 'size_bytes', 'internal', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** The public answers customs gave, oldest first. */
export async function findPublicAnswers(db: Kysely<Database>, requestId: string) {
  return db
    .selectFrom('support_messages')
    .select('body')
    .where('request_id', '=', requestId)
    .where('kind', '=', 'public')
    .where('from_business', '=', false)
    .orderBy('id')
    .execute();
}

export async function hasPublicAnswer(db: Kysely<Database>, requestId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('support_messages')
      .select('id')
      .where('request_id', '=', requestId)
      .where('kind', '=', 'public')
      .where('from_business', '=', false)
      .executeTakeFirst()) !== undefined
  );
}

export async function findCannedAnswers(db: Kysely<Database>) {
  return db
    .selectFrom('support_canned_answers')
    .select(['id', 'title', 'body', 'category'])
    .orderBy('title')
    .limit(500)
    .execute();
}

export async function insertCannedAnswer(
  db: Kysely<Database>,
  values: { title: string; body: string; category: QaCategory | null; createdByUserId: string },
) {
  return db
    .insertInto('support_canned_answers')
    .values({
      title: values.title,
      body: values.body,
      category: values.category,
      created_by_user_id: values.createdByUserId,
    })
    .returning(['id', 'title', 'body', 'category'])
    .executeTakeFirstOrThrow();
}

/** Teams a request can be transferred to: every active team. */
export async function findActiveTeams(db: Kysely<Database>) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi'])
    .where('kind', '=', 'team')
    .where('status', '=', 'active')
    .orderBy('code')
    .limit(5000)
    .execute();
}

export async function addMessage(
  db: Kysely<Database>,
  values: {
    requestId: string;
    kind: 'public' | 'internal' | 'system';
    fromBusiness: boolean;
    authorUserId: string | null;
    authorName: string;
    body: string;
    at: Date;
  },
) {
  return db
    .insertInto('support_messages')
    .values({
      request_id: values.requestId,
      kind: values.kind,
      from_business: values.fromBusiness,
      author_user_id: values.authorUserId,
      author_name: values.authorName,
      body: values.body,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Messages of a request; a business never gets internal notes from here. */
export async function findMessages(db: Kysely<Database>, requestId: string, includeInternal: boolean) {
  let query = db
    .selectFrom('support_messages')
    .select(['id', 'kind', 'from_business', 'author_name', 'body', 'created_at'])
    .where('request_id', '=', requestId);
  if (!includeInternal) query = query.where('kind', '!=', 'internal');
  return query.orderBy('id').execute();
}

export async function findAttachments(db: Kysely<Database>, requestId: string, includeInternal: boolean) {
  let query = db
    .selectFrom('support_attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'internal', 'created_at', 'storage_key'])
    .where('request_id', '=', requestId);
  if (!includeInternal) query = query.where('internal', '=', false);
  return query.orderBy('created_at').execute();
}

export async function findEvents(db: Kysely<Database>, requestId: string) {
  return db
    .selectFrom('support_events')
    .select(['at', 'action', 'details'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export interface ListFilter {
  unitIds: string[] | null;
  business: { userId: string; enterpriseId: string | null; associationId: string | null } | null;
  status?: string | undefined;
  category?: string | undefined;
  assigneeUserId?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listRequests(db: Kysely<Database>, filter: ListFilter) {
  let query = db
    .selectFrom('support_requests as r')
    .innerJoin('units as t', 't.id', 'r.team_unit_id')
    .leftJoin('enterprises as e', 'e.id', 'r.enterprise_id');
  if (filter.business) {
    const b = filter.business;
    query = query.where((eb) =>
      eb.or([
        eb('r.requester_user_id', '=', b.userId),
        ...(b.enterpriseId ? [eb('r.enterprise_id', '=', b.enterpriseId)] : []),
        ...(b.associationId ? [eb('r.association_id', '=', b.associationId)] : []),
      ]),
    );
  } else if (filter.unitIds) {
    const ids = filter.unitIds;
    if (ids.length === 0) return { rows: [], total: 0 };
    query = query.where((eb) =>
      eb.or([eb('r.team_unit_id', 'in', ids), eb('r.handler_unit_id', 'in', ids), eb('r.branch_unit_id', 'in', ids)]),
    );
  }
  if (filter.status) query = query.where('r.status', '=', filter.status as RequestRow['status']);
  if (filter.category) query = query.where('r.category', '=', filter.category);
  if (filter.assigneeUserId) query = query.where('r.assignee_user_id', '=', filter.assigneeUserId);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('r.number', 'ilike', like), eb('r.subject', 'ilike', like), eb('e.tax_code', 'like', like)]),
    );
  }
  const rows = await query
    .select([
      'r.id',
      'r.number',
      'r.subject',
      'r.category',
      'r.priority',
      'r.channel',
      'r.status',
      'r.requester_name',
      'e.name as enterprise_name',
      't.code as team_code',
      'r.created_at',
      'r.resolution_due',
      'r.resolved_at',
      'r.paused_at',
      'r.business_unread',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('r.created_at', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: rows[0]?.total ?? 0 };
}

export type RequestListRow = Awaited<ReturnType<typeof listRequests>>['rows'][number];

export async function findEnterpriseByTaxCode(db: Kysely<Database>, taxCode: string) {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'managing_unit_id'])
    .where('tax_code', '=', taxCode)
    .executeTakeFirst();
}

export async function findEnterprise(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'tax_code', 'managing_unit_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** E-mail addresses of the officers following a request and its assignee. */
export async function staffRecipients(db: Kysely<Database>, request: RequestRow, exceptUserId: string | null) {
  const ids = await db.selectFrom('support_followers').select('user_id').where('request_id', '=', request.id).execute();
  const wanted = new Set(ids.map((row) => row.user_id));
  if (request.assignee_user_id) wanted.add(request.assignee_user_id);
  if (exceptUserId) wanted.delete(exceptUserId);
  if (wanted.size === 0) return [];
  return db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('id', 'in', [...wanted])
    .where('active', '=', true)
    .execute();
}

/** People holding a role at a unit (escalation notices). */
export async function usersWithRoleAt(db: Kysely<Database>, unitId: string, role: string) {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.email', 'u.locale'])
    .where('r.unit_id', '=', unitId)
    .where('r.role', '=', role)
    .where('u.active', '=', true)
    .execute();
}

/** The service level in force for a category and priority (the table; the built-in targets if a row is missing). */
export async function findServiceLevel(
  db: Kysely<Database>,
  category: QaCategory,
  priority: Priority,
): Promise<ServiceLevel> {
  const row = await db
    .selectFrom('support_service_levels')
    .select(['calendar', 'first_response_minutes', 'resolution_minutes'])
    .where('category', '=', category)
    .where('priority', '=', priority)
    .executeTakeFirst();
  return row
    ? {
        calendar: row.calendar,
        firstResponseMinutes: row.first_response_minutes,
        resolutionMinutes: row.resolution_minutes,
      }
    : serviceLevel(category, priority);
}

// ---- What the detail of a request shows beside the request itself (mapper.ts)

/**
 * Everything the detail of a request shows beside the row. A business's view
 * loads no internal note, no internal attachment and nothing of the handling.
 */
export async function findDetailParts(
  db: Kysely<Database>,
  row: RequestRow,
  staff: boolean,
  userId: string | null,
): Promise<DetailParts> {
  const units = await findUnitsByIds(db, [...new Set([row.branch_unit_id, row.team_unit_id, row.handler_unit_id])]);
  const enterprise = row.enterprise_id ? await findEnterprise(db, row.enterprise_id) : undefined;
  const messages = await findMessages(db, row.id, staff);
  const attachments = await findAttachments(db, row.id, staff);
  const mergedIntoNumber = row.merged_into_id ? await findRequestNumber(db, row.merged_into_id) : undefined;
  const parts: DetailParts = { units, enterprise, messages, attachments, mergedIntoNumber, handling: null };
  if (!staff) return parts;
  parts.handling = {
    events: await findEvents(db, row.id),
    assigneeName: row.assignee_user_id ? await findUserName(db, row.assignee_user_id) : undefined,
    following: userId ? await isFollowing(db, row.id, userId) : false,
    draftEntryId: await findDraftEntryId(db, row.id),
  };
  return parts;
}

export interface DetailParts {
  units: Awaited<ReturnType<typeof findUnitsByIds>>;
  enterprise: Awaited<ReturnType<typeof findEnterprise>>;
  messages: Awaited<ReturnType<typeof findMessages>>;
  attachments: Awaited<ReturnType<typeof findAttachments>>;
  mergedIntoNumber: string | undefined;
  /** Staff only. */
  handling: {
    events: Awaited<ReturnType<typeof findEvents>>;
    assigneeName: string | undefined;
    following: boolean;
    draftEntryId: string | null;
  } | null;
}

export function findUnitsByIds(db: Kysely<Database>, ids: string[]) {
  return db.selectFrom('units').select(['id', 'code', 'name_vi']).where('id', 'in', ids).execute();
}

async function findRequestNumber(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('support_requests').select('number').where('id', '=', id).executeTakeFirst())?.number;
}

async function findUserName(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('full_name').where('id', '=', id).executeTakeFirst())?.full_name;
}

async function isFollowing(db: Kysely<Database>, requestId: string, userId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('support_followers')
      .select('user_id')
      .where('request_id', '=', requestId)
      .where('user_id', '=', userId)
      .executeTakeFirst()) !== undefined
  );
}

export async function findDraftEntryId(db: Kysely<Database>, requestId: string): Promise<string | null> {
  return (
    (await db.selectFrom('qa_entries').select('id').where('source_request_id', '=', requestId).executeTakeFirst())
      ?.id ?? null
  );
}

/** The business's rating of the answer (read back only for the business: see mapper.ts). */
export async function setRating(
  db: Kysely<Database>,
  id: string,
  rating: { helpful: boolean; fast: boolean; comment: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('support_requests')
    .set({
      rating_helpful: rating.helpful,
      rating_fast: rating.fast,
      rating_comment: rating.comment,
      rated_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

// ---- Service levels as the General Department sets them (service-levels.ts)

export function serviceLevelQuery(db: Kysely<Database>) {
  return db
    .selectFrom('support_service_levels as l')
    .leftJoin('users as u', 'u.id', 'l.updated_by_user_id')
    .select([
      'l.category',
      'l.priority',
      'l.calendar',
      'l.first_response_minutes',
      'l.resolution_minutes',
      'l.updated_at',
      'u.full_name',
    ]);
}
export type ServiceLevelRow = Awaited<ReturnType<ReturnType<typeof serviceLevelQuery>['execute']>>[number];

export async function findServiceLevels(db: Kysely<Database>): Promise<ServiceLevelRow[]> {
  return serviceLevelQuery(db).orderBy('l.category').orderBy('l.priority').execute();
}

export async function findServiceLevelRow(
  db: Kysely<Database>,
  category: QaCategory,
  priority: Priority,
): Promise<ServiceLevelRow> {
  return serviceLevelQuery(db)
    .where('l.category', '=', category)
    .where('l.priority', '=', priority)
    .executeTakeFirstOrThrow();
}

export async function lockServiceLevel(db: Kysely<Database>, category: QaCategory, priority: Priority) {
  return db
    .selectFrom('support_service_levels')
    .selectAll()
    .where('category', '=', category)
    .where('priority', '=', priority)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateServiceLevel(
  db: Kysely<Database>,
  category: QaCategory,
  priority: Priority,
  values: ServiceLevel & { updatedByUserId: string; at: Date },
): Promise<void> {
  await db
    .updateTable('support_service_levels')
    .set({
      calendar: values.calendar,
      first_response_minutes: values.firstResponseMinutes,
      resolution_minutes: values.resolutionMinutes,
      updated_by_user_id: values.updatedByUserId,
      updated_at: values.at,
    })
    .where('category', '=', category)
    .where('priority', '=', priority)
    .execute();
}
