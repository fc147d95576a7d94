import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { StoredFile } from '../../../contracts/files';
import type { Queryable } from '../db/client';
import { AppError } from '../errors/app-error';
import { checkImage } from './images';
import { storedFiles, type StoredFileRow } from './schema';
import type { FileStorage } from './storage';

export const fileUrl = (id: string) => `/api/files/${id}`;
export const thumbUrl = (id: string) => `/api/files/${id}/thumb`;

export function presentFile(f: StoredFileRow): StoredFile {
  return { id: f.id, mime: f.mime, size: f.size, width: f.width, height: f.height, url: fileUrl(f.id), thumbUrl: thumbUrl(f.id) };
}

/**
 * Stores an uploaded image under the SHA-256 of its bytes, with a thumbnail. Uploading the same
 * bytes again finds the existing file: a phone retrying an upload stores the photo once.
 */
export async function storeImage(db: Queryable, storage: FileStorage, bytes: Buffer, uploadedBy: string | null): Promise<{ file: StoredFile; created: boolean }> {
  const id = crypto.createHash('sha256').update(bytes).digest('hex');
  const [existing] = await db.select().from(storedFiles).where(inArray(storedFiles.id, [id]));
  if (existing && (await storage.exists(id))) return { file: presentFile(existing), created: false };
  const image = await checkImage(bytes);
  // Bytes first, row second: a row never points at missing bytes. Orphan bytes (a crash between
  // the two) are harmless: the next upload of the same photo finds them and adds the row.
  await storage.put(id, bytes);
  await storage.put(`${id}.thumb`, image.thumb);
  const [row] = await db
    .insert(storedFiles)
    .values({ id, mime: image.mime, size: bytes.length, width: image.width, height: image.height, uploadedBy })
    .onConflictDoNothing()
    .returning();
  return { file: presentFile(row ?? existing!), created: !!row };
}

/** Checks that every id names a stored file (a report cannot point at a photo that never arrived). */
export async function requireFiles(db: Queryable, ids: string[]): Promise<StoredFileRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.select().from(storedFiles).where(inArray(storedFiles.id, unique));
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new AppError(
      'FILE_MISSING',
      unique.filter((id) => !found.has(id)).map((id) => ({ path: 'body.photoIds', code: 'file_missing', zh: `照片 ${id.slice(0, 8)}… 尚未上传`, en: `Photo ${id.slice(0, 8)}… was not uploaded` })),
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}
