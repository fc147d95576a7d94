import crypto from 'node:crypto';
import type { Db } from '../../platform/db/client';
import { patrols } from '../../modules/patrols/schema';
import type { Cases } from './model';
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/schema';

/** A patrol of the demo grid worker of 塘后村第一网格, inserted straight into the database. */
async function insertPatrol(db: Db, unitId: string) {
  const [walker] = await db.select().from(users).where(eq(users.username, 'tanghou_grid'));
  const id = crypto.randomUUID();
  const now = new Date();
  await db.insert(patrols).values({ id, unitId, walkerId: walker!.id, walkerName: walker!.displayName, startedAt: now, receivedAt: now });
  return id;
}

const at = () => new Date().toISOString();

export const patrolCases: Cases = {
  'POST /api/patrols': {
    rule: { kind: 'write', at: 'grid1', perm: 'hazards.report' },
    ok: 201,
    req: (fx) => ({ method: 'POST', url: '/api/patrols', body: { id: crypto.randomUUID(), unitId: fx.units.tanghouGrid1.id, startedAt: at() } }),
  },
  'POST /api/patrols/:id/checkins': {
    // Only the walker adds to their patrol: everyone else who can see it gets 403.
    rule: { kind: 'owner', at: 'grid1', who: ['tanghou_grid'] },
    ok: 201,
    req: async (fx, t) => ({
      method: 'POST',
      url: `/api/patrols/${await insertPatrol(t.db, fx.units.tanghouGrid1.id)}/checkins`,
      body: { id: crypto.randomUUID(), at: at(), lat: 24.7601, lng: 118.6401, place: '村口桥头', finding: 'normal' },
    }),
  },
  'POST /api/patrols/:id/end': {
    rule: { kind: 'owner', at: 'grid1', who: ['tanghou_grid'] },
    req: async (fx, t) => ({ method: 'POST', url: `/api/patrols/${await insertPatrol(t.db, fx.units.tanghouGrid1.id)}/end`, body: { endedAt: at() } }),
  },
  'GET /api/patrols': { rule: { kind: 'read', at: 'tanghou' }, req: (fx) => ({ method: 'GET', url: `/api/patrols?unitId=${fx.units.tanghou.id}` }) },
  'GET /api/patrols/:id': { rule: { kind: 'read', at: 'grid1' }, req: async (fx, t) => ({ method: 'GET', url: `/api/patrols/${await insertPatrol(t.db, fx.units.tanghouGrid1.id)}` }) },
};
