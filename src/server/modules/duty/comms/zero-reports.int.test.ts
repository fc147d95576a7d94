import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { auditEvents } from '../../../platform/audit/schema';
import { units } from '../../../platform/hierarchy/schema';
import { sweepMissingZeroReports } from './jobs';
import { dutyZeroReportFlags, dutyZeroReports } from './schema';
import { listenTo } from './test-listen';

/**
 * The daily zero report across its hour, under the controllable clock. The days below are Beijing
 * days; 01:00Z is 09:00 in Beijing, the default hour.
 */
let t: TestApp;
let fx: DemoFixtures;
let listener: Awaited<ReturnType<typeof listenTo>>;
let townships: number;

const ZERO = '/api/duty/zero-reports';
const beijing = (day: string, hhmmss: string) => new Date(`${day}T${hhmmss}+08:00`);

/** Signs a persona in at the clock's current time (sessions idle out when the clock jumps). */
const as = async (username: string): Promise<Api> => apiAs(t.app, await loginAs(t.app, username));
type Row = { unit: { id: string; name: string }; status: string; dueHour: number; dueAt: string; report: { note: string | null; submitter: { name: string } } | null; missingFlaggedAt: string | null; can: { send: boolean } };
const rowOf = (view: { items: Row[] }, unitId: string) => view.items.find((r) => r.unit.id === unitId)!;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  listener = await listenTo(t);
  townships = (await t.db.select().from(units).where(and(eq(units.level, 'township'), eq(units.status, 'active')))).length;
});
afterAll(async () => {
  await listener.close();
  await t.close();
});

