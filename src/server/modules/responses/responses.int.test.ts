import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { users } from '../../platform/auth/schema';
import { dutyEventEntries, dutyEvents } from '../duty/events/schema';
import { responses } from './schema';
import { tasksOf } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let chief: Api;
let duty: Api;
let neighbour: Api;

/** Signs everyone in (again after the clock jumped past the idle timeout). */
async function signIn() {
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  neighbour = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  await signIn();
});
afterAll(() => t.close());

/** The county enters a red typhoon warning for 宝盖镇 and 灵秀镇 and issues it to both. */
async function redTyphoon(extra: Record<string, unknown> = {}) {
  const now = t.clock.now();
  const w = await county.post('/api/warnings', {
    id: crypto.randomUUID(),
    type: 'typhoon',
    level: 'red',
    areaDesc: '宝盖镇、灵秀镇沿海村居',
    areaUnitIds: [fx.units.baogai.id, fx.units.lingxiu.id],
    effective: now.toISOString(),
    expires: new Date(now.getTime() + 2 * 86400_000).toISOString(),
    headline: '石狮市气象台发布台风红色预警',
    text: '第9号台风预计今夜在我市沿海登陆。',
    ...extra,
  });
  expect(w.statusCode, w.body).toBe(201);
  const issue = await county.post(`/api/warnings/${w.json().id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.baogai.id, fx.units.lingxiu.id] });
  expect(issue.statusCode, issue.body).toBe(201);
  return w.json() as { id: string; identifier: string };
}

type Proposal = { items: { plan: { id: string; name: string; unit: { name: string } }; level: string; relation: string; checklist: { action: string; timeLimitMinutes: number | null }[]; canStart: boolean; runningId: string | null }[] };

async function proposalFor(api: Api, warningId: string): Promise<Proposal> {
  const res = await api.get(`/api/responses/proposals?warningId=${warningId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const start = (api: Api, body: Record<string, unknown>) => api.post('/api/responses', { id: crypto.randomUUID(), ...body });

describe('proposal and start', () => {
  it('proposes 宝盖镇’s typhoon plan at Ⅰ级 to its chief, with the checklist, and nothing of 灵秀镇', async () => {
    const w = await redTyphoon();
    const p = await proposalFor(chief, w.id);
    expect(p.items[0]).toMatchObject({ plan: { name: '宝盖镇防御台风应急预案', unit: { name: '宝盖镇' } }, level: 'I', relation: 'same', canStart: true, runningId: null });
    expect(p.items[0]!.checklist).toHaveLength(5);
    expect(p.items.map((i) => i.plan.unit.name)).toContain('塘后村');
    expect(p.items.every((i) => ['宝盖镇', '塘后村'].includes(i.plan.unit.name))).toBe(true);
    // The duty officer sees the proposal but may not start it.
    expect((await proposalFor(duty, w.id)).items[0]!.canStart).toBe(false);
    // 灵秀镇 has no plan in the demo data: an empty proposal, never 宝盖镇's.
    expect((await proposalFor(neighbour, w.id)).items).toEqual([]);
  });

  it('starts the proposal: one task per action, due at the start plus its limit, audited in the same transaction', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const res = await start(chief, { warningId: w.id, planId: item!.plan.id, level: item!.level });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ status: 'running', level: 'I', exercise: false, plan: { id: item!.plan.id }, warning: { id: w.id }, progress: { total: 5, done: 0, overdue: 0 }, can: { end: true } });
    const startedAt = new Date(r.startedAt).getTime();
    for (const [i, task] of (r.tasks as { action: string; dueAt: string | null; timeLimitMinutes: number | null }[]).entries()) {
      expect(task.action).toBe(item!.checklist[i]!.action);
      expect(task.dueAt && new Date(task.dueAt).getTime()).toBe(task.timeLimitMinutes === null ? null : startedAt + task.timeLimitMinutes * 60_000);
    }
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'response.started'), eq(auditEvents.entityId, r.id)));
    expect(audit).toHaveLength(1);
    expect((await proposalFor(chief, w.id)).items[0]!.runningId).toBe(r.id);
  });

  it('is idempotent: a retry and a second start of the same plan answer the running response', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const body = { id: crypto.randomUUID(), warningId: w.id, planId: item!.plan.id, level: 'I' };
    const first = await chief.post('/api/responses', body);
    expect(first.statusCode).toBe(201);
    const retry = await chief.post('/api/responses', body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    const again = await start(county, { warningId: w.id, planId: item!.plan.id, level: 'II' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, level: 'I' });
    expect(await t.db.select().from(responses).where(eq(responses.warningId, w.id))).toHaveLength(1);
    expect(await tasksOf(t.db, first.json().id)).toHaveLength(5);
    // The same id for another plan is refused.
    const other = (await proposalFor(chief, w.id)).items.find((i) => i.plan.unit.name === '塘后村')!;
    const taken = await chief.post('/api/responses', { ...body, planId: other.plan.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('RESPONSE_ID_TAKEN');
  });

  it('refuses a start without warnings.respond, outside the scope, or for a cancelled warning', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    expect((await start(duty, { warningId: w.id, planId: item!.plan.id, level: 'I' })).statusCode).toBe(403);
    expect((await start(neighbour, { warningId: w.id, planId: item!.plan.id, level: 'I' })).statusCode).toBe(404);
    expect((await county.post(`/api/warnings/${w.id}/cancel`, {})).statusCode).toBe(200);
    const late = await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('WARNING_NOT_ACTIVE');
  });
});

