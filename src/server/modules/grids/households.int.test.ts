import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { households } from './schema';

let t: TestApp;
let fx: DemoFixtures;
let grid: Api;
let lead: Api;
let duty: Api;
let baogai: Api;
let lingxiu: Api;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  baogai = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
});
afterAll(() => t.close());

let serial = 0;
const household = (unitId: string, extra: Record<string, unknown> = {}) => ({ unitId, address: `塘后村测试路 ${++serial} 号`, headName: '蔡志明', members: 3, ...extra });
const eventsOf = (requestId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));

describe('households of a grid', () => {
  it('the grid worker registers and edits households of their own grid, each change audited', async () => {
    const res = await grid.post('/api/grids/households', household(fx.units.tanghouGrid1.id, { phone: '13905951001', notes: '二层小楼' }));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ unit: { id: fx.units.tanghouGrid1.id, name: '塘后村第一网格' }, headName: '蔡志明', members: 3, phone: '13905951001', status: 'active', vulnerableCount: 0, can: { update: true } });
    const [createdEvent] = await eventsOf(res.headers['x-request-id'] as string);
    expect(createdEvent).toMatchObject({ action: 'grid.household.created', entityId: created.id, unitId: fx.units.tanghouGrid1.id, after: { headName: '蔡志明', members: 3 } });

    const patched = await grid.patch(`/api/grids/households/${created.id}`, { members: 4, status: 'moved_out' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ members: 4, status: 'moved_out' });
    const [updatedEvent] = await eventsOf(patched.headers['x-request-id'] as string);
    expect(updatedEvent).toMatchObject({ action: 'grid.household.updated', before: { members: 3, status: 'active' }, after: { members: 4, status: 'moved_out' } });
  });

  it('a household of 第二网格 is 404 for tanghou_grid, to read, to change and to add to', async () => {
    const other = (await lead.post('/api/grids/households', household(fx.units.tanghouGrid2.id))).json();
    expect((await grid.get(`/api/grids/households/${other.id}`)).statusCode).toBe(404);
    const patch = await grid.patch(`/api/grids/households/${other.id}`, { notes: '不是我的网格' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('NOT_FOUND');
    expect((await grid.post('/api/grids/households', household(fx.units.tanghouGrid2.id))).statusCode).toBe(404);
    expect((await grid.get(`/api/grids/households?unitId=${fx.units.tanghouGrid2.id}`)).statusCode).toBe(404);
    const mine = (await grid.get('/api/grids/households?status=all&pageSize=200')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((h: { unit: { id: string } }) => h.unit.id === fx.units.tanghouGrid1.id)).toBe(true);
  });

  it('the village lead manages the households of all the village’s grids and lists them by village', async () => {
    const a = await lead.post('/api/grids/households', household(fx.units.tanghouGrid1.id));
    const b = await lead.post('/api/grids/households', household(fx.units.tanghouGrid2.id));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const list = (await lead.get(`/api/grids/households?unitId=${fx.units.tanghou.id}&pageSize=200`)).json();
    const grids = new Set(list.items.map((h: { unit: { name: string } }) => h.unit.name));
    expect(grids.has('塘后村第一网格') && grids.has('塘后村第二网格')).toBe(true);
    const search = (await lead.get(`/api/grids/households?unitId=${fx.units.tanghou.id}&q=${encodeURIComponent(a.json().address)}`)).json();
    expect(search.items.map((h: { id: string }) => h.id)).toEqual([a.json().id]);
  });

  it('households belong to grids: one at a village is refused', async () => {
    const res = await lead.post('/api/grids/households', household(fx.units.tanghou.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('GRID_UNIT_REQUIRED');
  });

  it('an address is registered once per grid', async () => {
    const body = household(fx.units.tanghouGrid1.id);
    expect((await grid.post('/api/grids/households', body)).statusCode).toBe(201);
    const again = await grid.post('/api/grids/households', { ...body, headName: '另一户主' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('HOUSEHOLD_ADDRESS_TAKEN');
    // The same address in another grid is another household.
    expect((await lead.post('/api/grids/households', { ...body, unitId: fx.units.tanghouGrid2.id })).statusCode).toBe(201);
  });

  it('the duty officer reads the households of 宝盖镇 but may not change them', async () => {
    const [h] = await t.db.select().from(households).where(eq(households.unitId, fx.units.tanghouGrid1.id)).limit(1);
    const read = await duty.get(`/api/grids/households/${h!.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().can.update).toBe(false);
    expect((await duty.patch(`/api/grids/households/${h!.id}`, { notes: '值班员不能改' })).statusCode).toBe(403);
    expect((await duty.post('/api/grids/households', household(fx.units.tanghouGrid1.id))).statusCode).toBe(403);
  });

  it('the neighbouring township sees nothing: a 宝盖镇 user reading a 灵秀镇 household gets 404, and back', async () => {
    const theirs = await lingxiu.post('/api/grids/households', { unitId: fx.units.chaokengGrid1.id, address: '钞坑村西区 1 号', headName: '施文斌', members: 2 });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const res = await baogai.get(`/api/grids/households/${theirs.json().id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await baogai.get(`/api/grids/households?unitId=${fx.units.lingxiu.id}`)).statusCode).toBe(404);
    const all = (await baogai.get('/api/grids/households?pageSize=200&status=all')).json();
    expect(all.items.some((h: { id: string }) => h.id === theirs.json().id)).toBe(false);

    const [ours] = await t.db.select().from(households).where(and(eq(households.unitId, fx.units.tanghouGrid1.id))).limit(1);
    expect((await lingxiu.get(`/api/grids/households/${ours!.id}`)).statusCode).toBe(404);
    expect((await lingxiu.patch(`/api/grids/households/${ours!.id}`, { notes: '越权' })).statusCode).toBe(404);
  });

  it('rejects bad input with field errors', async () => {
    const res = await grid.post('/api/grids/households', { unitId: fx.units.tanghouGrid1.id, address: '', headName: '蔡', members: 0, phone: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.address', 'body.members', 'body.phone']);
  });
});
