import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';

let t: TestApp;
let fx: DemoFixtures;
let grid: Api;
let lead: Api;
let duty: Api;
let lingxiu: Api;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  grid = apiAs(t.app, await loginAs(t.app, 'tanghou_grid'));
  lead = apiAs(t.app, await loginAs(t.app, 'tanghou_lead'));
  duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
  lingxiu = apiAs(t.app, await loginAs(t.app, 'lingxiu_chief'));
});
afterAll(() => t.close());

const ring = (x: number, y: number, d = 0.001): number[][] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const polygon = (coordinates: unknown) => ({ geometry: { type: 'Polygon', coordinates } });
const boundaryUrl = (unitId: string) => `/api/grids/${unitId}/boundary`;
const boundaryEvents = (unitId: string) =>
  t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(and(eq(auditEvents.action, 'grid.boundary.updated'), eq(auditEvents.entityId, unitId)));

describe('grid boundaries', () => {
  it('every demo grid has a seeded boundary near its township; 塘后村’s three grids are a FeatureCollection', async () => {
    const fc = (await lead.get(`/api/grids/boundaries?unitId=${fx.units.tanghou.id}`)).json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['塘后村第一网格', '塘后村第二网格', '塘后村第三网格']);
    for (const f of fc.features) {
      expect(f).toMatchObject({ type: 'Feature', id: f.properties.unitId, geometry: { type: 'Polygon' }, properties: { code: expect.stringMatching(/^\d{15}$/) } });
      for (const [lng, lat] of f.geometry.coordinates[0]) {
        expect(lng).toBeGreaterThan(118.58);
        expect(lng).toBeLessThan(118.75);
        expect(lat).toBeGreaterThan(24.72);
        expect(lat).toBeLessThan(24.8);
      }
    }
    const county = (await apiAs(t.app, await loginAs(t.app, 'county_officer')).get('/api/grids/boundaries')).json();
    expect(county.features.length).toBe(38 * 3);
  });

  it('the grid worker redraws the boundary of their grid; the log keeps the old and the new geometry', async () => {
    const before = (await grid.get(boundaryUrl(fx.units.tanghouGrid1.id))).json();
    expect(before).toMatchObject({ unitId: fx.units.tanghouGrid1.id, name: '塘后村第一网格', geometry: { type: 'Polygon' }, can: { update: true } });
    const drawn = polygon([ring(118.6385, 24.7585)]);
    const res = await grid.put(boundaryUrl(fx.units.tanghouGrid1.id), drawn);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().geometry).toEqual(drawn.geometry);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.requestId, res.headers['x-request-id'] as string));
    expect(event).toMatchObject({ action: 'grid.boundary.updated', unitId: fx.units.tanghouGrid1.id, before: { geometry: before.geometry }, after: drawn });
    expect((await grid.get(boundaryUrl(fx.units.tanghouGrid1.id))).json().geometry).toEqual(drawn.geometry);

    // The same geometry again changes nothing and logs nothing.
    const count = (await boundaryEvents(fx.units.tanghouGrid1.id))[0]!.n;
    expect((await grid.put(boundaryUrl(fx.units.tanghouGrid1.id), drawn)).statusCode).toBe(200);
    expect((await boundaryEvents(fx.units.tanghouGrid1.id))[0]!.n).toBe(count);
  });

  it('a MultiPolygon with an altitude is stored in two dimensions', async () => {
    const coordinates = [[ring(118.64, 24.762).map(([x, y]) => [x!, y!, 8])], [ring(118.642, 24.762)]];
    const res = await lead.put(boundaryUrl(fx.units.tanghouGrid2.id), { geometry: { type: 'MultiPolygon', coordinates } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().geometry.coordinates[0][0][0]).toEqual([118.64, 24.762]);
  });

  it('bad polygons are 400 with the field that is wrong', async () => {
    const cases: [unknown, string[]][] = [
      [polygon([ring(118.64, 24.76).slice(0, -1)]), ['body.geometry.coordinates.0.3']],
      [polygon([[[118.64, 24.76], [118.641, 24.76], [118.64, 24.76]]]), ['body.geometry.coordinates.0']],
      [polygon([ring(24.76, 118.64)]), ['body.geometry.coordinates.0.0.1', 'body.geometry.coordinates.0.1.1', 'body.geometry.coordinates.0.2.1', 'body.geometry.coordinates.0.3.1', 'body.geometry.coordinates.0.4.1']],
      [polygon([[[118.64, 24.76], [118.641, 24.761], [118.641, 24.76], [118.64, 24.761], [118.64, 24.76]]]), ['body.geometry.coordinates.0']],
      [{ geometry: { type: 'Point', coordinates: [118.64, 24.76] } }, ['body.geometry.type']],
      [{ geometry: { type: 'Polygon', coordinates: [ring(118.64, 24.76)], bbox: [0, 0, 1, 1] } }, ['body.geometry']],
      [{}, ['body.geometry']],
    ];
    for (const [body, paths] of cases) {
      const res = await grid.put(boundaryUrl(fx.units.tanghouGrid1.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(paths);
    }
  });

  it('boundaries belong to grids; others may not draw them', async () => {
    const village = await lead.put(boundaryUrl(fx.units.tanghou.id), polygon([ring(118.64, 24.76)]));
    expect(village.statusCode).toBe(400);
    expect(village.json().code).toBe('GRID_UNIT_REQUIRED');
    expect((await lead.get(boundaryUrl(fx.units.tanghou.id))).json().code).toBe('GRID_UNIT_REQUIRED');
    expect((await grid.put(boundaryUrl(fx.units.tanghouGrid2.id), polygon([ring(118.64, 24.76)]))).statusCode).toBe(404);
    const dutyRead = await duty.get(boundaryUrl(fx.units.tanghouGrid1.id));
    expect(dutyRead.json().can.update).toBe(false);
    expect((await duty.put(boundaryUrl(fx.units.tanghouGrid1.id), polygon([ring(118.64, 24.76)]))).statusCode).toBe(403);
  });

  it('the neighbouring township sees no 宝盖镇 boundary', async () => {
    expect((await lingxiu.get(boundaryUrl(fx.units.tanghouGrid1.id))).statusCode).toBe(404);
    expect((await lingxiu.put(boundaryUrl(fx.units.tanghouGrid1.id), polygon([ring(118.61, 24.74)]))).statusCode).toBe(404);
    expect((await lingxiu.get(`/api/grids/boundaries?unitId=${fx.units.baogai.id}`)).statusCode).toBe(404);
    const own = (await lingxiu.get('/api/grids/boundaries')).json();
    expect(own.features.length).toBe(5 * 3);
    expect(own.features.every((f: { properties: { code: string } }) => f.properties.code.startsWith('350581100'))).toBe(true);
  });
});
