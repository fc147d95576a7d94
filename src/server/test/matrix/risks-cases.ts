import crypto from 'node:crypto';
import { insertRiskPoint } from '../../modules/risks/test-support';
import type { Cases } from './model';

/** The risk point registry: reads by scope, writes with risks.manage, checks with risks.check. */
export const riskCases: Cases = {
  'GET /api/risks': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/risks?unitId=${fx.units.baogai.id}` }) },
  'GET /api/risks/map': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/risks/map?unitId=${fx.units.baogai.id}` }) },
  'GET /api/risks/:id': {
    rule: { kind: 'read', at: 'tanghou' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/risks/${(await insertRiskPoint(t.db, fx.units.tanghou.id)).id}` }),
  },
  'POST /api/risks': {
    rule: { kind: 'write', at: 'grid1', perm: 'risks.manage' },
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/risks',
      body: {
        unitId: fx.units.tanghouGrid1.id,
        name: '塘后村北侧挡土墙',
        type: 'geological',
        level: 'general',
        lat: 24.769,
        lng: 118.643,
        responsiblePersonId: fx.people.tanghouGrid1.id,
        controlMeasures: '设置警示牌，雨后巡查',
        checkCycleDays: 7,
      },
    }),
  },
  'PATCH /api/risks/:id': {
    rule: { kind: 'write', at: 'tanghou', perm: 'risks.manage' },
    req: async (fx, t) => ({ method: 'PATCH', url: `/api/risks/${(await insertRiskPoint(t.db, fx.units.tanghou.id)).id}`, body: { level: 'large' } }),
  },
  'POST /api/risks/:id/retire': {
    rule: { kind: 'write', at: 'grid1', perm: 'risks.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/risks/${(await insertRiskPoint(t.db, fx.units.tanghouGrid1.id)).id}/retire`, body: { reason: '边坡已完成治理' } }),
  },
  'GET /api/risks/:id/checks': {
    rule: { kind: 'read', at: 'grid1' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/risks/${(await insertRiskPoint(t.db, fx.units.tanghouGrid1.id)).id}/checks` }),
  },
  'POST /api/risks/:id/checks': {
    rule: { kind: 'write', at: 'grid1', perm: 'risks.check' },
    ok: 201,
    req: async (fx, t) => ({
      method: 'POST',
      url: `/api/risks/${(await insertRiskPoint(t.db, fx.units.tanghouGrid1.id)).id}/checks`,
      body: { id: crypto.randomUUID(), at: t.clock.now().toISOString(), result: 'normal' },
    }),
  },
};
