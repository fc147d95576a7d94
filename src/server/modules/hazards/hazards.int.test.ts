import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { imageUpload, tinyJpeg } from '../../test/matrix/files-cases';
import { auditEvents } from '../../platform/audit/schema';
import { users } from '../../platform/auth/schema';
import { hazardRollupDeltas, hazardRollups } from './schema';
import { foldRollupDeltas } from './rollups';
import { OPEN_STATES } from './rules';
import { sweepOverdueHazards } from './escalation.job';

let t: TestApp;
let fx: DemoFixtures;
let grid: Api;
let duty: Api;
let chief: Api;
let lead: Api;
let county: Api;
let neighbour: Api;
let gridCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  gridCookie = await loginAs(t.app, 'tanghou_grid');
  grid = apiAs(t.app, gridCookie);
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  neighbour = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
});
afterAll(() => t.close());

async function uploadPhoto(cookie: string) {
  const req = imageUpload('/api/files', await tinyJpeg());
  const res = await t.app.inject({ method: 'POST', url: req.url, payload: req.body as Buffer, headers: { ...req.headers, cookie } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const newReport = (photoIds: string[] = [], extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  categoryCode: 'fire',
  description: '楼道内电动车充电，电线私拉乱接',
  lat: 24.7611,
  lng: 118.6405,
  accuracy: 8,
  suggestedLevel: 'general',
  photoIds,
  reportedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(),
  ...extra,
});

/** After the clock jumps past the idle timeout, everyone signs in again. */
async function signInAgain() {
  gridCookie = await loginAs(t.app, 'tanghou_grid');
  grid = apiAs(t.app, gridCookie);
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
}

const ORDER = ['hazard.reported', 'hazard.verified', 'hazard.graded', 'hazard.assigned', 'hazard.progress', 'hazard.submitted', 'hazard.accepted'];

const act = (api: Api, id: string, body: Record<string, unknown>) => api.post(`/api/hazards/${id}/actions`, body);

describe('reporting from the phone', () => {
  it('stores a report once, however often it is replayed, with its photo', async () => {
    const photo = await uploadPhoto(gridCookie);
    const body = newReport([photo]);
    const first = await grid.post('/api/hazards', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ state: 'reported', unit: { name: '塘后村第一网格' }, source: 'app', photos: [{ id: photo }] });
    expect(first.json().code).toMatch(/^YH\d{8}\d{6}$/);
    // The answer to a new report is built without reading it back: it must equal what a read gives.
    expect(first.json()).toEqual((await grid.get(`/api/hazards/${body.id}`)).json());
    const again = await Promise.all([grid.post('/api/hazards', body), grid.post('/api/hazards', body)]);
    expect(again.map((r) => r.statusCode)).toEqual([200, 200]);
    const mine = (await grid.get('/api/hazards?mine=true&state=all')).json();
    expect(mine.items.filter((h: { id: string }) => h.id === body.id)).toHaveLength(1);
    const [{ n }] = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where entity_id = ${body.id} and action = 'hazard.reported'`)).rows as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refuses a report whose photo never arrived, and stores nothing', async () => {
    const body = newReport(['a'.repeat(64)]);
    const res = await grid.post('/api/hazards', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_MISSING');
    expect((await grid.get(`/api/hazards/${body.id}`)).statusCode).toBe(404);
  });

  it('refuses an id already used by someone else', async () => {
    const body = newReport();
    expect((await grid.post('/api/hazards', body)).statusCode).toBe(201);
    const other = await lead.post('/api/hazards', { ...body, unitId: fx.units.tanghou.id });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('HAZARD_ID_TAKEN');
  });

  it('accepts only images, checked by their bytes', async () => {
    const fake = imageUpload('/api/files', Buffer.from('GIF89a not really an image, just text'));
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: fake.body as Buffer, headers: { ...fake.headers, cookie: gridCookie } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('NOT_AN_IMAGE');
    const renamed = imageUpload('/api/files', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('broken jpeg body')]));
    const broken = await t.app.inject({ method: 'POST', url: '/api/files', payload: renamed.body as Buffer, headers: { ...renamed.headers, cookie: gridCookie } });
    expect(broken.statusCode).toBe(415);
  });

  it('explains a refused report: a township is not a place of finding, a retired category is unknown; nothing is stored', async () => {
    const atTownship = newReport([], { unitId: fx.units.baogai.id });
    const res = await duty.post('/api/hazards', atTownship);
    expect(res.json().code).toBe('HAZARD_UNIT_INVALID');
    await t.db.execute(sql`update hazard_categories set active = false where code = 'gas'`);
    const retired = newReport([], { categoryCode: 'gas' });
    const res2 = await grid.post('/api/hazards', retired);
    await t.db.execute(sql`update hazard_categories set active = true where code = 'gas'`);
    expect([res2.statusCode, res2.json().code]).toEqual([400, 'CATEGORY_UNKNOWN']);
    const stored = await t.db.execute(sql`select id from hazards where id in (${atTownship.id}, ${retired.id})`);
    expect(stored.rows).toHaveLength(0);
  });

  it('writes the report, its first event, its audit entry and its roll-up delta together', async () => {
    const body = newReport();
    const res = await t.app.inject({ method: 'POST', url: '/api/hazards', payload: body, headers: { cookie: gridCookie, 'x-request-id': 'req-report-1' } });
    expect(res.statusCode).toBe(201);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, body.id), eq(auditEvents.action, 'hazard.reported')));
    expect(audit).toMatchObject({ actorUsername: 'tanghou_grid', unitId: fx.units.tanghouGrid1.id, summary: `${res.json().code} 塘后村第一网格`, requestId: 'req-report-1' });
    expect(audit!.after).toEqual({ state: 'reported', source: 'app', categoryCode: 'fire', description: body.description });
    const deltas = await t.db.execute(sql`select found from hazard_rollup_deltas where unit_id = ${fx.units.tanghouGrid1.id} and category_code = 'fire'`);
    expect(deltas.rows.length).toBeGreaterThan(0);
  });

  it('a grid worker cannot report in another grid, and the neighbour sees nothing', async () => {
    const res = await grid.post('/api/hazards', newReport([], { unitId: fx.units.tanghouGrid2.id }));
    expect(res.statusCode).toBe(404);
    const list = (await neighbour.get('/api/hazards?state=all')).json();
    expect(list.items.every((h: { unit: { name: string } }) => !h.unit.name.startsWith('塘后村'))).toBe(true);
  });
});

describe('the closed loop', () => {
  it('runs from report to close-out with a different reviewer, every step audited', async () => {
    const photo = await uploadPhoto(gridCookie);
    const { id } = (await grid.post('/api/hazards', newReport([photo]))).json();
    expect((await act(grid, id, { action: 'verify' })).statusCode).toBe(403);
    expect((await act(duty, id, { action: 'accept', photoIds: [] })).json().code).toBe('HAZARD_ILLEGAL_TRANSITION');
    expect((await act(duty, id, { action: 'verify', note: '现场核实属实' })).json().state).toBe('verified');
    expect((await act(duty, id, { action: 'grade', level: 'general' })).json().state).toBe('graded');

    const [leadUser] = await t.db.select().from(users).where(eq(users.username, 'tanghou_lead'));
    const assign = {
      action: 'assign',
      responsibleUnitId: fx.units.tanghou.id,
      responsiblePersonId: leadUser!.personId,
      deadline: new Date(t.clock.now().getTime() + 7 * 86400_000).toISOString(),
      measures: '清理楼道，规范充电',
      funds: '村集体经费 2000 元',
      contingencyPlan: '发现起火立即断电并拨打 119',
    };
    const assigned = await act(duty, id, assign);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'rectifying', assignment: { responsiblePerson: { name: '蔡金水' }, funds: '村集体经费 2000 元' } });

    // The village lead sees it among their tasks and reports progress from the phone.
    const tasks = (await lead.get('/api/hazards?assignedToMe=true')).json();
    expect(tasks.items.map((h: { id: string }) => h.id)).toContain(id);
    const eventId = crypto.randomUUID();
    const progress = { action: 'progress', eventId, note: '已清理一半', photoIds: [await uploadPhoto(gridCookie)] };
    expect((await act(lead, id, progress)).statusCode).toBe(200);
    expect((await act(lead, id, progress)).statusCode).toBe(200);
    expect((await act(lead, id, { action: 'submit', note: '整改完成', photoIds: [] })).json().state).toBe('accepting');

    // The rectifier cannot accept their own work, even as a reviewer.
    const self = await act(lead, id, { action: 'accept', photoIds: [] });
    expect(self.statusCode).toBe(403);
    const closed = await act(chief, id, { action: 'accept', note: '复查合格', photoIds: [] });
    expect(closed.json()).toMatchObject({ state: 'closed', can: ['reopen'] });

    const detail = closed.json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['report', 'verify', 'grade', 'assign', 'progress', 'submit', 'accept']);
    const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(auditEvents.at, auditEvents.id);
    audit.sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
    expect(audit.map((a) => a.action)).toEqual(['hazard.reported', 'hazard.verified', 'hazard.graded', 'hazard.assigned', 'hazard.progress', 'hazard.submitted', 'hazard.accepted']);

    // A closed hazard moves only by a reviewer reopening it with a reason.
    expect((await act(lead, id, { action: 'progress', note: 'x', photoIds: [] })).json().code).toBe('HAZARD_ILLEGAL_TRANSITION');
    expect((await act(chief, id, { action: 'reopen' })).statusCode).toBe(400);
    expect((await act(chief, id, { action: 'reopen', reason: '复查发现又有堆放' })).json().state).toBe('rectifying');
  });

  it('sends a 重大 hazard to the county for approval and marks it 挂牌督办', async () => {
    const { id } = (await grid.post('/api/hazards', newReport([], { suggestedLevel: 'major', categoryCode: 'geological' }))).json();
    await act(duty, id, { action: 'verify' });
    expect((await act(duty, id, { action: 'grade', level: 'major' })).json().state).toBe('awaiting_approval');
    expect((await act(chief, id, { action: 'approve' })).statusCode).toBe(403);
    const approved = (await act(county, id, { action: 'approve', note: '同意挂牌督办' })).json();
    expect(approved).toMatchObject({ state: 'graded', level: 'major', supervised: true });
  });

  it('rejects and merges duplicates in the queue', async () => {
    const a = (await grid.post('/api/hazards', newReport())).json().id;
    const b = (await grid.post('/api/hazards', newReport())).json().id;
    const c = (await grid.post('/api/hazards', newReport())).json().id;
    expect((await act(duty, a, { action: 'reject', reason: '现场无此情况' })).json().state).toBe('rejected');
    const merged = (await act(duty, b, { action: 'merge', intoId: c })).json();
    expect(merged).toMatchObject({ state: 'merged', mergedInto: { id: c } });
    expect((await act(duty, c, { action: 'merge', intoId: c })).json().code).toBe('HAZARD_MERGE_INVALID');
  });
});

describe('deadlines', () => {
  it('flags and escalates overdue hazards one level up, once, under a controllable clock', async () => {
    const { id } = (await grid.post('/api/hazards', newReport())).json();
    expect(await sweepOverdueHazards(t.db, t.clock.now())).toBe(0);
    t.clock.advance(25 * 3600_000);
    await signInAgain();
    const n = await sweepOverdueHazards(t.db, t.clock.now());
    expect(n).toBeGreaterThanOrEqual(1);
    const h = (await duty.get(`/api/hazards/${id}`)).json();
    // Not verified within 24 hours: the township must verify it, so it goes up to the county.
    expect(h).toMatchObject({ overdue: true, escalatedTo: { name: '石狮市' } });
    expect(h.events.at(-1)).toMatchObject({ action: 'escalate', actor: { name: '系统' } });
    expect(await sweepOverdueHazards(t.db, t.clock.now())).toBe(0);
    const counts = (await duty.get('/api/hazards/counts')).json();
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    const queue = (await duty.get('/api/hazards')).json();
    expect(queue.items[0].overdue).toBe(true);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'hazard.escalated')));
    expect(audit?.summary).toContain('石狮市');

    // Verifying starts a new clock: no longer overdue.
    expect((await act(duty, id, { action: 'verify' })).json()).toMatchObject({ overdue: false, escalatedTo: null });
  });

  it('escalates an overdue rectification to the unit above the responsible one', async () => {
    const { id } = (await grid.post('/api/hazards', newReport())).json();
    await act(duty, id, { action: 'verify' });
    await act(duty, id, { action: 'grade', level: 'general' });
    const [leadUser] = await t.db.select().from(users).where(eq(users.username, 'tanghou_lead'));
    await act(duty, id, {
      action: 'assign',
      responsibleUnitId: fx.units.tanghou.id,
      responsiblePersonId: leadUser!.personId,
      deadline: new Date(t.clock.now().getTime() + 2 * 86400_000).toISOString(),
      measures: '加固',
      funds: '镇财政',
      contingencyPlan: '设置警示',
    });
    t.clock.advance(3 * 86400_000);
    await signInAgain();
    await sweepOverdueHazards(t.db, t.clock.now());
    expect((await duty.get(`/api/hazards/${id}`)).json()).toMatchObject({ overdue: true, escalatedTo: { name: '宝盖镇' } });
  });
});

describe('counts and roll-ups', () => {
  it('counts found, closed and overdue hazards for the unit and every unit above, once the deltas are folded', async () => {
    await foldRollupDeltas(t.db);
    expect((await t.db.select().from(hazardRollupDeltas)).length).toBe(0);
    const rows = await t.db.select().from(hazardRollups).where(eq(hazardRollups.unitId, fx.units.county.id));
    const sum = (k: 'found' | 'closed' | 'overdue') => rows.reduce((n, r) => n + r[k], 0);
    // Rejected reports and merged duplicates are not hazards found; overdue counts open ones only.
    const [live] = (
      await t.db.execute<{ found: number; closed: number; overdue: number }>(
        sql`select count(*) filter (where state not in ('rejected','merged'))::int as found, count(*) filter (where state = 'closed')::int as closed,
              count(*) filter (where overdue and state in (${sql.raw(OPEN_STATES.map((st) => `'${st}'`).join(','))}))::int as overdue from hazards`,
      )
    ).rows;
    expect({ found: sum('found'), closed: sum('closed'), overdue: sum('overdue') }).toEqual(live);
    expect(live!.overdue).toBeGreaterThan(0);
  });
});

describe('folding roll-up deltas', () => {
  it('counts each delta once when several folds run at the same moment', async () => {
    await foldRollupDeltas(t.db);
    const cityFound = async () =>
      (await t.db.execute<{ n: number }>(sql`select coalesce(sum(found), 0)::int as n from hazard_rollups where unit_id = ${fx.units.city.id}`)).rows[0]!.n;
    const before = await cityFound();
    await t.db.execute(sql`
      insert into hazard_rollup_deltas (unit_id, month, category_code, found)
      select ${fx.units.tanghouGrid1.id}::uuid, date '2026-05-01', 'fire', 1 from generate_series(1, 300)`);
    const folded = await Promise.all([foldRollupDeltas(t.db), foldRollupDeltas(t.db), foldRollupDeltas(t.db), foldRollupDeltas(t.db)]);
    expect(folded.reduce((a, b) => a + b, 0)).toBe(300);
    expect((await cityFound()) - before).toBe(300);
  });
});

describe('risk points', () => {
  it('links a hazard to a risk point the reporter can see, and refuses one they cannot', async () => {
    const { insertRiskPoint } = await import('../risks/test-support');
    const mine = await insertRiskPoint(t.db, fx.units.tanghouGrid1.id);
    const theirs = await insertRiskPoint(t.db, fx.units.chaokengGrid1.id);
    const ok = await grid.post('/api/hazards', newReport([], { riskPointId: mine.id }));
    expect(ok.json().riskPointId).toBe(mine.id);
    expect((await grid.post('/api/hazards', newReport([], { riskPointId: theirs.id }))).statusCode).toBe(404);
  });
});

describe('hazard codes', () => {
  it('stay unique past the millionth report', async () => {
    await t.db.execute(sql`select setval('hazard_code_seq', 999998)`);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await grid.post('/api/hazards', newReport())).json().code);
    expect(new Set(codes).size).toBe(3);
    expect(codes.map((c) => c.slice(10))).toEqual(['999999', '1000000', '1000001']);
  });
});
