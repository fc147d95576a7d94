import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { auditEvents } from '../../../platform/audit/schema';
import { sweepOverdueComms } from './jobs';
import { dutyCommsEquipment, dutyCommsTests } from './schema';
import { listenTo } from './test-listen';
import { insertEquipment } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let listener: Awaited<ReturnType<typeof listenTo>>;

const START = new Date('2026-06-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const EQUIPMENT = '/api/duty/comms/equipment';

/** Signs a persona in at the clock's current time (sessions idle out when the clock jumps). */
const as = async (username: string): Promise<Api> => apiAs(t.app, await loginAs(t.app, username));

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  listener = await listenTo(t);
});
afterAll(async () => {
  await listener.close();
  await t.close();
});
beforeEach(() => t.clock.set(START));

const newItem = (over: Record<string, unknown> = {}) => ({
  unitId: fx.units.baogai.id,
  kind: 'satellite_phone',
  model: '天通一号 T900',
  identifier: `174${crypto.randomInt(10_000_000, 99_999_999)}`,
  place: '镇应急管理站值班室',
  keeperId: fx.people.baogai.id,
  ...over,
});
const test = (over: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), at: t.clock.now().toISOString(), result: 'ok', ...over });
const auditOf = (action: string, entityId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

describe('the equipment registry', () => {
  it('a township chief registers a satellite phone, edits it and retires it, each audited', async () => {
    const chief = await as('baogai_chief');
    const created = await chief.post(EQUIPMENT, newItem());
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      kind: 'satellite_phone',
      unit: { name: '宝盖镇' },
      keeper: { id: fx.people.baogai.id },
      testIntervalDays: 7,
      status: 'active',
      lastTest: null,
      testOverdue: false,
      recentTests: [],
      can: { update: true, retire: true, test: true },
    });
    expect(item.nextTestDue).toBe(new Date(START.getTime() + 7 * DAY).toISOString());
    const [createdEvent] = await auditOf('duty.comms.created', item.id);
    expect(createdEvent!.after).toMatchObject({ equipmentKind: 'satellite_phone', model: '天通一号 T900', testIntervalDays: 7 });

    const edited = await chief.patch(`${EQUIPMENT}/${item.id}`, { place: '镇政府三楼应急指挥中心', testIntervalDays: 14 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ place: '镇政府三楼应急指挥中心', testIntervalDays: 14 });
    const [event] = await auditOf('duty.comms.updated', item.id);
    expect(event!.before).toEqual({ place: '镇应急管理站值班室', testIntervalDays: 7 });
    expect(event!.after).toEqual({ place: '镇政府三楼应急指挥中心', testIntervalDays: 14 });
    // Saving the same values again changes nothing and logs nothing.
    await chief.patch(`${EQUIPMENT}/${item.id}`, { testIntervalDays: 14 });
    expect(await auditOf('duty.comms.updated', item.id)).toHaveLength(1);

    const retired = await chief.post(`${EQUIPMENT}/${item.id}/retire`, { reason: '设备报废，已更换新机' });
    expect(retired.json()).toMatchObject({ status: 'retired', retiredReason: '设备报废，已更换新机', testOverdue: false, can: { update: false, retire: false, test: false } });
    expect((await chief.patch(`${EQUIPMENT}/${item.id}`, { model: 'X' })).json().code).toBe('COMMS_RETIRED');
    expect((await chief.post(`${EQUIPMENT}/${item.id}/tests`, test())).json().code).toBe('COMMS_RETIRED');
    expect((await chief.post(`${EQUIPMENT}/${item.id}/retire`, { reason: '再次' })).json().code).toBe('COMMS_RETIRED');
    expect(await auditOf('duty.comms.retired', item.id)).toHaveLength(1);
    const active = (await chief.get(`${EQUIPMENT}?unitId=${fx.units.baogai.id}&pageSize=200`)).json();
    expect(active.items.map((e: { id: string }) => e.id)).not.toContain(item.id);
    const all = (await chief.get(`${EQUIPMENT}?status=all&pageSize=200`)).json();
    expect(all.items.map((e: { id: string }) => e.id)).toContain(item.id);
  });

  it('a village may keep a broadcast system; a grid may not keep equipment', async () => {
    const chief = await as('baogai_chief');
    const broadcast = await chief.post(EQUIPMENT, newItem({ unitId: fx.units.tanghou.id, kind: 'emergency_broadcast', model: '村村响 IP 广播', keeperId: fx.people.tanghou.id, testIntervalDays: 30 }));
    expect(broadcast.statusCode).toBe(201);
    expect(broadcast.json()).toMatchObject({ unit: { name: '塘后村', level: 'village' }, testIntervalDays: 30 });
    const onGrid = await chief.post(EQUIPMENT, newItem({ unitId: fx.units.tanghouGrid1.id, keeperId: fx.people.tanghouGrid1.id }));
    expect(onGrid.json().code).toBe('COMMS_UNIT_LEVEL');
  });

  it('the keeper must be a person in post at the equipment’s own unit', async () => {
    const county = await as('county_officer');
    expect((await county.post(EQUIPMENT, newItem({ keeperId: fx.people.tanghou.id }))).json().code).toBe('COMMS_KEEPER_INVALID');
    expect((await county.post(EQUIPMENT, newItem({ keeperId: fx.people.lingxiu.id }))).json().code).toBe('COMMS_KEEPER_INVALID');
    const item = await insertEquipment(t.db, fx.units.baogai.id);
    expect((await county.patch(`${EQUIPMENT}/${item.id}`, { keeperId: fx.people.lingxiu.id })).json().code).toBe('COMMS_KEEPER_INVALID');
  });

  it('a duty officer tests equipment but does not run the registry', async () => {
    const duty = await as('baogai_duty');
    const refused = await duty.post(EQUIPMENT, newItem());
    expect(refused.statusCode).toBe(403);
    const item = await insertEquipment(t.db, fx.units.baogai.id);
    expect((await duty.get(`${EQUIPMENT}/${item.id}`)).json().can).toEqual({ update: false, retire: false, test: true });
    expect((await duty.patch(`${EQUIPMENT}/${item.id}`, { place: '别处' })).statusCode).toBe(403);
  });

  it('a village lead sees the village but not its duty desk', async () => {
    const lead = await as('tanghou_lead');
    const item = await insertEquipment(t.db, fx.units.tanghou.id, { kind: 'emergency_broadcast' });
    expect((await lead.get(`${EQUIPMENT}/${item.id}`)).statusCode).toBe(403);
    expect((await lead.get(EQUIPMENT)).statusCode).toBe(403);
  });
});

