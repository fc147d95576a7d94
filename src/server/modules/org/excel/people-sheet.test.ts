import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../contracts/limits';
import { parsePersonRow, readPeopleSheet, writePeopleSheet, type PersonRecord } from './people-sheet';

const cells = (over: Record<string, string> = {}) => ({
  unitCode: '350581101201',
  unitName: '塘后村',
  name: '洪志明',
  phone: '13905951234',
  gender: '男',
  title: '网格员',
  status: '在岗',
  notes: '',
  ...over,
});

describe('parsePersonRow', () => {
  it('reads a row of the template', () => {
    expect(parsePersonRow({ row: 2, cells: cells() })).toEqual({
      row: 2,
      unitCode: '350581101201',
      unitName: '塘后村',
      phone: '13905951234',
      name: '洪志明',
      values: { name: '洪志明', phone: '13905951234', gender: 'male', title: '网格员', status: 'active', notes: null },
      errors: [],
    });
  });

  it('takes blank gender as unknown, blank status as 在岗, and 已离岗 as 离岗', () => {
    expect(parsePersonRow({ row: 2, cells: cells({ gender: '', status: '' }) }).values).toMatchObject({ gender: null, status: 'active' });
    expect(parsePersonRow({ row: 2, cells: cells({ status: '已离岗' }) }).values.status).toBe('left');
  });

  it('reports each bad cell with its column, a stable code and a Chinese message', () => {
    const r = parsePersonRow({ row: 9, cells: cells({ unitCode: '', name: '', phone: '1390595', gender: '未知', status: '休假', notes: '备'.repeat(LIMITS.notesMax + 1) }) });
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['单位代码', 'required'],
      ['姓名', 'required'],
      ['手机', 'phone'],
      ['性别', 'invalid_value'],
      ['状态', 'invalid_value'],
      ['备注', 'too_long'],
    ]);
    expect(r.errors.find((e) => e.column === '性别')!.zh).toBe('应为：男、女');
  });
});

const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max && !/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s));
const personRecord: fc.Arbitrary<PersonRecord> = fc.record({
  unitCode: fc.stringMatching(/^\d{12}$/),
  unitName: text(LIMITS.nameMax),
  name: text(LIMITS.nameMax),
  phone: fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^0\d{2,3}-\d{7,8}$/)),
  gender: fc.constantFrom('male' as const, 'female' as const, null),
  title: fc.option(text(LIMITS.nameMax), { nil: null }),
  status: fc.constantFrom('active' as const, 'left' as const),
  notes: fc.option(text(LIMITS.notesMax), { nil: null }),
});

describe('export → import round trip (property)', () => {
  it('a written sheet reads back as the same people, without errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(personRecord, { maxLength: 20 }), async (people) => {
        const parsed = await readPeopleSheet(await writePeopleSheet(people));
        expect(parsed.map((p) => p.errors)).toEqual(people.map(() => []));
        expect(parsed.map((p) => ({ unitCode: p.unitCode, unitName: p.unitName, ...p.values }))).toEqual(people);
      }),
      { numRuns: 60 },
    );
  });
});
