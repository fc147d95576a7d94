import sharp from 'sharp';
import { FILE_LIMITS, IMAGE_TYPES } from '../../../contracts/files';
import { AppError } from '../errors/app-error';

export type ImageMime = (typeof IMAGE_TYPES)[number];

/** The image type by the file's first bytes — never by its name or the client's claim. */
export function sniffImage(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export type CheckedImage = { mime: ImageMime; width: number; height: number; thumb: Buffer };

/**
 * Accepts an image only if its bytes say it is one and it decodes; returns its size and a JPEG
 * thumbnail. Anything else is a 4xx, never a 500.
 */
export async function checkImage(bytes: Buffer): Promise<CheckedImage> {
  if (bytes.length > FILE_LIMITS.imageBytesMax) throw new AppError('BODY_TOO_LARGE');
  const mime = sniffImage(bytes);
  if (!mime) throw new AppError('NOT_AN_IMAGE');
  try {
    // limitInputPixels guards against decompression bombs (a small file that decodes huge).
    const image = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new AppError('NOT_AN_IMAGE');
    const thumb = await image
      .rotate()
      .resize({ width: FILE_LIMITS.thumbWidth, withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer();
    return { mime, width: meta.width, height: meta.height, thumb };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_AN_IMAGE');
  }
}
