import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { auditEvents } from '../../../platform/audit/schema';
import type { RosterView } from '../../../../contracts';
import { peopleOf, personOfAccount } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let chief: Api;
let duty: Api;
let county: Api;
let lingxiu: Api;
let grid: Api;
let leaders: string[];
let officers: string[];
let dutyPerson: string;

const START = new Date('2026-06-01T02:00:00Z'); // 10:00 on 1 June in Beijing

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  dutyPerson = await personOfAccount(t.db, 'baogai_duty');
  const chiefPerson = await personOfAccount(t.db, 'baogai_chief');
  const others = (await peopleOf(t.db, fx.units.baogai.id)).map((p) => p.id).filter((id) => id !== dutyPerson && id !== chiefPerson);
  leaders = [chiefPerson, others[0]!];
  officers = [dutyPerson, ...others.slice(1, 4)];
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(START));

/** Moves the clock and signs in afresh (sessions time out after 30 idle minutes). */
async function at(instant: string, username: string): Promise<Api> {
  t.clock.set(new Date(instant));
  return apiAs(t.app, await loginAs(t.app, username));
}

const generate = (api: Api, over: Record<string, unknown> = {}) => api.post('/api/duty/rosters/generate', { unitId: fx.units.baogai.id, month: '2026-06', pattern: '24h', leaders, officers, ...over });
const roster = async (api: Api, month = '2026-06', unitId = fx.units.baogai.id) => api.get(`/api/duty/rosters?unitId=${unitId}&month=${month}`);

