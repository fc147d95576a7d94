import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../../platform/hierarchy/schema';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { readPeopleSheet } from './people-sheet';
import { readUnitsSheet } from './units-sheet';

let t: TestApp;
let fx: DemoFixtures;
let county: string;
let lingxiu: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  county = await loginAs(t.app, 'county_officer');
  lingxiu = await loginAs(t.app, 'lingxiu_chief');
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('units export', () => {
  it('sends the units of the scope as an .xlsx attachment with a UTF-8 file name', async () => {
    const res = await get(county, '/api/org/export/units.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['cache-control']).toBe('no-store');
    const name = `单位-石狮市-20260601.xlsx`;
    expect(res.headers['content-disposition']).toBe(`attachment; filename="units-20260601.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '层级', '类型', '代码', '名称', '上级代码', '状态', '地址', '电话']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([undefined, '县（市、区）', '县级市', '350581000000', '石狮市', '350500000000', '在用', undefined, '0595-88888110']);

    const rows = await readUnitsSheet(res.rawPayload);
    const inScope = (await t.db.select({ n: sql<number>`count(*)::int` }).from(units).where(sql`${units.path} <@ ${fx.units.county.path}::ltree`))[0]!.n;
    expect(rows).toHaveLength(inScope);
    // Each unit is followed by its subtree: 宝盖镇, then 塘后村 and its grids.
    const codes = rows.map((r) => r.key);
    const at = codes.indexOf(fx.units.baogai.code);
    expect(codes.slice(at, at + 5)).toEqual([fx.units.baogai.code, fx.units.tanghou.code, `${fx.units.tanghou.code}001`, `${fx.units.tanghou.code}002`, `${fx.units.tanghou.code}003`]);
  });

  it('exports the subtree of a unit in scope, and answers 404 for a unit outside it', async () => {
    const own = await get(lingxiu, `/api/org/export/units.xlsx?unitId=${fx.units.chaokeng.id}`);
    expect(own.statusCode).toBe(200);
    expect((await readUnitsSheet(own.rawPayload)).map((r) => r.name)).toEqual(['钞坑村', '钞坑村第一网格', '钞坑村第二网格', '钞坑村第三网格']);
    for (const url of [`/api/org/export/units.xlsx?unitId=${fx.units.baogai.id}`, `/api/org/export/people.xlsx?unitId=${fx.units.baogai.id}`]) {
      const res = await get(lingxiu, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('checks its query and needs a session', async () => {
    const bad = await get(county, '/api/org/export/units.xlsx?unitId=宝盖镇');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'GET', url: '/api/org/export/people.xlsx' })).statusCode).toBe(401);
  });
});

describe('people export', () => {
  it('sends the people of the scope only, by unit code', async () => {
    const res = await get(lingxiu, '/api/org/export/people.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('人员-灵秀镇-20260601.xlsx')}`);
    const rows = await readPeopleSheet(res.rawPayload);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.unitCode.startsWith('350581100'))).toBe(true);
    expect(rows.map((r) => r.unitCode)).toEqual([...rows.map((r) => r.unitCode)].sort());
    expect(rows.find((r) => r.name === '邱文杰')).toMatchObject({ unitName: '灵秀镇', values: { title: '站长', status: 'active' }, errors: [] });
  });
});
