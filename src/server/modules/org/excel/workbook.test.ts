import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../contracts/limits';
import { AppError } from '../../../platform/errors/app-error';
import { readPeopleSheet, PEOPLE_COLUMNS } from './people-sheet';
import { sheetWith } from './test-support';
import { readUnitsSheet, UNIT_COLUMNS } from './units-sheet';
import { cellText, readSheet, writeSheet, type SheetColumn } from './workbook';

const COLUMNS = [
  { key: 'code', header: '代码', width: 18, text: true },
  { key: 'name', header: '名称', width: 24 },
] as const satisfies readonly SheetColumn[];

const errorCode = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('cellText', () => {
  it('turns whatever Excel stored into trimmed text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  宝盖镇 \u3000')).toBe('宝盖镇');
    expect(cellText(350581101000)).toBe('350581101000');
    expect(cellText(13800000000)).toBe('13800000000');
    expect(cellText(true)).toBe('true');
    expect(cellText({ richText: [{ text: ' 宝盖' }, { text: '镇 ', font: { bold: true } }] })).toBe('宝盖镇');
    expect(cellText({ text: '塘后村', hyperlink: 'https://example.org' })).toBe('塘后村');
    expect(cellText({ text: { richText: [{ text: '后垵村' }] }, hyperlink: 'https://example.org' })).toBe('后垵村');
    expect(cellText({ formula: 'A1&""', result: 350581101201 })).toBe('350581101201');
    expect(cellText({ sharedFormula: 'A1', result: ' 村 ' })).toBe('村');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(new Date('2026-06-01T00:00:00Z'))).toBe('2026-06-01T00:00:00.000Z');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({ richText: [{}, { text: 5 }, null] })).toBe('');
  });
});

describe('readSheet', () => {
  it('reads rows by header, in any column order, skipping blank rows, with Excel row numbers', async () => {
    const file = await sheetWith([['名称', '代码'], ['宝盖镇', 350581101000], [], ['  ', null], [{ richText: [{ text: '塘后村' }] }, '350581101201']]);
    expect(await readSheet(file, COLUMNS)).toEqual([
      { row: 2, cells: { code: '350581101000', name: '宝盖镇' } },
      { row: 5, cells: { code: '350581101201', name: '塘后村' } },
    ]);
  });

  it('ignores columns without a header', async () => {
    const file = await sheetWith([['代码', '名称', null], ['350581101000', '宝盖镇', '旁注']]);
    expect(await readSheet(file, COLUMNS)).toEqual([{ row: 2, cells: { code: '350581101000', name: '宝盖镇' } }]);
  });

  it('refuses unknown, missing or repeated header columns with IMPORT_FILE_INVALID', async () => {
    for (const header of [['代码', '名称', '备注'], ['代码'], ['代码', '名称', '名称'], [], ['code', 'name']]) {
      const file = await sheetWith([header, ['350581101000', '宝盖镇']]);
      expect(await errorCode(readSheet(file, COLUMNS)), header.join('|')).toBe('IMPORT_FILE_INVALID');
    }
  });

  it('refuses what is not an .xlsx with IMPORT_FILE_INVALID', async () => {
    const csv = Buffer.from('代码,名称\n350581101000,宝盖镇\n', 'utf8');
    const zipOfText = Buffer.from('504b0304' + '00'.repeat(26), 'hex');
    const empty = Buffer.alloc(0);
    for (const file of [csv, zipOfText, empty]) expect(await errorCode(readSheet(file, COLUMNS))).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses a workbook without worksheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await errorCode(readSheet(file, COLUMNS))).toBe('IMPORT_FILE_INVALID');
  });

  it(`accepts ${LIMITS.importRowsMax} rows and refuses one more with IMPORT_TOO_MANY_ROWS`, async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ code: String(350581101001 + i), name: `村${i}` }));
    expect(await readSheet(await writeSheet('单位', COLUMNS, rows(LIMITS.importRowsMax)), COLUMNS)).toHaveLength(LIMITS.importRowsMax);
    expect(await errorCode(readSheet(await writeSheet('单位', COLUMNS, rows(LIMITS.importRowsMax + 1)), COLUMNS))).toBe('IMPORT_TOO_MANY_ROWS');
  });
});

