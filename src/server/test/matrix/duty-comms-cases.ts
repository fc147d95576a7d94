import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beijingDateOf } from '../../modules/duty/rules/beijing';
import { dutyZeroReports } from '../../modules/duty/comms/schema';
import { insertEquipment } from '../../modules/duty/comms/test-support';
import type { Cases } from './model';

const EQUIPMENT = '/api/duty/comms/equipment';

/**
 * Comms equipment and zero reports: reading needs duty.read (a village lead sees the village but
 * not its duty desk), tests and zero reports duty.write, the registry and the hour duty.manage.
 */
export const dutyCommsCases: Cases = {
  [`GET ${EQUIPMENT}`]: { rule: { kind: 'reader', perm: 'duty.read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `${EQUIPMENT}?unitId=${fx.units.baogai.id}` }) },
  [`GET ${EQUIPMENT}/overdue`]: { rule: { kind: 'reader', perm: 'duty.read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `${EQUIPMENT}/overdue?unitId=${fx.units.baogai.id}` }) },
  [`GET ${EQUIPMENT}/:id`]: {
    // A village's broadcast system: its village lead sees the village, not the duty desk.
    rule: { kind: 'write', at: 'tanghou', perm: 'duty.read' },
    req: async (fx, t) => ({ method: 'GET', url: `${EQUIPMENT}/${(await insertEquipment(t.db, fx.units.tanghou.id, { kind: 'emergency_broadcast' })).id}` }),
  },
  [`POST ${EQUIPMENT}`]: {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: EQUIPMENT,
      body: { unitId: fx.units.baogai.id, kind: 'satellite_phone', model: '天通一号 T900', identifier: '17400001234', place: '镇应急管理站值班室', keeperId: fx.people.baogai.id },
    }),
  },
  [`PATCH ${EQUIPMENT}/:id`]: {
    rule: { kind: 'write', at: 'tanghou', perm: 'duty.manage' },
    req: async (fx, t) => ({ method: 'PATCH', url: `${EQUIPMENT}/${(await insertEquipment(t.db, fx.units.tanghou.id, { kind: 'emergency_broadcast' })).id}`, body: { place: '村委会广播室' } }),
  },
  [`POST ${EQUIPMENT}/:id/retire`]: {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `${EQUIPMENT}/${(await insertEquipment(t.db, fx.units.baogai.id)).id}/retire`, body: { reason: '设备报废' } }),
  },
  [`GET ${EQUIPMENT}/:id/tests`]: {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.read' },
    req: async (fx, t) => ({ method: 'GET', url: `${EQUIPMENT}/${(await insertEquipment(t.db, fx.units.baogai.id)).id}/tests` }),
  },
  [`POST ${EQUIPMENT}/:id/tests`]: {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: async (fx, t) => ({
      method: 'POST',
      url: `${EQUIPMENT}/${(await insertEquipment(t.db, fx.units.baogai.id)).id}/tests`,
      body: { id: crypto.randomUUID(), at: t.clock.now().toISOString(), result: 'ok' },
    }),
  },
  'GET /api/duty/zero-reports': { rule: { kind: 'reader', perm: 'duty.read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/zero-reports?unitId=${fx.units.baogai.id}` }) },
  'POST /api/duty/zero-reports': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: async (fx, t) => {
      // One report a day: each persona starts from a day without one, so a success is a 201.
      await t.db.delete(dutyZeroReports).where(and(eq(dutyZeroReports.unitId, fx.units.baogai.id), eq(dutyZeroReports.day, beijingDateOf(t.clock.now()))));
      return { method: 'POST', url: '/api/duty/zero-reports', body: { unitId: fx.units.baogai.id, note: '今日无突发事件' } };
    },
  },
  'GET /api/duty/zero-reports/settings': { rule: { kind: 'write', at: 'baogai', perm: 'duty.read' }, req: (fx) => ({ method: 'GET', url: `/api/duty/zero-reports/settings?unitId=${fx.units.baogai.id}` }) },
  'PUT /api/duty/zero-reports/settings': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: (fx) => ({ method: 'PUT', url: '/api/duty/zero-reports/settings', body: { unitId: fx.units.baogai.id, dueHour: 10 } }),
  },
};
