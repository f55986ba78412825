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
import * as repo from './repository.ts';
import { documentViews } from './service.ts';
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
    const row = await repo.findDocument(tx, id, true);
    if (!row) throw notFound();
    if (!canOrganize(actor, row.unit_id ? await getUnitAncestry(tx, row.unit_id) : [])) throw forbidden();
    return row;
  }

  async function uploadFile(context: AuditContext, id: string, file: UploadedFile): Promise<DocumentView> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    await loadForEdit(db, actor, id); // refuse early, before anything is written
    if (file.bytes.length === 0)
      throw new AppError('validation_failed', 'validation_failed', [{ field: 'file', message: 'file_required' }]);
    if (file.bytes.length > DOCUMENT_FILE_MAX_BYTES)
      throw new AppError('payload_too_large', 'document_file_too_large', [
        { field: 'file', message: 'document_file_too_large' },
      ]);
    const fileName = safeFileName(file.fileName, 'van-ban');
    const check = checkDocumentFile(fileName, file.declaredType, file.bytes);
    if (!check.ok)
      throw new AppError(
        check.reason === 'document_file_type' ? 'unsupported_media_type' : 'validation_failed',
        check.reason,
        [{ field: 'file', message: check.reason }],
      );
    const sha256 = sha256Hex(file.bytes);
    return store.save(file.bytes, check.kind, (storedName) =>
      db.transaction().execute(async (tx) => {
        const row = await loadForEdit(tx, actor, id);
        const now = clock.now();
        const previous = await repo.replaceCurrentFile(tx, id, now);
        const version = (await repo.lastFileVersion(tx, id)) + 1;
        const insertedId = await repo.insertFile(tx, {
          documentId: id,
          version,
          fileName,
          storedName,
          contentType: check.contentType,
          size: file.bytes.length,
          sha256,
          uploadedBy: actor.userId,
          at: now,
        });
        await writeAudit(tx, context, {
          action: previous ? 'document.file_replaced' : 'document.file_uploaded',
          entityType: 'legal_document',
          entityId: id,
          unitId: row.unit_id,
          details: {
            number: row.number,
            fileId: insertedId,
            version,
            name: fileName,
            size: file.bytes.length,
            sha256,
            ...(previous && { replacedFileId: previous.id, replacedSha256: previous.sha256 }),
          },
        });
        return (await documentViews(tx, actor, [(await repo.findDocument(tx, id))!]))[0]!;
      }),
    );
  }

  /** A file of a library document (the current one when fileId is omitted). The library is public. */
  async function readFile(id: string, fileId?: string) {
    const row = await repo.findFileToRead(db, id, fileId);
    if (!row) throw notFound();
    return {
      name: row.file_name,
      contentType: row.content_type,
      sha256: row.sha256,
      content: await store.read(row.stored_name),
    };
  }

  return { uploadFile, readFile, dir: store.dir };
}
