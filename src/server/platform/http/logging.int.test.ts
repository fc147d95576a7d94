import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('request logs', () => {
  it('are JSON lines with request ids and hold no password or session token', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const app = await buildApp({ db: t.db, config: { ...t.config, logLevel: 'info' }, clock: t.clock, dbKind: 'external', files: t.files }, { logStream: stream });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-request-id': 'req-test-1' }, payload: { username: 'baogai_chief', password: 'Shishi@2024' } });
    const token = login.cookies.find((c) => c.name === 'lm_session')!.value;
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `lm_session=${token}` } });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'baogai_chief', password: 'Wrong#Secret99' } });
    await app.close();
    expect(lines.length).toBeGreaterThan(3);
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string });
    expect(parsed.some((l) => l.reqId === 'req-test-1')).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain('Shishi@2024');
    expect(all).not.toContain('Wrong#Secret99');
    expect(all).not.toContain(token);
    expect(login.headers['x-request-id']).toBe('req-test-1');
  });
});
