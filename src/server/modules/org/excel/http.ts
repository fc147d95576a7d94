import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors/app-error';
import type { ExportFile } from './export.service';
import { XLSX_MEDIA_TYPE } from './workbook';

export type Upload = { buffer: Buffer; fileName: string };

/**
 * The uploaded sheet: the multipart field `file`. The size and count limits are set where the
 * multipart plugin is registered (app.ts); passing them is answered 413 by the error handler.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let upload: Upload | null;
  try {
    const file = await req.file();
    upload = file && file.fieldname === 'file' ? { buffer: await file.toBuffer(), fileName: file.filename } : null;
  } catch (e) {
    // The plugin's own errors (size and count limits) carry an FST_ code the error handler maps;
    // the parser underneath throws plain errors for a body it cannot read (no boundary, cut short).
    if (e instanceof AppError || String((e as { code?: unknown } | null)?.code).startsWith('FST_')) throw e;
    throw new AppError('MALFORMED_BODY');
  }
  if (!upload) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.file', code: 'required', zh: '请选择要导入的 Excel 文件', en: 'Choose the Excel file to import' }]);
  }
  return upload;
}

/** RFC 5987 / 6266: `filename*` carries the UTF-8 name, `filename` an ASCII one for old clients. */
export function contentDisposition(file: Pick<ExportFile, 'fileName' | 'asciiName'>): string {
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encoded}`;
}

export function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-disposition', contentDisposition(file))
    // The files hold names and phone numbers: no shared or browser cache keeps them.
    .header('cache-control', 'no-store')
    .send(file.buffer);
}
