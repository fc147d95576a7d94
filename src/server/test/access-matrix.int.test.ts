import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../app';
import { createTestApp, loginAs, type TestApp } from './harness';
import { demoFixtures, type DemoFixtures } from './fixtures';
import { CASES } from './matrix';
import { expected, PERSONAS } from './matrix/model';

/**
 * The access matrix: every registered route, walked by every persona (including a user of the
 * neighbouring township and the public). The personas and rules are in ./matrix/model.ts, the
 * cases beside them, one file per module.
 */
let t: TestApp;
let fx: DemoFixtures;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  // Every persona posts to the public form from the same address: lift its per-address limit here.
  t = await createTestApp({ PUBLIC_REPORTS_PER_MINUTE: '1000' });
  fx = await demoFixtures(t.db);
  for (const name of Object.keys(PERSONAS)) if (PERSONAS[name]) cookies[name] = await loginAs(t.app, name);
});
afterAll(() => t.close());

describe('access matrix', () => {
  it('has a case for every registered route', () => {
    const registered = allRoutes().map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !registered.includes(k))).toEqual([]);
  });

  for (const [key, c] of Object.entries(CASES)) {
    it(key, async () => {
      const outcomes: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const [name, persona] of Object.entries(PERSONAS)) {
        const req = await c.req(fx, t);
        // Logging out ends the session, so that case signs in afresh.
        const cookie = key === 'POST /api/auth/logout' && persona ? await loginAs(t.app, name) : cookies[name];
        const res = await t.app.inject({
          method: req.method,
          url: req.url,
          headers: { ...(cookie ? { cookie } : {}), ...req.headers },
          ...(req.body === undefined ? {} : { payload: req.body as object }),
        });
        outcomes[name] = res.statusCode;
        wanted[name] = expected(c.rule, persona, c.ok ?? 200, name);
        if (res.statusCode === 404 || res.statusCode === 403) expect(res.json().code).toMatch(/NOT_FOUND|FORBIDDEN/);
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
