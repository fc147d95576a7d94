import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../contracts/limits';
import { UNIT_KINDS, UNIT_LEVELS, type UnitLevel } from '../../../../contracts/org';
import { parseUnitRow, readUnitsSheet, UNIT_COLUMNS, writeUnitsSheet, type UnitRecord } from './units-sheet';

const cells = (over: Partial<Record<(typeof UNIT_COLUMNS)[number]['key'], string>> = {}) => ({
  level: '村（社区）',
  kind: '村',
  code: '350581101299',
  name: '新村',
  parentCode: '350581101000',
  status: '在用',
  address: '',
  phone: '',
  ...over,
});

describe('parseUnitRow', () => {
  it('reads a row of the template', () => {
    const r = parseUnitRow({ row: 7, cells: cells({ address: '石狮市宝盖镇新村', phone: '0595-88881234' }) });
    expect(r).toEqual({
      row: 7,
      key: '350581101299',
      name: '新村',
      parentCode: '350581101000',
      values: { level: 'village', kind: 'village', code: '350581101299', name: '新村', status: 'active', address: '石狮市宝盖镇新村', phone: '0595-88881234' },
      errors: [],
    });
  });

  it('accepts hand-typed variants: half-width brackets, short level words, English values, blank status', () => {
    expect(parseUnitRow({ row: 2, cells: cells({ level: '村(社区)', status: '' }) }).values).toMatchObject({ level: 'village', status: 'active' });
    expect(parseUnitRow({ row: 2, cells: cells({ level: '乡镇', kind: '街道' }) }).values).toMatchObject({ level: 'township', kind: 'subdistrict' });
    expect(parseUnitRow({ row: 2, cells: cells({ level: 'village', kind: 'community', status: 'retired' }) }).values).toMatchObject({ level: 'village', kind: 'community', status: 'retired' });
  });

  it('reports each bad cell with its column, a stable code and a Chinese message', () => {
    const r = parseUnitRow({ row: 3, cells: cells({ level: '省', kind: '', code: '35058110129', name: '村'.repeat(LIMITS.nameMax + 1), status: '停用', phone: '12345' }) });
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['层级', 'invalid_value'],
      ['类型', 'required'],
      ['代码', 'unit_code'],
      ['名称', 'too_long'],
      ['状态', 'invalid_value'],
      ['电话', 'phone'],
    ]);
    expect(r.errors[0]!.zh).toContain('乡镇（街道）');
    expect(r.errors[2]!.zh).toBe('行政区划代码应为 6、9、12 或 15 位数字');
  });

  it('requires code and name, and blank parent code means none', () => {
    const r = parseUnitRow({ row: 4, cells: cells({ code: '', name: '', parentCode: '' }) });
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['代码', 'required'],
      ['名称', 'required'],
    ]);
    expect(r.parentCode).toBeNull();
  });
});

/** Units as the database may hold them: any kind of its level, text without leading/trailing blanks. */
const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max && !/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s));
const unitRecord: fc.Arbitrary<UnitRecord> = fc
  .constantFrom(...UNIT_LEVELS)
  .chain((level: UnitLevel) =>
    fc.record({
      level: fc.constant(level),
      kind: fc.constantFrom(...UNIT_KINDS[level]),
      code: fc.stringMatching(/^\d{12}$/),
      name: text(LIMITS.nameMax),
      parentCode: fc.option(fc.stringMatching(/^\d{12}$/), { nil: null }),
      status: fc.constantFrom('active' as const, 'retired' as const),
      address: fc.option(text(LIMITS.addressMax), { nil: null }),
      phone: fc.option(fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^0\d{3}-\d{8}$/)), { nil: null }),
    }),
  );

describe('export → import round trip (property)', () => {
  it('a written sheet reads back as the same units, without errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(unitRecord, { maxLength: 20 }), async (units) => {
        const parsed = await readUnitsSheet(await writeUnitsSheet(units));
        expect(parsed.map((p) => p.errors)).toEqual(units.map(() => []));
        expect(parsed.map((p) => ({ ...p.values, parentCode: p.parentCode }))).toEqual(units);
        expect(parsed.map((p) => p.row)).toEqual(units.map((_, i) => i + 2));
      }),
      { numRuns: 60 },
    );
  });
});
