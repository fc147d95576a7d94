import ExcelJS from 'exceljs';
import { LIMITS } from '../../../../contracts/limits';
import { AppError } from '../../../platform/errors/app-error';
import { checkZip } from './zip-guard';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One column of a sheet: its key in code, its header in the file, its width in characters. */
export type SheetColumn<K extends string = string> = {
  key: K;
  header: string;
  width: number;
  /** Stored as text, so Excel neither shows 3.50581E+11 for a code nor drops a phone's leading 0. */
  text?: boolean;
};

/** A data row as read: its row number in Excel (the header is row 1) and each column's text. */
export type SheetRow<K extends string> = { row: number; cells: Record<K, string> };

const invalidFile = () => new AppError('IMPORT_FILE_INVALID');

/**
 * A cell's content as trimmed text, whatever Excel stored: numbers (a code typed as a number),
 * rich text, hyperlinks, formulas (their result), dates, booleans and error values.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value !== 'object') return '';
  const v = value as { richText?: unknown; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('').trim();
  if ('text' in v) return cellText(v.text);
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if (typeof v.error === 'string') return v.error;
  return '';
}

/** Characters XML 1.0 cannot hold (an .xlsx with them does not open); the export leaves them out. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const xmlSafe = (s: string) => s.replace(NOT_XML, '');

/**
 * Reads the first worksheet of an .xlsx strictly: the header row must name exactly the expected
 * columns (in any order), and there may be at most LIMITS.importRowsMax data rows. Blank rows are
 * skipped. Anything that is not such a workbook is IMPORT_FILE_INVALID; nothing else is thrown.
 */
export async function readSheet<K extends string>(buffer: Buffer, columns: readonly SheetColumn<K>[]): Promise<SheetRow<K>[]> {
  checkZip(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); at runtime in Node it reads a Node Buffer.
    await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw invalidFile();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidFile();

  const byHeader = new Map(columns.map((c) => [c.header, c.key]));
  const position = new Map<K, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value);
    if (header === '') return;
    const key = byHeader.get(header);
    if (key === undefined || position.has(key)) throw invalidFile();
    position.set(key, col);
  });
  if (position.size !== columns.length) throw invalidFile();

  const rows: SheetRow<K>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = {} as Record<K, string>;
    let blank = true;
    for (const [key, col] of position) {
      cells[key] = cellText(row.getCell(col).value);
      if (cells[key] !== '') blank = false;
    }
    if (blank) return;
    if (rows.length >= LIMITS.importRowsMax) throw new AppError('IMPORT_TOO_MANY_ROWS');
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** Writes one worksheet: bold header row frozen at the top, set widths, text columns as text. */
export async function writeSheet<K extends string>(sheetName: string, columns: readonly SheetColumn<K>[], rows: Record<K, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // An empty value leaves the cell empty rather than holding "".
    const cells = {} as Record<K, string | null>;
    for (const c of columns) cells[c.key] = r[c.key] === '' ? null : xmlSafe(r[c.key]);
    sheet.addRow(cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
