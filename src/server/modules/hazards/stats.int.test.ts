import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { users } from '../../platform/auth/schema';
import { sweepOverdueHazards } from './escalation.job';

let t: TestApp;
let fx: DemoFixtures;
let grid: Api;
let duty: Api;
let chief: Api;
let lead: Api;
let county: Api;
let chiefCookie: string;

/** Everyone signs in (again after the clock jumped past the idle timeout). */
async function signIn() {
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  chiefCookie = await loginAs(t.app, 'baogai_chief');
  chief = apiAs(t.app, chiefCookie);
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  await signIn();
});
afterAll(() => t.close());

const report = (categoryCode: string) =>
  grid.post('/api/hazards', {
    id: crypto.randomUUID(),
    categoryCode,
    description: '统计测试隐患',
    lat: 24.76,
    lng: 118.64,
    reportedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(),
  });
const act = (api: Api, id: string, body: Record<string, unknown>) => api.post(`/api/hazards/${id}/actions`, body);

/** Reports a hazard and takes it through the whole loop to 已销号. */
async function reportAndClose(categoryCode: string) {
  const { id } = (await report(categoryCode)).json();
  await act(duty, id, { action: 'verify' });
  await act(duty, id, { action: 'grade', level: 'general' });
  const [leadUser] = await t.db.select().from(users).where(eq(users.username, 'tanghou_lead'));
  await act(duty, id, {
    action: 'assign',
    responsibleUnitId: fx.units.tanghou.id,
    responsiblePersonId: leadUser!.personId,
    deadline: new Date(t.clock.now().getTime() + 3 * 86400_000).toISOString(),
    measures: '清理',
    funds: '村集体',
    contingencyPlan: '警示',
  });
  await act(lead, id, { action: 'submit', note: '已完成', photoIds: [] });
  t.clock.advance(2 * 86400_000);
  await signIn();
  const closed = await act(chief, id, { action: 'accept', photoIds: [] });
  expect(closed.json().state).toBe('closed');
  return id;
}

/** The same figures counted from the hazards table itself, for a unit's subtree. */
async function live(unitId: string) {
  const [row] = (
    await t.db.execute<{ found: number; closed: number; overdue: number; days: number | null }>(sql`
      select count(*) filter (where h.state not in ('rejected','merged'))::int as found,
             count(*) filter (where h.state = 'closed')::int as closed,
             count(*) filter (where h.overdue and h.state not in ('closed','rejected','merged'))::int as overdue,
             avg(extract(epoch from h.closed_at - h.reported_at) / 86400) filter (where h.state = 'closed') as days
      from hazards h join units u on u.id = h.unit_id
      where u.path <@ (select path from units where id = ${unitId})`)
  ).rows;
  return row!;
}

describe('hazard statistics', () => {
  it('equal the live counts after hazards are reported, closed, rejected and left overdue', async () => {
    await reportAndClose('fire');
    await reportAndClose('waterlogging');
    const rejected = (await report('fire')).json().id;
    await act(duty, rejected, { action: 'reject', reason: '不属实' });
    await report('fire');
    await report('waterlogging');
    // Two days have passed since those were reported: past the 24-hour verification limit.
    t.clock.advance(2 * 86400_000);
    expect(await sweepOverdueHazards(t.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    await signIn();

    const res = await chief.get(`/api/hazards/stats?unitId=${fx.units.baogai.id}&from=2026-01&to=2026-12`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const expected = await live(fx.units.baogai.id);
    expect(s.totals).toMatchObject({ found: expected.found, closed: expected.closed, overdue: expected.overdue });
    expect(s.totals.found).toBe(4);
    expect(s.totals.closed).toBe(2);
    expect(s.totals.overdue).toBe(2);
    expect(s.totals.closureRate).toBeCloseTo(2 / 4, 4);
    expect(s.totals.meanCloseDays).toBeCloseTo(Number(expected.days), 1);

    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth.find((m: { month: string }) => m.month === '2026-06')).toMatchObject({ found: 4, closed: 2 });
    expect(s.byCategory.find((c: { code: string }) => c.code === 'fire')).toMatchObject({ found: 2, closed: 1, nameZh: expect.any(String) });
    expect(s.byCategory.find((c: { code: string }) => c.code === 'waterlogging')).toMatchObject({ found: 2, closed: 1 });

    const tanghou = s.children.find((c: { unit: { id: string } }) => c.unit.id === fx.units.tanghou.id);
    const tanghouLive = await live(fx.units.tanghou.id);
    expect(tanghou).toMatchObject({ found: tanghouLive.found, closed: tanghouLive.closed, overdue: tanghouLive.overdue });
    const others = s.children.filter((c: { unit: { id: string } }) => c.unit.id !== fx.units.tanghou.id);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c: { found: number; overdue: number }) => c.found === 0 && c.overdue === 0)).toBe(true);

    // The county sees the same hazards in its figures, and 宝盖镇 among its children.
    const up = (await county.get(`/api/hazards/stats?unitId=${fx.units.county.id}&from=2026-06&to=2026-06`)).json();
    expect(up.totals).toMatchObject({ found: 4, closed: 2, overdue: 2 });
    expect(up.children.find((c: { unit: { id: string } }) => c.unit.id === fx.units.baogai.id)).toMatchObject({ found: 4, closed: 2, overdue: 2 });
    expect(up.children.find((c: { unit: { id: string } }) => c.unit.id === fx.units.lingxiu.id)).toMatchObject({ found: 0, overdue: 0 });
  });

  it('defaults to my own unit and the twelve months up to now', async () => {
    const s = (await duty.get('/api/hazards/stats')).json();
    expect(s.unit.id).toBe(fx.units.baogai.id);
    expect(s.byMonth).toHaveLength(12);
    expect(s.to).toBe(s.byMonth.at(-1).month);
  });

  it('answers 404 for a unit outside my scope: a 宝盖镇 user asking for 灵秀镇', async () => {
    const res = await duty.get(`/api/hazards/stats?unitId=${fx.units.lingxiu.id}`);
    expect(res.statusCode).toBe(404);
    expect((await duty.get(`/api/hazards/stats.xlsx?unitId=${fx.units.lingxiu.id}`)).statusCode).toBe(404);
  });

  it('refuses a span that ends before it starts, or is longer than ten years', async () => {
    const back = await chief.get('/api/hazards/stats?from=2026-06&to=2026-01');
    expect(back.statusCode).toBe(400);
    expect(back.json().fields[0]).toMatchObject({ path: 'query.from', code: 'after_to' });
    expect((await chief.get('/api/hazards/stats?from=2000-01&to=2026-01')).statusCode).toBe(400);
    expect((await chief.get('/api/hazards/stats?from=2026-13')).statusCode).toBe(400);
  });

  it('exports the same figures as an Excel workbook', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/hazards/stats.xlsx?unitId=${fx.units.baogai.id}&from=2026-01&to=2026-12`, headers: { cookie: chiefCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('隐患统计-宝盖镇'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按类别', '按月份', '下级单位']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(2).getCell(1).value).toBe('宝盖镇');
    expect(summary.getRow(2).getCell(3).value).toBe(4);
    expect(summary.getRow(2).getCell(4).value).toBe(2);
    expect(wb.getWorksheet('按月份')!.rowCount).toBe(13);
  });
});
