import crypto from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { uuidv7 } from '../../platform/db/ids';
import { dutyHandovers, dutySwaps } from '../../modules/duty/roster/schema';
import { fullChecklist, insertHandover, insertRoster, personOfAccount } from '../../modules/duty/roster/test-support';
import type { DemoFixtures } from '../fixtures';
import type { TestApp } from '../harness';
import { next } from '../matrix-fixtures';
import type { Cases } from './model';

/** A month of its own per call, far ahead (one roster per desk and month; its shifts are not over). */
const freshMonth = () => {
  const n = next();
  return `${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

/** A roster of 宝盖镇 where baogai_duty holds every officer shift and baogai_chief leads. */
async function baogaiRoster(fx: DemoFixtures, t: TestApp, status: 'draft' | 'published' = 'published') {
  const month = freshMonth();
  const [leader, officer] = await Promise.all([personOfAccount(t.db, 'baogai_chief'), personOfAccount(t.db, 'baogai_duty')]);
  const r = await insertRoster(t.db, fx.units.baogai.id, month, [leader], [officer], status);
  return { ...r, month, key: `${month}-10/full`, leader, officer };
}

/** A pending swap of baogai_duty's officer shift to the enforcer. */
async function pendingSwap(fx: DemoFixtures, t: TestApp) {
  const r = await baogaiRoster(fx, t);
  const id = uuidv7();
  await t.db.insert(dutySwaps).values({
    id,
    rosterId: r.id,
    unitId: fx.units.baogai.id,
    shiftKey: r.key,
    role: 'officer',
    fromPersonId: r.officer,
    toPersonId: await personOfAccount(t.db, 'baogai_enforcer'),
    reason: '外出培训',
    requestedByName: '王丽娟',
    requestedAt: new Date(),
  });
  return id;
}

const baogaiQuery = (fx: DemoFixtures) => `unitId=${fx.units.baogai.id}`;

/** Rosters, swaps, handovers and the duty log of the 宝盖镇 desk. */
export const dutyRosterCases: Cases = {
  'GET /api/duty/desks': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/duty/desks' }) },
  'GET /api/duty/rosters': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/rosters?${baogaiQuery(fx)}&month=2026-06` }) },
  'GET /api/duty/rosters/export.xlsx': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/rosters/export.xlsx?${baogaiQuery(fx)}&month=2026-06` }) },
  'POST /api/duty/rosters/generate': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: async (fx, t) => ({
      method: 'POST',
      url: '/api/duty/rosters/generate',
      body: { unitId: fx.units.baogai.id, month: '2039-01', pattern: 'day_night', leaders: [await personOfAccount(t.db, 'baogai_chief')], officers: [await personOfAccount(t.db, 'baogai_duty')] },
    }),
  },
  'PATCH /api/duty/rosters/:id/shifts': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: async (fx, t) => {
      const r = await baogaiRoster(fx, t, 'draft');
      return { method: 'PATCH', url: `/api/duty/rosters/${r.id}/shifts`, body: { shiftKey: r.key, role: 'officer', personId: null } };
    },
  },
  'POST /api/duty/rosters/:id/publish': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/rosters/${(await baogaiRoster(fx, t, 'draft')).id}/publish`, body: {} }),
  },
  'GET /api/duty/on-duty': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/on-duty?${baogaiQuery(fx)}` }) },
  'GET /api/duty/swaps': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/swaps?${baogaiQuery(fx)}` }) },
  'POST /api/duty/swaps': {
    // baogai_duty asks for their own shift; those who run the desk may file for them.
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: async (fx, t) => {
      const r = await baogaiRoster(fx, t);
      return {
        method: 'POST',
        url: '/api/duty/swaps',
        body: { rosterId: r.id, shiftKey: r.key, role: 'officer', fromPersonId: r.officer, toPersonId: await personOfAccount(t.db, 'baogai_enforcer'), reason: '外出培训' },
      };
    },
  },
  'POST /api/duty/swaps/:id/approve': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/swaps/${await pendingSwap(fx, t)}/approve`, body: {} }),
  },
  'POST /api/duty/swaps/:id/reject': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.manage' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/swaps/${await pendingSwap(fx, t)}/reject`, body: { reason: '当天有演练' } }),
  },
  'GET /api/duty/handovers': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/handovers?${baogaiQuery(fx)}` }) },
  'GET /api/duty/handovers/:id': {
    rule: { kind: 'read', at: 'baogai' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/duty/handovers/${await insertHandover(t.db, fx.units.baogai.id)}` }),
  },
  'POST /api/duty/handovers': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: async (fx, t) => {
      // One live handover per shift: the previous persona's is set aside so this one may open.
      await t.db
        .update(dutyHandovers)
        .set({ status: 'refused' })
        .where(and(eq(dutyHandovers.unitId, fx.units.baogai.id), ne(dutyHandovers.status, 'refused')));
      return { method: 'POST', url: '/api/duty/handovers', body: { unitId: fx.units.baogai.id, note: '交班：无未结事件', checklist: fullChecklist() } };
    },
  },
  'POST /api/duty/handovers/:id/accept': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/handovers/${await insertHandover(t.db, fx.units.baogai.id)}/accept`, body: {} }),
  },
  'POST /api/duty/handovers/:id/refuse': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/duty/handovers/${await insertHandover(t.db, fx.units.baogai.id)}/refuse`, body: { reason: '清单未填写完整' } }),
  },
  'GET /api/duty/log': { rule: { kind: 'read', at: 'baogai' }, req: (fx) => ({ method: 'GET', url: `/api/duty/log?${baogaiQuery(fx)}` }) },
  'POST /api/duty/log': {
    rule: { kind: 'write', at: 'baogai', perm: 'duty.write' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: '/api/duty/log', body: { id: crypto.randomUUID(), unitId: fx.units.baogai.id, kind: 'call', text: '村民来电询问避灾点位置' } }),
  },
};
