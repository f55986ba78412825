// Queries for the legal document library, its files, topic subscriptions and
// announcements (Kysely only). The newsletter's are in newsletter-repository.ts.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, LegalDocumentsTable } from '../../db/schema.ts';
import { foldedLike } from '../../lib/search-text.ts';

export function documentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('legal_documents as d')
    .leftJoin('legal_documents as r', 'r.id', 'd.replaced_by_id')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .selectAll('d')
    .select(['r.number as replaced_by_number', 'u.code as unit_code', 'u.name_vi as unit_name']);
}
export type DocumentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof documentQuery>['executeTakeFirst']>>>;

export interface DocumentFilter {
  q?: string | undefined;
  topic?: string | undefined;
  docType?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest issued first. */
export async function findDocuments(db: Kysely<Database>, filter: DocumentFilter): Promise<DocumentRow[]> {
  let q = documentQuery(db);
  if (filter.q) q = q.where('d.search_text', 'like', foldedLike(filter.q));
  if (filter.topic) q = q.where(sql<boolean>`${filter.topic} = any(d.topics)`);
  if (filter.docType) q = q.where('d.doc_type', '=', filter.docType as DocumentRow['doc_type']);
  if (filter.status) q = q.where('d.status', '=', filter.status as DocumentRow['status']);
  return q.orderBy('d.issued_on', 'desc').orderBy('d.number').limit(filter.limit).offset(filter.offset).execute();
}

export async function findDocument(
  db: Kysely<Database>,
  id: string,
  forUpdate = false,
): Promise<DocumentRow | undefined> {
  let query = documentQuery(db).where('d.id', '=', id);
  if (forUpdate) query = query.forUpdate('d');
  return query.executeTakeFirst();
}

export async function findDocumentIdByNumber(db: Kysely<Database>, number: string): Promise<string | undefined> {
  return (await db.selectFrom('legal_documents').select('id').where('number', '=', number).executeTakeFirst())?.id;
}

export async function insertDocument(db: Kysely<Database>, values: Insertable<LegalDocumentsTable>): Promise<string> {
  return (await db.insertInto('legal_documents').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The General Department: the unit of national records. */
export async function findRootUnitId(db: Kysely<Database>): Promise<string | null> {
  return (
    (await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('code').executeTakeFirst())?.id ??
    null
  );
}

export async function findUnitRef(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').select(['id', 'code', 'name_vi']).where('id', '=', id).executeTakeFirst();
}

export async function findUnitIdByCode(db: Kysely<Database>, code: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

// ---- Files

export type FileRow = {
  id: string;
  document_id: string;
  version: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  replaced_at: Date | null;
};

/** The files of these documents, newest version first. */
export async function findFiles(db: Kysely<Database>, documentIds: string[]): Promise<FileRow[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('legal_document_files')
    .select([
      'id',
      'document_id',
      'version',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'uploaded_at',
      'replaced_at',
    ])
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('version', 'desc')
    .execute();
}

/** Marks the current file replaced; returns it (undefined when there was none). */
export async function replaceCurrentFile(db: Kysely<Database>, documentId: string, at: Date) {
  return db
    .updateTable('legal_document_files')
    .set({ replaced_at: at })
    .where('document_id', '=', documentId)
    .where('replaced_at', 'is', null)
    .returning(['id', 'sha256'])
    .executeTakeFirst();
}

export async function lastFileVersion(db: Kysely<Database>, documentId: string): Promise<number> {
  const last = await db
    .selectFrom('legal_document_files')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return Number(last?.v ?? 0);
}

export async function insertFile(
  db: Kysely<Database>,
  values: {
    documentId: string;
    version: number;
    fileName: string;
    storedName: string;
    contentType: string;
    size: number;
    sha256: string;
    uploadedBy: string;
    at: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('legal_document_files')
    .values({
      document_id: values.documentId,
      version: values.version,
      file_name: values.fileName,
      stored_name: values.storedName,
      content_type: values.contentType,
      size_bytes: values.size,
      sha256: values.sha256,
      uploaded_by: values.uploadedBy,
      uploaded_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A document's file to download: the given one, or the current one. */
export async function findFileToRead(db: Kysely<Database>, documentId: string, fileId?: string) {
  let query = db
    .selectFrom('legal_document_files as f')
    .innerJoin('legal_documents as d', 'd.id', 'f.document_id')
    .select(['f.file_name', 'f.stored_name', 'f.content_type', 'f.sha256'])
    .where('f.document_id', '=', documentId);
  query = fileId ? query.where('f.id', '=', fileId) : query.where('f.replaced_at', 'is', null);
  return query.executeTakeFirst();
}

// ---- Subscriptions

export async function findSubscription(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('topic_subscriptions')
    .select(['topics', 'active'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countAssociationMembers(db: Kysely<Database>, associationId: string): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('association_members')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('association_id', '=', associationId)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function saveSubscription(
  db: Kysely<Database>,
  values: {
    kind: 'enterprise' | 'association';
    userId: string;
    enterpriseId: string | null;
    associationId: string | null;
    topics: string[];
    at: Date;
  },
): Promise<void> {
  const active = values.topics.length > 0;
  await db
    .insertInto('topic_subscriptions')
    .values({
      kind: values.kind,
      user_id: values.userId,
      enterprise_id: values.enterpriseId,
      association_id: values.associationId,
      topics: values.topics,
      active,
      updated_at: values.at,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ topics: values.topics, active, updated_at: values.at }))
    .execute();
}

/** Lifts an earlier one-click unsubscribe of this address. */
export async function removeOptout(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('newsletter_optouts').where('email', '=', email).execute();
}

// ---- Announcements

export async function insertAnnouncement(
  db: Kysely<Database>,
  values: { unitId: string; title: string; body: string; expiresOn: string | null; at: Date; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('announcements')
    .values({
      unit_id: values.unitId,
      title: values.title,
      body: values.body,
      expires_on: values.expiresOn,
      published_at: values.at,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Announcements not expired on `today` (Vietnam day): one, or those of some units; the latest 20. */
export async function findAnnouncements(
  db: Kysely<Database>,
  filter: { today: string; id?: string | undefined; unitIds?: string[] | undefined },
) {
  let q = db
    .selectFrom('announcements as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.title', 'a.body', 'a.published_at', 'a.expires_on', 'u.code', 'u.name_vi'])
    .where((eb) => eb.or([eb('a.expires_on', 'is', null), eb('a.expires_on', '>=', filter.today)]));
  if (filter.id) q = q.where('a.id', '=', filter.id);
  if (filter.unitIds) q = q.where('a.unit_id', 'in', filter.unitIds);
  return q.orderBy('a.published_at', 'desc').limit(20).execute();
}
export type AnnouncementRow = Awaited<ReturnType<typeof findAnnouncements>>[number];