describe('tasks', () => {
  it('ticks and undoes with a note; the owner may tick their own task, others without warnings.respond may not', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const r = (await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I' })).json();
    const [first, second] = r.tasks as { id: string }[];
    const done = await chief.post(`/api/responses/tasks/${first!.id}/tick`, { done: true, note: '指挥部已开设' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().progress).toMatchObject({ done: 1, total: 5 });
    expect(done.json().tasks[0]).toMatchObject({ doneBy: '蔡明辉', note: '指挥部已开设' });
    const undone = await chief.post(`/api/responses/tasks/${first!.id}/tick`, { done: false, note: '误点，撤销' });
    expect(undone.json().tasks[0]).toMatchObject({ doneAt: null, note: '误点，撤销' });
    expect(undone.json().progress.done).toBe(0);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'response.task.undone')))).toHaveLength(1);

    // The duty officer owns the reporting task (应急值班员) and nothing else.
    const [dutyUser] = await t.db.select().from(users).where(eq(users.username, 'baogai_duty'));
    const tasks = await tasksOf(t.db, r.id);
    const own = tasks.find((x) => x.ownerPersonId === dutyUser!.personId);
    expect(own, 'the demo plan gives the 应急值班员 a task').toBeDefined();
    expect((await duty.post(`/api/responses/tasks/${own!.id}/tick`, { done: true })).statusCode).toBe(200);
    const notOwn = tasks.find((x) => x.ownerPersonId !== dutyUser!.personId)!;
    expect((await duty.post(`/api/responses/tasks/${notOwn.id}/tick`, { done: true })).statusCode).toBe(403);
    expect((await neighbour.post(`/api/responses/tasks/${second!.id}/tick`, { done: true })).statusCode).toBe(404);
  });

  it('flags tasks past their due time as overdue', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const r = (await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I' })).json();
    t.clock.advance(61 * 60_000);
    await signIn();
    const detail = (await chief.get(`/api/responses/${r.id}`)).json();
    // 30 and 60 minutes have passed; 180, 120 and 90 have not.
    expect(detail.tasks.map((x: { overdue: boolean }) => x.overdue)).toEqual([true, false, false, true, false]);
    expect(detail.progress.overdue).toBe(2);
    await chief.post(`/api/responses/tasks/${detail.tasks[0].id}/tick`, { done: true });
    expect((await chief.get(`/api/responses/${r.id}`)).json().progress).toMatchObject({ done: 1, overdue: 1 });
  });
});

