import zlib from 'node:zlib';
import { AppError } from '../../../platform/errors/app-error';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;

/**
 * What an uploaded .xlsx may unpack to. A real 5,000-row sheet unpacks to about 2 MB; the budget
 * leaves room for styles and pictures but stops a "zip bomb" (a few MB that inflate to GBs).
 */
export const ZIP_LIMITS = { entriesMax: 1000, unzippedBytesMax: 16 * 1024 * 1024 };

const invalid = () => new AppError('IMPORT_FILE_INVALID');

/**
 * Checks that `buf` is a zip archive whose entries really inflate to at most the budget, before
 * exceljs (through JSZip) unpacks it all in memory with no limit of its own. The sizes written in
 * the archive are not trusted: each entry is inflated with a cap on its output.
 */
export function checkZip(buf: Buffer, limits = ZIP_LIMITS): void {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_HEADER) throw invalid();
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIR) {
      end = i;
      break;
    }
  }
  if (end < 0) throw invalid();
  const entries = buf.readUInt16LE(end + 10);
  if (entries === 0 || entries > limits.entriesMax) throw invalid();
  let at = buf.readUInt32LE(end + 16);
  let budget = limits.unzippedBytesMax;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_HEADER) throw invalid();
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_HEADER) throw invalid();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressedSize > buf.length) throw invalid();
    const data = buf.subarray(start, start + compressedSize);
    budget -= method === 0 ? data.length : method === 8 ? inflatedSize(data, budget) : Infinity;
    if (budget < 0) throw invalid();
  }
}

function inflatedSize(data: Buffer, budget: number): number {
  try {
    // Throws a RangeError as soon as the output would pass the remaining budget.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch {
    throw invalid();
  }
}
