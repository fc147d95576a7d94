import { documentKey } from '../../modules/plans/documents';
import { documentUpload, insertAction, insertDrill, insertPlan, tinyPdf } from '../../modules/plans/test-support';
import type { Cases } from './model';

let n = 0;

/**
 * Plans (预案): reading needs plans.read (a grid worker sees the village but not its plans),
 * keeping them plans.manage. Targets are fresh plans of 塘后村 or 宝盖镇 for each persona.
 */
export const planCases: Cases = {
  'GET /api/plans': { rule: { kind: 'reader', perm: 'plans.read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/plans?unitId=${fx.units.baogai.id}` }) },
  'GET /api/plans/:id': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.read' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/plans/${(await insertPlan(t.db, fx.units.tanghou.id)).id}` }),
  },
  'POST /api/plans': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.manage' },
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/plans',
      body: { unitId: fx.units.tanghou.id, name: '塘后村防汛预案', kind: 'special', setting: 'coastal', hazards: ['rainstorm'], version: '2026 版', revisionDue: '2028-06-01' },
    }),
  },
  'PATCH /api/plans/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'plans.manage' },
    req: async (fx, t) => ({ method: 'PATCH', url: `/api/plans/${(await insertPlan(t.db, fx.units.baogai.id)).id}`, body: { version: '2026 年修订版' } }),
  },
  'PUT /api/plans/:id/rules': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.manage' },
    req: async (fx, t) => ({
      method: 'PUT',
      url: `/api/plans/${(await insertPlan(t.db, fx.units.tanghou.id)).id}/rules`,
      body: { rules: [{ warningType: 'typhoon', warningLevel: 'red', responseLevel: 'I' }] },
    }),
  },
  'POST /api/plans/:id/actions': {
    rule: { kind: 'write', at: 'baogai', perm: 'plans.manage' },
    ok: 201,
    req: async (fx, t) => ({ method: 'POST', url: `/api/plans/${(await insertPlan(t.db, fx.units.baogai.id)).id}/actions`, body: { level: 'I', action: '全员到岗', ownerPost: '站长', timeLimitMinutes: 30 } }),
  },
  'PUT /api/plans/:id/action-order': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.manage' },
    req: async (fx, t) => {
      const plan = await insertPlan(t.db, fx.units.tanghou.id);
      const a = await insertAction(t.db, plan.id, 'II', 0);
      const b = await insertAction(t.db, plan.id, 'II', 1);
      return { method: 'PUT', url: `/api/plans/${plan.id}/action-order`, body: { level: 'II', actionIds: [b.id, a.id] } };
    },
  },
  'PATCH /api/plans/actions/:id': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.manage' },
    req: async (fx, t) => {
      const plan = await insertPlan(t.db, fx.units.tanghou.id);
      return { method: 'PATCH', url: `/api/plans/actions/${(await insertAction(t.db, plan.id, 'I', 0)).id}`, body: { timeLimitMinutes: 45 } };
    },
  },
  'DELETE /api/plans/actions/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'plans.manage' },
    req: async (fx, t) => {
      const plan = await insertPlan(t.db, fx.units.baogai.id);
      return { method: 'DELETE', url: `/api/plans/actions/${(await insertAction(t.db, plan.id, 'III', 0)).id}` };
    },
  },
  'POST /api/plans/:id/document': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.manage' },
    req: async (fx, t) => documentUpload(`/api/plans/${(await insertPlan(t.db, fx.units.tanghou.id)).id}/document`, tinyPdf(String(++n)), '预案.pdf'),
  },
  'GET /api/plans/:id/document': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.read' },
    req: async (fx, t) => {
      const bytes = tinyPdf(`get${++n}`);
      const key = documentKey(bytes);
      await t.files.put(key, bytes);
      const plan = await insertPlan(t.db, fx.units.tanghou.id, { documentKey: key, documentName: '预案.pdf', documentMime: 'application/pdf', documentSize: bytes.length, documentUploadedAt: new Date() });
      return { method: 'GET', url: `/api/plans/${plan.id}/document` };
    },
  },
  'GET /api/plans/:id/drills': {
    rule: { kind: 'write', at: 'baogai', perm: 'plans.read' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/plans/${(await insertPlan(t.db, fx.units.baogai.id)).id}/drills` }),
  },
  'POST /api/plans/:id/drills': {
    rule: { kind: 'write', at: 'tanghou', perm: 'plans.manage' },
    ok: 201,
    req: async (fx, t) => ({
      method: 'POST',
      url: `/api/plans/${(await insertPlan(t.db, fx.units.tanghou.id)).id}/drills`,
      body: { heldOn: '2026-05-20', scenario: '暴雨夜间转移演练', participantCount: 30 },
    }),
  },
  'PATCH /api/plans/drills/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'plans.manage' },
    req: async (fx, t) => {
      const plan = await insertPlan(t.db, fx.units.baogai.id);
      return { method: 'PATCH', url: `/api/plans/drills/${(await insertDrill(t.db, plan.id)).id}`, body: { findings: '避灾点物资不足' } };
    },
  },
};
