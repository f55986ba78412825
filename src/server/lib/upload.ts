// The one file of a multipart request, read whole. A request without a file, or
// with one over the route's limit (set where the route registers @fastify/multipart
// with throwFileSizeLimit), gets a field error on `file` in the user's language.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { MessageKey } from './messages.ts';

export interface UploadedFile {
  fileName: string;
  /** As the client declared it: to be checked against the content, never trusted. */
  declaredType: string;
  bytes: Buffer;
}

export async function readUploadedFile(request: FastifyRequest, tooLarge: MessageKey): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const file = await request.file();
  if (!file) throw new AppError('validation_failed', 'validation_failed', [{ field: 'file', message: 'file_required' }]);
  try {
    return { fileName: file.filename, declaredType: file.mimetype, bytes: await file.toBuffer() };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw new AppError('payload_too_large', tooLarge, [{ field: 'file', message: tooLarge }]);
    throw error;
  }
}
