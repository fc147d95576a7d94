import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { auditEvents } from '../../../platform/audit/schema';
import { readDocx } from '../docx/read-docx';

let t: TestApp;
let fx: DemoFixtures;
let duty: Api;
let chief: Api;
let county: Api;
let city: Api;
let neighbour: Api;

async function signIn() {
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  city = apiAs(t.app, await loginAs(t.app, 'city_admin'));
  neighbour = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  await signIn();
});
afterAll(() => t.close());

const intake = (extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  source: 'phone',
  callerName: '王先生',
  callerPhone: '13905951234',
  address: '宝盖镇塘后村工业区 3 号厂房',
  lat: 24.7611,
  lng: 118.6405,
  type: 'work_safety',
  grade: 'general',
  injured: 2,
  description: '厂房内叉车倾覆，2 人受伤，已送医',
  ...extra,
});

const fullReport = (eventId: string, kind: string, extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  eventId,
  kind,
  title: '关于宝盖镇塘后村厂房叉车倾覆事故的报告',
  occurredAt: new Date(t.clock.now().getTime() - 20 * 60_000).toISOString(),
  location: '宝盖镇塘后村工业区 3 号厂房',
  eventType: 'work_safety',
  dead: 0,
  injured: 2,
  missing: 0,
  narrative: '11 时许，厂房内叉车倾覆，压伤 2 名工人。',
  measures: '已送医救治，现场已封闭，安监人员到场。',
  nextSteps: '配合调查，督促企业停产整顿。',
  reporterName: '陈值班',
  reporterPhone: '13800000001',
  issuer: '林镇长',
  submit: true,
  ...extra,
});

describe('intake (接报)', () => {
  it('records an event once per client id, with its first timeline entry and audit entry', async () => {
    const body = intake();
    const first = await duty.post('/api/duty/events', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'open', unit: { name: '宝盖镇' }, grade: 'general', injured: 2, dead: null, next: { kind: 'first' } });
    expect(first.json().code).toMatch(/^SJ\d{8}\d{4,}$/);
    expect(first.json().timeline[0]).toMatchObject({ kind: 'intake' });
    // A work-safety accident: the 首报 reaches the county within an hour.
    expect(first.json().next.minutesLeft).toBe(60);
    const again = await duty.post('/api/duty/events', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(body.id);
    const taken = await chief.post('/api/duty/events', body);
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'DUTY_ID_TAKEN']);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, body.id), eq(auditEvents.action, 'duty.event.received')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a desk below a township, a time received in the future, and missing fields', async () => {
    const village = await county.post('/api/duty/events', intake({ unitId: fx.units.tanghou.id }));
    expect(village.json().code).toBe('DUTY_DESK_LEVEL');
    const future = await duty.post('/api/duty/events', intake({ receivedAt: new Date(t.clock.now().getTime() + 3600_000).toISOString() }));
    expect(future.json().code).toBe('DUTY_RECEIVED_IN_FUTURE');
    const bare = await duty.post('/api/duty/events', { id: crypto.randomUUID(), source: 'phone', type: 'fire' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.address', 'body.description']);
  });

  it('keeps the neighbouring township out', async () => {
    const ev = (await duty.post('/api/duty/events', intake())).json();
    expect((await neighbour.get(`/api/duty/events/${ev.id}`)).statusCode).toBe(404);
    const list = (await neighbour.get('/api/duty/events?status=all')).json();
    expect(list.items.some((e: { id: string }) => e.id === ev.id)).toBe(false);
    expect((await county.get(`/api/duty/events/${ev.id}`)).statusCode).toBe(200);
  });
});

