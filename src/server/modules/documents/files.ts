// The file of a library document: uploaded by the officers who maintain the
// document (its unit's organizers), checked by extension, declared type,
// signature and size, stored under DATA_DIR/documents with its SHA-256.
// A new upload replaces the current file but keeps the old one's record, so the
// history of an amended document stays visible. Anyone may download.
import type { Kysely } from 'kysely';
import { DOCUMENT_FILE_MAX_BYTES, type DocumentView } from '../../../contracts/documents.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { createFileStore, safeFileName, sha256Hex } from '../../lib/file-store.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { checkDocumentFile } from './policy.ts';
import { documentQuery, documentViews } from './service.ts';
import { canOrganize } from '../../lib/scope.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

export interface UploadedFile {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

export function createDocumentFileService(deps: { db: Kysely<Database>; clock: Clock; dataDir: string }) {
  const { db, clock } = deps;
  const store = createFileStore(deps.dataDir, 'documents');

  /** The document, if the actor may maintain it. */
  async function loadForEdit(tx: Kysely<Database>, actor: UserActor, id: string) {
    const row = await documentQuery(tx).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
    if (!row) throw notFound();
    if (!canOrganize(actor, row.unit_id ? await getUnitAncestry(tx, row.unit_id) : [])) throw forbidden();
    return row;
  }

  async function uploadFile(context: AuditContext, id: string, file: UploadedFile): Promise<DocumentView> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    await loadForEdit(db, actor, id); // refuse early, before anything is written
    if (file.bytes.length === 0) throw new AppError('validation_failed', 'validation_failed', [{ field: 'file', message: 'file_required' }]);
    if (file.bytes.length > DOCUMENT_FILE_MAX_BYTES) throw new AppError('payload_too_large', 'document_file_too_large', [{ field: 'file', message: 'document_file_too_large' }]);
    const fileName = safeFileName(file.fileName, 'van-ban');
    const check = checkDocumentFile(fileName, file.declaredType, file.bytes);
    if (!check.ok) throw new AppError(check.reason === 'document_file_type' ? 'unsupported_media_type' : 'validation_failed', check.reason, [{ field: 'file', message: check.reason }]);
    const sha256 = sha256Hex(file.bytes);
    return store.save(file.bytes, check.kind, (storedName) =>
      db.transaction().execute(async (tx) => {
        const row = await loadForEdit(tx, actor, id);
        const now = clock.now();
        const previous = await tx.updateTable('legal_document_files').set({ replaced_at: now }).where('document_id', '=', id).where('replaced_at', 'is', null).returning(['id', 'sha256']).executeTakeFirst();
        const last = await tx.selectFrom('legal_document_files').select((eb) => eb.fn.max('version').as('v')).where('document_id', '=', id).executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        const inserted = await tx
          .insertInto('legal_document_files')
          .values({ document_id: id, version, file_name: fileName, stored_name: storedName, content_type: check.contentType, size_bytes: file.bytes.length, sha256, uploaded_by: actor.userId, uploaded_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, context, {
          action: previous ? 'document.file_replaced' : 'document.file_uploaded',
          entityType: 'legal_document',
          entityId: id,
          unitId: row.unit_id,
          details: { number: row.number, fileId: inserted.id, version, name: fileName, size: file.bytes.length, sha256, ...(previous && { replacedFileId: previous.id, replacedSha256: previous.sha256 }) },
        });
        return (await documentViews(tx, actor, [(await documentQuery(tx).where('d.id', '=', id).executeTakeFirstOrThrow())]))[0]!;
      }),
    );
  }

  /** A file of a library document (the current one when fileId is omitted). The library is public. */
  async function readFile(id: string, fileId?: string) {
    let query = db
      .selectFrom('legal_document_files as f')
      .innerJoin('legal_documents as d', 'd.id', 'f.document_id')
      .select(['f.file_name', 'f.stored_name', 'f.content_type', 'f.sha256'])
      .where('f.document_id', '=', id);
    query = fileId ? query.where('f.id', '=', fileId) : query.where('f.replaced_at', 'is', null);
    const row = await query.executeTakeFirst();
    if (!row) throw notFound();
    return { name: row.file_name, contentType: row.content_type, sha256: row.sha256, content: await store.read(row.stored_name) };
  }

  return { uploadFile, readFile, dir: store.dir };
}
