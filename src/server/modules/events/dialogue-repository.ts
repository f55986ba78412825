// Queries for dialogue requests (Kysely only).
import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, DialogueRequestsTable } from '../../db/schema.ts';
import { uuidList } from '../../db/uuid-list.ts';

function requestQuery(db: Kysely<Database>) {
  return db
    .selectFrom('dialogue_requests as d')
    .innerJoin('enterprises as n', 'n.id', 'd.enterprise_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('users as s', 's.id', 'd.user_id')
    .selectAll('d')
    .select([
      'n.tax_code',
      'n.name as enterprise_name',
      'u.code as unit_code',
      'u.name_vi as unit_name',
      's.email as requester_email',
      's.locale as requester_locale',
      's.full_name as requester_name',
    ]);
}
export type DialogueRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirst']>>>;

export function findDialogue(db: Kysely<Database>, id: string, forUpdate = false): Promise<DialogueRow | undefined> {
  let query = requestQuery(db).where('d.id', '=', id);
  if (forUpdate) query = query.forUpdate('d');
  return query.executeTakeFirst();
}

/** An enterprise's requests, or those to the given units (null: all); the latest 200. */
export function findDialogues(
  db: Kysely<Database>,
  filter: { enterpriseId: string } | { unitIds: string[] | null },
): Promise<DialogueRow[]> {
  let query = requestQuery(db);
  if ('enterpriseId' in filter) query = query.where('d.enterprise_id', '=', filter.enterpriseId);
  else if (filter.unitIds) query = query.where('d.unit_id', '=', sql<string>`any(${uuidList(filter.unitIds)}::uuid[])`);
  return query.orderBy('d.created_at', 'desc').limit(200).execute();
}

export async function insertDialogue(
  db: Kysely<Database>,
  values: {
    enterpriseId: string;
    userId: string;
    unitId: string;
    subject: string;
    description: string;
    preferredAt: Date | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('dialogue_requests')
    .values({
      enterprise_id: values.enterpriseId,
      user_id: values.userId,
      unit_id: values.unitId,
      subject: values.subject,
      description: values.description,
      preferred_at: values.preferredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDialogue(
  db: Kysely<Database>,
  id: string,
  values: Updateable<DialogueRequestsTable>,
): Promise<void> {
  await db.updateTable('dialogue_requests').set(values).where('id', '=', id).execute();
}
