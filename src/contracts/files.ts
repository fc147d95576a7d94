import { z } from 'zod';

export const FILE_LIMITS = {
  /** Largest photo accepted, after the phone's own compression. */
  imageBytesMax: 8 * 1024 * 1024,
  photosPerReport: 6,
  thumbWidth: 320,
} as const;

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A stored image, named by the SHA-256 of its bytes: uploading the same photo twice stores it once. */
export const FileId = z.string().regex(/^[a-f0-9]{64}$/, { message: 'file_id' });
export const StoredFile = z.object({
  id: FileId,
  mime: z.enum(IMAGE_TYPES),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
  thumbUrl: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;
