import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../contracts/limits';
import { auditEvents } from '../../../platform/audit/schema';
import { childPath } from '../../../platform/hierarchy/paths';
import { units } from '../../../platform/hierarchy/schema';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { sheetWith, upload } from './test-support';
import { UNIT_COLUMNS, writeUnitsSheet } from './units-sheet';

let t: TestApp;
let fx: DemoFixtures;
let county: string;
let baogai: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  county = await loginAs(t.app, 'county_officer');
  baogai = await loginAs(t.app, 'baogai_chief');
});
afterAll(() => t.close());

const HEADER = UNIT_COLUMNS.map((c) => c.header);
const preview = (cookie: string, file: Buffer) => upload(t.app, cookie, '/api/org/import/units/preview', file);
const commit = (cookie: string, file: Buffer) => upload(t.app, cookie, '/api/org/import/units/commit', file, { fileName: '新港镇.xlsx' });
const unitCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n;
const auditCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;
const eventsOf = (requestId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
const byCode = async (code: string) => (await t.db.select().from(units).where(eq(units.code, code)))[0];

describe('export and re-import', () => {
  it('county_officer re-importing the exported units of 石狮市 finds every row unchanged', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/org/export/units.xlsx', headers: { cookie: county } });
    expect(exported.statusCode).toBe(200);
    const inScope = (await t.db.select({ n: sql<number>`count(*)::int` }).from(units).where(sql`${units.path} <@ ${fx.units.county.path}::ltree`))[0]!.n;
    const res = await preview(county, exported.rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({ create: 0, update: 0, unchanged: inScope, error: 0 });
    expect(res.json().rows[0]).toEqual({ row: 2, action: 'unchanged', key: '350581000000', name: '石狮市', errors: [], changes: [] });
  });
});

describe('a new township and its villages in one sheet', () => {
  // As a clerk types it: codes as numbers, a rich-text name, blank status.
  const sheet = () =>
    sheetWith([
      HEADER,
      ['乡镇（街道）', '镇', 350581107000, '新港镇', 350581000000, '', '石狮市新港大道1号', '0595-88880001'],
      ['村（社区）', '村', 350581107201, { richText: [{ text: '新港' }, { text: '一村', font: { bold: true } }] }, '350581107000', '在用', '', ''],
      ['村（社区）', '社区', '350581107002', '新港社区', '350581107000', '', '', '13905950002'],
    ]);

  it('previews three creates and writes nothing', async () => {
    const before = await unitCount();
    const res = await preview(county, await sheet());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(res.json().rows.map((r: { row: number; key: string; name: string }) => [r.row, r.key, r.name])).toEqual([
      [2, '350581107000', '新港镇'],
      [3, '350581107201', '新港一村'],
      [4, '350581107002', '新港社区'],
    ]);
    expect(await unitCount()).toBe(before);
  });

  it('commits them in one transaction with an audit event each and a summary', async () => {
    const res = await commit(county, await sheet());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, kind: 'units', counts: { create: 3, update: 0, unchanged: 0, error: 0 } });

    const town = (await byCode('350581107000'))!;
    expect(town).toMatchObject({ parentId: fx.units.county.id, level: 'township', kind: 'town', name: '新港镇', status: 'active', address: '石狮市新港大道1号', phone: '0595-88880001' });
    expect(town.path).toBe(childPath(fx.units.county.path, town.id));
    const village = (await byCode('350581107201'))!;
    expect(village).toMatchObject({ parentId: town.id, level: 'village', kind: 'village', name: '新港一村' });
    expect(village.path).toBe(childPath(town.path, village.id));
    expect((await byCode('350581107002'))!).toMatchObject({ parentId: town.id, kind: 'community', phone: '13905950002' });

    const events = await eventsOf(res.headers['x-request-id'] as string);
    expect(events.map((e) => e.action).sort()).toEqual(['org.import.units', 'org.unit.created', 'org.unit.created', 'org.unit.created']);
    expect(events.find((e) => e.entityId === town.id)).toMatchObject({ summary: '石狮市 / 新港镇', after: expect.objectContaining({ code: '350581107000', parentId: fx.units.county.id }) });
    expect(events.find((e) => e.action === 'org.import.units')).toMatchObject({
      unitId: fx.units.county.id,
      after: { file: '新港镇.xlsx', create: 3, update: 0, unchanged: 0 },
    });

    const detail = await t.app.inject({ method: 'GET', url: `/api/org/units/${town.id}`, headers: { cookie: county } });
    expect(detail.json().counts.children).toBe(2);
  });

  it('a second commit of the same sheet changes nothing and writes only the summary', async () => {
    const before = await unitCount();
    const res = await commit(county, await sheet());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(await unitCount()).toBe(before);
    expect((await eventsOf(res.headers['x-request-id'] as string)).map((e) => e.action)).toEqual(['org.import.units']);
  });

  it('updates what differs, with the same audit event as the form', async () => {
    const file = await sheetWith([HEADER, ['村（社区）', '村', '350581107201', '新港第一村', '350581107000', '在用', '', '0595-88880002']]);
    const res = await commit(county, file);
    expect(res.json().rows[0]).toMatchObject({ action: 'update', changes: ['名称', '电话'] });
    const village = (await byCode('350581107201'))!;
    expect(village).toMatchObject({ name: '新港第一村', phone: '0595-88880002' });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.requestId, res.headers['x-request-id'] as string), eq(auditEvents.action, 'org.unit.updated')));
    expect(event).toMatchObject({ entityId: village.id, before: { name: '新港一村', phone: null }, after: { name: '新港第一村', phone: '0595-88880002' } });
  });
});

