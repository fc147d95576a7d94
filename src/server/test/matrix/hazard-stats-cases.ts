import type { Cases } from './model';

/** 统计分析: any signed-in user may read the figures of a unit in their scope (404 outside it). */
export const hazardStatsCases: Cases = {
  'GET /api/hazards/stats': {
    rule: { kind: 'read', at: 'tanghou' },
    req: (fx) => ({ method: 'GET', url: `/api/hazards/stats?unitId=${fx.units.tanghou.id}&from=2026-01&to=2026-06` }),
  },
  'GET /api/hazards/stats.xlsx': {
    rule: { kind: 'read', at: 'baogai' },
    req: (fx) => ({ method: 'GET', url: `/api/hazards/stats.xlsx?unitId=${fx.units.baogai.id}` }),
  },
};
