import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { units } from '../../platform/hierarchy/schema';
import { users } from '../../platform/auth/schema';
import { people } from './schema';

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let baogai: Api;
let lingxiu: Api;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  baogai = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
});
afterAll(() => t.close());

const auditCount = async (action: string, entityId?: string) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(entityId ? and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)) : eq(auditEvents.action, action))
  )[0]!.n;

describe('the neighbouring township sees nothing', () => {
  it('a 宝盖镇 user reading a 灵秀镇 unit, person, account or audit entry gets 404', async () => {
    await lingxiu.patch(`/api/org/people/${fx.people.lingxiu.id}`, { notes: '灵秀镇的记录' });
    const [lingxiuEvent] = await t.db.select().from(auditEvents).where(eq(auditEvents.unitId, fx.units.lingxiu.id)).limit(1);
    expect(lingxiuEvent).toBeDefined();
    for (const url of [
      `/api/org/units/${fx.units.lingxiu.id}`,
      `/api/org/units/${fx.units.chaokeng.id}`,
      `/api/org/units/${fx.units.lingxiu.id}/posts`,
      `/api/org/units?parentId=${fx.units.lingxiu.id}`,
      `/api/org/people/${fx.people.lingxiu.id}`,
      `/api/org/people?unitId=${fx.units.lingxiu.id}`,
      `/api/accounts/${fx.accounts.lingxiuGrid.id}`,
      `/api/audit/${lingxiuEvent!.id}`,
    ]) {
      const res = await baogai.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('lists return only the 宝盖镇 subtree', async () => {
    const baogaiPath = fx.units.baogai.path;
    const inBaogai = async (unitIds: string[]) => {
      const rows = await t.db.select({ id: units.id, inside: sql<boolean>`${units.path} <@ ${baogaiPath}::ltree` }).from(units);
      const inside = new Map(rows.map((r) => [r.id, r.inside]));
      return unitIds.every((id) => inside.get(id));
    };
    const search = (await baogai.get('/api/org/units?q=村&pageSize=200')).json();
    expect(search.total).toBeGreaterThan(4);
    expect(await inBaogai(search.items.map((u: { id: string }) => u.id))).toBe(true);

    const persons = (await baogai.get('/api/org/people?pageSize=200')).json();
    expect(persons.total).toBeGreaterThan(10);
    expect(await inBaogai(persons.items.map((p: { unitId: string }) => p.unitId))).toBe(true);

    const accounts = (await baogai.get('/api/accounts?pageSize=200')).json();
    expect(accounts.items.map((a: { username: string }) => a.username).sort()).toEqual(
      ['baogai_chief', 'baogai_duty', 'baogai_enforcer', 'baogai_keeper', 'baogai_rescue', 'tanghou_grid', 'tanghou_lead'].sort(),
    );

    const audit = (await baogai.get('/api/audit?pageSize=200')).json();
    expect(audit.total).toBeGreaterThan(0);
    expect(await inBaogai(audit.items.map((e: { unit: { id: string } }) => e.unit.id))).toBe(true);

    const roots = (await baogai.get('/api/org/units/roots')).json();
    expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['宝盖镇']);
  });
});

describe('units', () => {
  it('adds a township and a village under it, checking levels and codes, and audits each', async () => {
    const town = await county.post('/api/org/units', { parentId: fx.units.county.id, kind: 'town', code: '350581107000', name: '新华镇' });
    expect(town.statusCode).toBe(201);
    expect(town.json()).toMatchObject({ level: 'township', code: '350581107000', breadcrumb: [{ name: '泉州市', visible: false }, { name: '石狮市', visible: true }] });
    const townId = town.json().id;

    const wrongPrefix = await county.post('/api/org/units', { parentId: townId, kind: 'village', code: '350581101299', name: '错村' });
    expect(wrongPrefix.json().code).toBe('UNIT_CODE_MISMATCH');
    const wrongKind = await county.post('/api/org/units', { parentId: townId, kind: 'town', code: '350581107201', name: '错村' });
    expect(wrongKind.json().code).toBe('UNIT_LEVEL_MISMATCH');
    const village = await county.post('/api/org/units', { parentId: townId, kind: 'village', code: '350581107201', name: '新华村' });
    expect(village.statusCode).toBe(201);
    expect(village.json().level).toBe('village');

    const before = await auditCount('org.unit.created');
    const dup = await county.post('/api/org/units', { parentId: townId, kind: 'village', code: '350581107201', name: '重复村' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('UNIT_CODE_TAKEN');
    expect(await auditCount('org.unit.created')).toBe(before);
    expect(await auditCount('org.unit.created', townId)).toBe(1);
  });

  it('renames a unit and records before and after', async () => {
    const res = await county.patch(`/api/org/units/${fx.units.houan.id}`, { name: '后垵社区', kind: 'community' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '后垵社区', kind: 'community' });
    const [e] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'org.unit.updated'), eq(auditEvents.entityId, fx.units.houan.id)));
    expect(e!.before).toEqual({ name: '后垵村', kind: 'village' });
    expect(e!.after).toEqual({ name: '后垵社区', kind: 'community' });
    const log = (await county.get(`/api/audit?entityId=${fx.units.houan.id}`)).json();
    expect(log.items[0]).toMatchObject({ action: 'org.unit.updated', actor: { username: 'county_officer' } });
    const again = await county.patch(`/api/org/units/${fx.units.houan.id}`, { name: '后垵社区' });
    expect(again.statusCode).toBe(200);
    expect(await auditCount('org.unit.updated', fx.units.houan.id)).toBe(1);
  });

  it('a township chief may read but not edit the hierarchy', async () => {
    const res = await baogai.patch(`/api/org/units/${fx.units.tanghou.id}`, { name: '塘后' });
    expect(res.statusCode).toBe(403);
    expect((await baogai.get(`/api/org/units/${fx.units.tanghou.id}`)).json().can).toMatchObject({ update: false, manageStaff: true });
  });

  it('moves a village with its grids to the neighbouring township, recoding the subtree', async () => {
    const [village] = await t.db.select().from(units).where(eq(units.name, '前园村'));
    const res = await county.post(`/api/org/units/${village!.id}/move`, { parentId: fx.units.lingxiu.id, code: '350581100299' });
    expect(res.statusCode).toBe(200);
    expect(res.json().breadcrumb.at(-1).name).toBe('灵秀镇');
    const grids = await t.db.select().from(units).where(eq(units.parentId, village!.id));
    expect(grids.map((g) => g.code).sort()).toEqual(['350581100299001', '350581100299002', '350581100299003']);
    for (const g of grids) expect(g.path.startsWith(fx.units.lingxiu.path + '.')).toBe(true);
    expect((await lingxiu.get(`/api/org/units/${grids[0]!.id}`)).statusCode).toBe(200);
    expect((await baogai.get(`/api/org/units/${grids[0]!.id}`)).statusCode).toBe(404);

    const sameLevel = await county.post(`/api/org/units/${village!.id}/move`, { parentId: fx.units.tanghou.id });
    expect(sameLevel.json().code).toBe('UNIT_MOVE_INVALID');
    const keepsCode = await county.post(`/api/org/units/${village!.id}/move`, { parentId: fx.units.baogai.id });
    expect(keepsCode.json().code).toBe('UNIT_CODE_MISMATCH');
  });

  it('retires only units without active children, and restores them', async () => {
    const busy = await county.post(`/api/org/units/${fx.units.tanghou.id}/retire`, { reason: '撤村并居' });
    expect(busy.json().code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    const grid = fx.units.tanghouGrid2;
    const retired = await county.post(`/api/org/units/${grid.id}/retire`, { reason: '网格合并' });
    expect(retired.json()).toMatchObject({ status: 'retired', retiredReason: '网格合并' });
    const children = (await county.get(`/api/org/units?parentId=${fx.units.tanghou.id}`)).json();
    expect(children.items.map((u: { id: string }) => u.id)).not.toContain(grid.id);
    const all = (await county.get(`/api/org/units?parentId=${fx.units.tanghou.id}&status=all`)).json();
    expect(all.items.map((u: { id: string }) => u.id)).toContain(grid.id);
    expect((await county.post(`/api/org/units/${grid.id}/restore`)).json().status).toBe('active');
    expect((await county.post(`/api/org/units/${fx.units.county.id}/retire`, { reason: 'x' })).json().code).toBe('ROOT_UNIT_IMMUTABLE');
  });
});

describe('posts and the station standard', () => {
  it('宝盖镇 meets the standard and 湖滨街道 does not', async () => {
    const b = (await county.get(`/api/org/units/${fx.units.baogai.id}/posts`)).json();
    expect(b.compliance).toMatchObject({ meets: true, minPosts: 6, minFullTime: 2 });
    expect(b.items.length).toBeGreaterThanOrEqual(6);
    const h = (await county.get(`/api/org/units/${fx.units.hubin.id}`)).json();
    expect(h.compliance.meets).toBe(false);
  });

  it('filling posts at 湖滨街道 brings it to the standard', async () => {
    const hubin = fx.units.hubin.id;
    let compliance = (await county.get(`/api/org/units/${hubin}/posts`)).json().compliance;
    for (let i = 0; compliance.staffedPosts < 6 || compliance.fullTimeStaffed < 2; i++) {
      const person = await county.post('/api/org/people', { unitId: hubin, name: `补充人员${i}`, phone: `1370000${String(1000 + i)}` });
      expect(person.statusCode).toBe(201);
      const post = await county.post(`/api/org/units/${hubin}/posts`, { title: `岗位${i}`, employment: 'full_time', duties: ['duty'], personId: person.json().id });
      expect(post.statusCode).toBe(201);
      compliance = (await county.get(`/api/org/units/${hubin}/posts`)).json().compliance;
    }
    expect(compliance.meets).toBe(true);
  });

  it('refuses a holder from another unit and posts below the village level', async () => {
    const res = await baogai.post(`/api/org/units/${fx.units.baogai.id}/posts`, { title: '值班员', employment: 'part_time', duties: ['duty'], personId: fx.people.tanghou.id });
    expect(res.json().code).toBe('PERSON_NOT_IN_UNIT');
    const grid = await baogai.post(`/api/org/units/${fx.units.tanghouGrid1.id}/posts`, { title: '网格员', employment: 'part_time', duties: ['grid'] });
    expect(grid.json().code).toBe('POSTS_ONLY_AT_STATIONS');
  });

  it('a person who leaves vacates their posts', async () => {
    const posts = (await baogai.get(`/api/org/units/${fx.units.baogai.id}/posts`)).json().items;
    const held = posts.find((p: { person: { id: string } | null }) => p.person);
    const res = await baogai.patch(`/api/org/people/${held.person.id}`, { status: 'left' });
    expect(res.json()).toMatchObject({ status: 'left', posts: [] });
    const after = (await baogai.get(`/api/org/units/${fx.units.baogai.id}/posts`)).json().items;
    expect(after.find((p: { id: string }) => p.id === held.id).person).toBeNull();
  });
});

describe('people', () => {
  it('refuses a second person with the same phone in a unit', async () => {
    const [p] = await t.db.select().from(people).where(eq(people.unitId, fx.units.tanghou.id)).limit(1);
    const res = await baogai.post('/api/org/people', { unitId: fx.units.tanghou.id, name: '重复', phone: p!.phone });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PERSON_PHONE_TAKEN');
  });

  it('a village lead manages the people of the village but not of the township', async () => {
    const lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
    expect((await lead.post('/api/org/people', { unitId: fx.units.tanghou.id, name: '吴晓东', phone: '13655550001' })).statusCode).toBe(201);
    expect((await lead.post('/api/org/people', { unitId: fx.units.baogai.id, name: '吴晓东', phone: '13655550002' })).statusCode).toBe(404);
  });
});

describe('home', () => {
  it('counts what lies below the unit and lists the stations', async () => {
    const home = (await county.get('/api/home')).json();
    expect(home.unit.name).toBe('石狮市');
    expect(home.counts.townships).toBeGreaterThanOrEqual(9);
    expect(home.stations.find((s: { name: string }) => s.name === '宝盖镇').compliance.meets).toBe(true);
    const mine = (await baogai.get('/api/home')).json();
    expect(mine.stations.map((s: { name: string }) => s.name)).toEqual(['宝盖镇']);
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.unitId, fx.units.lingxiu.id));
    expect(n!.n).toBeGreaterThan(0);
  });
});
