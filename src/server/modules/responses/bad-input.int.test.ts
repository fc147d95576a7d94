import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRoutes } from '../../app';
import { createTestApp, loginAs, type TestApp } from '../../test/harness';
import { demoFixtures } from '../../test/fixtures';
import { insertResponse } from './test-support';
import { expectSchemaRefusal } from '../../test/bad-input-expect';

/**
 * The platform's bad-input test sends its bodies to a unit id, so a body that passes validation
 * stops at "not found". Here the bodies reach a real running response or task (fresh for each
 * run), and the start names a real warning and plan: never a 5xx.
 */
let t: TestApp;
let cookie: string;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await demoFixtures(t.db)).units.baogai.id;
  cookie = await loginAs(t.app, 'baogai_chief');
});
afterAll(() => t.close());

const writes = allRoutes().filter((r) => r.url.startsWith('/api/responses') && r.method !== 'GET' && r.body);

describe('response routes never answer bad input with a 5xx', () => {
  it('covers the JSON write routes', () => expect(writes.length).toBe(3));

  for (const r of writes) {
    it(`${r.method} ${r.url}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.anything(), fc.string().filter((s) => !s.includes('\u0000')), fc.boolean(), fc.constantFrom('I', 'II', 'IV', 'V', ''), async (junk, str, flag, level) => {
          const { response, tasks } = await insertResponse(t.db, unitId);
          const other = await insertResponse(t.db, unitId);
          const id = r.url.includes('tasks') ? tasks[0]!.id : response.id;
          const body = fc.sample(
            fc.constantFrom<unknown>(
              junk,
              { done: flag, note: str },
              { done: str },
              { summary: str },
              { summary: flag },
              { id: crypto.randomUUID(), warningId: other.response.warningId, planId: other.response.planId, level, exercise: flag },
              { id: response.id, warningId: other.response.warningId, planId: response.planId, level },
              { id: str, warningId: response.warningId },
            ),
            1,
          )[0];
          const payload = JSON.stringify(body) ?? 'null';
          const res = await t.app.inject({ method: r.method, url: r.url.replace(':id', id), headers: { cookie, 'content-type': 'application/json' }, payload });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (!r.body!.safeParse(JSON.parse(payload)).success) expectSchemaRefusal(res, payload);
        }),
        { numRuns: 40 },
      );
    });
  }
});
