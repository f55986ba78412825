// Files kept under DATA_DIR (agreements' signed PDFs, library documents): a
// random stored name, written completely (temporary name, then rename) before
// the database row that points at it is committed, and removed again when the
// database write fails — so a failed upload leaves neither a row nor a file.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  /** The folder, for tests. */
  readonly dir: string;
  /**
   * Stores the bytes under a new random name ending in `.ext`, then runs `record`
   * (a database transaction) with that name. If `record` throws, the file is removed.
   */
  save<T>(bytes: Buffer, ext: string, record: (storedName: string) => Promise<T>): Promise<T>;
  read(storedName: string): Promise<Buffer>;
}

export function createFileStore(dataDir: string, folder: string): FileStore {
  const dir = path.resolve(dataDir, folder);
  const locate = (storedName: string) => path.join(dir, path.basename(storedName));

  async function save<T>(bytes: Buffer, ext: string, record: (storedName: string) => Promise<T>): Promise<T> {
    await fs.mkdir(dir, { recursive: true });
    const storedName = `${randomBytes(12).toString('hex')}.${ext.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
    const temp = locate(`.${storedName}.part`);
    const target = locate(storedName);
    try {
      await fs.writeFile(temp, bytes, { flag: 'wx', mode: 0o600 });
      await fs.rename(temp, target);
      return await record(storedName);
    } catch (error) {
      await fs.rm(target, { force: true });
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  return { dir, save, read: (storedName) => fs.readFile(locate(storedName)) };
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A display name safe to keep and to send back: no path, no control or reserved characters. */
export function safeFileName(name: string, fallback = 'tep'): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))]
    .map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 || '"<>|:*?/\\'.includes(char) ? '_' : char))
    .join('')
    .normalize('NFC')
    .trim();
  return (base || fallback).slice(0, 200);
}

/**
 * Content-Disposition for a download: an ASCII fallback (diacritics folded) and
 * the real, UTF-8 name in RFC 5987 encoding (RFC 6266).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