describe('a day of zero reports across the hour', () => {
  const DAY = '2026-06-02';

  it('on time before the hour, pending for the others, then missing and flagged to the county once, then late', async () => {
    t.clock.set(beijing(DAY, '08:30:00'));
    const duty = await as('baogai_duty');
    const county = await as('county_officer');

    const before = (await duty.get(ZERO)).json();
    expect(before).toMatchObject({ day: DAY, today: DAY });
    expect(before.items).toHaveLength(1);
    expect(before.items[0]).toMatchObject({ unit: { name: '宝盖镇' }, status: 'pending', dueHour: 9, dueAt: beijing(DAY, '09:00:00').toISOString(), report: null, can: { send: true } });

    const sent = await duty.post(ZERO, { unitId: fx.units.baogai.id, note: '辖区平安，各村无险情' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'on_time', report: { day: DAY, note: '辖区平安，各村无险情', submitter: { name: '王丽娟' } }, can: { send: false } });
    // A second send the same day (a retry, a colleague) answers the stored report.
    const again = await duty.post(ZERO, { unitId: fx.units.baogai.id, note: '重复发送' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(sent.json());
    expect(await t.db.select().from(dutyZeroReports).where(eq(dutyZeroReports.unitId, fx.units.baogai.id))).toHaveLength(1);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'duty.zero_report.sent'), eq(auditEvents.unitId, fx.units.baogai.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ day: DAY, zeroReportStatus: 'on_time' });
    await expect.poll(async () => (await listener.of('duty.zero_report')).length).toBe(1);

    const countyView = (await county.get(`${ZERO}?day=${DAY}`)).json();
    expect(countyView.items).toHaveLength(townships);
    expect(rowOf(countyView, fx.units.baogai.id)).toMatchObject({ status: 'on_time', report: { note: '辖区平安，各村无险情' } });
    expect(rowOf(countyView, fx.units.lingxiu.id)).toMatchObject({ status: 'pending', report: null });
    expect(countyView.counts).toMatchObject({ on_time: 1, pending: townships - 1, late: 0, missing: 0 });

    // 09:00:00 sharp is still on time; nothing is missing yet.
    t.clock.set(beijing(DAY, '09:00:00'));
    expect(await sweepMissingZeroReports(t.db, t.clock.now())).toBe(0);
    const sharp = await (await as('county_officer')).post(ZERO, { unitId: fx.units.hubin.id });
    expect(sharp.json()).toMatchObject({ status: 'on_time', unit: { name: '湖滨街道' } });

    // A second later the rest are missing: the sweep flags each to the county, once.
    t.clock.set(beijing(DAY, '09:00:01'));
    expect(await sweepMissingZeroReports(t.db, t.clock.now())).toBe(townships - 2);
    expect(await sweepMissingZeroReports(t.db, t.clock.now())).toBe(0);
    const missing = await listener.of('duty.zero_missing');
    expect(missing).toHaveLength(townships - 2);
    const lingxiuEvent = missing.find((e) => e.data.unitId === fx.units.lingxiu.id);
    expect(lingxiuEvent).toMatchObject({ unitPath: fx.units.lingxiu.path, data: { unitName: '灵秀镇', day: DAY, dueAt: beijing(DAY, '09:00:00').toISOString() } });
    expect(missing.map((e) => e.data.unitId)).not.toContain(fx.units.baogai.id);
    const [flagAudit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'duty.zero_report.missing'), eq(auditEvents.unitId, fx.units.lingxiu.id)));
    expect(flagAudit!.summary).toContain('灵秀镇');

    const flagged = (await (await as('county_officer')).get(`${ZERO}?day=${DAY}`)).json();
    expect(flagged.counts).toMatchObject({ on_time: 2, missing: townships - 2, pending: 0 });
    expect(rowOf(flagged, fx.units.lingxiu.id)).toMatchObject({ status: 'missing', missingFlaggedAt: beijing(DAY, '09:00:01').toISOString() });

    // 灵秀镇 reports at 09:30: late, and no second flag.
    t.clock.set(beijing(DAY, '09:30:00'));
    const lingxiu = await as('lingxiu_chief');
    const late = await lingxiu.post(ZERO, { unitId: fx.units.lingxiu.id });
    expect(late.json()).toMatchObject({ status: 'late', report: { note: null } });
    expect(await sweepMissingZeroReports(t.db, t.clock.now())).toBe(0);
    expect((await (await as('county_officer')).get(`${ZERO}?day=${DAY}&unitId=${fx.units.lingxiu.id}`)).json().items).toMatchObject([{ status: 'late' }]);
    expect(await t.db.select().from(dutyZeroReportFlags).where(eq(dutyZeroReportFlags.unitId, fx.units.lingxiu.id))).toHaveLength(1);
  });

  it('a past day reads as it ended; a report can only be sent for today', async () => {
    t.clock.set(beijing('2026-06-03', '08:00:00'));
    const duty = await as('baogai_duty');
    const yesterday = (await duty.get(`${ZERO}?day=2026-06-02`)).json();
    expect(yesterday).toMatchObject({ day: '2026-06-02', today: '2026-06-03', items: [{ status: 'on_time', can: { send: false } }] });
    const today = (await duty.get(ZERO)).json();
    expect(today.items).toMatchObject([{ status: 'pending', can: { send: true } }]);
    // Just after midnight the new day's report is owed and the old one is history.
    const res = await duty.post(ZERO, { unitId: fx.units.baogai.id });
    expect(res.json().report.day).toBe('2026-06-03');
    const county = await as('county_officer');
    const june1 = (await county.get(`${ZERO}?day=2026-06-01`)).json();
    expect(june1.counts.missing).toBe(townships);
  });
});

