import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRoutes } from '../../../app';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { insertEquipment } from './test-support';
import { expectSchemaRefusal } from '../../../test/bad-input-expect';

/**
 * The platform's bad-input test sends its bodies to a unit id, so equipment routes answer 404
 * before a body that passes validation reaches the service. Here the same kind of bodies go to
 * real equipment (fresh for each run, since a retire or a test changes it) and to real units:
 * never a 5xx.
 */
let t: TestApp;
let fx: DemoFixtures;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  cookie = await loginAs(t.app, 'county_officer');
});
afterAll(() => t.close());

const writes = allRoutes().filter((r) => (r.url.startsWith('/api/duty/comms') || r.url.startsWith('/api/duty/zero-reports')) && r.method !== 'GET');

const value = () =>
  fc.oneof(
    fc.string().filter((s) => !s.includes('\u0000')),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(fx.units.baogai.id, fx.units.tanghou.id, fx.units.county.id, fx.people.baogai.id, 'satellite_phone', 'ok', 'failed', '2026-05-31T08:00:00+08:00', 9, 23, 24, -1),
  );
const keys = ['id', 'at', 'result', 'note', 'unitId', 'kind', 'model', 'identifier', 'place', 'keeperId', 'testIntervalDays', 'reason', 'dueHour'];

describe('comms and zero-report routes never answer bad input with a 5xx', () => {
  it('covers the write routes', () => expect(writes.length).toBe(6));

  for (const r of writes) {
    it(`${r.method} ${r.url}`, async () => {
      const bodies = fc.oneof(fc.record(Object.fromEntries(keys.map((k) => [k, value()])), { requiredKeys: [] }), fc.anything());
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const item = await insertEquipment(t.db, fx.units.baogai.id);
          const payload = JSON.stringify(body) ?? 'null';
          const res = await t.app.inject({ method: r.method, url: r.url.replace(':id', item.id), headers: { cookie, 'content-type': 'application/json' }, payload });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (r.body!.safeParse(JSON.parse(payload)).success) return;
          expectSchemaRefusal(res, payload);
        }),
        { numRuns: 60 },
      );
    });
  }
});
