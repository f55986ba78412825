// Synonym groups of the question-bank search (read on every search, edited by officers).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function listSynonyms(db: Kysely<Database>) {
  return db
    .selectFrom('qa_synonyms')
    .select(['id', 'terms', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(2000)
    .execute();
}

/** Only the expressions, for queries. */
export async function synonymTerms(db: Kysely<Database>): Promise<string[][]> {
  const rows = await db.selectFrom('qa_synonyms').select('terms').limit(2000).execute();
  return rows.map((row) => row.terms);
}

export async function findSynonym(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('qa_synonyms')
    .select(['id', 'terms', 'updated_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertSynonym(db: Kysely<Database>, terms: string[], userId: string, at: Date) {
  return db
    .insertInto('qa_synonyms')
    .values({ terms, created_by_user_id: userId, updated_by_user_id: userId, created_at: at, updated_at: at })
    .returning(['id', 'terms', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function updateSynonym(db: Kysely<Database>, id: string, terms: string[], userId: string, at: Date) {
  return db
    .updateTable('qa_synonyms')
    .set({ terms, updated_by_user_id: userId, updated_at: at })
    .where('id', '=', id)
    .returning(['id', 'terms', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteSynonym(db: Kysely<Database>, id: string) {
  await db.deleteFrom('qa_synonyms').where('id', '=', id).execute();
}
