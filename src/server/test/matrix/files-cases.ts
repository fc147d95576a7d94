import sharp from 'sharp';
import { storeImage } from '../../platform/files/service';
import type { TestApp } from '../harness';
import type { Cases, Req } from './model';

/** A small real JPEG, different per call (a new file each time). */
let n = 0;
export async function tinyJpeg(): Promise<Buffer> {
  n += 1;
  return sharp({ create: { width: 8 + (n % 50), height: 8 + Math.floor(n / 50), channels: 3, background: { r: n % 255, g: 120, b: 80 } } })
    .jpeg()
    .toBuffer();
}

/** A multipart body with one image in the field `file`. */
export function imageUpload(url: string, bytes: Buffer, field = 'file'): Req {
  const boundary = `----lmimg${n}x${bytes.length}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  return { method: 'POST', url, body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const storedId = async (t: TestApp) => (await storeImage(t.db, t.files, await tinyJpeg(), null)).file.id;

export const fileCases: Cases = {
  'POST /api/files': { rule: { kind: 'user' }, ok: 201, req: async () => imageUpload('/api/files', await tinyJpeg()) },
  'GET /api/files/:id': { rule: { kind: 'user' }, req: async (_fx, t) => ({ method: 'GET', url: `/api/files/${await storedId(t)}` }) },
  'GET /api/files/:id/thumb': { rule: { kind: 'user' }, req: async (_fx, t) => ({ method: 'GET', url: `/api/files/${await storedId(t)}/thumb` }) },
};
