import type { FastifyReply, FastifyRequest } from 'fastify';
import { readSingleFile, type UploadedFile } from '../../../platform/http/multipart';
import { LIMITS } from '../../../../contracts/limits';
import type { ExportFile } from './export.service';
import { XLSX_MEDIA_TYPE } from './workbook';

export type Upload = UploadedFile;

/** The uploaded sheet: the multipart field `file`. */
export const readUpload = (req: FastifyRequest): Promise<Upload> =>
  readSingleFile(req, 'file', { zh: '请选择要导入的 Excel 文件', en: 'Choose the Excel file to import' }, LIMITS.importFileBytesMax);

/** A name a file system accepts: characters file systems refuse (and control characters) become "_". */
export const safeFileName = (name: string) => Array.from(name, (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');

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
