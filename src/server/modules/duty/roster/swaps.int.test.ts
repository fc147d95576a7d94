import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { auditEvents } from '../../../platform/audit/schema';
import { dutyAssignments } from './schema';
import { insertRoster, peopleOf, personOfAccount } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let chief: Api;
let duty: Api;
let enforcer: Api;
let lingxiu: Api;
let dutyPerson: string;
let chiefPerson: string;
let spare: string[];

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  enforcer = apiAs(t.app, await loginAs(t.app, 'baogai_enforcer'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
  dutyPerson = await personOfAccount(t.db, 'baogai_duty');
  chiefPerson = await personOfAccount(t.db, 'baogai_chief');
  spare = (await peopleOf(t.db, fx.units.baogai.id)).map((p) => p.id).filter((id) => id !== dutyPerson && id !== chiefPerson);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date('2026-06-01T02:00:00Z')));

/** A published month where baogai_duty is the only officer, so every shift is theirs. */
let months = 0;
async function month() {
  const m = `2026-${String(7 + months++).padStart(2, '0')}`;
  const r = await insertRoster(t.db, fx.units.baogai.id, m, [chiefPerson], [dutyPerson]);
  return { ...r, month: m, key: `${m}-10/full` };
}

const officerOn = async (rosterId: string, key: string) =>
  (await t.db.select().from(dutyAssignments).where(and(eq(dutyAssignments.rosterId, rosterId), eq(dutyAssignments.shiftKey, key), eq(dutyAssignments.role, 'officer'))))[0]?.personId;

describe('swap requests', () => {
  it('an officer asks, the chief approves, and the roster changes with the decision', async () => {
    const r = await month();
    const asked = await duty.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '家中有事' });
    expect(asked.statusCode, asked.body).toBe(201);
    const swap = asked.json();
    expect(swap).toMatchObject({ status: 'pending', from: { id: dutyPerson, name: '王丽娟' }, requestedBy: { name: '王丽娟' }, can: { decide: false }, shift: { key: r.key } });
    expect((await duty.get(`/api/duty/swaps?mine=true&status=pending`)).json().items.map((s: { id: string }) => s.id)).toContain(swap.id);

    // A second request for the same role and shift waits for the first.
    const twice = await duty.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[1], reason: '家中有事' });
    expect(twice.json().code).toBe('DUTY_SWAP_PENDING');
    // Only a manager decides.
    expect((await duty.post(`/api/duty/swaps/${swap.id}/approve`, {})).statusCode).toBe(403);

    const approved = await chief.post(`/api/duty/swaps/${swap.id}/approve`, { note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { name: '蔡明辉' }, decisionNote: '同意' });
    expect(await officerOn(r.id, r.key)).toBe(spare[0]);
    expect((await chief.post(`/api/duty/swaps/${swap.id}/reject`, { reason: '晚了' })).json().code).toBe('DUTY_SWAP_DECIDED');

    // The requester sees the answer.
    const mine = (await duty.get('/api/duty/swaps?mine=true')).json().items.find((s: { id: string }) => s.id === swap.id);
    expect(mine).toMatchObject({ status: 'approved', decisionNote: '同意' });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, swap.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['duty.swap.approved', 'duty.swap.requested']);
  });

  it('a rejection leaves the roster alone and carries its reason', async () => {
    const r = await month();
    const swap = (await duty.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '培训' })).json();
    expect((await chief.post(`/api/duty/swaps/${swap.id}/reject`, {})).statusCode).toBe(400);
    const rejected = await chief.post(`/api/duty/swaps/${swap.id}/reject`, { reason: '当天有防汛演练，需本人在岗' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '当天有防汛演练，需本人在岗' });
    expect(await officerOn(r.id, r.key)).toBe(dutyPerson);
  });

  it('checks the request by the roster rules, and again at approval', async () => {
    const r = await month();
    const ask = (over: Record<string, unknown>) => duty.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事', ...over });
    expect((await ask({ toPersonId: dutyPerson })).json().code).toBe('DUTY_SWAP_SAME_PERSON');
    expect((await ask({ role: 'leader' })).json().code).toBe('DUTY_SWAP_ROLE_MISMATCH');
    expect((await ask({ toPersonId: chiefPerson })).json().code).toBe('DUTY_SWAP_ALREADY_ON_SHIFT');
    expect((await ask({ toPersonId: fx.people.lingxiu.id })).json().code).toBe('DUTY_SWAP_NOT_ELIGIBLE');
    expect((await ask({ shiftKey: '2026-01-10/full' })).json().code).toBe('DUTY_SHIFT_UNKNOWN');
    // Someone else's shift: only a manager may file for another person.
    expect((await enforcer.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事' })).statusCode).toBe(403);
    const byChief = await chief.post('/api/duty/swaps', { rosterId: r.id, shiftKey: `${r.month}-11/full`, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[1], reason: '代为申请' });
    expect(byChief.statusCode).toBe(201);

    // Meanwhile the chief put the substitute on that shift as leader: approval is refused, nothing changes.
    const swap = (await ask({})).json();
    await chief.patch(`/api/duty/rosters/${r.id}/shifts`, { shiftKey: r.key, role: 'leader', personId: spare[0] });
    const refused = await chief.post(`/api/duty/swaps/${swap.id}/approve`, {});
    expect(refused.json().code).toBe('DUTY_SWAP_ALREADY_ON_SHIFT');
    expect(await officerOn(r.id, r.key)).toBe(dutyPerson);
    expect((await chief.get(`/api/duty/swaps?status=pending&unitId=${fx.units.baogai.id}`)).json().items.map((s: { id: string }) => s.id)).toContain(swap.id);
  });

  it('refuses swaps in a draft month or of a shift that is over', async () => {
    const draft = await insertRoster(t.db, fx.units.baogai.id, '2027-01', [chiefPerson], [dutyPerson], 'draft');
    expect((await duty.post('/api/duty/swaps', { rosterId: draft.id, shiftKey: '2027-01-10/full', role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事' })).json().code).toBe('DUTY_ROSTER_NOT_PUBLISHED');
    const june = await insertRoster(t.db, fx.units.baogai.id, '2026-06', [chiefPerson], [dutyPerson]);
    expect(june.id).toBeTruthy();
    expect((await duty.post('/api/duty/swaps', { rosterId: june.id, shiftKey: '2026-05-31/full', role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事' })).json().code).toBe('DUTY_SHIFT_UNKNOWN');
    // 1 June 10:00: the shift of 31 May is over, that of 1 June is on.
    const may = await insertRoster(t.db, fx.units.baogai.id, '2026-05', [chiefPerson], [dutyPerson]);
    expect((await duty.post('/api/duty/swaps', { rosterId: may.id, shiftKey: '2026-05-31/full', role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事' })).json().code).toBe('DUTY_SHIFT_ENDED');
    expect((await duty.post('/api/duty/swaps', { rosterId: june.id, shiftKey: '2026-06-01/full', role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '身体不适' })).statusCode).toBe(201);
  });

  it('the neighbouring township sees none of it', async () => {
    const r = await month();
    const swap = (await duty.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事' })).json();
    expect((await lingxiu.get('/api/duty/swaps')).json().items).toEqual([]);
    expect((await lingxiu.post(`/api/duty/swaps/${swap.id}/approve`, {})).statusCode).toBe(404);
    expect((await lingxiu.post('/api/duty/swaps', { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: dutyPerson, toPersonId: spare[0], reason: '有事' })).statusCode).toBe(404);
  });
});
