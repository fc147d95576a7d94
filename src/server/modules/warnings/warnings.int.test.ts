import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { buildApp } from '../../app';
import { auditEvents } from '../../platform/audit/schema';
import { drainChannelOutbox, WebhookAdapter, type ChannelAdapter, type ChannelMessage } from './channels';
import { sweepWarningEscalations } from './escalation.job';
import { expireWarnings } from './jobs';
import { RealtimeBus, type RealtimeEvent } from '../../platform/realtime/bus';
import { warningChannelSends, warningDeliveries, warningEscalations } from './schema';

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let grid: Api;
let lead: Api;
let chief: Api;
let neighbourGrid: Api;

async function signIn() {
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  neighbourGrid = apiAs(t.app, await loginAs(t.app, 'lingxiu_grid'));
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  await signIn();
});
afterAll(() => t.close());

const typhoon = (extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  type: 'typhoon',
  level: 'red',
  areaDesc: '宝盖镇、灵秀镇沿海村居',
  areaUnitIds: [fx.units.baogai.id, fx.units.lingxiu.id],
  effective: t.clock.now().toISOString(),
  expires: new Date(t.clock.now().getTime() + 2 * 86400_000).toISOString(),
  headline: '石狮市气象台发布台风红色预警',
  text: '第9号台风预计今夜在我市沿海登陆，请立即做好防御准备。',
  ...extra,
});

/** Everyone holding a role on 宝盖镇 or 灵秀镇 and below: the expected recipients. */
async function expectedRecipients() {
  const r = await t.db.execute<{ n: number }>(sql`
    select count(distinct g.user_id)::int as n from role_grants g join units u on u.id = g.unit_id join users us on us.id = g.user_id
    where us.status = 'active' and u.status = 'active' and (u.path <@ (select path from units where id = ${fx.units.baogai.id}) or u.path <@ (select path from units where id = ${fx.units.lingxiu.id}))`);
  return r.rows[0]!.n;
}

