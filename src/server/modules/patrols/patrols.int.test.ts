import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { patrolRollups } from './schema';

let t: TestApp;
let fx: DemoFixtures;
let walker: Api;
let lead: Api;
let neighbour: Api;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  walker = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  neighbour = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
});
afterAll(() => t.close());

const iso = (minutesAgo: number) => new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString();

describe('patrols from the phone', () => {
  it('start, check-ins and end are stored once however often the phone replays them', async () => {
    const id = crypto.randomUUID();
    const start = { id, startedAt: iso(60), lat: 24.76, lng: 118.64 };
    expect((await walker.post('/api/patrols', start)).statusCode).toBe(201);
    expect((await walker.post('/api/patrols', start)).statusCode).toBe(200);
    const checkins = [
      { id: crypto.randomUUID(), at: iso(50), lat: 24.7601, lng: 118.6401, place: '村口桥头', finding: 'normal' },
      { id: crypto.randomUUID(), at: iso(40), lat: 24.7605, lng: 118.6409, place: '老人活动中心', finding: 'issue', note: '灭火器过期' },
      { id: crypto.randomUUID(), at: iso(35), kind: 'track', lat: 24.7606, lng: 118.641 },
    ];
    for (const c of [...checkins, ...checkins]) expect((await walker.post(`/api/patrols/${id}/checkins`, c)).statusCode).toBeLessThan(300);
    const ended = await walker.post(`/api/patrols/${id}/end`, { endedAt: iso(30), summary: '巡查 2 处，发现 1 个问题' });
    expect(ended.json()).toMatchObject({ checkins: 2, issues: 1, summary: '巡查 2 处，发现 1 个问题' });
    expect((await walker.post(`/api/patrols/${id}/end`, { endedAt: iso(0) })).json().endedAt).toBe(ended.json().endedAt);
    const detail = (await lead.get(`/api/patrols/${id}`)).json();
    expect(detail.points.map((p: { place: string | null }) => p.place)).toEqual(['村口桥头', '老人活动中心', null]);
    const late = await walker.post(`/api/patrols/${id}/checkins`, { id: crypto.randomUUID(), at: iso(0), lat: 24.76, lng: 118.64 });
    expect(late.json().code).toBe('PATROL_ENDED');
  });

  it('only the walker adds to a patrol; the village sees it; the neighbour does not', async () => {
    const id = crypto.randomUUID();
    await walker.post('/api/patrols', { id, startedAt: iso(5) });
    expect((await lead.post(`/api/patrols/${id}/checkins`, { id: crypto.randomUUID(), at: iso(1), lat: 24.76, lng: 118.64 })).statusCode).toBe(403);
    expect((await lead.get(`/api/patrols?unitId=${fx.units.tanghou.id}&active=true`)).json().items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await neighbour.get(`/api/patrols/${id}`)).statusCode).toBe(404);
  });

  it('keeps monthly counts for every level', async () => {
    const [row] = await t.db.select().from(patrolRollups).where(eq(patrolRollups.unitId, fx.units.county.id));
    expect(row).toMatchObject({ patrols: 2, checkins: 2, issues: 1 });
  });
});
