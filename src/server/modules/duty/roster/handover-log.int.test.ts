import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { auditEvents } from '../../../platform/audit/schema';
import { dutyLogEntries } from './schema';
import { fullChecklist, insertRoster, peopleOf, personOfAccount } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let baogai: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  baogai = fx.units.baogai.id;
});
afterAll(() => t.close());

/** Sets the Beijing wall clock and signs the personas in afresh (sessions time out when idle). */
async function at(beijing: string, ...names: string[]): Promise<Api[]> {
  t.clock.set(new Date(`${beijing}+08:00`));
  return Promise.all(names.map(async (n) => apiAs(t.app, await loginAs(t.app, n))));
}

const logEntry = (over: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), unitId: baogai, kind: 'call', text: '塘后村村民来电反映后山有落石', ...over });
const handover = (over: Record<string, unknown> = {}) => ({ unitId: baogai, note: '夜间接报 1 起，已处置完毕；卫星电话电量充足', checklist: fullChecklist(), ...over });

describe('the duty log', () => {
  it('stores an entry once however often it is sent (201 then 200), in the shift it happened in', async () => {
    const [duty, chief] = await at('2026-06-01T10:00:00', 'baogai_duty', 'baogai_chief');
    const entry = logEntry();
    const first = await duty.post('/api/duty/log', entry);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ shiftKey: '2026-06-01/full', kind: 'call', author: { name: '王丽娟' } });
    const replay = await duty.post('/api/duty/log', entry);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(entry.id);
    expect(await t.db.select().from(dutyLogEntries).where(eq(dutyLogEntries.id, entry.id))).toHaveLength(1);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entry.id))).toHaveLength(1);
    // Someone else reusing the id is refused.
    expect((await chief.post('/api/duty/log', entry)).json().code).toBe('DUTY_ID_TAKEN');
  });

  it('puts an entry at 07:30 into the previous duty day, and refuses the future', async () => {
    const [duty] = await at('2026-06-02T07:30:00', 'baogai_duty');
    expect((await duty.post('/api/duty/log', logEntry({ kind: 'patrol', text: '凌晨巡查防汛物资仓库' }))).json().shiftKey).toBe('2026-06-01/full');
    const future = await duty.post('/api/duty/log', logEntry({ at: '2026-06-02T09:00:00+08:00' }));
    expect(future.json().code).toBe('DUTY_LOG_IN_FUTURE');
    expect((await duty.post('/api/duty/log', logEntry({ kind: 'gossip' }))).statusCode).toBe(400);
  });

  it('lists by duty day, shift, kind and words', async () => {
    const [duty] = await at('2026-06-02T07:40:00', 'baogai_duty');
    await duty.post('/api/duty/log', logEntry({ kind: 'instruction', text: '市应急局通知：今晚启动防台风Ⅳ级应急响应' }));
    const day = (await duty.get(`/api/duty/log?unitId=${baogai}&date=2026-06-01`)).json();
    expect(day.total).toBe(3);
    expect(day.items[0].kind).toBe('instruction');
    expect((await duty.get(`/api/duty/log?unitId=${baogai}&shiftKey=2026-06-01/full&kind=patrol`)).json().total).toBe(1);
    expect((await duty.get(`/api/duty/log?unitId=${baogai}&q=${encodeURIComponent('台风')}`)).json().total).toBe(1);
    expect((await duty.get(`/api/duty/log?unitId=${baogai}&date=2026-06-02`)).json().total).toBe(0);
  });
});

