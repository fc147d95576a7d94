import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app';
import { RealtimeBus } from '../../../platform/realtime/bus';
import { startServer, type RunningServer } from '../../../test/child-server';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { freeLoopbackPort } from '../../../test/ports';

/**
 * The duty console across app processes: node A runs in this test's process, node B is a second
 * Node process (src/server/main.ts) on the same PostgreSQL. A report submitted on A reaches the
 * county's console on B; the county's acknowledgement on B reaches the township's console on A.
 */
let t: TestApp;
let nodeA: FastifyInstance;
let busA: RealtimeBus;
let nodeB: RunningServer;
let dataDir: string;

const dbUrl = () => (t.pool as unknown as { options: { connectionString: string } }).options.connectionString;

beforeAll(async () => {
  t = await createTestApp();
  busA = new RealtimeBus(dbUrl());
  await busA.start();
  nodeA = await buildApp({ db: t.db, config: t.config, clock: t.clock, dbKind: 'external', files: t.files, bus: busA });
  await nodeA.listen({ port: 0, host: '127.0.0.1' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastmeter-node-b-'));
  const port = await freeLoopbackPort();
  nodeB = await startServer({
    entry: 'src/server/main.ts',
    port,
    healthPath: '/api/health',
    env: { NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: dbUrl(), SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, WEB_DIST_DIR: path.join(dataDir, 'no-web') },
  });
}, 90_000);

afterAll(async () => {
  await nodeB?.stop();
  await nodeA?.close();
  await busA?.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function loginOnB(username: string): Promise<string> {
  const res = await fetch(`${nodeB.origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Shishi@2024' }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Opens /api/events at an origin and collects what arrives. */
function stream(origin: string, cookie: string) {
  const url = new URL('/api/events', origin);
  const events: { type: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const ready = new Promise<http.ClientRequest>((resolve) => {
    const req = http.get({ host: url.hostname, port: url.port, path: url.pathname, headers: { cookie } }, (res) => {
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
        if (chunk.includes('connected')) resolve(req);
      });
    });
  });
  return { events, ready };
}

const until = async (check: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

describe('duty console across two app processes', () => {
  it('a report submitted on node A reaches the county on node B (not 灵秀镇); the acknowledgement on B reaches 宝盖镇 on A', async () => {
    const { port } = nodeA.server.address() as AddressInfo;
    const originA = `http://127.0.0.1:${port}`;
    const countyB = stream(nodeB.origin, await loginOnB('county_officer'));
    const neighbourB = stream(nodeB.origin, await loginOnB('lingxiu_chief'));
    const dutyCookie = await loginAs(nodeA, 'baogai_duty');
    const dutyA = stream(originA, dutyCookie);
    const open = await Promise.all([countyB.ready, neighbourB.ready, dutyA.ready]);

    const eventId = crypto.randomUUID();
    const intake = await nodeA.inject({
      method: 'POST',
      url: '/api/duty/events',
      headers: { cookie: dutyCookie },
      payload: { id: eventId, source: 'phone', address: '宝盖镇塘后村', type: 'fire', description: '仓库起火', injured: 0 },
    });
    expect(intake.statusCode).toBe(201);
    const reportId = crypto.randomUUID();
    const report = await nodeA.inject({
      method: 'POST',
      url: '/api/duty/reports',
      headers: { cookie: dutyCookie },
      payload: {
        id: reportId,
        eventId,
        kind: 'first',
        title: '关于塘后村仓库火灾的首报',
        occurredAt: new Date(t.clock.now().getTime() - 600_000).toISOString(),
        location: '宝盖镇塘后村',
        eventType: 'fire',
        dead: 0,
        injured: 0,
        missing: 0,
        narrative: '仓库起火',
        measures: '消防到场扑救',
        nextSteps: '持续跟进',
        reporterName: '陈值班',
        reporterPhone: null,
        issuer: '林镇长',
        submit: true,
      },
    });
    expect(report.statusCode).toBe(201);
    expect(await until(() => countyB.events.some((e) => e.type === 'duty.report' && e.data.id === reportId && e.data.action === 'submitted'))).toBe(true);
    expect(countyB.events.some((e) => e.type === 'duty.event' && e.data.id === eventId)).toBe(true);

    const countyCookie = await loginOnB('county_officer');
    const ack = await fetch(`${nodeB.origin}/api/duty/reports/${reportId}/acknowledge`, { method: 'POST', headers: { cookie: countyCookie, 'content-type': 'application/json' }, body: '{}' });
    expect(ack.status).toBe(200);
    expect(await until(() => dutyA.events.some((e) => e.type === 'duty.report' && e.data.id === reportId && e.data.action === 'acknowledged'))).toBe(true);

    await new Promise((r) => setTimeout(r, 200));
    expect(neighbourB.events.filter((e) => e.data.id === reportId || e.data.id === eventId)).toHaveLength(0);
    for (const req of open) req.destroy();
  });
});
