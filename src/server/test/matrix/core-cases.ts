import { DEMO_PASSWORD } from '../../modules/org/seed/shishi-data';
import { multipart } from '../../modules/org/excel/test-support';
import { writeUnitsSheet } from '../../modules/org/excel/units-sheet';
import { writePeopleSheet } from '../../modules/org/excel/people-sheet';
import { latestAuditIn } from '../fixtures';
import { insertAccount, insertGrid, insertPost, next } from '../matrix-fixtures';
import type { Cases, Req } from './model';

/** An .xlsx upload (header row only: every signed-in user may preview or commit it). */
const sheetUpload = async (url: string, kind: 'units' | 'people'): Promise<Req> => {
  const body = multipart(kind === 'units' ? await writeUnitsSheet([]) : await writePeopleSheet([]));
  return { method: 'POST', url, body: body.payload, headers: body.headers };
};

const phone = () => `139${String(10000000 + next()).padStart(8, '0')}`;

/** Platform, org, accounts, audit and home routes. */
export const coreCases: Cases = {
  'GET /api/health': { rule: { kind: 'public' }, req: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/login': {
    rule: { kind: 'public' },
    req: () => ({ method: 'POST', url: '/api/auth/login', body: { username: 'baogai_duty', password: DEMO_PASSWORD } }),
  },
  'POST /api/auth/logout': { rule: { kind: 'user' }, req: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/events': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/events?probe=1' }) },
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

