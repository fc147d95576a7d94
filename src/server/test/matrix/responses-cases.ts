import crypto from 'node:crypto';
import { insertAction, insertPlan } from '../../modules/plans/test-support';
import { insertResponse } from '../../modules/responses/test-support';
import { insertWarning } from '../../modules/warnings/test-support';
import type { Cases } from './model';

/**
 * Responses (应急响应): read by whoever reads the station's plans; started, ticked and ended with
 * warnings.respond (chiefs, county, city). A task's owner may tick it too: that is tested in the
 * module (responses.int.test.ts); here the task has no owner.
 */
export const responseCases: Cases = {
  'GET /api/responses': { rule: { kind: 'user' }, req: () => ({ method: 'GET', url: '/api/responses?status=all' }) },
  'GET /api/responses/proposals': {
    rule: { kind: 'read', at: 'baogai' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/responses/proposals?warningId=${(await insertWarning(t.db, fx.units.baogai.id)).id}` }),
  },
  'POST /api/responses': {
    rule: { kind: 'write', at: 'baogai', perm: 'warnings.respond' },
    ok: 201,
    req: async (fx, t) => {
      const warning = await insertWarning(t.db, fx.units.baogai.id);
      const plan = await insertPlan(t.db, fx.units.baogai.id);
      await insertAction(t.db, plan.id, 'I', 0);
      return { method: 'POST', url: '/api/responses', body: { id: crypto.randomUUID(), warningId: warning.id, planId: plan.id, level: 'I' } };
    },
  },
  'GET /api/responses/:id': {
    rule: { kind: 'read', at: 'baogai' },
    req: async (fx, t) => ({ method: 'GET', url: `/api/responses/${(await insertResponse(t.db, fx.units.baogai.id)).response.id}` }),
  },
  'POST /api/responses/tasks/:id/tick': {
    rule: { kind: 'write', at: 'baogai', perm: 'warnings.respond' },
    req: async (fx, t) => {
      const { tasks } = await insertResponse(t.db, fx.units.baogai.id);
      return { method: 'POST', url: `/api/responses/tasks/${tasks[1]!.id}/tick`, body: { done: true } };
    },
  },
  'POST /api/responses/:id/end': {
    rule: { kind: 'write', at: 'baogai', perm: 'warnings.respond' },
    req: async (fx, t) => ({ method: 'POST', url: `/api/responses/${(await insertResponse(t.db, fx.units.baogai.id)).response.id}/end`, body: { summary: '响应结束' } }),
  },
};
