import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

export type UploadedFile = { buffer: Buffer; fileName: string };
export type MultipartBody = { files: Record<string, UploadedFile>; fields: Record<string, string> };

/**
 * Reads a multipart/form-data body: the named file parts (into memory, within the size limits set
 * where the plugin is registered, which the error handler answers with 413) and the named text
 * fields. Other parts are ignored. A body the parser cannot read is 400, never 500.
 */
export async function readMultipart(req: FastifyRequest, want: { files: string[]; fields?: string[]; maxFileBytes?: number }): Promise<MultipartBody> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const body: MultipartBody = { files: {}, fields: {} };
  try {
    // A route may ask for a lower file limit than the app-wide one (Excel sheets vs photos).
    for await (const part of req.parts(want.maxFileBytes ? { limits: { fileSize: want.maxFileBytes } } : undefined)) {
      if (part.type === 'file') {
        if (want.files.includes(part.fieldname) && !body.files[part.fieldname]) {
          body.files[part.fieldname] = { buffer: await part.toBuffer(), fileName: part.filename };
        } else {
          part.file.resume();
        }
      } else if (want.fields?.includes(part.fieldname) && typeof part.value === 'string') {
        body.fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    // The plugin's own errors (size and count limits) carry an FST_ code the error handler maps;
    // the parser underneath throws plain errors for a body it cannot read (no boundary, cut short).
    if (e instanceof AppError || String((e as { code?: unknown } | null)?.code).startsWith('FST_')) throw e;
    throw new AppError('MALFORMED_BODY');
  }
  return body;
}

/** The one file a route needs, or a 400 naming the field. */
export async function readSingleFile(req: FastifyRequest, field: string, missing: { zh: string; en: string }, maxFileBytes?: number): Promise<UploadedFile> {
  const { files } = await readMultipart(req, { files: [field], ...(maxFileBytes ? { maxFileBytes } : {}) });
  const file = files[field];
  if (!file) throw new AppError('VALIDATION_FAILED', [{ path: `body.${field}`, code: 'required', ...missing }]);
  return file;
}
