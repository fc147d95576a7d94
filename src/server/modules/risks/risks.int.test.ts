import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { riskChecks, riskPoints } from './schema';
import { insertRiskPoint } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let chief: Api;
let grid: Api;
let lingxiu: Api;

const START = new Date('2026-06-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(START));

const newPoint = (over: Record<string, unknown> = {}) => ({
  unitId: fx.units.tanghouGrid1.id,
  name: `塘后村挡土墙${crypto.randomBytes(3).toString('hex')}`,
  type: 'geological',
  level: 'general',
  lat: 24.7682,
  lng: 118.6421,
  address: '宝盖镇塘后村后山路',
  responsiblePersonId: fx.people.tanghouGrid1.id,
  controlMeasures: '设置警示牌，强降雨前后巡查',
  checkCycleDays: 7,
  ...over,
});
const check = (over: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), at: t.clock.now().toISOString(), result: 'normal', ...over });

const auditOf = (action: string, entityId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

describe('a grid worker on their own grid', () => {
  it('records a check on a risk point of their grid', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const detail = (await grid.get(`/api/risks/${point.id}`)).json();
    expect(detail.can).toEqual({ update: false, retire: false, check: true });

    const res = await grid.post(`/api/risks/${point.id}/checks`, check({ result: 'abnormal', note: '坡脚有少量落石，已设置警示', photoIds: ['a'.repeat(64)] }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ riskPointId: point.id, result: 'abnormal', checker: { name: '李秀英' }, photoIds: ['a'.repeat(64)] });
    const after = (await grid.get(`/api/risks/${point.id}`)).json();
    expect(after.lastCheck).toMatchObject({ result: 'abnormal' });
    expect(after.recentChecks).toHaveLength(1);
    expect(await auditOf('risk.checked', point.id)).toHaveLength(1);
  });

  it('cannot register risk points, on their grid (403) or above it (404)', async () => {
    const own = await grid.post('/api/risks', newPoint());
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('FORBIDDEN');
    const village = await grid.post('/api/risks', newPoint({ unitId: fx.units.tanghou.id }));
    expect(village.statusCode).toBe(404);
  });

  it('cannot check a point of the neighbouring grid', async () => {
    const other = await insertRiskPoint(t.db, fx.units.tanghouGrid2.id);
    expect((await grid.post(`/api/risks/${other.id}/checks`, check())).statusCode).toBe(404);
  });
});

