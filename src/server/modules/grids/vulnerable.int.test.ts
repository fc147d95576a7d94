import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { households } from './schema';

let t: TestApp;
let fx: DemoFixtures;
let grid: Api;
let lead: Api;
let lingxiu: Api;
let baogai: Api;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
  baogai = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
});
afterAll(() => t.close());

let serial = 0;
const person = (unitId: string, extra: Record<string, unknown> = {}) => ({ unitId, name: `重点人员${++serial}`, category: 'elderly_alone', ...extra });
const householdOf = async (unitId: string) => (await t.db.select().from(households).where(eq(households.unitId, unitId)).orderBy(asc(households.address)).limit(1))[0]!;
/** The person of 塘后村 (the village unit itself) holding the village lead's post. */
const villageLeadPerson = async () => (await t.db.select().from(people).where(and(eq(people.unitId, fx.units.tanghou.id), eq(people.name, '蔡金水'))))[0]!;

describe('vulnerable people and who looks after them', () => {
  it('the grid worker registers an elderly person living alone, in a household of the grid, with themselves responsible', async () => {
    const home = await householdOf(fx.units.tanghouGrid1.id);
    const res = await grid.post('/api/grids/vulnerable', person(fx.units.tanghouGrid1.id, { householdId: home.id, phone: '13905952001', responsiblePersonId: fx.people.tanghouGrid1.id, notes: '每周探访' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      category: 'elderly_alone',
      household: { id: home.id, address: home.address },
      responsible: { id: fx.people.tanghouGrid1.id, name: '李秀英', unitName: '塘后村第一网格' },
      can: { update: true },
    });
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.requestId, res.headers['x-request-id'] as string));
    expect(event).toMatchObject({ action: 'grid.vulnerable.created', after: { category: 'elderly_alone', household: home.address, responsible: `李秀英 ${fx.people.tanghouGrid1.phone}` } });
    expect((await grid.get(`/api/grids/households/${home.id}`)).json().vulnerableCount).toBeGreaterThan(0);
  });

  it('the village lead may make a village cadre responsible; the grid worker can neither pick nor see cadres as candidates, but keeps the link when editing', async () => {
    const cadre = await villageLeadPerson();
    const leadCandidates = (await lead.get(`/api/grids/${fx.units.tanghouGrid1.id}/responsibles`)).json().items;
    expect(leadCandidates.map((p: { id: string }) => p.id)).toContain(cadre.id);
    // The grid's own people come first.
    expect(leadCandidates[0].unitName).toBe('塘后村第一网格');
    const gridCandidates = (await grid.get(`/api/grids/${fx.units.tanghouGrid1.id}/responsibles`)).json().items;
    expect(gridCandidates.map((p: { name: string }) => p.name)).toEqual(['李秀英']);

    const res = await lead.post('/api/grids/vulnerable', person(fx.units.tanghouGrid1.id, { category: 'disabled', responsiblePersonId: cadre.id }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().responsible).toMatchObject({ name: '蔡金水', unitName: '塘后村' });

    const refused = await grid.post('/api/grids/vulnerable', person(fx.units.tanghouGrid1.id, { responsiblePersonId: cadre.id }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('RESPONSIBLE_NOT_IN_VILLAGE');

    const edited = await grid.patch(`/api/grids/vulnerable/${res.json().id}`, { notes: '轮椅放在一楼' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ notes: '轮椅放在一楼', responsible: { name: '蔡金水', phone: cadre.phone } });
  });

  it('refuses a household of another grid and a responsible person of another village', async () => {
    const otherHome = await householdOf(fx.units.tanghouGrid2.id);
    const wrongHome = await lead.post('/api/grids/vulnerable', person(fx.units.tanghouGrid1.id, { householdId: otherHome.id }));
    expect(wrongHome.statusCode).toBe(400);
    expect(wrongHome.json().code).toBe('HOUSEHOLD_NOT_IN_GRID');

    // The grid worker of 后垵村第一网格: the same township, another village.
    const [stranger] = await t.db.select({ id: people.id }).from(people).innerJoin(units, eq(units.id, people.unitId)).where(eq(units.parentId, fx.units.houan.id)).limit(1);
    const wrongPerson = await lead.post('/api/grids/vulnerable', person(fx.units.tanghouGrid1.id, { responsiblePersonId: stranger!.id }));
    expect(wrongPerson.statusCode).toBe(400);
    expect(wrongPerson.json().code).toBe('RESPONSIBLE_NOT_IN_VILLAGE');
    const township = await baogai.post('/api/grids/vulnerable', person(fx.units.tanghouGrid1.id, { responsiblePersonId: fx.people.baogai.id }));
    expect(township.json().code).toBe('RESPONSIBLE_NOT_IN_VILLAGE');
  });

  it('a person is registered once per grid by name and phone, and no phone counts as one value', async () => {
    const body = person(fx.units.tanghouGrid2.id);
    expect((await lead.post('/api/grids/vulnerable', body)).statusCode).toBe(201);
    const again = await lead.post('/api/grids/vulnerable', { ...body, category: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('VULNERABLE_PERSON_TAKEN');
    expect((await lead.post('/api/grids/vulnerable', { ...body, phone: '13905952002' })).statusCode).toBe(201);
  });

  it('lists by village with category, household and unassigned filters; the grid worker sees only the grid', async () => {
    const created = (await lead.post('/api/grids/vulnerable', person(fx.units.tanghouGrid2.id, { category: 'pregnant' }))).json();
    const unassigned = (await lead.get(`/api/grids/vulnerable?unitId=${fx.units.tanghou.id}&unassigned=true&pageSize=200`)).json();
    expect(unassigned.items.map((v: { id: string }) => v.id)).toContain(created.id);
    expect(unassigned.items.every((v: { responsible: unknown }) => v.responsible === null)).toBe(true);
    const pregnant = (await lead.get(`/api/grids/vulnerable?unitId=${fx.units.tanghou.id}&category=pregnant&pageSize=200`)).json();
    expect(pregnant.items.every((v: { category: string }) => v.category === 'pregnant')).toBe(true);
    const mine = (await grid.get('/api/grids/vulnerable?pageSize=200')).json();
    expect(mine.items.every((v: { unit: { id: string } }) => v.unit.id === fx.units.tanghouGrid1.id)).toBe(true);
    expect((await grid.get(`/api/grids/vulnerable/${created.id}`)).statusCode).toBe(404);

    const removed = await lead.patch(`/api/grids/vulnerable/${created.id}`, { status: 'removed' });
    expect(removed.json().status).toBe('removed');
    const active = (await lead.get(`/api/grids/vulnerable?unitId=${fx.units.tanghouGrid2.id}&pageSize=200`)).json();
    expect(active.items.map((v: { id: string }) => v.id)).not.toContain(created.id);
  });

  it('the neighbouring township sees nothing of 宝盖镇’s vulnerable people', async () => {
    const ours = (await grid.get('/api/grids/vulnerable')).json().items[0];
    expect((await lingxiu.get(`/api/grids/vulnerable/${ours.id}`)).statusCode).toBe(404);
    expect((await lingxiu.patch(`/api/grids/vulnerable/${ours.id}`, { notes: '越权' })).statusCode).toBe(404);
    expect((await lingxiu.get(`/api/grids/vulnerable?unitId=${fx.units.tanghou.id}`)).statusCode).toBe(404);
    expect((await lingxiu.get(`/api/grids/${fx.units.tanghouGrid1.id}/responsibles`)).statusCode).toBe(404);
    const theirs = (await lingxiu.get('/api/grids/vulnerable?pageSize=200')).json();
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.some((v: { unit: { name: string } }) => v.unit.name.startsWith('塘后村'))).toBe(false);
  });
});
