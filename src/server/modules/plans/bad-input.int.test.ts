import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRoutes } from '../../app';
import { createTestApp, loginAs, type TestApp } from '../../test/harness';
import { demoFixtures } from '../../test/fixtures';
import { insertAction, insertDrill, insertPlan } from './test-support';
import { expectSchemaRefusal } from '../../test/bad-input-expect';

/**
 * The platform's bad-input test sends its bodies to a unit id, so plan routes answer 404 before a
 * body that passes validation reaches the service. Here the same kind of bodies go to a real plan,
 * action or drill (fresh for each run): never a 5xx.
 */
let t: TestApp;
let cookie: string;
let unitId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  const fx = await demoFixtures(t.db);
  unitId = fx.units.baogai.id;
  personId = fx.people.baogai.id;
  cookie = await loginAs(t.app, 'county_officer');
});
afterAll(() => t.close());

const planWrites = allRoutes().filter((r) => r.url.startsWith('/api/plans') && r.method !== 'GET' && r.body);

const value = () =>
  fc.oneof(
    fc.string().filter((s) => !s.includes('\u0000')),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constant(personId),
    fc.constant(unitId),
    fc.constantFrom('I', 'IV', 'red', 'typhoon', 'other', 'special', 'coastal', 'active', 'retired', '2026-05-01', '2099-01-01', '2026-02-30'),
    fc.array(fc.constantFrom('typhoon', 'rainstorm', 'other', 'x'), { maxLength: 3 }),
    fc.array(fc.record({ warningType: fc.constantFrom('typhoon', 'rainstorm', 'fog'), warningLevel: fc.constantFrom('red', 'blue'), responseLevel: fc.constantFrom('I', 'III') }), { maxLength: 3 }),
  );
const keys = ['unitId', 'name', 'kind', 'setting', 'hazards', 'status', 'version', 'approvedOn', 'revisionDue', 'summary', 'rules', 'level', 'action', 'ownerPost', 'ownerPersonId', 'timeLimitMinutes', 'actionIds', 'heldOn', 'scenario', 'participantCount', 'participantNames', 'evaluation', 'findings'];
const bodies = fc.oneof(fc.record(Object.fromEntries(keys.map((k) => [k, value()])), { requiredKeys: [] }), fc.anything());

describe('plan routes never answer bad input with a 5xx', () => {
  it('covers the JSON write routes', () => expect(planWrites.length).toBe(8));

  for (const r of planWrites) {
    it(`${r.method} ${r.url}`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const plan = await insertPlan(t.db, unitId);
          const action = await insertAction(t.db, plan.id, 'I', 0);
          const drill = await insertDrill(t.db, plan.id);
          const id = r.url.startsWith('/api/plans/actions') ? action.id : r.url.startsWith('/api/plans/drills') ? drill.id : plan.id;
          const payload = JSON.stringify(body) ?? 'null';
          const res = await t.app.inject({ method: r.method, url: r.url.replace(':id', id), headers: { cookie, 'content-type': 'application/json' }, payload });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (r.body!.safeParse(JSON.parse(payload)).success) return;
          expectSchemaRefusal(res, payload);
        }),
        { numRuns: 60 },
      );
    });
  }
});
