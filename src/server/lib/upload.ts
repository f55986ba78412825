// The one file of a multipart request, read whole. Every multipart route reads
// its file here, so every one answers the same way: a request without a file,
// with one over the route's limit (set where the route registers
// @fastify/multipart with throwFileSizeLimit), or whose multipart body cannot
// be read (no boundary, cut short, a malformed part) gets a field error on
// `file` in the user's language, never a 500.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { MessageKey } from './messages.ts';

export interface UploadedFile {
  fileName: string;
  /** As the client declared it: to be checked against the content, never trusted. */
  declaredType: string;
  bytes: Buffer;
}

/** What a failure of the multipart reader means for the caller. */
function uploadError(error: unknown, tooLarge: MessageKey): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 413) return new AppError('payload_too_large', tooLarge, [{ field: 'file', message: tooLarge }]);
  // busboy's parse errors carry no status ("Boundary not found", "Unexpected end of form"); the plugin's own are 4xx.
  if (status === undefined || (typeof status === 'number' && status >= 400 && status < 500)) {
    return new AppError('validation_failed', 'validation_failed', [{ field: 'file', message: 'multipart_malformed' }]);
  }
  return error;
}

export async function readUploadedFile(request: FastifyRequest, tooLarge: MessageKey): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  try {
    const file = await request.file();
    if (!file)
      throw new AppError('validation_failed', 'validation_failed', [{ field: 'file', message: 'file_required' }]);
    return { fileName: file.filename, declaredType: file.mimetype, bytes: await file.toBuffer() };
  } catch (error) {
    throw uploadError(error, tooLarge);
  }
}