async function issueTyphoon(extra: Record<string, unknown> = {}, issueExtra: Record<string, unknown> = {}) {
  const w = await county.post('/api/warnings', typhoon(extra));
  expect(w.statusCode).toBe(201);
  const issue = await county.post(`/api/warnings/${w.json().id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.baogai.id, fx.units.lingxiu.id], ...issueExtra });
  expect(issue.statusCode).toBe(201);
  return { warning: w.json(), issue: issue.json() };
}

const deliveryOf = async (issueId: string, userId: string) => {
  const [d] = await t.db.select().from(warningDeliveries).where(and(eq(warningDeliveries.issueId, issueId), eq(warningDeliveries.recipientUserId, userId)));
  return d!;
};

/** Ends the warnings of earlier tests and empties the outbox, so each test sees only its own. */
async function quiet() {
  await t.db.execute(sql`update warnings set status = 'cancelled' where status = 'active'`);
  await t.db.execute(sql`update warning_deliveries set next_escalation_at = null where next_escalation_at is not null`);
  await t.db.execute(sql`update warning_channel_sends set status = 'sent' where status = 'pending'`);
}

class CountingAdapter implements ChannelAdapter {
  readonly name = 'counting';
  readonly sent: ChannelMessage[] = [];
  async send(m: ChannelMessage) {
    this.sent.push(m);
  }
}

describe('issuing (发布)', () => {
  it('reaches every person holding a role below the targets, once, in one go, with one audit entry and the outbox filled', async () => {
    const { warning, issue } = await issueTyphoon();
    expect(warning.identifier).toMatch(/^350581\d{8}_\d{14}_\d$/);
    expect(issue).toMatchObject({ requireAnswer: true, recipients: await expectedRecipients(), answered: 0 });
    const rows = await t.db.select().from(warningDeliveries).where(eq(warningDeliveries.issueId, issue.id));
    expect(new Set(rows.map((r) => r.recipientUserId)).size).toBe(rows.length);
    expect(rows.map((r) => r.recipientUserId)).toEqual(expect.arrayContaining([fx.accounts.tanghouGrid.id, fx.accounts.lingxiuGrid.id, fx.accounts.baogaiDuty.id]));
    expect(rows.map((r) => r.recipientUserId)).not.toContain(fx.accounts.countyOfficer.id);
    const sends = await t.db.select().from(warningChannelSends).where(eq(warningChannelSends.issueId, issue.id));
    expect(sends).toHaveLength(rows.length);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, warning.id), eq(auditEvents.action, 'warning.issued')));
    expect(audits).toHaveLength(1);
    // A replay of the same issue stores nothing more.
    const again = await county.post(`/api/warnings/${warning.id}/issues`, { id: issue.id, unitIds: [fx.units.baogai.id, fx.units.lingxiu.id] });
    expect(again.json().recipients).toBe(issue.recipients);
    expect((await t.db.select().from(warningDeliveries).where(eq(warningDeliveries.issueId, issue.id))).length).toBe(rows.length);
  });

  it('a township cannot issue to its neighbour, and a grid worker cannot issue at all', async () => {
    const w = (await chief.post('/api/warnings', typhoon({ areaUnitIds: [fx.units.baogai.id] }))).json();
    expect((await chief.post(`/api/warnings/${w.id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.lingxiu.id] })).statusCode).toBe(404);
    // The grid worker does not even see the township's warning until it is issued to them …
    expect((await grid.post(`/api/warnings/${w.id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.tanghouGrid1.id] })).statusCode).toBe(404);
    // … and once it is, they may answer it but not pass it on.
    await chief.post(`/api/warnings/${w.id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.tanghou.id] });
    expect((await grid.post(`/api/warnings/${w.id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.tanghouGrid1.id] })).statusCode).toBe(403);
  });
});

describe('叫应 and escalation', () => {
  it('answers from the app and the link count once; the silent are reminded, then escalated to their superior; the board shows it', async () => {
    await quiet();
    const { issue, warning } = await issueTyphoon();
    const mine = (await grid.get('/api/warnings/mine')).json();
    const item = mine.items.find((i: { delivery: { issueId: string } }) => i.delivery.issueId === issue.id);
    expect(item.warning.headline).toBe('石狮市气象台发布台风红色预警');
    // The 灵秀镇 grid worker answers in the app; 塘后村's stays silent.
    const neighbourItem = (await neighbourGrid.get('/api/warnings/mine')).json().items.find((i: { delivery: { issueId: string } }) => i.delivery.issueId === issue.id);
    const answered = await neighbourGrid.post(`/api/warnings/deliveries/${neighbourItem.delivery.id}/answer`, { answer: 'on_duty' });
    expect(answered.json()).toMatchObject({ answer: 'on_duty', nextEscalationAt: null });
    // The answer's view is built by the answering statement itself: it must equal what a read gives.
    const reread = (await neighbourGrid.get('/api/warnings/mine')).json().items.find((i: { delivery: { id: string } }) => i.delivery.id === neighbourItem.delivery.id);
    expect(answered.json()).toEqual(reread.delivery);
    // Nobody answers for someone else.
    expect((await lead.post(`/api/warnings/deliveries/${item.delivery.id}/answer`, { answer: 'acknowledged' })).statusCode).toBe(403);
    // The village lead answers through the SMS link, no sign-in.
    const leadDelivery = await deliveryOf(issue.id, fx.accounts.tanghouLead.id);
    const viaLink = await t.app.inject({ method: 'POST', url: `/api/public/warnings/${leadDelivery.token}/answer`, payload: { answer: 'acknowledged' } });
    expect(viaLink.json()).toMatchObject({ answer: 'acknowledged', recipient: expect.any(String) });

    // 10 minutes: a reminder to the silent; 20: their superior (grid worker → village lead).
    t.clock.advance(10 * 60_000);
    const firstSweep = await sweepWarningEscalations(t.db, t.clock.now());
    expect(firstSweep).toBeGreaterThan(0);
    expect(await sweepWarningEscalations(t.db, t.clock.now())).toBe(0);
    const silent = await deliveryOf(issue.id, fx.accounts.tanghouGrid.id);
    expect(silent.tier).toBe(1);
    t.clock.advance(10 * 60_000);
    await sweepWarningEscalations(t.db, t.clock.now());
    const escalations = await t.db.select().from(warningEscalations).where(eq(warningEscalations.deliveryId, silent.id));
    expect(escalations.map((e) => [e.tier, e.action, e.toUserId])).toEqual([
      [1, 'remind', fx.accounts.tanghouGrid.id],
      [2, 'superior', fx.accounts.tanghouLead.id],
    ]);
    // The answered are never escalated.
    const neighbour = await deliveryOf(issue.id, fx.accounts.lingxiuGrid.id);
    expect((await t.db.select().from(warningEscalations).where(eq(warningEscalations.deliveryId, neighbour.id))).length).toBe(0);

    await signIn();
    // The village lead sees the escalation in their inbox.
    const leadInbox = (await lead.get('/api/warnings/mine')).json();
    expect(leadInbox.items.some((i: { escalatedToMe: boolean; delivery: { recipient: { id: string } } }) => i.escalatedToMe && i.delivery.recipient.id === fx.accounts.tanghouGrid.id)).toBe(true);
    const board = (await county.get(`/api/warnings/issues/${issue.id}/board`)).json();
    const baogai = board.areas.find((a: { unit: { name: string } }) => a.unit.name === '宝盖镇');
    const lingxiu = board.areas.find((a: { unit: { name: string } }) => a.unit.name === '灵秀镇');
    expect(lingxiu.answered).toBeGreaterThanOrEqual(1);
    const row = baogai.unanswered.find((d: { recipient: { id: string } }) => d.recipient.id === fx.accounts.tanghouGrid.id);
    expect(row).toMatchObject({ tier: 2, escalatedTo: [{ role: 'village_lead' }] });
    expect(row.recipient.phone === null || typeof row.recipient.phone === 'string').toBe(true);
    expect(baogai.answeredList.some((d: { recipient: { id: string } }) => d.recipient.id === fx.accounts.tanghouLead.id)).toBe(true);
    const escalatedAudits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, warning.id), eq(auditEvents.action, 'warning.escalated')));
    expect(escalatedAudits.length).toBeGreaterThanOrEqual(2);
    // Cancelling the warning stops what is left.
    await county.post(`/api/warnings/${warning.id}/cancel`, {});
    t.clock.advance(60 * 60_000);
    const [{ n }] = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from warning_deliveries where issue_id = ${issue.id} and next_escalation_at is not null`)).rows as [{ n: number }];
    expect(n).toBe(0);
    await signIn();
  });

  it('a sweep tells the issuer’s screens over the realtime bus', async () => {
    await quiet();
    const { issue } = await issueTyphoon();
    const bus = new RealtimeBus((t.pool as unknown as { options: { connectionString: string } }).options.connectionString);
    await bus.start();
    const heard: RealtimeEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    t.clock.advance(10 * 60_000);
    await sweepWarningEscalations(t.db, t.clock.now());
    for (let i = 0; i < 100 && !heard.some((e) => e.type === 'warning.escalated'); i++) await new Promise((r) => setTimeout(r, 20));
    await bus.close();
    expect(heard.find((e) => e.type === 'warning.escalated')).toMatchObject({ unitPath: expect.any(String), data: { issueId: issue.id, escalated: issue.recipients } });
    await signIn();
  });

  it('sweeps running at once on several nodes escalate each delivery once', async () => {
    await quiet();
    const { issue } = await issueTyphoon();
    t.clock.advance(10 * 60_000);
    const counts = await Promise.all([sweepWarningEscalations(t.db, t.clock.now()), sweepWarningEscalations(t.db, t.clock.now()), sweepWarningEscalations(t.db, t.clock.now())]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(issue.recipients);
    const [{ n }] = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from warning_escalations e join warning_deliveries d on d.id = e.delivery_id where d.issue_id = ${issue.id}`)).rows as [{ n: number }];
    expect(n).toBe(issue.recipients);
    await signIn();
  });

  it('a restart between the sweep and the sending loses nothing and sends nothing twice', async () => {
    await quiet();
    const { issue } = await issueTyphoon();
    t.clock.advance(10 * 60_000);
    await sweepWarningEscalations(t.db, t.clock.now());
    // The first node stops here. A second node (a restart) starts on the same database and sends.
    const restarted = await buildApp({ db: t.db, config: t.config, clock: t.clock, dbKind: 'external', files: t.files });
    const adapter = new CountingAdapter();
    let total = 0;
    for (let n = 1; n > 0; ) total += n = await drainChannelOutbox(t.db, t.clock.now(), [adapter]);
    expect(await drainChannelOutbox(t.db, t.clock.now(), [adapter])).toBe(0);
    const ids = adapter.sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [{ pending }] = (await t.db.execute<{ pending: number }>(sql`select count(*)::int as pending from warning_channel_sends where status = 'pending'`)).rows as [{ pending: number }];
    expect(pending).toBe(0);
    // The issue's deliveries and their reminders were all handed over.
    expect(adapter.sent.filter((m) => m.kind === 'warning').length).toBeGreaterThanOrEqual(issue.recipients);
    expect(adapter.sent.filter((m) => m.kind === 'reminder').length).toBeGreaterThanOrEqual(issue.recipients);
    expect(total).toBe(ids.length);
    await restarted.close();
    await signIn();
  });
});

describe('exercises (演练)', () => {
  it('never reach the channel adapters; a real warning does (a local webhook receiver)', async () => {
    await quiet();
    const received: ChannelMessage[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as ChannelMessage);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const webhook = new WebhookAdapter(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`);
    // Empty the outbox of earlier tests first.
    for (let n = 1; n > 0; ) n = await drainChannelOutbox(t.db, t.clock.now(), [new CountingAdapter()]);

    const drill = await issueTyphoon({ exercise: true, headline: '【演练】台风红色预警' });
    expect(drill.warning.exercise).toBe(true);
    t.clock.advance(10 * 60_000);
    await sweepWarningEscalations(t.db, t.clock.now());
    for (let n = 1; n > 0; ) n = await drainChannelOutbox(t.db, t.clock.now(), [webhook]);
    expect(received).toHaveLength(0);
    expect((await t.db.select().from(warningChannelSends).where(eq(warningChannelSends.issueId, drill.issue.id))).length).toBe(0);
    // The drill still reached every phone in the app, marked as an exercise.
    await signIn();
    const item = (await grid.get('/api/warnings/mine')).json().items.find((i: { delivery: { issueId: string } }) => i.delivery.issueId === drill.issue.id);
    expect(item.warning.exercise).toBe(true);

    const real = await issueTyphoon();
    for (let n = 1; n > 0; ) n = await drainChannelOutbox(t.db, t.clock.now(), [webhook]);
    expect(received.length).toBe(real.issue.recipients);
    expect(received[0]!.body).toContain('台风红色预警');
    await new Promise((r) => server.close(r));
  });
});

describe('warning lifecycle', () => {
  it('expiry ends a warning and stops its escalations', async () => {
    await quiet();
    const w = (await county.post('/api/warnings', typhoon({ expires: new Date(t.clock.now().getTime() + 3600_000).toISOString() }))).json();
    await county.post(`/api/warnings/${w.id}/issues`, { id: crypto.randomUUID(), unitIds: [fx.units.baogai.id] });
    t.clock.advance(2 * 3600_000);
    expect(await expireWarnings(t.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    await signIn();
    expect((await county.get(`/api/warnings/${w.id}`)).json().status).toBe('expired');
    expect(await sweepWarningEscalations(t.db, t.clock.now())).toBe(0);
  });
});
