import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { manualClock } from '../platform/clock';
import { connect, type Db } from '../platform/db/client';
import { DEMO_PASSWORD } from '../modules/org/seed/shishi-data';
import { DiskStorage } from '../platform/files/storage';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

export type TestApp = {
  app: FastifyInstance;
  files: DiskStorage;
  db: Db;
  pool: pg.Pool;
  clock: ReturnType<typeof manualClock>;
  config: Config;
  close: () => Promise<void>;
};

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/** A fresh database cloned from the migrated, seeded template, and the app built on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const serverUrl = inject('pgServerUrl');
  const name = `lastmeter_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${inject('templateDb')}`);
      break;
    } catch (e) {
      // Two files cloning the template at the same instant: PostgreSQL asks the second to wait.
      if (attempt > 20 || !String(e).includes('being accessed by other users')) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = withDb(serverUrl, name);
  const database = connect(url, 5);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, ...env });
  const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastmeter-files-'));
  const files = new DiskStorage(filesDir);
  const app = await buildApp({ db: database.db, config, clock, dbKind: 'external', files });
  return {
    app,
    db: database.db,
    pool: database.pool,
    files,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Signs in a demo persona and returns the cookie header to send with its requests. */
export async function loginAs(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lm_session');
  if (!cookie) throw new Error('no session cookie');
  return `lm_session=${cookie.value}`;
}

export type Api = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
};

/** Requests as one signed-in persona. */
export function apiAs(app: FastifyInstance, cookie: string): Api {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    app.inject({ method, url, headers: { cookie }, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    del: (url) => send('DELETE', url),
  };
}
