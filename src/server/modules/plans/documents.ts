import crypto from 'node:crypto';
import type { PlanDocumentType } from '../../../contracts/plans';

export const PDF = 'application/pdf' as const;
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * The names in a zip's central directory, or null when the bytes are not a readable zip. Reads
 * only the directory at the end (no decompression), bounded by the buffer: a cut or forged
 * archive gives null, never an exception.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  // The end-of-central-directory record is the last 22 bytes, before a comment of up to 64 KiB.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * A plan document's type by its bytes — never by its name or the client's claim: a PDF starts
 * with `%PDF-`; a Word document (.docx) is a zip holding `word/document.xml`.
 */
export function sniffDocument(bytes: Buffer): PlanDocumentType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  const names = zipEntryNames(bytes);
  if (names?.includes('word/document.xml')) return DOCX;
  return null;
}

export const documentKey = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

export const extensionOf = (mime: PlanDocumentType) => (mime === PDF ? '.pdf' : '.docx');

/** `attachment` with the name in both forms: plain ASCII for old clients, RFC 5987 UTF-8 for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