describe('reports (信息报送) going up', () => {
  it('首报 → county and city acknowledge; 续报 and 终报 follow; every step on the timeline', async () => {
    const ev = (await duty.post('/api/duty/events', intake())).json();
    // A draft may lack fields; submitting it may not.
    const draft = await duty.post('/api/duty/reports', { id: crypto.randomUUID(), eventId: ev.id, kind: 'first', title: '关于叉车倾覆事故的首报' });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ state: 'draft', can: { submit: true } });
    const early = await duty.patch(`/api/duty/reports/${draft.json().id}`, { submit: true });
    expect(early.json().code).toBe('DUTY_REPORT_INCOMPLETE');
    expect(early.json().fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body.occurredAt', 'body.location', 'body.narrative', 'body.measures', 'body.nextSteps', 'body.reporterName', 'body.issuer']),
    );
    // The county does not see the township's drafts.
    expect((await county.get('/api/duty/reports?box=inbox')).json().items.some((r: { id: string }) => r.id === draft.json().id)).toBe(false);

    t.clock.advance(20 * 60_000);
    const { id: _id, eventId: _e, kind: _k, ...fields } = fullReport(ev.id, 'first');
    const sent = await duty.patch(`/api/duty/reports/${draft.json().id}`, fields);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', late: false, minutesLate: 0, passUp: [{ level: 1, unit: { level: 'county' } }, { level: 2, unit: { level: 'city' } }] });

    // The same record is in the county's and the city's inbox at once.
    const inbox = (await county.get('/api/duty/reports?box=inbox')).json();
    expect(inbox.items.map((r: { id: string }) => r.id)).toContain(draft.json().id);
    expect((await city.get('/api/duty/reports?box=inbox')).json().items.map((r: { id: string }) => r.id)).toContain(draft.json().id);
    // The township cannot acknowledge its own report.
    expect((await chief.post(`/api/duty/reports/${draft.json().id}/acknowledge`, {})).statusCode).toBe(403);

    const acked = await county.post(`/api/duty/reports/${draft.json().id}/acknowledge`, {});
    expect(acked.json().acks).toMatchObject([{ unit: { level: 'county' } }]);
    expect((await county.post(`/api/duty/reports/${draft.json().id}/acknowledge`, {})).json().code).toBe('DUTY_ALREADY_ACKNOWLEDGED');
    expect((await county.get('/api/duty/reports?box=inbox')).json().items.map((r: { id: string }) => r.id)).not.toContain(draft.json().id);
    await city.post(`/api/duty/reports/${draft.json().id}/acknowledge`, {});

    // The desk sees the answers on its console.
    const consoleView = (await duty.get('/api/duty/console')).json();
    expect(consoleView.answers.filter((a: { report: { id: string } }) => a.report.id === draft.json().id).map((a: { kind: string }) => a.kind)).toEqual(['acknowledged', 'acknowledged']);

    // Only one 首报; 续报 numbered; nothing after the 终报.
    expect((await duty.post('/api/duty/reports', fullReport(ev.id, 'first'))).json().code).toBe('DUTY_REPORT_KIND_INVALID');
    t.clock.advance(3 * 3600_000);
    await signIn();
    const f1 = await duty.post('/api/duty/reports', fullReport(ev.id, 'follow_up'));
    expect(f1.json()).toMatchObject({ kind: 'follow_up', sequence: 1, state: 'submitted', late: false });
    await duty.post(`/api/duty/events/${ev.id}/actions`, { action: 'close', note: '伤员情况稳定，现场处置完毕' });
    expect((await duty.post('/api/duty/reports', fullReport(ev.id, 'follow_up'))).json().code).toBe('DUTY_EVENT_NOT_OPEN');
    const fin = await duty.post('/api/duty/reports', fullReport(ev.id, 'final'));
    expect(fin.json()).toMatchObject({ kind: 'final', state: 'submitted' });
    expect((await duty.post('/api/duty/reports', fullReport(ev.id, 'final'))).json().code).toBe('DUTY_REPORT_KIND_INVALID');

    const detail = (await county.get(`/api/duty/events/${ev.id}`)).json();
    expect(detail.status).toBe('closed');
    expect(detail.next).toBeNull();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['intake', 'report_submitted', 'report_acknowledged', 'report_acknowledged', 'report_submitted', 'closed', 'report_submitted']);
    await signIn();
  });

  it('marks a 首报 late under the controllable clock, lists it, and keeps it late after a return and resubmission', async () => {
    const ev = (await duty.post('/api/duty/events', intake())).json();
    t.clock.advance(95 * 60_000);
    await signIn();
    const before = (await duty.get(`/api/duty/events/${ev.id}`)).json();
    expect(before.overdue).toBe(1);
    expect(before.next.minutesLeft).toBe(-35);
    expect((await duty.get('/api/duty/console')).json().due.some((d: { event: { id: string }; minutesLeft: number }) => d.event.id === ev.id && d.minutesLeft === -35)).toBe(true);

    const late = (await duty.post('/api/duty/reports', fullReport(ev.id, 'first'))).json();
    expect(late).toMatchObject({ state: 'submitted', late: true, minutesLate: 35 });
    expect((await county.get('/api/duty/reports?lateOnly=true')).json().items.map((r: { id: string }) => r.id)).toContain(late.id);

    const back = await county.post(`/api/duty/reports/${late.id}/return`, { reason: '请补充受伤人员姓名和伤情' });
    expect(back.json()).toMatchObject({ state: 'returned', returnReason: '请补充受伤人员姓名和伤情', can: { acknowledge: false } });
    expect((await duty.get('/api/duty/console')).json().answers.some((a: { kind: string; report: { id: string } }) => a.kind === 'returned' && a.report.id === late.id)).toBe(true);
    const again = await duty.patch(`/api/duty/reports/${late.id}`, { narrative: '11 时许叉车倾覆，工人张某、李某腿部受伤，已送市医院。', submit: true });
    expect(again.json()).toMatchObject({ state: 'submitted', late: true, minutesLate: 35, returnReason: null });
    await signIn();
  });

  it('a county merges a duplicate event from another desk; a township cannot', async () => {
    const a = (await duty.post('/api/duty/events', intake())).json();
    const b = (await neighbour.post('/api/duty/events', intake({ address: '灵秀镇与宝盖镇交界处' }))).json();
    // The township holds no duty.review; 灵秀镇's event is not even visible to it.
    expect((await chief.post(`/api/duty/events/${a.id}/actions`, { action: 'merge', intoId: b.id })).statusCode).toBe(403);
    expect((await neighbour.post(`/api/duty/events/${b.id}/actions`, { action: 'merge', intoId: a.id })).statusCode).toBe(403);
    const merged = await county.post(`/api/duty/events/${a.id}/actions`, { action: 'merge', intoId: b.id, note: '同一起事故' });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: { id: b.id } });
    expect((await duty.post('/api/duty/reports', fullReport(a.id, 'first'))).json().code).toBe('DUTY_EVENT_NOT_OPEN');
  });

  it('regrading to 重大 under the strict local preset pulls the 首报 deadline forward to 15 minutes', async () => {
    expect((await chief.put(`/api/duty/settings/${fx.units.baogai.id}`, { preset: 'strict_local' })).json()).toMatchObject({ preset: 'strict_local', inheritedFrom: null });
    const ev = (await duty.post('/api/duty/events', intake({ type: 'fire' }))).json();
    expect(ev.next.minutesLeft).toBe(120);
    t.clock.advance(5 * 60_000);
    const up = (await duty.post(`/api/duty/events/${ev.id}/actions`, { action: 'regrade', grade: 'major', note: '火势蔓延，有人员被困' })).json();
    expect(up.grade).toBe('major');
    expect(up.next.minutesLeft).toBe(15);
    await chief.put(`/api/duty/settings/${fx.units.baogai.id}`, { preset: 'national' });
    await signIn();
  });
});