describe('writeSheet', () => {
  it('writes a bold, frozen header row, column widths and text-formatted code columns', async () => {
    const file = await writeSheet('单位', COLUMNS, [{ code: '350581101000', name: '宝盖镇' }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('单位');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(18);
    expect(sheet.getColumn(2).width).toBe(24);
    expect(sheet.getCell('A2').value).toBe('350581101000');
    expect(sheet.getCell('A2').numFmt).toBe('@');
  });

  it('leaves out characters an .xlsx cannot hold, so the file always opens', async () => {
    const file = await writeSheet('单位', COLUMNS, [{ code: '350581101000', name: '宝盖\uffff镇\u0001' }]);
    expect(await readSheet(file, COLUMNS)).toEqual([{ row: 2, cells: { code: '350581101000', name: '宝盖镇' } }]);
  });
});

/** Any value a cell can hold, including odd text. */
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.constantFrom('村（社区）', '社区', '在用', '已撤销', '男', '女', '在岗', '离岗', '350581101201', '13800000000', '350581101000'),
  fc.array(fc.record({ text: fc.string({ maxLength: 10 }) }), { maxLength: 3 }).map((richText) => ({ richText })),
  fc.record({ text: fc.string({ maxLength: 10 }), hyperlink: fc.webUrl() }),
  fc.record({ formula: fc.constant('1+1'), result: fc.oneof(fc.integer(), fc.string({ maxLength: 10 })) }),
  fc.constantFrom({ error: '#N/A' as const }, { error: '#REF!' as const }),
);

/** Either the right header or a mangled one, then random rows. */
const sheetRows = (headers: string[]) =>
  fc.tuple(
    fc.oneof(fc.constant<ExcelJS.CellValue[]>(headers), fc.shuffledSubarray(headers).map((h) => [...h, '多余'] as ExcelJS.CellValue[]), fc.array(cellValue, { maxLength: 10 })),
    fc.array(fc.array(cellValue, { minLength: 0, maxLength: 10 }), { maxLength: 8 }),
  );

describe('the parser only ever fails with a typed error (property)', () => {
  const readers = [
    ['units', readUnitsSheet, UNIT_COLUMNS.map((c) => c.header)],
    ['people', readPeopleSheet, PEOPLE_COLUMNS.map((c) => c.header)],
  ] as const;

  for (const [name, read, headers] of readers) {
    it(`${name}: random cell contents parse, or fail with an AppError`, async () => {
      await fc.assert(
        fc.asyncProperty(sheetRows([...headers]), async ([header, rows]) => {
          let file: Buffer;
          try {
            file = await sheetWith([header, ...rows]);
          } catch {
            return; // exceljs cannot write this workbook: nothing to import.
          }
          try {
            const parsed = await read(file);
            for (const r of parsed) expect(r.errors.every((e) => e.column && e.code && e.zh)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
          }
        }),
        { numRuns: 150 },
      );
    });

    it(`${name}: random bytes, or a damaged .xlsx, fail with IMPORT_FILE_INVALID`, async () => {
      const good = await sheetWith([[...headers], ['x']]);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
            fc.tuple(fc.nat(good.length - 1), fc.nat(255)).map(([at, byte]) => {
              const damaged = Buffer.from(good);
              damaged[at] = byte;
              return damaged;
            }),
            fc.nat(good.length - 1).map((n) => good.subarray(0, n)),
          ),
          async (bytes) => {
            try {
              await read(bytes);
            } catch (e) {
              expect(e).toBeInstanceOf(AppError);
              expect((e as AppError).code).toBe('IMPORT_FILE_INVALID');
            }
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});
