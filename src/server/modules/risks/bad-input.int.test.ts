import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRoutes } from '../../app';
import { createTestApp, loginAs, type TestApp } from '../../test/harness';
import { demoFixtures } from '../../test/fixtures';
import { insertRiskPoint } from './test-support';
import { expectSchemaRefusal } from '../../test/bad-input-expect';

/**
 * The platform's bad-input test sends its bodies to a unit id, so risk routes answer 404 before a
 * body that passes validation reaches the service. Here the same kind of bodies go to a real
 * risk point (fresh for each run, since a retire or a check changes it): never a 5xx.
 */
let t: TestApp;
let cookie: string;
let gridId: string;

beforeAll(async () => {
  t = await createTestApp();
  gridId = (await demoFixtures(t.db)).units.tanghouGrid1.id;
  cookie = await loginAs(t.app, 'county_officer');
});
afterAll(() => t.close());

const riskWrites = allRoutes().filter((r) => r.url.startsWith('/api/risks') && r.method !== 'GET');

const value = fc.oneof(
  fc.string().filter((s) => !s.includes('\u0000')),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.constantFrom('major', 'marine', 'abnormal', 'normal', '2026-05-31T08:00:00+08:00', 'f'.repeat(64)),
);
const keys = ['id', 'at', 'result', 'note', 'photoIds', 'unitId', 'name', 'type', 'level', 'lat', 'lng', 'address', 'responsiblePersonId', 'controlMeasures', 'checkCycleDays', 'reason'];
const bodies = fc.oneof(fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }), fc.anything());

describe('risk routes never answer bad input with a 5xx', () => {
  it('covers the write routes', () => expect(riskWrites.length).toBe(4));

  for (const r of riskWrites) {
    it(`${r.method} ${r.url}`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const point = await insertRiskPoint(t.db, gridId);
          const payload = JSON.stringify(body) ?? 'null';
          const res = await t.app.inject({ method: r.method, url: r.url.replace(':id', point.id), headers: { cookie, 'content-type': 'application/json' }, payload });
          expect(res.statusCode, res.body).toBeLessThan(500);
          // Judge what the server received: JSON drops keys whose value is undefined, which a strict
          // schema would refuse in the original object.
          if (r.body!.safeParse(JSON.parse(payload)).success) return;
          expectSchemaRefusal(res, payload);
        }),
        { numRuns: 60 },
      );
    });
  }
});