describe('connectivity tests', () => {
  it('records a test from the phone; a replay is stored once and answered with the stored test', async () => {
    const duty = await as('baogai_duty');
    const item = await insertEquipment(t.db, fx.units.baogai.id);
    const body = test({ note: '与县应急局通话清晰' });
    const first = await duty.post(`${EQUIPMENT}/${item.id}/tests`, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ equipmentId: item.id, result: 'ok', tester: { name: '王丽娟' }, note: '与县应急局通话清晰' });
    t.clock.advance(60_000);
    const again = await duty.post(`${EQUIPMENT}/${item.id}/tests`, { ...body, note: '重发' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await t.db.select().from(dutyCommsTests).where(eq(dutyCommsTests.equipmentId, item.id))).toHaveLength(1);
    expect(await auditOf('duty.comms.tested', item.id)).toHaveLength(1);
    const detail = (await duty.get(`${EQUIPMENT}/${item.id}`)).json();
    expect(detail).toMatchObject({ lastTest: { at: START.toISOString(), result: 'ok' }, nextTestDue: new Date(START.getTime() + 7 * DAY).toISOString(), testOverdue: false });
    expect(detail.recentTests).toHaveLength(1);
    // The live console hears of the new test once, after it committed.
    await expect.poll(async () => (await listener.of('duty.comms_tested')).filter((e) => e.data.id === item.id).length).toBe(1);
    const [announced] = (await listener.of('duty.comms_tested')).filter((e) => e.data.id === item.id);
    expect(announced!.unitPath).toBe(fx.units.baogai.path);
  });

  it('three copies sent at the same moment store one test', async () => {
    const duty = await as('baogai_duty');
    const item = await insertEquipment(t.db, fx.units.baogai.id);
    const body = test();
    const answers = await Promise.all([1, 2, 3].map(() => duty.post(`${EQUIPMENT}/${item.id}/tests`, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await t.db.select().from(dutyCommsTests).where(eq(dutyCommsTests.equipmentId, item.id))).toHaveLength(1);
  });

  it('a test id used for another item or by another person is refused', async () => {
    const duty = await as('baogai_duty');
    const chief = await as('baogai_chief');
    const a = await insertEquipment(t.db, fx.units.baogai.id);
    const b = await insertEquipment(t.db, fx.units.baogai.id);
    const body = test();
    expect((await duty.post(`${EQUIPMENT}/${a.id}/tests`, body)).statusCode).toBe(201);
    expect((await duty.post(`${EQUIPMENT}/${b.id}/tests`, body)).json().code).toBe('COMMS_TEST_ID_TAKEN');
    const other = await chief.post(`${EQUIPMENT}/${a.id}/tests`, body);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('COMMS_TEST_ID_TAKEN');
  });

  it('refuses a failed test without a note and a test in the future', async () => {
    const duty = await as('baogai_duty');
    const item = await insertEquipment(t.db, fx.units.baogai.id);
    const noNote = await duty.post(`${EQUIPMENT}/${item.id}/tests`, test({ result: 'failed' }));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].path).toBe('body.note');
    const future = await duty.post(`${EQUIPMENT}/${item.id}/tests`, test({ at: new Date(START.getTime() + 3600_000).toISOString() }));
    expect(future.json().code).toBe('COMMS_TEST_IN_FUTURE');
    const failed = await duty.post(`${EQUIPMENT}/${item.id}/tests`, test({ result: 'failed', note: '无卫星信号，已联系厂家' }));
    expect(failed.statusCode).toBe(201);
    const list = (await duty.get(`${EQUIPMENT}?unitId=${fx.units.baogai.id}&failed=true&pageSize=200`)).json();
    expect(list.items.map((e: { id: string }) => e.id)).toContain(item.id);
  });

  it('an older test arriving late goes into the history without moving the due date', async () => {
    const duty = await as('baogai_duty');
    const item = await insertEquipment(t.db, fx.units.baogai.id);
    await duty.post(`${EQUIPMENT}/${item.id}/tests`, test({ at: new Date(START.getTime() - DAY).toISOString() }));
    await duty.post(`${EQUIPMENT}/${item.id}/tests`, test({ at: new Date(START.getTime() - 3 * DAY).toISOString(), result: 'failed', note: '旧记录' }));
    const detail = (await duty.get(`${EQUIPMENT}/${item.id}`)).json();
    expect(detail.lastTest).toEqual({ at: new Date(START.getTime() - DAY).toISOString(), result: 'ok' });
    expect(detail.nextTestDue).toBe(new Date(START.getTime() + 6 * DAY).toISOString());
    expect(detail.recentTests.map((c: { note: string | null }) => c.note)).toEqual([null, '旧记录']);
    expect((await duty.get(`${EQUIPMENT}/${item.id}/tests?pageSize=1&page=2`)).json()).toMatchObject({ total: 2, items: [{ note: '旧记录' }] });
  });
});