describe('the hour is configurable', () => {
  it('a township sets its own hour; the county sets one for every township without its own', async () => {
    const DAY = '2026-06-05';
    t.clock.set(beijing(DAY, '07:00:00'));
    const chief = await as('baogai_chief');
    const county = await as('county_officer');

    const initial = (await chief.get(`${ZERO}/settings?unitId=${fx.units.baogai.id}`)).json();
    expect(initial).toEqual({ unitId: fx.units.baogai.id, dueHour: 9, source: null, ownDueHour: null, can: { update: true } });

    const own = await chief.put(`${ZERO}/settings`, { unitId: fx.units.baogai.id, dueHour: 10 });
    expect(own.json()).toMatchObject({ dueHour: 10, ownDueHour: 10, source: { name: '宝盖镇' } });
    const countyWide = await county.put(`${ZERO}/settings`, { unitId: fx.units.county.id, dueHour: 8 });
    expect(countyWide.json()).toMatchObject({ dueHour: 8, ownDueHour: 8, source: { name: '石狮市' } });
    expect((await chief.get(`${ZERO}/settings?unitId=${fx.units.lingxiu.id}`)).statusCode).toBe(404);
    expect((await county.get(`${ZERO}/settings?unitId=${fx.units.lingxiu.id}`)).json()).toMatchObject({ dueHour: 8, ownDueHour: null, source: { name: '石狮市' } });

    const view = (await county.get(`${ZERO}?day=${DAY}`)).json();
    expect(rowOf(view, fx.units.baogai.id)).toMatchObject({ dueHour: 10, dueAt: beijing(DAY, '10:00:00').toISOString() });
    expect(rowOf(view, fx.units.lingxiu.id)).toMatchObject({ dueHour: 8 });

    // At 08:30 the county's hour has passed for 灵秀镇 but not 宝盖镇's own 10:00.
    t.clock.set(beijing(DAY, '08:30:00'));
    await sweepMissingZeroReports(t.db, t.clock.now());
    const flags = await t.db.select().from(dutyZeroReportFlags).where(eq(dutyZeroReportFlags.day, DAY));
    expect(flags.map((f) => f.unitId)).toContain(fx.units.lingxiu.id);
    expect(flags.map((f) => f.unitId)).not.toContain(fx.units.baogai.id);

    // Clearing the township's own hour makes it follow the county again; each change is audited.
    const cleared = await (await as('baogai_chief')).put(`${ZERO}/settings`, { unitId: fx.units.baogai.id, dueHour: null });
    expect(cleared.json()).toMatchObject({ dueHour: 8, ownDueHour: null, source: { name: '石狮市' } });
    const changes = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'duty.zero_report.settings'), eq(auditEvents.unitId, fx.units.baogai.id)));
    expect(changes.map((c) => c.after)).toEqual([{ zeroReportDueHour: 10 }, { zeroReportDueHour: null }]);
    await (await as('county_officer')).put(`${ZERO}/settings`, { unitId: fx.units.county.id, dueHour: null });
  });

  it('refuses an hour out of bounds, a village, and a duty officer', async () => {
    t.clock.set(beijing('2026-06-06', '07:00:00'));
    const chief = await as('baogai_chief');
    const duty = await as('baogai_duty');
    expect((await chief.put(`${ZERO}/settings`, { unitId: fx.units.baogai.id, dueHour: 24 })).json().code).toBe('VALIDATION_FAILED');
    expect((await chief.put(`${ZERO}/settings`, { unitId: fx.units.baogai.id, dueHour: 8.5 })).json().code).toBe('VALIDATION_FAILED');
    expect((await chief.put(`${ZERO}/settings`, { unitId: fx.units.tanghou.id, dueHour: 8 })).json().code).toBe('ZERO_REPORT_SETTING_LEVEL');
    expect((await duty.put(`${ZERO}/settings`, { unitId: fx.units.baogai.id, dueHour: 8 })).statusCode).toBe(403);
  });
});

describe('who sends and who sees', () => {
  it('only townships send; the neighbouring township sees nothing of 宝盖镇; a village lead cannot open the desk', async () => {
    t.clock.set(beijing('2026-06-07', '07:00:00'));
    const county = await as('county_officer');
    expect((await county.post(ZERO, { unitId: fx.units.county.id })).json().code).toBe('ZERO_REPORT_UNIT_LEVEL');
    expect((await county.post(ZERO, { unitId: fx.units.tanghou.id })).json().code).toBe('ZERO_REPORT_UNIT_LEVEL');

    const lingxiu = await as('lingxiu_chief');
    const own = (await lingxiu.get(ZERO)).json();
    expect(own.items.map((r: Row) => r.unit.name)).toEqual(['灵秀镇']);
    for (const res of [
      await lingxiu.get(`${ZERO}?unitId=${fx.units.baogai.id}`),
      await lingxiu.post(ZERO, { unitId: fx.units.baogai.id }),
      await lingxiu.get(`${ZERO}/settings?unitId=${fx.units.baogai.id}`),
      await lingxiu.put(`${ZERO}/settings`, { unitId: fx.units.baogai.id, dueHour: 7 }),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    const enforcer = await as('baogai_enforcer');
    expect((await enforcer.get(ZERO)).json().items).toMatchObject([{ unit: { name: '宝盖镇' }, can: { send: false } }]);
    expect((await enforcer.post(ZERO, { unitId: fx.units.baogai.id })).statusCode).toBe(403);
    expect((await (await as('tanghou_lead')).get(ZERO)).statusCode).toBe(403);
  });
});
