import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createTestApp, loginAs, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('health', () => {
  it('answers ok with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'external' });
  });
});

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user with roles', async () => {
    const res = await login('baogai_chief', 'Shishi@2024');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lm_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = res.json();
    expect(me.unit.name).toBe('宝盖镇');
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['township_chief']);
    expect(me.permissions).toContain('org.staff.manage');
  });

  it('marks the cookie Secure behind TLS', async () => {
    const tls = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'baogai_chief', password: 'Shishi@2024' },
      });
      expect(res.cookies.find((c) => c.name === 'lm_session')!.secure).toBe(true);
    } finally {
      await tls.close();
    }
  });

  it('answers wrong credentials and unknown users alike with 401 INVALID_CREDENTIALS', async () => {
    for (const [u, p] of [
      ['baogai_duty', 'wrong-password'],
      ['nobody_here', 'Shishi@2024'],
    ]) {
      const res = await login(u!, p!);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', zh: '用户名或密码错误' });
    }
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('baogai_keeper', 'bad-' + i)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await login('baogai_keeper', 'Shishi@2024');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    t.clock.advance(14 * 60_000);
    expect((await login('baogai_keeper', 'Shishi@2024')).statusCode).toBe(423);
    t.clock.advance(61_000);
    expect((await login('baogai_keeper', 'Shishi@2024')).statusCode).toBe(200);
  });

  it('rejects malformed bodies with 400 and field messages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'body.password', code: 'required' })]);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MALFORMED_BODY');
  });
});

describe('session', () => {
  it('requires a session for /me and ends it after 30 idle minutes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const api = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
    expect((await api.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await api.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await api.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await api.get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('logs out', async () => {
    const api = apiAs(t.app, await loginAs(t.app, 'baogai_rescue'));
    expect((await api.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await api.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('enforces the password rules and keeps the current session', async () => {
    const api = apiAs(t.app, await loginAs(t.app, 'baogai_enforcer'));
    const weak = await api.post('/api/auth/password', { currentPassword: 'Shishi@2024', newPassword: 'short' });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const wrong = await api.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Better#Pass2026' });
    expect(wrong.json().code).toBe('WRONG_CURRENT_PASSWORD');
    const ok = await api.post('/api/auth/password', { currentPassword: 'Shishi@2024', newPassword: 'Better#Pass2026' });
    expect(ok.statusCode).toBe(200);
    expect((await api.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('baogai_enforcer', 'Shishi@2024')).statusCode).toBe(401);
    expect((await login('baogai_enforcer', 'Better#Pass2026')).statusCode).toBe(200);
  });
});
