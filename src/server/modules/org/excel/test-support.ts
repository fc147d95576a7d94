import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';

/** Test helpers (not used by the app): sheets with arbitrary cells, and multipart bodies built by hand. */

/** An .xlsx whose first sheet has these rows, cells as given (numbers, rich text, formulas…). */
export async function sheetWith(rows: ExcelJS.CellValue[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((cells, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((value, j) => {
      row.getCell(j + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file part, for `app.inject`. */
export function multipart(file: Buffer, { field = 'file', fileName = '导入.xlsx', type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } = {}) {
  const boundary = `----lastmeter${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/"/g, "%22")}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), file, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a file as the multipart field `file`, signed in with `cookie`. */
export function upload(app: FastifyInstance, cookie: string, url: string, file: Buffer, options?: Parameters<typeof multipart>[1]) {
  const body = multipart(file, options);
  return app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
}