describe('end', () => {
  it('ends with a summary that joins the township’s duty event for the warning (created, then reused)', async () => {
    const w = await redTyphoon();
    const items = (await proposalFor(chief, w.id)).items;
    const town = items.find((i) => i.plan.unit.name === '宝盖镇')!;
    const village = items.find((i) => i.plan.unit.name === '塘后村')!;
    const r = (await start(chief, { warningId: w.id, planId: town.plan.id, level: town.level })).json();
    await chief.post(`/api/responses/tasks/${r.tasks[0].id}/tick`, { done: true });
    await chief.post(`/api/responses/tasks/${r.tasks[1].id}/tick`, { done: true });
    const ended = await chief.post(`/api/responses/${r.id}/end`, { summary: '全镇转移群众 1,236 人，无人员伤亡。' });
    expect(ended.statusCode, ended.body).toBe(200);
    const e = ended.json();
    expect(e).toMatchObject({ status: 'ended', summary: '全镇转移群众 1,236 人，无人员伤亡。', endedBy: '蔡明辉', can: { end: false } });
    expect(e.dutyEventId).toBeTruthy();
    const [event] = await t.db.select().from(dutyEvents).where(eq(dutyEvents.id, e.dutyEventId));
    expect(event).toMatchObject({ unitId: fx.units.baogai.id, type: 'natural_disaster', grade: 'major', status: 'open' });
    const timeline = (await chief.get(`/api/duty/events/${e.dutyEventId}`)).json().timeline as { text: string }[];
    expect(timeline.map((x) => x.text).join('\n')).toContain('全镇转移群众 1,236 人，无人员伤亡。（任务完成 2/5 项）');

    // Ended is final: no second end, no more ticks.
    expect((await chief.post(`/api/responses/${r.id}/end`, { summary: '再次' })).json().code).toBe('RESPONSE_NOT_RUNNING');
    expect((await chief.post(`/api/responses/tasks/${r.tasks[2].id}/tick`, { done: true })).json().code).toBe('RESPONSE_NOT_RUNNING');

    // The village's response to the same warning joins the same event at the township's desk.
    const v = (await start(chief, { warningId: w.id, planId: village.plan.id, level: village.level })).json();
    const vEnded = (await chief.post(`/api/responses/${v.id}/end`, { summary: '塘后村后山群众已全部转移。' })).json();
    expect(vEnded.dutyEventId).toBe(e.dutyEventId);
    const entries = await t.db.select().from(dutyEventEntries).where(and(eq(dutyEventEntries.eventId, e.dutyEventId), eq(dutyEventEntries.kind, 'response')));
    expect(entries).toHaveLength(2);
    // After the end the same plan may start again for the same warning.
    expect((await start(chief, { warningId: w.id, planId: town.plan.id, level: 'II' })).statusCode).toBe(201);
  });

  it('needs warnings.respond to end', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const r = (await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I' })).json();
    expect((await duty.post(`/api/responses/${r.id}/end`, { summary: '结束' })).statusCode).toBe(403);
    expect((await neighbour.post(`/api/responses/${r.id}/end`, { summary: '结束' })).statusCode).toBe(404);
  });
});

describe('exercise mode', () => {
  it('flows from an exercise warning, cannot be turned off, is counted apart and opens no duty event', async () => {
    const w = await redTyphoon({ exercise: true });
    const [item] = (await proposalFor(chief, w.id)).items;
    const refused = await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I', exercise: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('RESPONSE_EXERCISE_WARNING');
    const r = (await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I' })).json();
    expect(r).toMatchObject({ exercise: true, warning: { exercise: true } });
    const ended = (await chief.post(`/api/responses/${r.id}/end`, { summary: '演练结束，转移路线需优化。' })).json();
    expect(ended.dutyEventId).toBeNull();
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'response.ended')));
    expect(audit[0]!.summary).toMatch(/^【演练】/);
  });

  it('can be chosen at start for a real warning; the list counts and filters exercises apart', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const r = (await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I', exercise: true })).json();
    expect(r.exercise).toBe(true);
    const all = (await chief.get(`/api/responses?warningId=${w.id}`)).json();
    expect(all.counts).toEqual({ real: 0, exercise: 1 });
    expect((await chief.get(`/api/responses?warningId=${w.id}&exercise=false`)).json().items).toEqual([]);
    expect((await chief.get(`/api/responses?warningId=${w.id}&exercise=true`)).json().items.map((x: { id: string }) => x.id)).toEqual([r.id]);
  });
});

describe('scope', () => {
  it('灵秀镇 sees nothing of 宝盖镇’s responses', async () => {
    const w = await redTyphoon();
    const [item] = (await proposalFor(chief, w.id)).items;
    const r = (await start(chief, { warningId: w.id, planId: item!.plan.id, level: 'I' })).json();
    expect((await neighbour.get(`/api/responses/${r.id}`)).statusCode).toBe(404);
    const list = (await neighbour.get('/api/responses')).json();
    expect(list.items).toEqual([]);
    expect(list.counts).toEqual({ real: 0, exercise: 0 });
    // The county sees it; so does the station's duty officer (plans.read), who cannot end it.
    expect((await county.get(`/api/responses/${r.id}`)).statusCode).toBe(200);
    expect((await duty.get(`/api/responses/${r.id}`)).json().can.end).toBe(false);
  });
});