describe('row errors', () => {
  it('reports a bad code and duplicate codes with their row numbers', async () => {
    const res = await preview(
      county,
      await sheetWith([
        HEADER,
        ['村（社区）', '村', '35058110129', '坏码村', '350581101000', '', '', ''],
        ['村（社区）', '村', '350581102299', '错位村', '350581101000', '', '', ''],
        ['村（社区）', '村', '350581101288', '甲村', '350581101000', '', '', ''],
        ['村（社区）', '村', '350581101288', '乙村', '350581101000', '', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { row: number; action: string; errors: { column: string; code: string; message: string }[] }[];
    expect(rows.map((r) => [r.row, r.action, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      [2, 'error', ['代码:unit_code']],
      [3, 'error', ['代码:UNIT_CODE_MISMATCH']],
      [4, 'create', []],
      [5, 'error', ['代码:duplicate_key']],
    ]);
    expect(rows[3]!.errors[0]!.message).toBe('与第 4 行的代码重复');
    expect(res.json().counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 3 });
  });

  it('baogai_chief importing a 灵秀镇 village gets "parent not found", the same as for a parent that does not exist', async () => {
    const res = await preview(
      baogai,
      await sheetWith([
        HEADER,
        ['村（社区）', '村', '350581100288', '灵秀新村', fx.units.lingxiu.code, '', '', ''],
        ['村（社区）', '村', '350581199288', '无名村', '350581199000', '', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(200);
    for (const row of res.json().rows) {
      expect(row.errors).toEqual([{ column: '上级代码', code: 'NOT_FOUND', message: '上级单位不存在或无权限' }]);
    }
  });

  it('a commit with an error row writes nothing and answers IMPORT_HAS_ERRORS with the rows', async () => {
    const [units0, audit0] = [await unitCount(), await auditCount()];
    const res = await commit(
      county,
      await sheetWith([HEADER, ['村（社区）', '村', '350581101287', '好村', '350581101000', '', '', ''], ['村（社区）', '街道', '350581101286', '错类型村', '350581101000', '', '', '']]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', fields: [{ path: 'rows.3.类型', code: 'UNIT_LEVEL_MISMATCH', zh: '第 3 行 类型：单位类型与所在层级不符' }] });
    expect([await unitCount(), await auditCount()]).toEqual([units0, audit0]);
    expect(await byCode('350581101287')).toBeUndefined();
  });
});

describe('bad files', () => {
  it('answers what is not an .xlsx with 400 IMPORT_FILE_INVALID, never 500', async () => {
    const files = [
      Buffer.from('层级,类型,代码\n村,村,350581101299\n', 'utf8'),
      Buffer.from('%PDF-1.7\n', 'utf8'),
      Buffer.alloc(0),
      await sheetWith([['代码', '名称', '备注'], ['350581101299', '新村', '']]),
    ];
    for (const file of files) {
      for (const url of ['/api/org/import/units/preview', '/api/org/import/units/commit']) {
        const res = await upload(t.app, county, url, file);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', zh: '无法读取 Excel 文件，请使用导出的模板' });
      }
    }
  });

  it(`refuses more than ${LIMITS.importRowsMax} rows with IMPORT_TOO_MANY_ROWS`, async () => {
    const rows = Array.from({ length: LIMITS.importRowsMax + 1 }, (_, i) => ({
      level: 'village' as const,
      kind: 'village' as const,
      code: `350581199${String(i).padStart(3, '0')}`.slice(0, 12),
      name: `村${i}`,
      parentCode: '350581199000',
      status: 'active' as const,
      address: null,
      phone: null,
    }));
    const res = await preview(county, await writeUnitsSheet(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_TOO_MANY_ROWS');
  });

  it('needs the multipart field `file`, and multipart at all', async () => {
    const file = await sheetWith([HEADER]);
    const wrongField = await upload(t.app, county, '/api/org/import/units/preview', file, { field: 'upload' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.file', code: 'required' }] });
    const json = await t.app.inject({ method: 'POST', url: '/api/org/import/units/preview', headers: { cookie: county }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/org/import/units/preview', payload: { file: 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers a malformed multipart body with 400, never 500 (property)', async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n';
    const fixed: [string, string][] = [
      ['multipart/form-data; boundary=b', `${part}cut short`],
      ['multipart/form-data', 'no boundary'],
      ['multipart/form-data; boundary=b', ''],
    ];
    const random = fc.tuple(fc.constantFrom('multipart/form-data; boundary=b', 'multipart/form-data'), fc.oneof(fc.string(), fc.string().map((s) => part + s), fc.string().map((s) => `${part}${s}\r\n--b--\r\n`)));
    const check = async ([type, payload]: [string, string]) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/org/import/units/preview', headers: { cookie: county, 'content-type': type }, payload });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    };
    for (const c of fixed) await check(c);
    await fc.assert(fc.asyncProperty(random, check), { numRuns: 60 });
  });

  it('answers a file over the size limit with 413', async () => {
    const res = await upload(t.app, county, '/api/org/import/units/preview', Buffer.alloc(LIMITS.importFileBytesMax + 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
  });
});
