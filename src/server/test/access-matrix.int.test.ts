import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../contracts/roles';
import { allRoutes } from '../app';
import { DEMO_PASSWORD } from '../modules/org/seed/shishi-data';
import { createTestApp, loginAs, type TestApp } from './harness';
import { demoFixtures, latestAuditIn, type DemoFixtures } from './fixtures';
import { insertAccount, insertGrid, insertPost, next } from './matrix-fixtures';
import { multipart } from '../modules/org/excel/test-support';
import { writeUnitsSheet } from '../modules/org/excel/units-sheet';
import { writePeopleSheet } from '../modules/org/excel/people-sheet';

/**
 * The access matrix: every route, every persona. Each persona says by hand which of the target
 * places it can see and where it holds which permission; each route says where its target lies
 * and what it needs. Outside the scope the answer is 404, inside without the permission 403.
 */
type Place = 'county' | 'baogai' | 'tanghou' | 'grid1' | 'lingxiu';
type Persona = { sees: Place[]; perms: Partial<Record<Permission, Place[]>> };

const ALL: Place[] = ['county', 'baogai', 'tanghou', 'grid1', 'lingxiu'];
const BAOGAI: Place[] = ['baogai', 'tanghou', 'grid1'];
const townshipStaff: Persona = { sees: BAOGAI, perms: {} };

const PERSONAS: Record<string, Persona | null> = {
  city_admin: { sees: ALL, perms: { 'org.units.manage': ALL, 'org.staff.manage': ALL, 'accounts.manage': ALL, 'audit.read': ALL } },
  county_officer: { sees: ALL, perms: { 'org.units.manage': ALL, 'org.staff.manage': ALL, 'accounts.manage': ALL, 'audit.read': ALL } },
  baogai_chief: { sees: BAOGAI, perms: { 'org.staff.manage': BAOGAI, 'accounts.manage': BAOGAI, 'audit.read': BAOGAI } },
  baogai_duty: townshipStaff,
  baogai_enforcer: townshipStaff,
  baogai_keeper: townshipStaff,
  baogai_rescue: townshipStaff,
  tanghou_lead: { sees: ['tanghou', 'grid1'], perms: { 'org.staff.manage': ['tanghou', 'grid1'] } },
  tanghou_grid: { sees: ['grid1'], perms: {} },
  lingxiu_chief: { sees: ['lingxiu'], perms: { 'org.staff.manage': ['lingxiu'], 'accounts.manage': ['lingxiu'], 'audit.read': ['lingxiu'] } },
  lingxiu_grid: { sees: [], perms: {} },
  public: null,
};

type Rule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'read'; at: Place }
  | { kind: 'write'; at: Place; perm: Permission }
  /** Needs the permission somewhere (403 otherwise), then the target in scope (404 otherwise). */
  | { kind: 'reader'; perm: Permission; at?: Place };

function expected(rule: Rule, persona: Persona | null, ok: number): number {
  if (rule.kind === 'public') return ok;
  if (!persona) return 401;
  switch (rule.kind) {
    case 'user':
      return ok;
    case 'read':
      return persona.sees.includes(rule.at) ? ok : 404;
    case 'write':
      if (!persona.sees.includes(rule.at)) return 404;
      return persona.perms[rule.perm]?.includes(rule.at) ? ok : 403;
    case 'reader':
      if (!persona.perms[rule.perm]?.length) return 403;
      return !rule.at || persona.sees.includes(rule.at) ? ok : 404;
  }
}

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; headers?: Record<string, string> };

/** An .xlsx upload (header row only: every signed-in user may preview or commit it). */
const sheetUpload = async (url: string, kind: 'units' | 'people'): Promise<Req> => {
  const body = multipart(kind === 'units' ? await writeUnitsSheet([]) : await writePeopleSheet([]));
  return { method: 'POST', url, body: body.payload, headers: body.headers };
};
type Case = { rule: Rule; ok?: number; req: (fx: DemoFixtures, t: TestApp) => Promise<Req> | Req };

const phone = () => `139${String(10000000 + next()).padStart(8, '0')}`;

