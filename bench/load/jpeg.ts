import crypto from 'node:crypto';
import sharp from 'sharp';

/**
 * A phone photo as the app uploads it: 1600×1200, about 200 KB. Made once (smooth colour fields
 * with fine grain, which compresses like a real scene), then each upload gets its own comment
 * segment (JPEG COM, ignored by decoders) so every upload is new bytes with a new SHA-256 — the
 * server must store and thumbnail every one, as it would for a thousand real photos.
 */
export async function basePhoto(targetBytes = 200 * 1024): Promise<Buffer> {
  const w = 1600;
  const h = 1200;
  const pixels = await sharp(crypto.randomBytes(40 * 30 * 3), { raw: { width: 40, height: 30, channels: 3 } })
    .resize(w, h, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + Math.floor((Math.random() - 0.5) * 14)));
  let best: Buffer | null = null;
  for (let q = 60; q <= 95; q += 2) {
    const jpg = await sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: q }).toBuffer();
    if (!best || Math.abs(jpg.length - targetBytes) < Math.abs(best.length - targetBytes)) best = jpg;
    if (jpg.length >= targetBytes) break;
  }
  return best!;
}

/** The same photo with a distinct comment segment right after the start-of-image marker. */
export function distinctCopy(base: Buffer, n: number): Buffer {
  const note = Buffer.from(`lastmeter-bench ${n} ${crypto.randomBytes(8).toString('hex')}`);
  const seg = Buffer.alloc(4 + note.length);
  seg[0] = 0xff;
  seg[1] = 0xfe;
  seg.writeUInt16BE(note.length + 2, 2);
  note.copy(seg, 4);
  return Buffer.concat([base.subarray(0, 2), seg, base.subarray(2)]);
}

/** A multipart/form-data body with one file part named `file`. */
export function multipartBody(file: Buffer, fileName: string): { body: Buffer; contentType: string } {
  const boundary = `----lastmeter${crypto.randomBytes(12).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
