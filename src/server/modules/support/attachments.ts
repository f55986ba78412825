// Attachments: size and type checked from the bytes (not the name or the
// browser's claim), stored under DATA_DIR/attachments with a random name, the
// file removed again when the database write fails.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ATTACHMENT_MAX_BYTES } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import type { UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { loadRequest } from './access.ts';
import { toAttachmentView } from './mapper.ts';
import * as repo from './repository.ts';

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content type the bytes prove, or null when the file is not one we accept. */
function sniffType(fileName: string, bytes: Buffer): string | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && OOXML[ext]) return OOXML[ext];
  if (ext === 'txt' && !bytes.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return 'text/plain; charset=utf-8';
    } catch {
      return null;
    }
  }
  return null;
}

function safeFileName(name: string): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))]
    .map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 || '"<>|:*?'.includes(char) ? '_' : char))
    .join('')
    .trim();
  return (base || 'tep-dinh-kem').slice(0, 120);
}

/** The same checks as an upload, for a file that arrived another way (mail): the accepted name and type, or why it is refused. */
export function checkAttachment(
  fileName: string,
  bytes: Buffer,
): { fileName: string; contentType: string } | { refused: 'attachment_type' | 'attachment_too_large' } {
  if (bytes.length === 0 || bytes.length > ATTACHMENT_MAX_BYTES) return { refused: 'attachment_too_large' };
  const name = safeFileName(fileName);
  const contentType = sniffType(name, bytes);
  return contentType ? { fileName: name, contentType } : { refused: 'attachment_type' };
}

export function createAttachmentService(deps: { db: Kysely<Database>; clock: Clock; dataDir: string }) {
  const root = path.resolve(deps.dataDir, 'attachments');

  async function addAttachment(
    context: AuditContext,
    requestId: string,
    file: { fileName: string; bytes: Buffer; internal: boolean },
  ) {
    const { row, staff } = await loadRequest(deps.db, context.actor, requestId);
    if (!staff && file.internal) throw forbidden();
    if (row.status === 'merged') throw new AppError('conflict', 'request_closed');
    if (file.bytes.length === 0 || file.bytes.length > ATTACHMENT_MAX_BYTES)
      throw new AppError('payload_too_large', 'attachment_too_large', [
        { field: 'file', message: 'attachment_too_large' },
      ]);
    const fileName = safeFileName(file.fileName);
    const contentType = sniffType(fileName, file.bytes);
    if (!contentType)
      throw new AppError('unsupported_media_type', 'attachment_type', [{ field: 'file', message: 'attachment_type' }]);
    const key = randomUUID();
    await fs.mkdir(root, { recursive: true });
    const target = path.join(root, key);
    await fs.writeFile(target, file.bytes, { flag: 'wx', mode: 0o600 });
    try {
      return await deps.db.transaction().execute(async (tx) => {
        const actor = context.actor as UserActor;
        const inserted = await repo.addAttachment(tx, {
          request_id: requestId,
          internal: file.internal,
          from_business: !staff,
          file_name: fileName,
          content_type: contentType,
          size_bytes: file.bytes.length,
          storage_key: key,
          uploaded_by_user_id: actor.userId,
          created_at: deps.clock.now(),
        });
        await repo.addEvent(tx, requestId, deps.clock.now(), 'attachment_added', actor.userId, {
          fileName,
          internal: file.internal,
        });
        await writeAudit(tx, context, {
          action: 'support.attachment_added',
          entityType: 'support_request',
          entityId: requestId,
          unitId: row.team_unit_id,
          details: { number: row.number, fileName, size: file.bytes.length, internal: file.internal },
        });
        return toAttachmentView(inserted);
      });
    } catch (error) {
      await fs.rm(target, { force: true });
      throw error;
    }
  }

  async function readAttachment(context: AuditContext, requestId: string, attachmentId: string) {
    const { staff } = await loadRequest(deps.db, context.actor, requestId);
    const found = (await repo.findAttachments(deps.db, requestId, staff)).find((a) => a.id === attachmentId);
    if (!found) throw notFound();
    const bytes = await fs.readFile(path.join(root, found.storage_key));
    return { fileName: found.file_name, contentType: found.content_type, bytes };
  }

  return { addAttachment, readAttachment };
}
