import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface RatingValues {
  subjectKind: 'branch' | 'team' | 'stage' | 'officer';
  subjectRef: string;
  unitId: string;
  officerId: string | null;
  stars: number;
  reason: string | null;
  flags: string[];
}

export function findAssessmentByDeclaration(db: Kysely<Database>, declarationId: number) {
  return db.selectFrom('assessments').selectAll().where('declaration_id', '=', declarationId).executeTakeFirst();
}

/** Inserts unless the declaration already has one (then returns undefined). */
export function insertAssessment(
  db: Kysely<Database>,
  values: { declarationId: number; enterpriseId: string; userId: string | null; via: 'link' | 'app' | 'api'; comment: string | null; now: Date; editableUntil: Date },
) {
  return db
    .insertInto('assessments')
    .values({
      declaration_id: values.declarationId,
      enterprise_id: values.enterpriseId,
      submitted_by_user_id: values.userId,
      submitted_via: values.via,
      comment: values.comment,
      created_at: values.now,
      updated_at: values.now,
      editable_until: values.editableUntil,
    })
    .onConflict((oc) => oc.column('declaration_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateAssessment(db: Kysely<Database>, id: number, values: { comment: string | null; now: Date }) {
  await db
    .updateTable('assessments')
    .set({ comment: values.comment, updated_at: values.now, revision: sql`revision + 1` })
    .where('id', '=', id)
    .execute();
}

export function insertRatings(db: Kysely<Database>, assessmentId: number, ratings: RatingValues[]) {
  return db
    .insertInto('assessment_ratings')
    .values(ratings.map((r) => ({ assessment_id: assessmentId, subject_kind: r.subjectKind, subject_ref: r.subjectRef, unit_id: r.unitId, officer_id: r.officerId, stars: r.stars, reason: r.reason, flags: r.flags })))
    .returning(['id', 'subject_kind', 'subject_ref', 'unit_id', 'officer_id', 'flags'])
    .execute();
}

export function findRatings(db: Kysely<Database>, assessmentId: number) {
  return db.selectFrom('assessment_ratings').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute();
}

export async function deleteRatings(db: Kysely<Database>, assessmentId: number): Promise<void> {
  await db.deleteFrom('assessment_ratings').where('assessment_id', '=', assessmentId).execute();
}

export async function insertPending(
  db: Kysely<Database>,
  rows: { day: string; unitPath: string[]; officerId: string | null; channel: string; typeCode: string; subjectKind: string; stars: number; flags: string[]; sign: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_pending')
    .values(rows.map((r) => ({ day: r.day, unit_path: r.unitPath, officer_id: r.officerId, channel: r.channel, type_code: r.typeCode, subject_kind: r.subjectKind, stars: r.stars, flags: r.flags, sign: r.sign })))
    .execute();
}

export function findCasesForAssessment(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('flag_cases')
    .select(['id', 'number', 'kinds', 'status', 'subject_kind', 'subject_unit_id', 'subject_officer_id', 'rating_id', 'substantiated', 'measure', 'resolved_at', 'handling_stars'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('opened_at')
    .execute();
}