describe('generating and publishing a month', () => {
  it('shows an empty month before anything is generated', async () => {
    const res = await roster(chief, '2026-09');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: null, status: null, shifts: [], gapCount: 0, can: { manage: true, requestSwap: true } });
  });

  it('generates a draft with every shift held, and replaces it when generated again', async () => {
    const first = await generate(chief);
    expect(first.statusCode, first.body).toBe(200);
    const r: RosterView = first.json();
    expect(r.status).toBe('draft');
    expect(r.shifts).toHaveLength(30);
    expect(r.gapCount).toBe(0);
    expect(r.shifts[0]).toMatchObject({ key: '2026-06-01/full', labelZh: '全天 08:00—次日08:00', startsAt: '2026-06-01T00:00:00.000Z' });
    expect(r.shifts.every((s) => s.leader && s.officer && s.leader.id !== s.officer.id)).toBe(true);
    expect(r.leaders.map((p) => p.id)).toEqual(leaders);

    const again = (await generate(chief, { pattern: 'day_night' })).json() as RosterView;
    expect(again.id).toBe(r.id);
    expect(again.shifts).toHaveLength(60);
    expect(again.shifts[1]).toMatchObject({ key: '2026-06-01/night', slot: 'night', labelZh: '夜班 20:00—次日08:00' });
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id!), eq(auditEvents.action, 'duty.roster.generated')));
    expect(audit).toHaveLength(2);
  });

  it('leaves days someone is away to others, and shows a gap when nobody is left', async () => {
    const away = officers.map((personId) => ({ personId, date: '2026-06-10' }));
    const r = (await generate(chief, { pattern: '24h', unavailable: [...away, { personId: leaders[0], date: '2026-06-11' }] })).json() as RosterView;
    const tenth = r.shifts.find((s) => s.date === '2026-06-10')!;
    // Only those listed as officers serve as officers: with all of them away the day has none.
    expect(tenth.officer).toBeNull();
    expect(tenth.missing).toEqual(['officer']);
    expect(r.gapCount).toBe(1);
    expect(r.shifts.find((s) => s.date === '2026-06-11')!.leader!.id).toBe(leaders[1]);
  });

  it('edits one shift, refuses one person in both roles, and fills the gap', async () => {
    const r = (await roster(chief)).json() as RosterView;
    const gap = r.shifts.find((s) => s.missing.length)!;
    const both = await chief.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: gap.key, role: 'officer', personId: gap.leader!.id });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('DUTY_SHIFT_BOTH_ROLES');
    const stranger = await chief.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: gap.key, role: 'officer', personId: fx.people.lingxiu.id });
    expect(stranger.json().code).toBe('PERSON_NOT_IN_UNIT');
    const unknown = await chief.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: '2026-07-01/full', role: 'officer', personId: dutyPerson });
    expect(unknown.json().code).toBe('DUTY_SHIFT_UNKNOWN');

    const fixed = await chief.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: gap.key, role: 'officer', personId: dutyPerson });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().gapCount).toBe(0);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id!), eq(auditEvents.action, 'duty.roster.shift_changed')));
    expect(event!.summary).toContain('值班员：空 →');
  });

  it('refuses days away outside the month and people of another unit', async () => {
    expect((await generate(chief, { unavailable: [{ personId: dutyPerson, date: '2026-07-01' }] })).json().code).toBe('DUTY_DATE_NOT_IN_MONTH');
    expect((await generate(chief, { officers: [fx.people.lingxiu.id] })).json().code).toBe('PERSON_NOT_IN_UNIT');
    expect((await generate(chief, { month: '2026-13' })).statusCode).toBe(400);
  });

  it('publishes; a published month is not regenerated and its past shifts stay as they were', async () => {
    const r = (await roster(chief)).json() as RosterView;
    const published = await chief.post(`/api/duty/rosters/${r.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedBy: '蔡明辉' });
    expect((await chief.post(`/api/duty/rosters/${r.id}/publish`, {})).json().code).toBe('DUTY_ROSTER_PUBLISHED');
    expect((await generate(chief)).json().code).toBe('DUTY_ROSTER_PUBLISHED');

    const later3 = await at('2026-06-03T01:00:00Z', 'baogai_chief');
    const past = await later3.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: '2026-06-01/full', role: 'officer', personId: officers[1] });
    expect(past.json().code).toBe('DUTY_SHIFT_ENDED');
    const later = r.shifts.find((s) => s.date === '2026-06-20')!;
    const swapIn = officers.find((o) => o !== later.officer!.id)!;
    const edited = await later3.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: later.key, role: 'officer', personId: swapIn });
    expect(edited.json().shifts.find((s: { key: string }) => s.key === later.key).officer.id).toBe(swapIn);
  });

  it('says who is on duty now and who comes next, with names and phones', async () => {
    const officer = await at('2026-06-04T23:30:00Z', 'baogai_duty'); // 07:30 on 5 June: still the shift of the 4th
    const res = await officer.get(`/api/duty/on-duty?unitId=${fx.units.baogai.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const r = (await roster(officer)).json() as RosterView;
    const fourth = r.shifts.find((s) => s.key === '2026-06-04/full')!;
    const fifth = r.shifts.find((s) => s.key === '2026-06-05/full')!;
    expect(body).toMatchObject({ rostered: true, shift: { key: '2026-06-04/full' }, leader: fourth.leader, officer: fourth.officer, next: { shift: { key: '2026-06-05/full' }, leader: fifth.leader, officer: fifth.officer } });
    expect(body.officer.phone).toMatch(/^1\d{10}$/);
  });

  it('exports the month as an Excel sheet with the gaps marked', async () => {
    const res = await chief.get(`/api/duty/rosters/export.xlsx?unitId=${fx.units.baogai.id}&month=2026-06`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('duty-roster-350581101000-2026-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('值班表')!;
    expect(String(sheet.getCell('A1').value)).toBe('宝盖镇 2026年6月值班表（24 小时值班）');
    expect(sheet.getRow(2).values).toContain('带班领导');
    expect(sheet.getCell('A3').value).toBe('2026-06-01');
    expect(sheet.getCell('B3').value).toBe('周一');
    expect(sheet.rowCount).toBe(2 + 30 + 1);
  });
});

describe('who may see and run a roster', () => {
  it('a duty officer sees the roster but cannot generate, edit or publish', async () => {
    expect((await roster(duty)).json().can).toEqual({ manage: false, requestSwap: true });
    expect((await generate(duty, { month: '2026-08' })).statusCode).toBe(403);
  });

  it('the county sees and may run the township’s roster; the neighbouring township sees nothing', async () => {
    expect((await roster(county)).statusCode).toBe(200);
    expect((await roster(lingxiu)).statusCode).toBe(404);
    expect((await lingxiu.get(`/api/duty/on-duty?unitId=${fx.units.baogai.id}`)).statusCode).toBe(404);
    expect((await lingxiu.get(`/api/duty/rosters/export.xlsx?unitId=${fx.units.baogai.id}&month=2026-06`)).statusCode).toBe(404);
    const r = (await roster(chief)).json() as RosterView;
    expect((await lingxiu.post(`/api/duty/rosters/${r.id}/publish`, {})).statusCode).toBe(404);
    expect((await generate(lingxiu, { month: '2026-08' })).statusCode).toBe(404);
  });

  it('a grid worker has no desk; a village is not a desk', async () => {
    expect((await grid.get('/api/duty/desks')).json().items).toEqual([]);
    expect((await county.get(`/api/duty/rosters?unitId=${fx.units.tanghou.id}&month=2026-06`)).json().code).toBe('DUTY_DESK_LEVEL');
  });

  it('lists the desks: the county sees its own and every township, a township only itself', async () => {
    const countyDesks = (await county.get('/api/duty/desks')).json().items as { name: string; level: string }[];
    expect(countyDesks[0]).toMatchObject({ name: '石狮市', level: 'county' });
    expect(countyDesks.map((d) => d.name)).toContain('宝盖镇');
    expect(countyDesks.map((d) => d.name)).toContain('灵秀镇');
    expect((await chief.get('/api/duty/desks')).json().items).toEqual([{ id: fx.units.baogai.id, name: '宝盖镇', code: '350581101000', level: 'township', can: { write: true, manage: true } }]);
  });
});
