import { asc, eq } from 'drizzle-orm';
import { multipart } from '../../modules/org/excel/test-support';
import { writeHouseholdsSheet } from '../../modules/grids/excel/households-sheet';
import { writeVulnerableSheet } from '../../modules/grids/excel/vulnerable-sheet';
import { households, vulnerablePeople } from '../../modules/grids/schema';
import type { Db } from '../../platform/db/client';
import { next } from '../matrix-fixtures';
import type { Cases, Req } from './model';

/** An .xlsx upload (header row only: every signed-in user may preview or commit it). */
const sheetUpload = async (url: string, kind: 'households' | 'vulnerable'): Promise<Req> => {
  const body = multipart(kind === 'households' ? await writeHouseholdsSheet([]) : await writeVulnerableSheet([]));
  return { method: 'POST', url, body: body.payload, headers: body.headers };
};

/** The first demo household / vulnerable person of 塘后村第一网格 (the demo seed puts some there). */
const firstHousehold = async (db: Db, unitId: string) => (await db.select().from(households).where(eq(households.unitId, unitId)).orderBy(asc(households.address)).limit(1))[0]!;
const firstVulnerable = async (db: Db, unitId: string) => (await db.select().from(vulnerablePeople).where(eq(vulnerablePeople.unitId, unitId)).orderBy(asc(vulnerablePeople.name)).limit(1))[0]!;

/** A small square near 宝盖镇 (WGS84). */
const square = (n: number) => {
  const x = 118.64 + n * 1e-5;
  const y = 24.76;
  return { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] };
};

/** The grid system: boundaries, households, vulnerable people and their Excel sheets. */
export const gridCases: Cases = {
  'GET /api/grids/boundaries': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/grids/boundaries?unitId=${fx.units.tanghou.id}` }) },
  'GET /api/grids/:unitId/boundary': { rule: { kind: 'read', at: 'grid1' }, req: (fx) => ({ method: 'GET', url: `/api/grids/${fx.units.tanghouGrid1.id}/boundary` }) },
  'PUT /api/grids/:unitId/boundary': {
    rule: { kind: 'write', at: 'grid1', perm: 'grids.manage' },
    req: (fx) => ({ method: 'PUT', url: `/api/grids/${fx.units.tanghouGrid1.id}/boundary`, body: { geometry: square(next()) } }),
  },
  'GET /api/grids/:unitId/responsibles': { rule: { kind: 'read', at: 'grid1' }, req: (fx) => ({ method: 'GET', url: `/api/grids/${fx.units.tanghouGrid1.id}/responsibles` }) },
  'GET /api/grids/households': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/grids/households?unitId=${fx.units.tanghou.id}` }) },
  'GET /api/grids/households/:id': {
    rule: { kind: 'read', at: 'grid1' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/grids/households/${(await firstHousehold(t.db, fx.units.tanghouGrid1.id)).id}` }),
  },
  'POST /api/grids/households': {
    rule: { kind: 'write', at: 'grid1', perm: 'grids.manage' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: '/api/grids/households', body: { unitId: fx.units.tanghouGrid1.id, address: `塘后村新街 ${next()} 号`, headName: '蔡国庆', members: 3 } }),
  },
  'PATCH /api/grids/households/:id': {
    rule: { kind: 'write', at: 'grid1', perm: 'grids.manage' },
    req: async (fx, t) => ({ method: 'PATCH', url: `/api/grids/households/${(await firstHousehold(t.db, fx.units.tanghouGrid1.id)).id}`, body: { notes: `走访记录 ${next()}` } }),
  },
  'GET /api/grids/vulnerable': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/grids/vulnerable?unitId=${fx.units.tanghou.id}` }) },
  'GET /api/grids/vulnerable/:id': {
    rule: { kind: 'read', at: 'grid1' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/grids/vulnerable/${(await firstVulnerable(t.db, fx.units.tanghouGrid1.id)).id}` }),
  },
  'POST /api/grids/vulnerable': {
    rule: { kind: 'write', at: 'grid1', perm: 'grids.manage' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: '/api/grids/vulnerable', body: { unitId: fx.units.tanghouGrid1.id, name: `蔡阿公${next()}`, category: 'elderly_alone' } }),
  },
  'PATCH /api/grids/vulnerable/:id': {
    rule: { kind: 'write', at: 'grid1', perm: 'grids.manage' },
    req: async (fx, t) => ({ method: 'PATCH', url: `/api/grids/vulnerable/${(await firstVulnerable(t.db, fx.units.tanghouGrid1.id)).id}`, body: { notes: `每周探访 ${next()}` } }),
  },
  'GET /api/grids/export/households.xlsx': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/grids/export/households.xlsx?unitId=${fx.units.tanghou.id}` }) },
  'GET /api/grids/export/vulnerable.xlsx': { rule: { kind: 'read', at: 'grid1' }, req: (fx) => ({ method: 'GET', url: `/api/grids/export/vulnerable.xlsx?unitId=${fx.units.tanghouGrid1.id}` }) },
  'POST /api/grids/import/households/preview': { rule: { kind: 'user' }, req: () => sheetUpload('/api/grids/import/households/preview', 'households') },
  'POST /api/grids/import/households/commit': { rule: { kind: 'user' }, req: () => sheetUpload('/api/grids/import/households/commit', 'households') },
  'POST /api/grids/import/vulnerable/preview': { rule: { kind: 'user' }, req: () => sheetUpload('/api/grids/import/vulnerable/preview', 'vulnerable') },
  'POST /api/grids/import/vulnerable/commit': { rule: { kind: 'user' }, req: () => sheetUpload('/api/grids/import/vulnerable/commit', 'vulnerable') },
};