describe('offline replay', () => {
  it('a replayed check (same id) is stored once and answered with the stored check', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const body = check({ note: '正常' });
    const first = await grid.post(`/api/risks/${point.id}/checks`, body);
    t.clock.advance(60_000);
    const again = await grid.post(`/api/risks/${point.id}/checks`, { ...body, note: '第二次发送' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const rows = await t.db.select().from(riskChecks).where(eq(riskChecks.riskPointId, point.id));
    expect(rows).toHaveLength(1);
    expect(await auditOf('risk.checked', point.id)).toHaveLength(1);
  });

  it('two replays sent at the same moment still store one check', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const body = check();
    const answers = await Promise.all([1, 2, 3].map(() => grid.post(`/api/risks/${point.id}/checks`, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await t.db.select().from(riskChecks).where(eq(riskChecks.riskPointId, point.id))).toHaveLength(1);
  });

  it('a check id already used by another risk point is refused', async () => {
    const a = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const b = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const body = check();
    expect((await grid.post(`/api/risks/${a.id}/checks`, body)).statusCode).toBe(201);
    const res = await grid.post(`/api/risks/${b.id}/checks`, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('RISK_CHECK_ID_TAKEN');
  });

  it('an older check arriving late goes into the history without moving the due date', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id, { checkCycleDays: 7 });
    await grid.post(`/api/risks/${point.id}/checks`, check({ at: new Date(START.getTime() - DAY).toISOString() }));
    await grid.post(`/api/risks/${point.id}/checks`, check({ at: new Date(START.getTime() - 3 * DAY).toISOString(), result: 'abnormal', note: '旧记录' }));
    const detail = (await grid.get(`/api/risks/${point.id}`)).json();
    expect(detail.lastCheck).toEqual({ at: new Date(START.getTime() - DAY).toISOString(), result: 'normal' });
    expect(detail.nextCheckDue).toBe(new Date(START.getTime() + 6 * DAY).toISOString());
    expect(detail.recentChecks.map((c: { note: string | null }) => c.note)).toEqual([null, '旧记录']);
  });
});

describe('the neighbouring township sees nothing', () => {
  it('灵秀镇 gets 404 for a 宝盖镇 risk point, its checks and its unit, and lists leave it out', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghou.id, { name: '宝盖镇专用测试点' });
    for (const res of [
      await lingxiu.get(`/api/risks/${point.id}`),
      await lingxiu.get(`/api/risks/${point.id}/checks`),
      await lingxiu.post(`/api/risks/${point.id}/checks`, check()),
      await lingxiu.patch(`/api/risks/${point.id}`, { level: 'major' }),
      await lingxiu.post(`/api/risks/${point.id}/retire`, { reason: '越权' }),
      await lingxiu.get(`/api/risks?unitId=${fx.units.baogai.id}`),
      await lingxiu.get(`/api/risks/map?unitId=${fx.units.baogai.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const list = (await lingxiu.get('/api/risks?status=all&pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((p: { unit: { name: string } }) => ['灵秀镇', '钞坑村第一网格', '古厝村'].includes(p.unit.name))).toBe(true);
    const map = (await lingxiu.get('/api/risks/map')).json();
    expect(map.items.map((p: { id: string }) => p.id)).not.toContain(point.id);
    expect(await t.db.select().from(riskChecks).where(eq(riskChecks.riskPointId, point.id))).toHaveLength(0);
  });
});

describe('registering and editing', () => {
  it('a township chief registers a point; a level change is audited with before and after', async () => {
    const created = await chief.post('/api/risks', newPoint({ unitId: fx.units.tanghou.id, responsiblePersonId: fx.people.tanghou.id }));
    expect(created.statusCode).toBe(201);
    const point = created.json();
    expect(point).toMatchObject({ level: 'general', unit: { name: '塘后村' }, responsiblePerson: { id: fx.people.tanghou.id }, lastCheck: null, checkOverdue: false, recentChecks: [] });
    expect(point.nextCheckDue).toBe(new Date(START.getTime() + 7 * DAY).toISOString());
    const [createdEvent] = await auditOf('risk.created', point.id);
    expect(createdEvent!.after).toMatchObject({ riskLevel: 'general', riskType: 'geological', checkCycleDays: 7 });

    const raised = await chief.patch(`/api/risks/${point.id}`, { level: 'major', controlMeasures: '封闭坡下道路，设专人值守' });
    expect(raised.statusCode).toBe(200);
    expect(raised.json().level).toBe('major');
    const [event] = await auditOf('risk.updated', point.id);
    expect(event!.before).toEqual({ riskLevel: 'general', controlMeasures: '设置警示牌，强降雨前后巡查' });
    expect(event!.after).toEqual({ riskLevel: 'major', controlMeasures: '封闭坡下道路，设专人值守' });
    expect(event!.unitId).toBe(fx.units.tanghou.id);

    // Saving the same values again changes nothing and logs nothing.
    await chief.patch(`/api/risks/${point.id}`, { level: 'major' });
    expect(await auditOf('risk.updated', point.id)).toHaveLength(1);
  });

  it('a new responsible person is named in the audit entry', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghou.id);
    const res = await chief.patch(`/api/risks/${point.id}`, { responsiblePersonId: fx.people.baogai.id });
    expect(res.json().responsiblePerson).toMatchObject({ id: fx.people.baogai.id, unitName: '宝盖镇' });
    const [event] = await auditOf('risk.updated', point.id);
    expect(event!.after).toEqual({ responsiblePerson: fx.people.baogai.name });
  });

  it('refuses a point on the county, a responsible person outside the scope, and a retired unit', async () => {
    expect((await county.post('/api/risks', newPoint({ unitId: fx.units.county.id }))).json().code).toBe('RISK_UNIT_LEVEL');
    expect((await chief.post('/api/risks', newPoint({ responsiblePersonId: fx.people.lingxiu.id }))).json().code).toBe('RISK_PERSON_INVALID');
    const before = (await t.db.select({ n: sql<number>`count(*)::int` }).from(riskPoints))[0]!.n;
    expect((await chief.post('/api/risks', newPoint({ checkCycleDays: 0 }))).statusCode).toBe(400);
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(riskPoints))[0]!.n).toBe(before);
  });

  it('a retired point keeps its history but takes no more edits or checks', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    await grid.post(`/api/risks/${point.id}/checks`, check());
    const retired = await chief.post(`/api/risks/${point.id}/retire`, { reason: '边坡已完成工程治理' });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ status: 'retired', retiredReason: '边坡已完成工程治理', checkOverdue: false, can: { update: false, retire: false, check: false } });
    expect((await grid.post(`/api/risks/${point.id}/checks`, check())).json().code).toBe('RISK_RETIRED');
    expect((await chief.patch(`/api/risks/${point.id}`, { level: 'low' })).json().code).toBe('RISK_RETIRED');
    expect((await chief.post(`/api/risks/${point.id}/retire`, { reason: '再次' })).json().code).toBe('RISK_RETIRED');
    expect((await grid.get(`/api/risks/${point.id}/checks`)).json().total).toBe(1);
    const [event] = await auditOf('risk.retired', point.id);
    expect(event!.after).toEqual({ status: 'retired', reason: '边坡已完成工程治理' });
  });
});

describe('checks and the overdue filter', () => {
  it('a point falls overdue one cycle after its last check, and a check clears it', async () => {
    const tag = `逾期测试${crypto.randomBytes(3).toString('hex')}`;
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id, { name: `${tag}甲`, checkCycleDays: 7, createdAt: new Date(START.getTime() - 10 * DAY) });
    await insertRiskPoint(t.db, fx.units.tanghouGrid1.id, { name: `${tag}乙`, checkCycleDays: 30, createdAt: new Date(START.getTime() - 10 * DAY) });
    const names = async (overdue: 'true' | 'false') => (await chief.get(`/api/risks?q=${encodeURIComponent(tag)}&overdueCheck=${overdue}`)).json().items.map((p: { name: string }) => p.name);
    expect(await names('true')).toEqual([`${tag}甲`]);
    expect(await names('false')).toEqual([`${tag}乙`]);

    // A check eight days ago is already more than one cycle old; yesterday's clears the point.
    await grid.post(`/api/risks/${point.id}/checks`, check({ at: new Date(START.getTime() - 8 * DAY).toISOString() }));
    expect(await names('true')).toEqual([`${tag}甲`]);
    const map = (await chief.get(`/api/risks/map?unitId=${fx.units.tanghouGrid1.id}`)).json();
    expect(map.items.find((p: { id: string }) => p.id === point.id)).toMatchObject({ checkOverdue: true, level: 'general', type: 'geological' });
    await grid.post(`/api/risks/${point.id}/checks`, check({ at: new Date(START.getTime() - DAY).toISOString() }));
    expect(await names('true')).toEqual([]);
    expect((await chief.get(`/api/risks/${point.id}`)).json()).toMatchObject({ checkOverdue: false, nextCheckDue: new Date(START.getTime() + 6 * DAY).toISOString() });
  });

  it('refuses a check in the future and an abnormal finding without a note', async () => {
    const point = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const future = await grid.post(`/api/risks/${point.id}/checks`, check({ at: new Date(START.getTime() + 60 * 60 * 1000).toISOString() }));
    expect(future.json().code).toBe('RISK_CHECK_IN_FUTURE');
    const noNote = await grid.post(`/api/risks/${point.id}/checks`, check({ result: 'abnormal' }));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].path).toBe('body.note');
    const badPhoto = await grid.post(`/api/risks/${point.id}/checks`, check({ photoIds: ['not-a-file-id'] }));
    expect(badPhoto.statusCode).toBe(400);
  });

  it('lists filter by level, type and unit subtree, highest level first', async () => {
    const list = (await county.get(`/api/risks?unitId=${fx.units.baogai.id}&pageSize=200`)).json();
    const levels = list.items.map((p: { level: string }) => p.level);
    const rank = ['major', 'large', 'general', 'low'];
    expect(levels.map((l: string) => rank.indexOf(l))).toEqual([...levels.map((l: string) => rank.indexOf(l))].sort((a, b) => a - b));
    expect(levels[0]).toBe('major');
    const marine = (await county.get('/api/risks?type=marine')).json();
    expect(marine.total).toBe(3);
    const major = (await county.get('/api/risks?level=major')).json();
    expect(major.items.every((p: { level: string }) => p.level === 'major')).toBe(true);
    expect((await county.get(`/api/risks?unitId=${fx.units.lingxiu.id}&type=marine`)).json().total).toBe(0);
  });
});