describe('overdue tests', () => {
  it('the sweep flags an item once per due date, announces it to its unit, and a new test starts a new interval', async () => {
    const item = await insertEquipment(t.db, fx.units.baogai.id, { createdAt: new Date(START.getTime() - 6 * DAY) });
    const announced = async () => (await listener.of('duty.comms_overdue')).filter((e) => e.data.id === item.id);
    await sweepOverdueComms(t.db, t.clock.now());
    expect(await announced()).toHaveLength(0);

    t.clock.advance(DAY + 60_000);
    const chief = await as('baogai_chief');
    expect((await chief.get(`${EQUIPMENT}/${item.id}`)).json().testOverdue).toBe(true);
    expect(await sweepOverdueComms(t.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdueComms(t.db, t.clock.now())).toBe(0);
    const events = await announced();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ unitPath: fx.units.baogai.path, data: { unitName: '宝盖镇', kind: 'satellite_phone', dueAt: new Date(START.getTime() + DAY).toISOString() } });
    expect(await auditOf('duty.comms.overdue', item.id)).toHaveLength(1);
    const overdue = (await chief.get(`${EQUIPMENT}/overdue?unitId=${fx.units.baogai.id}`)).json();
    expect(overdue.items.find((e: { id: string }) => e.id === item.id)).toMatchObject({ unit: { name: '宝盖镇' }, lastTest: null, nextTestDue: new Date(START.getTime() + DAY).toISOString() });
    expect((await chief.get(`${EQUIPMENT}?overdue=true&pageSize=200`)).json().items.map((e: { id: string }) => e.id)).toContain(item.id);
    // What needs doing comes first in the registry: the overdue item, then any whose last test failed.
    const registry = (await chief.get(`${EQUIPMENT}?unitId=${fx.units.baogai.id}&pageSize=200`)).json().items;
    expect(registry[0].id).toBe(item.id);
    const failedAt = registry.findIndex((e: { lastTest: { result: string } | null }) => e.lastTest?.result === 'failed');
    expect(registry.slice(failedAt).every((e: { testOverdue: boolean }) => !e.testOverdue)).toBe(true);

    // A test clears it; a week later it falls overdue again and is announced again.
    expect((await chief.post(`${EQUIPMENT}/${item.id}/tests`, test())).statusCode).toBe(201);
    expect((await chief.get(`${EQUIPMENT}/overdue`)).json().items.map((e: { id: string }) => e.id)).not.toContain(item.id);
    await sweepOverdueComms(t.db, t.clock.now());
    expect(await announced()).toHaveLength(1);
    t.clock.advance(7 * DAY + 60_000);
    await sweepOverdueComms(t.db, t.clock.now());
    expect(await announced()).toHaveLength(2);
    expect(await auditOf('duty.comms.overdue', item.id)).toHaveLength(2);
  });

  it('retired equipment is never overdue', async () => {
    const item = await insertEquipment(t.db, fx.units.baogai.id, { createdAt: new Date(START.getTime() - 30 * DAY), status: 'retired', retiredAt: START });
    await sweepOverdueComms(t.db, t.clock.now());
    const [row] = await t.db.select().from(dutyCommsEquipment).where(eq(dutyCommsEquipment.id, item.id));
    expect(row!.overdueFlaggedDue).toBeNull();
  });

  it('two nodes sweeping at once announce each item once', async () => {
    const item = await insertEquipment(t.db, fx.units.hubin.id, { createdAt: new Date(START.getTime() - 20 * DAY) });
    await Promise.all([sweepOverdueComms(t.db, t.clock.now()), sweepOverdueComms(t.db, t.clock.now()), sweepOverdueComms(t.db, t.clock.now())]);
    expect((await listener.of('duty.comms_overdue')).filter((e) => e.data.id === item.id)).toHaveLength(1);
  });
});

