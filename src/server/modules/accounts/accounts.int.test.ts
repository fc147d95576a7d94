import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let chief: Api;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  county = apiAs(t.app, await loginAs(t.app, 'county_officer'));
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('accounts', () => {
  it('a township chief creates a grid worker, who must change the initial password first', async () => {
    const weak = await chief.post('/api/accounts', { username: 'tanghou_grid2', displayName: '洪春燕', unitId: fx.units.tanghouGrid2.id, password: 'password', roles: [] });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const wrongLevel = await chief.post('/api/accounts', {
      username: 'tanghou_grid2',
      displayName: '洪春燕',
      unitId: fx.units.tanghouGrid2.id,
      password: 'Initial#Pass2026',
      roles: [{ role: 'grid_worker', unitId: fx.units.tanghou.id }],
    });
    expect(wrongLevel.json().code).toBe('ROLE_LEVEL_MISMATCH');
    const created = await chief.post('/api/accounts', {
      username: 'Tanghou_Grid2',
      displayName: '洪春燕',
      unitId: fx.units.tanghouGrid2.id,
      password: 'Initial#Pass2026',
      roles: [{ role: 'grid_worker', unitId: fx.units.tanghouGrid2.id }],
    });
    expect(created.statusCode, created.body).toBe(400);
    const ok = await chief.post('/api/accounts', {
      username: 'tanghou_grid2',
      displayName: '洪春燕',
      unitId: fx.units.tanghouGrid2.id,
      password: 'Initial#Pass2026',
      roles: [{ role: 'grid_worker', unitId: fx.units.tanghouGrid2.id }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'tanghou_grid2', mustChangePassword: true, roles: [{ role: 'grid_worker', unitName: '塘后村第二网格' }] });
    const taken = await chief.post('/api/accounts', { username: 'tanghou_grid2', displayName: 'x', unitId: fx.units.tanghouGrid2.id, password: 'Initial#Pass2026' });
    expect(taken.json().code).toBe('USERNAME_TAKEN');

    const worker = apiAs(t.app, await loginAs(t.app, 'tanghou_grid2', 'Initial#Pass2026'));
    expect((await worker.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await worker.get('/api/org/units/roots');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await worker.post('/api/auth/password', { currentPassword: 'Initial#Pass2026', newPassword: 'Mine#Secret2026' })).statusCode).toBe(200);
    const roots = (await worker.get('/api/org/units/roots')).json();
    expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['塘后村第二网格']);
  });

  it('a township chief cannot grant roles outside the township nor edit a county officer', async () => {
    const outside = await chief.post('/api/accounts', {
      username: 'sneaky',
      displayName: '越权',
      unitId: fx.units.tanghou.id,
      password: 'Initial#Pass2026',
      roles: [{ role: 'grid_worker', unitId: fx.units.chaokengGrid1.id }],
    });
    expect(outside.statusCode).toBe(404);
    const higher = await chief.post('/api/accounts', {
      username: 'sneaky',
      displayName: '越权',
      unitId: fx.units.baogai.id,
      password: 'Initial#Pass2026',
      roles: [{ role: 'county_officer', unitId: fx.units.county.id }],
    });
    expect(higher.statusCode).toBe(404);
    // An account that holds a county role and a 宝盖镇 role: the chief still may not touch it.
    const officer = await county.post('/api/accounts', {
      username: 'county_two',
      displayName: '县局二号',
      unitId: fx.units.baogai.id,
      password: 'Initial#Pass2026',
      roles: [
        { role: 'county_officer', unitId: fx.units.county.id },
        { role: 'township_chief', unitId: fx.units.baogai.id },
      ],
    });
    expect(officer.statusCode).toBe(201);
    const view = (await chief.get(`/api/accounts/${officer.json().id}`)).json();
    expect(view.can.update).toBe(false);
    expect((await chief.patch(`/api/accounts/${officer.json().id}`, { status: 'disabled' })).statusCode).toBe(403);
  });

  it('an admin cannot change their own roles', async () => {
    const city = apiAs(t.app, await loginAs(t.app, 'city_admin'));
    const me = (await city.get('/api/auth/me')).json();
    const res = await city.put(`/api/accounts/${me.id}/roles`, { roles: [] });
    expect(res.json().code).toBe('CANNOT_CHANGE_SELF');
  });

  it('disabling an account ends its sessions and refuses sign-in', async () => {
    const duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
    expect((await chief.patch(`/api/accounts/${fx.accounts.baogaiDuty.id}`, { status: 'disabled' })).json().status).toBe('disabled');
    expect((await duty.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('baogai_duty', 'Shishi@2024')).json().code).toBe('ACCOUNT_DISABLED');
    await chief.patch(`/api/accounts/${fx.accounts.baogaiDuty.id}`, { status: 'active' });
    expect((await login('baogai_duty', 'Shishi@2024')).statusCode).toBe(200);
  });

  it('unlocks a locked account and resets a password', async () => {
    for (let i = 0; i < 5; i++) await login('tanghou_lead', 'wrong');
    expect((await login('tanghou_lead', 'Shishi@2024')).statusCode).toBe(423);
    const view = (await chief.get(`/api/accounts/${fx.accounts.tanghouLead.id}`)).json();
    expect(view.locked).toBe(true);
    expect((await chief.post(`/api/accounts/${fx.accounts.tanghouLead.id}/unlock`)).json().locked).toBe(false);
    expect((await login('tanghou_lead', 'Shishi@2024')).statusCode).toBe(200);
    const reset = await chief.post(`/api/accounts/${fx.accounts.tanghouLead.id}/reset-password`, { password: 'Temporary#2026x' });
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await login('tanghou_lead', 'Shishi@2024')).statusCode).toBe(401);
    expect((await login('tanghou_lead', 'Temporary#2026x')).statusCode).toBe(200);
    const log = (await chief.get(`/api/audit?entityId=${fx.accounts.tanghouLead.id}&pageSize=50`)).json();
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.locked', 'auth.login_failed', 'account.unlocked', 'account.password_reset', 'auth.login']));
    expect(JSON.stringify(log)).not.toContain('Temporary#2026x');
  });
});
