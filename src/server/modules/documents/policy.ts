// What a library document's file may be, proved from its bytes. Pure.
import { DOCUMENT_FILE_TYPES, type DocumentFileKind } from '../../../contracts/documents.ts';

/** The names stored in a ZIP archive, read from its central directory (empty when it is not a readable ZIP). */
export function zipEntryNames(bytes: Buffer, max = 2000): string[] {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const floor = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < Math.min(count, max); n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return [];
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return [];
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The kind the bytes prove, or null. DOCX and XLSX are ZIPs told apart by their main part. */
export function sniffDocumentFile(bytes: Buffer): DocumentFileKind | null {
  if (bytes.length >= 8 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length >= 30 && bytes.readUInt32LE(0) === 0x04034b50) {
    const names = zipEntryNames(bytes);
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

export type FileCheck =
  | { ok: true; kind: DocumentFileKind; contentType: string }
  | { ok: false; reason: 'document_file_type' | 'document_file_mismatch' };

/**
 * Three checks that must agree: the name's extension, the type the browser
 * declared (generic "octet-stream" is tolerated), and the bytes' signature.
 */
export function checkDocumentFile(fileName: string, declaredType: string, bytes: Buffer): FileCheck {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!Object.hasOwn(DOCUMENT_FILE_TYPES, ext)) return { ok: false, reason: 'document_file_type' };
  const kind = ext as DocumentFileKind;
  const contentType = DOCUMENT_FILE_TYPES[kind];
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (declared !== contentType && declared !== 'application/octet-stream')
    return { ok: false, reason: 'document_file_mismatch' };
  if (sniffDocumentFile(bytes) !== kind) return { ok: false, reason: 'document_file_mismatch' };
  return { ok: true, kind, contentType };
}
