import { FILE_LIMITS } from '../../../contracts/files';

/** Photos are cut down on the phone before queueing: long side ≤ 1600 px, JPEG at 0.8 (~200–400 KB). */
export const PHOTO_LONG_SIDE = 1600;
export const PHOTO_QUALITY = 0.8;

export class PhotoError extends Error {}

export function scaledSize(width: number, height: number, longSide = PHOTO_LONG_SIDE): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes (turned upright by its EXIF orientation), scales and re-encodes a photo as JPEG. */
export async function compressPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // A format this browser cannot decode: send it as it is when the server accepts it.
    if (['image/jpeg', 'image/png', 'image/webp'].includes(file.type) && file.size <= FILE_LIMITS.imageBytesMax) return file;
    throw new PhotoError('undecodable');
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new PhotoError('no canvas');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY));
  if (!blob || blob.size > FILE_LIMITS.imageBytesMax) throw new PhotoError('encode');
  return blob;
}