/** Keyed by "METHOD url" exactly as the route is registered. */
const CASES: Record<string, Case> = {
  'GET /api/health': { rule: { kind: 'public' }, req: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/login': {
    rule: { kind: 'public' },
    req: () => ({ method: 'POST', url: '/api/auth/login', body: { username: 'baogai_duty', password: DEMO_PASSWORD } }),
  },
  'POST /api/auth/logout': { rule: { kind: 'user' }, req: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/me': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    rule: { kind: 'user' },
    ok: 400,
    req: () => ({ method: 'POST', url: '/api/auth/password', body: { currentPassword: 'not-my-password', newPassword: 'Another#Pass2026' } }),
  },
  'PUT /api/auth/locale': { rule: { kind: 'user' }, req: () => ({ method: 'PUT', url: '/api/auth/locale', body: { locale: 'zh-CN' } }) },
  'GET /api/home': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/home' }) },
  'GET /api/org/units/roots': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/org/units/roots' }) },
  'GET /api/org/units': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/org/units?parentId=${fx.units.baogai.id}` }) },
  'GET /api/org/units/:id': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/org/units/${fx.units.baogai.id}` }) },
  'POST /api/org/units': {
    rule: { kind: 'write', at: 'baogai', perm: 'org.units.manage' },
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/org/units',
      body: { parentId: fx.units.baogai.id, kind: 'village', code: `350581101${String(600 + next()).padStart(3, '0')}`, name: `新村${next()}` },
    }),
  },
  'PATCH /api/org/units/:id': {
    rule: { kind: 'write', at: 'tanghou', perm: 'org.units.manage' },
    req: (fx) => ({ method: 'PATCH', url: `/api/org/units/${fx.units.tanghou.id}`, body: { address: `石狮市宝盖镇塘后村${next()}号` } }),
  },
  'POST /api/org/units/:id/move': {
    rule: { kind: 'write', at: 'tanghou', perm: 'org.units.manage' },
    req: async (fx, t) => {
      const grid = await insertGrid(t.db, fx.units.tanghou);
      return { method: 'POST', url: `/api/org/units/${grid.id}/move`, body: { parentId: fx.units.houan.id, code: fx.units.houan.code + grid.code.slice(12) } };
    },
  },
  'POST /api/org/units/:id/retire': {
    rule: { kind: 'write', at: 'tanghou', perm: 'org.units.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/org/units/${(await insertGrid(t.db, fx.units.tanghou)).id}/retire`, body: { reason: '网格合并' } }),
  },
  'POST /api/org/units/:id/restore': {
    rule: { kind: 'write', at: 'tanghou', perm: 'org.units.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/org/units/${(await insertGrid(t.db, fx.units.tanghou, { retired: true })).id}/restore` }),
  },
  'GET /api/org/units/:id/posts': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/org/units/${fx.units.baogai.id}/posts` }) },
  'POST /api/org/units/:id/posts': {
    rule: { kind: 'write', at: 'baogai', perm: 'org.staff.manage' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: `/api/org/units/${fx.units.baogai.id}/posts`, body: { title: '地质灾害监测员', employment: 'part_time', duties: ['earthquake_geology'] } }),
  },
  'PATCH /api/org/posts/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'org.staff.manage' },
    req: (fx) => ({ method: 'PATCH', url: `/api/org/posts/${fx.posts.baogai.id}`, body: { phone: '0595-88881234' } }),
  },
  'DELETE /api/org/posts/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'org.staff.manage' },
    req: async (fx, t) => ({ method: 'DELETE', url: `/api/org/posts/${(await insertPost(t.db, fx.units.baogai.id)).id}` }),
  },
  'GET /api/org/people': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/org/people?unitId=${fx.units.baogai.id}` }) },
  'GET /api/org/people/:id': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/org/people/${fx.people.tanghou.id}` }) },
  'POST /api/org/people': {
    rule: { kind: 'write', at: 'tanghou', perm: 'org.staff.manage' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: '/api/org/people', body: { unitId: fx.units.tanghou.id, name: '洪志明', phone: phone() } }),
  },
  'PATCH /api/org/people/:id': {
    rule: { kind: 'write', at: 'tanghou', perm: 'org.staff.manage' },
    req: (fx) => ({ method: 'PATCH', url: `/api/org/people/${fx.people.tanghou.id}`, body: { notes: `备注${next()}` } }),
  },
  'GET /api/org/export/units.xlsx': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/org/export/units.xlsx?unitId=${fx.units.baogai.id}` }) },
  'GET /api/org/export/people.xlsx': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/org/export/people.xlsx?unitId=${fx.units.tanghou.id}` }) },
  'POST /api/org/import/units/preview': { rule: { kind: 'user' }, req: () => sheetUpload('/api/org/import/units/preview', 'units') },
  'POST /api/org/import/units/commit': { rule: { kind: 'user' }, req: () => sheetUpload('/api/org/import/units/commit', 'units') },
  'POST /api/org/import/people/preview': { rule: { kind: 'user' }, req: () => sheetUpload('/api/org/import/people/preview', 'people') },
  'POST /api/org/import/people/commit': { rule: { kind: 'user' }, req: () => sheetUpload('/api/org/import/people/commit', 'people') },
  'GET /api/roles': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/roles' }) },
  'GET /api/accounts': { rule: { kind: 'reader', perm: 'accounts.manage' }, req: () => ({ method: 'GET', url: '/api/accounts' }) },
  'GET /api/accounts/:id': {
    rule: { kind: 'reader', perm: 'accounts.manage', at: 'grid1' },
    req: (fx) => ({ method: 'GET', url: `/api/accounts/${fx.accounts.tanghouGrid.id}` }),
  },
  'POST /api/accounts': {
    rule: { kind: 'write', at: 'tanghou', perm: 'accounts.manage' },
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/accounts',
      body: { username: `grid_new_${next()}`, displayName: '新网格员', unitId: fx.units.tanghou.id, password: 'Initial#Pass2026', roles: [{ role: 'grid_worker', unitId: fx.units.tanghouGrid2.id }] },
    }),
  },
  'PATCH /api/accounts/:id': {
    rule: { kind: 'write', at: 'grid1', perm: 'accounts.manage' },
    req: async (fx, t) => ({ method: 'PATCH', url: `/api/accounts/${await insertAccount(t.db, fx.units.tanghouGrid1.id)}`, body: { displayName: '李秀英（网格员）' } }),
  },
  'PUT /api/accounts/:id/roles': {
    rule: { kind: 'write', at: 'grid1', perm: 'accounts.manage' },
    req: async (fx, t) => ({
      method: 'PUT',
      url: `/api/accounts/${await insertAccount(t.db, fx.units.tanghouGrid1.id)}/roles`,
      body: { roles: [{ role: 'grid_worker', unitId: fx.units.tanghouGrid1.id }] },
    }),
  },
  'POST /api/accounts/:id/reset-password': {
    rule: { kind: 'write', at: 'grid1', perm: 'accounts.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/accounts/${await insertAccount(t.db, fx.units.tanghouGrid1.id)}/reset-password`, body: { password: 'Temporary#2026x' } }),
  },
  'POST /api/accounts/:id/unlock': {
    rule: { kind: 'write', at: 'grid1', perm: 'accounts.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/accounts/${await insertAccount(t.db, fx.units.tanghouGrid1.id)}/unlock` }),
  },
  'GET /api/audit': { rule: { kind: 'reader', perm: 'audit.read' }, req: () => ({ method: 'GET', url: '/api/audit' }) },
  'GET /api/audit/:id': {
    rule: { kind: 'reader', perm: 'audit.read', at: 'baogai' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/audit/${(await latestAuditIn(t.db, fx.units.baogai.id))!.id}` }),
  },
};

let t: TestApp;
let fx: DemoFixtures;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
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
        wanted[name] = expected(c.rule, persona, c.ok ?? 200);
        if (res.statusCode === 404 || res.statusCode === 403) expect(res.json().code).toMatch(/NOT_FOUND|FORBIDDEN/);
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
