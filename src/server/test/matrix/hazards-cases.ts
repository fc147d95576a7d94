import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { units } from '../../platform/hierarchy/schema';
import { hazardEvents, hazards } from '../../modules/hazards/schema';
import { tokenFor } from '../../modules/hazards/public.service';
import type { DemoFixtures } from '../fixtures';
import { next } from '../matrix-fixtures';
import type { Cases } from './model';

/** A reported hazard found in a unit, inserted straight into the database (setup for actions). */
export async function insertHazard(db: Db, unitId: string, state: 'reported' | 'accepting' = 'reported') {
  const id = uuidv7();
  const now = new Date();
  await db.insert(hazards).values({
    id,
    code: `T${next()}-${crypto.randomBytes(3).toString('hex')}`,
    unitId,
    categoryCode: 'fire',
    description: '楼道堆放杂物',
    lat: 24.76,
    lng: 118.64,
    suggestedLevel: 'general',
    state,
    source: 'app',
    reporterName: '测试',
    reportedAt: now,
    receivedAt: now,
    updatedAt: now,
  });
  await db.insert(hazardEvents).values({ id: uuidv7(), hazardId: id, at: now, action: 'report', toState: 'reported', actorName: '测试' });
  return id;
}

const report = (unitId: string) => ({
  id: crypto.randomUUID(),
  unitId,
  categoryCode: 'fire',
  description: '电动车在楼道充电',
  lat: 24.7601,
  lng: 118.6402,
  reportedAt: new Date().toISOString(),
});

const villageOf = async (db: Db, fx: DemoFixtures) => (await db.select().from(units).where(eq(units.id, fx.units.tanghou.id)))[0]!;

export const hazardCases: Cases = {
  'GET /api/hazards/categories': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/hazards/categories' }) },
  'POST /api/hazards/categories': {
    rule: { kind: 'reader', perm: 'hazards.catalog' },
    ok: 201,
    req: () => ({ method: 'POST', url: '/api/hazards/categories', body: { code: `cat_${next()}`, nameZh: '测试类别', nameEn: 'Test' } }),
  },
  'PATCH /api/hazards/categories/:code': {
    rule: { kind: 'reader', perm: 'hazards.catalog' },
    req: () => ({ method: 'PATCH', url: '/api/hazards/categories/other', body: { sortOrder: 90 } }),
  },
  'POST /api/hazards': {
    rule: { kind: 'write', at: 'grid1', perm: 'hazards.report' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: '/api/hazards', body: report(fx.units.tanghouGrid1.id) }),
  },
  'GET /api/hazards': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/hazards?unitId=${fx.units.baogai.id}` }) },
  'GET /api/hazards/counts': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/hazards/counts?unitId=${fx.units.tanghou.id}` }) },
  'GET /api/hazards/:id': {
    rule: { kind: 'read', at: 'grid1' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/hazards/${await insertHazard(t.db, fx.units.tanghouGrid1.id)}` }),
  },
  'POST /api/hazards/:id/actions': {
    rule: { kind: 'write', at: 'grid1', perm: 'hazards.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/hazards/${await insertHazard(t.db, fx.units.tanghouGrid1.id)}/actions`, body: { action: 'verify' } }),
  },
  'GET /api/org/units/:id/report-poster': {
    rule: { kind: 'write', at: 'tanghou', perm: ['hazards.manage', 'grids.manage'] },
    req: (fx) => ({ method: 'GET', url: `/api/org/units/${fx.units.tanghou.id}/report-poster` }),
  },
  'GET /api/public/report/:token': {
    rule: { kind: 'public' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/public/report/${await tokenFor(t.db, (await villageOf(t.db, fx)).id)}` }),
  },
  'POST /api/public/report/:token': {
    rule: { kind: 'public' },
    ok: 201,
    req: async (fx, t) => {
      const token = await tokenFor(t.db, (await villageOf(t.db, fx)).id);
      const boundary = `----lm${next()}`;
      const fields = { categoryCode: 'waterlogging', description: '路口积水很深' };
      const payload = Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('')
        .concat(`--${boundary}--\r\n`);
      return { method: 'POST', url: `/api/public/report/${token}`, body: Buffer.from(payload), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
    },
  },
  'GET /q/:token': { rule: { kind: 'public' }, req: async (fx, t) => ({ method: 'GET', url: `/q/${await tokenFor(t.db, (await villageOf(t.db, fx)).id)}` }) },
  'GET /q/report.js': { rule: { kind: 'public' }, req: () => ({ method: 'GET', url: '/q/report.js' }) },
};
