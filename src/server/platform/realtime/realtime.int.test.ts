import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, loginAs, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { RealtimeBus } from './bus';
import type { FastifyInstance } from 'fastify';

/**
 * Two app nodes on one PostgreSQL: a change committed on one reaches a stream open on the other,
 * and only users whose scope covers it.
 */
let t: TestApp;
let fx: DemoFixtures;
let nodeA: FastifyInstance;
let nodeB: FastifyInstance;
const buses: RealtimeBus[] = [];

async function node(): Promise<FastifyInstance> {
  const url = (t.pool as unknown as { options: { connectionString: string } }).options.connectionString;
  const bus = new RealtimeBus(url);
  await bus.start();
  buses.push(bus);
  const app = await buildApp({ db: t.db, config: t.config, clock: t.clock, dbKind: 'external', files: t.files, bus });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  nodeA = await node();
  nodeB = await node();
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  for (const b of buses) await b.close();
  await t.close();
});

/** Opens /api/events on a node and collects the events until closed. */
function stream(app: FastifyInstance, cookie: string) {
  const { port } = app.server.address() as AddressInfo;
  const events: { type: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const ready = new Promise<http.ClientRequest>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie } }, (res) => {
      expect(res.statusCode).toBe(200);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
        }
        if (buffer === '' || chunk.includes('connected')) resolve(req);
      });
    });
  });
  return { events, ready };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
};

describe('live updates across app nodes', () => {
  it('a hazard reported on node B reaches the 宝盖镇 officer watching on node A, and not 灵秀镇', async () => {
    const duty = stream(nodeA, await loginAs(nodeA, 'baogai_duty'));
    const neighbour = stream(nodeA, await loginAs(nodeA, 'lingxiu_chief'));
    const dutyReq = await duty.ready;
    const neighbourReq = await neighbour.ready;

    const id = crypto.randomUUID();
    const report = { id, unitId: fx.units.tanghouGrid1.id, categoryCode: 'gas', description: '燃气管道有异味', lat: 24.76, lng: 118.64, reportedAt: new Date().toISOString() };
    const grid = await loginAs(nodeB, 'tanghou_grid');
    const res = await nodeB.inject({ method: 'POST', url: '/api/hazards', headers: { cookie: grid }, payload: report });
    expect(res.statusCode).toBe(201);
    await until(() => duty.events.some((e) => e.data.id === id));
    expect(duty.events.find((e) => e.data.id === id)).toMatchObject({ type: 'hazard', data: { state: 'reported', source: 'app' } });

    // A replay stores nothing and announces nothing: the announcement is part of the insert.
    const again = await nodeB.inject({ method: 'POST', url: '/api/hazards', headers: { cookie: grid }, payload: report });
    expect(again.statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(duty.events.filter((e) => e.data.id === id)).toHaveLength(1);
    expect(neighbour.events.filter((e) => e.data.id === id)).toHaveLength(0);
    dutyReq.destroy();
    neighbourReq.destroy();
  });
});