describe('handover (交接班)', () => {
  it('the outgoing officer opens it; another accepts it; both times are kept and the shift’s log is shown', async () => {
    const [duty, chief] = await at('2026-06-02T07:45:00', 'baogai_duty', 'baogai_chief');
    const opened = await duty.post('/api/duty/handovers', handover({ checklist: fullChecklist().map((i) => (i.key === 'supplies' ? { ...i, checked: false, remark: '冲锋舟待维修' } : i)) }));
    expect(opened.statusCode, opened.body).toBe(201);
    const h = opened.json();
    expect(h).toMatchObject({ status: 'open', shift: { key: '2026-06-01/full' }, openedBy: { name: '王丽娟' }, openedAt: '2026-06-01T23:45:00.000Z', answeredAt: null, can: { accept: false } });
    expect(h.checklist.find((i: { key: string }) => i.key === 'supplies')).toEqual({ key: 'supplies', checked: false, remark: '冲锋舟待维修' });
    expect(h.log.map((e: { kind: string }) => e.kind)).toEqual(['call', 'patrol', 'instruction']);
    // One handover per shift while it is open.
    expect((await duty.post('/api/duty/handovers', handover())).json().code).toBe('DUTY_HANDOVER_EXISTS');
    // Not one's own.
    expect((await duty.post(`/api/duty/handovers/${h.id}/accept`, {})).json().code).toBe('DUTY_HANDOVER_OWN');
    expect((await duty.post(`/api/duty/handovers/${h.id}/refuse`, { reason: '不行' })).json().code).toBe('DUTY_HANDOVER_OWN');

    expect((await chief.get(`/api/duty/handovers/${h.id}`)).json().can).toEqual({ accept: true, refuse: true });
    const [chiefLater] = await at('2026-06-02T08:05:00', 'baogai_chief');
    const accepted = await chiefLater!.post(`/api/duty/handovers/${h.id}/accept`, { note: '已接班' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', answeredBy: { name: '蔡明辉' }, answeredAt: '2026-06-02T00:05:00.000Z', openedAt: '2026-06-01T23:45:00.000Z', answerNote: '已接班', can: { accept: false } });
    expect((await chiefLater!.post(`/api/duty/handovers/${h.id}/refuse`, { reason: '晚了' })).json().code).toBe('DUTY_HANDOVER_ANSWERED');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, h.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['duty.handover.accepted', 'duty.handover.opened']);
    expect(audit.find((a) => a.action === 'duty.handover.opened')!.summary).toContain('未确认：应急物资装备状况已确认');
  });

  it('a refused handover can be opened again', async () => {
    const [duty, chief] = await at('2026-06-02T20:00:00', 'baogai_duty', 'baogai_chief');
    const h = (await duty.post('/api/duty/handovers', handover())).json();
    expect(h.shift.key).toBe('2026-06-02/full');
    expect((await chief.post(`/api/duty/handovers/${h.id}/refuse`, {})).statusCode).toBe(400);
    const refused = await chief.post(`/api/duty/handovers/${h.id}/refuse`, { reason: '在办事件未交接清楚' });
    expect(refused.json()).toMatchObject({ status: 'refused', answerNote: '在办事件未交接清楚' });
    expect((await duty.post('/api/duty/handovers', handover({ note: '补充：塘后村落石已设警戒' }))).statusCode).toBe(201);
    const list = (await chief.get(`/api/duty/handovers?unitId=${baogai}`)).json();
    expect(list.items.map((i: { status: string }) => i.status).slice(0, 2)).toEqual(['open', 'refused']);
  });

  it('the incoming person named on the next shift may accept without standing duty elsewhere; others who only read may not', async () => {
    const enforcerPerson = await personOfAccount(t.db, 'baogai_enforcer');
    const dutyPerson = await personOfAccount(t.db, 'baogai_duty');
    const leader = (await peopleOf(t.db, baogai)).find((p) => p.id !== enforcerPerson && p.id !== dutyPerson)!.id;
    // July: baogai_duty and the enforcer alternate as officers, 1 July duty, 2 July enforcer.
    await insertRoster(t.db, baogai, '2026-07', [leader], [dutyPerson, enforcerPerson]);
    const [duty, keeper, enforcer] = await at('2026-07-02T07:50:00', 'baogai_duty', 'baogai_keeper', 'baogai_enforcer');
    const h = (await duty.post('/api/duty/handovers', handover())).json();
    expect(h.shift.key).toBe('2026-07-01/full');
    expect((await keeper.post(`/api/duty/handovers/${h.id}/accept`, {})).statusCode).toBe(403);
    expect((await enforcer.get(`/api/duty/handovers/${h.id}`)).json().can.accept).toBe(true);
    expect((await enforcer.post(`/api/duty/handovers/${h.id}/accept`, {})).json().status).toBe('accepted');
  });

  it('the neighbouring township sees no handover and no log of 宝盖镇', async () => {
    const [duty, lingxiu] = await at('2026-06-03T10:00:00', 'baogai_duty', 'lingxiu_chief');
    const h = (await duty.post('/api/duty/handovers', handover())).json();
    expect((await lingxiu.get(`/api/duty/handovers/${h.id}`)).statusCode).toBe(404);
    expect((await lingxiu.post(`/api/duty/handovers/${h.id}/accept`, {})).statusCode).toBe(404);
    expect((await lingxiu.get('/api/duty/handovers')).json().total).toBe(0);
    expect((await lingxiu.get(`/api/duty/log?unitId=${baogai}`)).statusCode).toBe(404);
    expect((await lingxiu.post('/api/duty/log', logEntry())).statusCode).toBe(404);
    expect((await lingxiu.post('/api/duty/handovers', handover())).statusCode).toBe(404);
  });

  it('refuses a checklist that leaves items out or repeats them', async () => {
    const [duty] = await at('2026-06-04T10:00:00', 'baogai_duty');
    const short = await duty.post('/api/duty/handovers', handover({ checklist: fullChecklist().slice(1) }));
    expect(short.statusCode).toBe(400);
    const repeated = fullChecklist();
    repeated[1] = { ...repeated[0]! };
    expect((await duty.post('/api/duty/handovers', handover({ checklist: repeated }))).statusCode).toBe(400);
  });
});
