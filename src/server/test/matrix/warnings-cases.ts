import crypto from 'node:crypto';
import { insertDelivery, insertWarning } from '../../modules/warnings/test-support';
import type { Cases } from './model';

const manual = (unitId: string, now: Date) => ({
  id: crypto.randomUUID(),
  type: 'typhoon',
  level: 'orange',
  areaDesc: '宝盖镇沿海村居',
  areaUnitIds: [unitId],
  effective: now.toISOString(),
  expires: new Date(now.getTime() + 86400_000).toISOString(),
  headline: '台风橙色预警',
  text: '请做好防台准备。',
});

/** Warnings: held and issued with warnings.manage / warnings.issue; answered by the recipient alone; the answer link is public. */
export const warningCases: Cases = {
  'GET /api/warnings': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/warnings?status=all' }) },
  'GET /api/warnings/mine': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/warnings/mine' }) },
  'POST /api/warnings': {
    rule: { kind: 'reader', perm: 'warnings.manage', at: 'baogai' },
    ok: 201,
    req: (fx, t) => ({ method: 'POST', url: '/api/warnings', body: manual(fx.units.baogai.id, t.clock.now()) }),
  },
  'GET /api/warnings/:id': { rule: { kind: 'read', at: 'baogai' }, req: async (fx, t) => ({ method: 'GET', url: `/api/warnings/${(await insertWarning(t.db, fx.units.baogai.id)).id}` }) },
  'POST /api/warnings/:id/cancel': {
    rule: { kind: 'write', at: 'baogai', perm: 'warnings.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/warnings/${(await insertWarning(t.db, fx.units.baogai.id)).id}/cancel`, body: {} }),
  },
  'POST /api/warnings/:id/issues': {
    rule: { kind: 'write', at: 'baogai', perm: 'warnings.issue' },
    ok: 201,
    req: async (fx, t) => ({
      method: 'POST',
      url: `/api/warnings/${(await insertWarning(t.db, fx.units.baogai.id)).id}/issues`,
      body: { id: crypto.randomUUID(), unitIds: [fx.units.tanghou.id] },
    }),
  },
  'GET /api/warnings/issues/:id/board': {
    rule: { kind: 'write', at: 'baogai', perm: 'warnings.issue' },
    req: async (fx, t) => {
      const w = await insertWarning(t.db, fx.units.baogai.id);
      const d = await insertDelivery(t.db, w, { userId: fx.accounts.tanghouGrid.id, unitId: fx.units.tanghouGrid1.id, role: 'grid_worker' });
      return { method: 'GET', url: `/api/warnings/issues/${d.issueId}/board` };
    },
  },
  'POST /api/warnings/deliveries/:id/answer': {
    rule: { kind: 'owner', at: 'grid1', who: ['tanghou_grid'] },
    req: async (fx, t) => {
      const w = await insertWarning(t.db, fx.units.baogai.id);
      const d = await insertDelivery(t.db, w, { userId: fx.accounts.tanghouGrid.id, unitId: fx.units.tanghouGrid1.id, role: 'grid_worker' });
      return { method: 'POST', url: `/api/warnings/deliveries/${d.id}/answer`, body: { answer: 'acknowledged' } };
    },
  },
  'GET /w/:token': {
    rule: { kind: 'public' },
    req: async (fx, t) => {
      const d = await insertDelivery(t.db, await insertWarning(t.db, fx.units.baogai.id), { userId: fx.accounts.tanghouGrid.id, unitId: fx.units.tanghouGrid1.id, role: 'grid_worker' });
      return { method: 'GET', url: `/w/${d.token}` };
    },
  },
  'GET /api/public/warnings/:token': {
    rule: { kind: 'public' },
    req: async (fx, t) => {
      const d = await insertDelivery(t.db, await insertWarning(t.db, fx.units.baogai.id), { userId: fx.accounts.tanghouGrid.id, unitId: fx.units.tanghouGrid1.id, role: 'grid_worker' });
      return { method: 'GET', url: `/api/public/warnings/${d.token}` };
    },
  },
  'POST /api/public/warnings/:token/answer': {
    rule: { kind: 'public' },
    req: async (fx, t) => {
      const d = await insertDelivery(t.db, await insertWarning(t.db, fx.units.baogai.id), { userId: fx.accounts.tanghouGrid.id, unitId: fx.units.tanghouGrid1.id, role: 'grid_worker' });
      return { method: 'POST', url: `/api/public/warnings/${d.token}/answer`, body: { answer: 'on_duty' } };
    },
  },
};
