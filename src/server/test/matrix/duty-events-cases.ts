import crypto from 'node:crypto';
import { insertDutyEvent, insertDutyReport } from '../../modules/duty/events/test-support';
import type { Cases } from './model';

/** Events and reports of the duty desk: read with duty.read, write with duty.write, answer from above with duty.review. */
export const dutyEventCases: Cases = {
  'GET /api/duty/console': { rule: { kind: 'reader', perm: 'duty.read' }, req: () => ({ method: 'GET', url: '/api/duty/console' }) },
  'GET /api/duty/events': { rule: { kind: 'reader', perm: 'duty.read' }, req: () => ({ method: 'GET', url: '/api/duty/events?status=all' }) },
  'POST /api/duty/events': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/duty/events',
      body: { id: crypto.randomUUID(), unitId: fx.units.baogai.id, source: 'phone', address: '宝盖镇塘后村', type: 'fire', description: '厂房冒烟' },
    }),
  },
  'GET /api/duty/events/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.read' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/duty/events/${(await insertDutyEvent(t.db, fx.units.baogai.id)).id}` }),
  },
  'POST /api/duty/events/:id/actions': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/events/${(await insertDutyEvent(t.db, fx.units.baogai.id)).id}/actions`, body: { action: 'note', text: '消防已到场' } }),
  },
  'GET /api/duty/events/:id/timeline.docx': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.read' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/duty/events/${(await insertDutyEvent(t.db, fx.units.baogai.id)).id}/timeline.docx` }),
  },
  'GET /api/duty/reports': { rule: { kind: 'reader', perm: 'duty.read' }, req: () => ({ method: 'GET', url: '/api/duty/reports?box=all' }) },
  'POST /api/duty/reports': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: async (fx, t) => ({
      method: 'POST',
      url: '/api/duty/reports',
      body: { id: crypto.randomUUID(), eventId: (await insertDutyEvent(t.db, fx.units.baogai.id)).id, kind: 'first', title: '关于厂房火灾的首报' },
    }),
  },
  'GET /api/duty/reports/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.read' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/duty/reports/${(await insertDutyReport(t.db, await insertDutyEvent(t.db, fx.units.baogai.id))).id}` }),
  },
  'PATCH /api/duty/reports/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    req: async (fx, t) => ({
      method: 'PATCH',
      url: `/api/duty/reports/${(await insertDutyReport(t.db, await insertDutyEvent(t.db, fx.units.baogai.id), { submitted: false })).id}`,
      body: { measures: '已疏散 30 人' },
    }),
  },
  'POST /api/duty/reports/:id/acknowledge': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.review' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/reports/${(await insertDutyReport(t.db, await insertDutyEvent(t.db, fx.units.baogai.id))).id}/acknowledge`, body: {} }),
  },
  'POST /api/duty/reports/:id/return': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.review' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/reports/${(await insertDutyReport(t.db, await insertDutyEvent(t.db, fx.units.baogai.id))).id}/return`, body: { reason: '请补充伤亡人员身份' } }),
  },
  'GET /api/duty/reports/:id/docx': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.read' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/duty/reports/${(await insertDutyReport(t.db, await insertDutyEvent(t.db, fx.units.baogai.id))).id}/docx` }),
  },
  'GET /api/duty/presets': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/duty/presets' }) },
  'GET /api/duty/settings/:id': { rule: { kind: 'write', at: 'baogai', perm: 'duty.read' }, req: (fx) => ({ method: 'GET', url: `/api/duty/settings/${fx.units.baogai.id}` }) },
  'PUT /api/duty/settings/:id': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: (fx) => ({ method: 'PUT', url: `/api/duty/settings/${fx.units.baogai.id}`, body: { preset: 'strict_local' } }),
  },
};
