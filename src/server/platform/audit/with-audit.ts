import type { Ctx } from '../context';
import type { Tx } from '../db/client';
import { writeAudit, type AuditEvent } from './write';

/**
 * Runs a change and its audit entries in one transaction: both commit or neither does.
 * The change returns its result and the events that describe it.
 */
export async function auditedTx<T>(ctx: Ctx, work: (tx: Tx, now: Date) => Promise<{ result: T; events: AuditEvent[] }>): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { result, events } = await work(tx, now);
    for (const event of events) {
      await writeAudit(tx, { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip, at: now }, event);
    }
    return result;
  });
}
