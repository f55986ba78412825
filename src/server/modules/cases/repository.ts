import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export function caseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('flag_cases as c')
    .innerJoin('units as su', 'su.id', 'c.subject_unit_id')
    .innerJoin('units as hu', 'hu.id', 'c.handler_unit_id')
    .leftJoin('officers as o', 'o.id', 'c.subject_officer_id')
    .leftJoin('assessment_ratings as r', 'r.id', 'c.rating_id')
    .select([
      'c.id',
      'c.number',
      'c.kinds',
      'c.status',
      'c.subject_kind',
      'c.subject_unit_id',
      'c.subject_officer_id',
      'c.handler_unit_id',
      'c.handler_role',
      'c.escalation_level',
      'c.opened_at',
      'c.due_at',
      'c.substantiated',
      'c.responsible_unit_id',
      'c.responsible_officer_id',
      'c.measure',
      'c.finding_note',
      'c.resolved_at',
      'c.handling_stars',
      'c.assessment_id',
      'su.code as subject_unit_code',
      'su.name_vi as subject_unit_name',
      'hu.code as handler_unit_code',
      'o.code as officer_code',
      'o.full_name as officer_name',
      'r.stars',
      'r.reason',
      'r.subject_ref',
    ]);
}

export type CaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirst']>>>;

export function findCase(db: Kysely<Database>, id: string) {
  return caseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export async function findCases(
  db: Kysely<Database>,
  filter: {
    handlerUnitIds: string[] | null;
    roles: string[];
    excludeOfficerId: string | null;
    status?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let query = caseQuery(db).where('c.handler_role', 'in', filter.roles);
  if (filter.handlerUnitIds)
    query = query.where(
      'c.handler_unit_id',
      '=',
      sql<string>`any(${sql.val(filter.handlerUnitIds.length ? filter.handlerUnitIds : ['00000000-0000-0000-0000-000000000000'])}::uuid[])`,
    );
  if (filter.excludeOfficerId) {
    const id = filter.excludeOfficerId;
    query = query.where((eb) => eb.or([eb('c.subject_officer_id', 'is', null), eb('c.subject_officer_id', '!=', id)]));
  }
  if (filter.status) query = query.where('c.status', '=', filter.status as 'open');
  return query.orderBy('c.due_at').limit(filter.limit).offset(filter.offset).execute();
}

export function findEvents(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('flag_case_events')
    .select(['at', 'action'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function addEvent(
  db: Kysely<Database>,
  caseId: string,
  action: string,
  at: Date,
  actorUserId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insertInto('flag_case_events')
    .values({ case_id: caseId, action, at, actor_user_id: actorUserId, details: JSON.stringify(details) })
    .execute();
}

export function findIdentity(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('declarations as d', 'd.id', 'a.declaration_id')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .leftJoin('enterprises as b', 'b.id', 'd.declarant_id')
    .select([
      'd.number',
      'd.rating_token',
      'e.id as enterprise_id',
      'e.tax_code',
      'e.name',
      'b.tax_code as declarant_tax_code',
      'b.name as declarant_name',
    ])
    .where('a.id', '=', assessmentId)
    .executeTakeFirstOrThrow();
}

export function findEnterpriseEmails(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('enterprise_id', '=', enterpriseId)
    .where('active', '=', true)
    .execute();
}

export function findOverdue(db: Kysely<Database>, now: Date, limit: number) {
  return db
    .selectFrom('flag_cases as c')
    .innerJoin('units as h', 'h.id', 'c.handler_unit_id')
    .leftJoin('units as p', 'p.id', 'h.parent_id')
    .select([
      'c.id',
      'c.number',
      'c.handler_unit_id',
      'c.handler_role',
      'c.escalation_level',
      'h.kind as handler_kind',
      'p.id as parent_id',
      'p.kind as parent_kind',
    ])
    .where('c.status', '!=', 'resolved')
    .where('c.due_at', '<', now)
    .orderBy('c.due_at')
    .limit(limit)
    .forUpdate('c')
    .skipLocked()
    .execute();
}

/** A case opened by the assessment of this declaration, by its number. */
export function findCaseOfDeclaration(db: Kysely<Database>, declarationId: number, caseNumber: string) {
  return db
    .selectFrom('flag_cases as c')
    .innerJoin('assessments as a', 'a.id', 'c.assessment_id')
    .select(['c.id', 'c.status', 'c.handler_unit_id'])
    .where('a.declaration_id', '=', declarationId)
    .where('c.number', '=', caseNumber)
    .executeTakeFirst();
}

export async function setHandlingRating(
  db: Kysely<Database>,
  caseId: string,
  stars: number,
  comment: string | null,
): Promise<void> {
  await db
    .updateTable('flag_cases')
    .set({ handling_stars: stars, handling_comment: comment })
    .where('id', '=', caseId)
    .execute();
}

export async function unitExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function officerExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('officers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Records the finding; the business is notified in the same transaction (a sealed mail queued with it). */
export async function resolveCase(
  db: Kysely<Database>,
  id: string,
  finding: {
    substantiated: boolean;
    responsibleUnitId?: string | null | undefined;
    responsibleOfficerId?: string | null | undefined;
    measure: string;
    note?: string | null | undefined;
    resolvedBy: string;
    now: Date;
  },
): Promise<void> {
  await db
    .updateTable('flag_cases')
    .set({
      status: 'resolved',
      substantiated: finding.substantiated,
      responsible_unit_id: finding.responsibleUnitId ?? null,
      responsible_officer_id: finding.responsibleOfficerId ?? null,
      measure: finding.measure,
      finding_note: finding.note ?? null,
      resolved_at: finding.now,
      resolved_by_user_id: finding.resolvedBy,
      enterprise_notified_at: finding.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function setCaseStatus(
  db: Kysely<Database>,
  id: string,
  status: 'open' | 'in_review' | 'resolved',
): Promise<void> {
  await db.updateTable('flag_cases').set({ status }).where('id', '=', id).execute();
}

export async function escalateCase(
  db: Kysely<Database>,
  id: string,
  to: { unitId: string; role: string; level: number; dueAt: Date },
): Promise<void> {
  await db
    .updateTable('flag_cases')
    .set({ handler_unit_id: to.unitId, handler_role: to.role, escalation_level: to.level, due_at: to.dueAt })
    .where('id', '=', id)
    .execute();
}
