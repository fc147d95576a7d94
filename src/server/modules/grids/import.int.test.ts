import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, loginAs, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { sheetWith, upload } from '../org/excel/test-support';
import { people } from '../org/schema';
import { HOUSEHOLD_COLUMNS } from './excel/households-sheet';
import { VULNERABLE_COLUMNS } from './excel/vulnerable-sheet';
import { households, vulnerablePeople } from './schema';

let t: TestApp;
let fx: DemoFixtures;
let lead: string;
let grid: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  lead = await loginAs(t.app, 'tanghou_lead');
  grid = await loginAs(t.app, 'tanghou_grid');
});
afterAll(() => t.close());

const H = HOUSEHOLD_COLUMNS.map((c) => c.header);
const V = VULNERABLE_COLUMNS.map((c) => c.header);
const send = (cookie: string, kind: 'households' | 'vulnerable', step: 'preview' | 'commit', file: Buffer) => upload(t.app, cookie, `/api/grids/import/${kind}/${step}`, file);
const exported = async (cookie: string, kind: 'households' | 'vulnerable', unitId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/grids/export/${kind}.xlsx?unitId=${unitId}`, headers: { cookie } })).rawPayload;
const count = async (table: typeof households | typeof vulnerablePeople) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const actionsOf = async (requestId: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId))).map((e) => e.action).sort();

describe('households import', () => {
  it('re-importing an export of 塘后村 changes nothing', async () => {
    const file = await exported(lead, 'households', fx.units.tanghou.id);
    const res = await send(lead, 'households', 'preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const inVillage = (await t.db.select({ n: sql<number>`count(*)::int` }).from(households).where(sql`${households.unitId} in (select id from units where path <@ ${fx.units.tanghou.path}::ltree)`))[0]!.n;
    expect(res.json()).toMatchObject({ kind: 'households', counts: { create: 0, update: 0, unchanged: inVillage, error: 0 } });
  });

  it('the village lead adds and changes households; importing the same sheet twice changes nothing the second time', async () => {
    const g1 = fx.units.tanghouGrid1.code;
    const g2 = fx.units.tanghouGrid2.code;
    const file = await sheetWith([
      H,
      [g1, '塘后村第一网格', '塘后村新村 1 号', '蔡金龙', 13905953001, 5, '', ''],
      [Number(g2), '', '塘后村新村 2 号', '许丽华', '', '', '在住', '独栋'],
      [g1, '', '塘后村前街 12 号', '蔡天赐', '13759500101', 4, '已迁出', '搬到石狮市区'],
    ]);
    const planned = await send(lead, 'households', 'preview', file);
    expect(planned.json().rows.map((r: { action: string; changes: string[] }) => [r.action, r.changes])).toEqual([
      ['create', []],
      ['create', []],
      ['update', ['状态', '备注']],
    ]);
    const before = await count(households);
    const res = await send(lead, 'households', 'commit', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, kind: 'households', counts: { create: 2, update: 1, unchanged: 0, error: 0 } });
    expect(await count(households)).toBe(before + 2);
    const [added] = await t.db.select().from(households).where(and(eq(households.unitId, fx.units.tanghouGrid2.id), eq(households.address, '塘后村新村 2 号')));
    expect(added).toMatchObject({ headName: '许丽华', phone: null, members: 1, status: 'active', notes: '独栋' });
    expect(await actionsOf(res.headers['x-request-id'] as string)).toEqual(['grid.household.created', 'grid.household.created', 'grid.household.updated', 'grid.import.households']);

    const again = await send(lead, 'households', 'commit', file);
    expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(await count(households)).toBe(before + 2);
    expect(await actionsOf(again.headers['x-request-id'] as string)).toEqual(['grid.import.households']);
  });

  it('a row for another grid or a village is an error for the grid worker, and the commit writes nothing', async () => {
    const before = await count(households);
    const file = await sheetWith([
      H,
      [fx.units.tanghouGrid1.code, '', '塘后村新村 3 号', '洪建华', '', 2, '', ''],
      [fx.units.tanghouGrid2.code, '', '塘后村新村 4 号', '洪春燕', '', 2, '', ''],
      [fx.units.chaokengGrid1.code, '', '钞坑村 1 号', '施永福', '', 2, '', ''],
      [fx.units.tanghouGrid1.code, '', '塘后村新村 3 号', '洪建华', '', 200, '', ''],
    ]);
    const planned = (await send(grid, 'households', 'preview', file)).json();
    expect(planned.rows.map((r: { action: string; errors: { column: string; code: string }[] }) => [r.action, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['create', []],
      ['error', ['网格代码:NOT_FOUND']],
      ['error', ['网格代码:NOT_FOUND']],
      ['error', ['人口数:invalid_value', '地址:duplicate_key']],
    ]);
    const res = await send(grid, 'households', 'commit', file);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', fields: expect.arrayContaining([expect.objectContaining({ path: 'rows.3.网格代码', code: 'NOT_FOUND' })]) });
    expect(await count(households)).toBe(before);

    const village = await sheetWith([H, [fx.units.tanghou.code, '', '塘后村新村 5 号', '洪建华', '', 2, '', '']]);
    expect((await send(lead, 'households', 'preview', village)).json().rows[0].errors[0]).toMatchObject({ column: '网格代码', code: 'GRID_UNIT_REQUIRED' });
  });

  it('a reader without grids.manage may preview but not change', async () => {
    const duty = await loginAs(t.app, 'baogai_duty');
    const res = await send(duty, 'households', 'preview', await sheetWith([H, [fx.units.tanghouGrid1.code, '', '塘后村新村 6 号', '洪建华', '', 2, '', '']]));
    expect(res.json().rows[0].errors).toEqual([{ column: '网格代码', code: 'FORBIDDEN', message: '没有执行此操作的权限' }]);
  });

  it('a file that is not the template is refused', async () => {
    const res = await send(lead, 'households', 'preview', await sheetWith([V]));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_FILE_INVALID');
  });
});

describe('vulnerable people import', () => {
  it('links households by address and responsible people by phone; importing twice changes nothing the second time', async () => {
    const g1 = fx.units.tanghouGrid1.code;
    const worker = fx.people.tanghouGrid1;
    const file = await sheetWith([
      V,
      [g1, '塘后村第一网格', '蔡阿嬷', '独居老人', '', '塘后村前街 15 号', worker.name, worker.phone, '', '腿脚不便'],
      [g1, '', '许小宝', '留守儿童', '', '塘后村大宗祠旁 3 号', '', worker.phone, '在册', '父母在外务工，随祖父母生活'],
      [g1, '', '洪阿公', '重病患者', 13905954001, '', '', '', '', ''],
    ]);
    const planned = (await send(lead, 'vulnerable', 'preview', file)).json();
    expect(planned.rows.map((r: { action: string; changes: string[] }) => [r.action, r.changes])).toEqual([
      ['create', []],
      ['unchanged', []],
      ['create', []],
    ]);
    const res = await send(lead, 'vulnerable', 'commit', file);
    expect(res.statusCode, res.body).toBe(200);
    const [grandma] = await t.db.select().from(vulnerablePeople).where(and(eq(vulnerablePeople.unitId, fx.units.tanghouGrid1.id), eq(vulnerablePeople.name, '蔡阿嬷')));
    const [home] = await t.db.select().from(households).where(and(eq(households.unitId, fx.units.tanghouGrid1.id), eq(households.address, '塘后村前街 15 号')));
    expect(grandma).toMatchObject({ category: 'elderly_alone', householdId: home!.id, responsiblePersonId: worker.id, notes: '腿脚不便', phone: null });
    const [ill] = await t.db.select().from(vulnerablePeople).where(eq(vulnerablePeople.name, '洪阿公'));
    expect(ill).toMatchObject({ category: 'seriously_ill', phone: '13905954001', householdId: null, responsiblePersonId: null });
    expect(await actionsOf(res.headers['x-request-id'] as string)).toEqual(['grid.import.vulnerable', 'grid.vulnerable.created', 'grid.vulnerable.created']);

    const again = await send(lead, 'vulnerable', 'commit', file);
    expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(await actionsOf(again.headers['x-request-id'] as string)).toEqual(['grid.import.vulnerable']);
  });

  it('the grid worker re-imports their export unchanged although its responsible person is a village cadre they cannot see', async () => {
    const [cadre] = await t.db.select().from(people).where(and(eq(people.unitId, fx.units.tanghou.id), eq(people.name, '蔡金水')));
    const [v] = await t.db.select().from(vulnerablePeople).where(and(eq(vulnerablePeople.unitId, fx.units.tanghouGrid1.id), eq(vulnerablePeople.name, '洪美珠')));
    await t.db.update(vulnerablePeople).set({ responsiblePersonId: cadre!.id }).where(eq(vulnerablePeople.id, v!.id));
    const file = await exported(grid, 'vulnerable', fx.units.tanghouGrid1.id);
    const res = (await send(grid, 'vulnerable', 'preview', file)).json();
    expect(res.counts.error).toBe(0);
    expect(res.counts.create + res.counts.update).toBe(0);

    // Naming the cadre anew for another person is refused: the grid worker cannot see them.
    const assign = await sheetWith([V, [fx.units.tanghouGrid1.code, '', '蔡阿嬷', '独居老人', '', '', cadre!.name, cadre!.phone, '', '']]);
    expect((await send(grid, 'vulnerable', 'preview', assign)).json().rows[0].errors).toEqual([
      { column: '责任人电话', code: 'RESPONSIBLE_NOT_IN_VILLAGE', message: '责任人须为本村（社区）在岗人员' },
    ]);
    // The village lead can.
    expect((await send(lead, 'vulnerable', 'preview', assign)).json().rows[0]).toMatchObject({ action: 'update', changes: ['所在户地址', '责任人', '备注'] });
  });

  it('unknown households, people of other villages and unknown categories are row errors; nothing is written', async () => {
    const before = await count(vulnerablePeople);
    const [houanWorker] = await t.db.select().from(people).where(sql`${people.unitId} in (select id from units where parent_id = ${fx.units.houan.id})`).limit(1);
    const file = await sheetWith([
      V,
      [fx.units.tanghouGrid1.code, '', '新登记一', '独居老人', '', '塘后村不存在路 1 号', '', '', '', ''],
      [fx.units.tanghouGrid1.code, '', '新登记二', '孤寡', '', '', '', '', '', ''],
      [fx.units.tanghouGrid1.code, '', '新登记三', '孕妇', '', '', houanWorker!.name, houanWorker!.phone, '', ''],
      [fx.units.tanghouGrid1.code, '', '新登记四', '孕妇', '', '', '某人', '', '', ''],
    ]);
    const planned = (await send(lead, 'vulnerable', 'preview', file)).json();
    expect(planned.rows.map((r: { errors: { column: string; code: string }[] }) => r.errors.map((e) => `${e.column}:${e.code}`))).toEqual([
      ['所在户地址:HOUSEHOLD_NOT_IN_GRID'],
      ['类别:invalid_value'],
      ['责任人电话:RESPONSIBLE_NOT_IN_VILLAGE'],
      ['责任人电话:required'],
    ]);
    expect((await send(lead, 'vulnerable', 'commit', file)).statusCode).toBe(400);
    expect(await count(vulnerablePeople)).toBe(before);
  });
});