describe('the neighbouring township sees nothing', () => {
  it('灵秀镇 gets 404 for 宝盖镇 equipment, its tests and its unit, and lists leave it out', async () => {
    const lingxiu = await as('lingxiu_chief');
    const item = await insertEquipment(t.db, fx.units.baogai.id, { createdAt: new Date(START.getTime() - 30 * DAY) });
    await insertEquipment(t.db, fx.units.lingxiu.id);
    for (const res of [
      await lingxiu.get(`${EQUIPMENT}/${item.id}`),
      await lingxiu.get(`${EQUIPMENT}/${item.id}/tests`),
      await lingxiu.post(`${EQUIPMENT}/${item.id}/tests`, test()),
      await lingxiu.patch(`${EQUIPMENT}/${item.id}`, { place: '越权' }),
      await lingxiu.post(`${EQUIPMENT}/${item.id}/retire`, { reason: '越权' }),
      await lingxiu.get(`${EQUIPMENT}?unitId=${fx.units.baogai.id}`),
      await lingxiu.get(`${EQUIPMENT}/overdue?unitId=${fx.units.baogai.id}`),
      await lingxiu.post(EQUIPMENT, newItem()),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const list = (await lingxiu.get(`${EQUIPMENT}?status=all&pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((e: { unit: { name: string } }) => e.unit.name === '灵秀镇')).toBe(true);
    expect((await lingxiu.get(`${EQUIPMENT}/overdue`)).json().items.map((e: { id: string }) => e.id)).not.toContain(item.id);
    expect(await t.db.select().from(dutyCommsTests).where(eq(dutyCommsTests.equipmentId, item.id))).toHaveLength(0);
  });
});