describe('zero reports', () => {
  it('a township that reported an event today owes no zero report (not_required), and the sweep does not flag it', async () => {
    const ev = (await duty.post('/api/duty/events', intake())).json();
    expect((await duty.post('/api/duty/reports', fullReport(ev.id, 'first'))).statusCode).toBe(201);
    const day = (await county.get('/api/duty/zero-reports')).json();
    const baogai = day.items.find((r: { unit: { name: string } }) => r.unit.name === '宝盖镇');
    expect(baogai.status).toBe('not_required');
    const { sweepMissingZeroReports } = await import('../comms/jobs');
    t.clock.advance(24 * 3600_000);
    await signIn();
    const next = await duty.post('/api/duty/reports', fullReport((await duty.post('/api/duty/events', intake())).json().id, 'first'));
    expect(next.statusCode).toBe(201);
    // The last moment of the same Beijing day: well past its zero-report hour.
    const bj = new Date(t.clock.now().getTime() + 8 * 3600_000);
    const endOfDay = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate() + 1) - 8 * 3600_000 - 1);
    await sweepMissingZeroReports(t.db, endOfDay);
    const lingxiuFlagged = await t.db.execute(sql`select 1 from duty_zero_report_flags where unit_id = ${fx.units.lingxiu.id}`);
    expect(lingxiuFlagged.rows).toHaveLength(1);
    const flags = await t.db.execute(sql`select 1 from duty_zero_report_flags where unit_id = ${fx.units.baogai.id}`);
    expect(flags.rows).toHaveLength(0);
  });
});

describe('Word documents', () => {
  it('a report and an event timeline export as .docx that parse back with their fields', async () => {
    const ev = (await duty.post('/api/duty/events', intake())).json();
    const report = (await duty.post('/api/duty/reports', fullReport(ev.id, 'first'))).json();
    const res = await county.get(`/api/duty/reports/${report.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const doc = await readDocx(res.rawPayload);
    const text = doc.paragraphs.join('\n');
    for (const s of ['石狮市宝盖镇应急管理站', '首报', '报送单位：宝盖镇', '签发人：林镇长', '关于宝盖镇塘后村厂房叉车倾覆事故的报告', '安全生产事故', '死亡0人，受伤2人，失联0人', '已送医救治', '配合调查']) {
      expect(text).toContain(s);
    }
    const timeline = await duty.get(`/api/duty/events/${ev.id}/timeline.docx`);
    const tdoc = await readDocx(timeline.rawPayload);
    expect(tdoc.paragraphs.join('\n')).toContain(ev.code);
    expect(tdoc.tables.flat(2).join('\n')).toContain('报送首报');
  });
});
