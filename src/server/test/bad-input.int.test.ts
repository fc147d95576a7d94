import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { allRoutes } from '../app';
import type { Route } from '../platform/http/route';
import { createTestApp, loginAs, type TestApp } from './harness';
import { demoFixtures, type DemoFixtures } from './fixtures';
import { insertAccount } from './matrix-fixtures';
import { expectSchemaRefusal } from './bad-input-expect';

/**
 * Every write route, fed random and malformed bodies by the most privileged persona: the answer is
 * never a 5xx, and a body its schema refuses gets 400 with field-level messages.
 */
let t: TestApp;
let fx: DemoFixtures;
let cookie: string;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_REPORTS_PER_MINUTE: '100000' });
  fx = await demoFixtures(t.db);
  cookie = await loginAs(t.app, 'county_officer');
  accountId = await insertAccount(t.db, fx.units.tanghouGrid1.id);
});
afterAll(() => t.close());

function urlFor(r: Route): string {
  const id = r.url.startsWith('/api/org/posts') ? fx.posts.baogai.id : r.url.startsWith('/api/org/people') ? fx.people.tanghou.id : r.url.startsWith('/api/accounts') ? accountId : fx.units.tanghou.id;
  return r.url.replace(':id', id);
}

/** Bodies that look like the schema (its keys, random values) and bodies that look like nothing. */
function bodies(r: Route): fc.Arbitrary<unknown> {
  const noNul = (s: string) => !s.includes('\u0000');
  const value = fc.oneof(fc.string().filter(noNul), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string().filter(noNul), { maxLength: 3 }), fc.uuid(), fc.object());
  const keys = r.body ? Object.keys((z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {}) : [];
  const shaped = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) : fc.object();
  return fc.oneof(shaped, fc.anything(), fc.array(fc.anything(), { maxLength: 3 }), fc.constant(null));
}

const writeRoutes = allRoutes().filter((r) => r.method !== 'GET' && (r.body || r.multipart));

describe('bad input never gives a 5xx', () => {
  it('covers the write routes', () => {
    expect(writeRoutes.length).toBeGreaterThan(10);
  });

  for (const r of writeRoutes) {
    it(`${r.method} ${r.url}`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(r), async (body) => {
          const res = await t.app.inject({
            method: r.method,
            url: urlFor(r),
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (r.multipart) {
            expect(res.statusCode).toBeGreaterThanOrEqual(400);
            return;
          }
          // Judge what was sent: JSON drops `undefined` values, so re-read the serialized body.
          const sent: unknown = JSON.parse(JSON.stringify(body) ?? 'null');
          if (!r.body!.safeParse(sent).success) {
            expectSchemaRefusal(res, JSON.stringify(body) ?? 'null');
            const err = res.json();
            if (err.code === 'MALFORMED_BODY') return;
            expect(err.fields.length).toBeGreaterThan(0);
            for (const f of err.fields) expect(f).toMatchObject({ path: expect.any(String), zh: expect.any(String), en: expect.any(String) });
          }
        }),
        { numRuns: 40 },
      );
    });

    it(`${r.method} ${r.url}: unparseable JSON is 400 MALFORMED_BODY`, async () => {
      const res = await t.app.inject({ method: r.method, url: urlFor(r), headers: { cookie, 'content-type': 'application/json' }, payload: '{"name": "宝盖' });
      expect(res.statusCode).toBe(400);
      if (!r.multipart) expect(res.json().code).toBe('MALFORMED_BODY');
    });
  }
});
