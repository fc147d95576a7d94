import { and, eq } from 'drizzle-orm';
import type { ResponseDetail, ResponseTaskTick } from '../../../contracts/responses';
import { canAt, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors/app-error';
import { loadResponse, personOf, responseDetail } from './queries';
import { responses, responseTasks } from './schema';

/**
 * Ticks a task done, or undoes the tick, with a note: its owner or anyone holding warnings.respond
 * at the response's unit, while the response runs. Ticking a done task again changes nothing.
 * Screens showing the response hear 'response.task' and refresh the progress.
 */
export async function tickTask(ctx: Ctx, taskId: string, input: ResponseTaskTick): Promise<ResponseDetail> {
  const [found] = await ctx.db
    .select({ responseId: responseTasks.responseId })
    .from(responseTasks)
    .innerJoin(responses, eq(responses.id, responseTasks.responseId))
    .where(and(eq(responseTasks.id, taskId), unitIdInScope(ctx.actor, responses.unitId)));
  if (!found) throw notFound();
  const personId = await personOf(ctx.db, ctx.actor);
  const announced = await auditedTx(ctx, async (tx, now) => {
    // The response row is locked so an end and a tick never cross (the end counts the ticks).
    const { response: r, unitPath } = await loadResponse(tx, ctx.actor, found.responseId, { lock: true });
    const [task] = await tx.select().from(responseTasks).where(eq(responseTasks.id, taskId)).for('update');
    if (!task) throw notFound();
    if (!canAt(ctx.actor, 'warnings.respond', unitPath) && (personId === null || task.ownerPersonId !== personId)) throw new AppError('FORBIDDEN');
    if (r.status !== 'running') throw new AppError('RESPONSE_NOT_RUNNING');
    const done = input.done;
    if (done === (task.doneAt !== null)) return { result: null, events: [] };
    const note = input.note ?? null;
    await tx
      .update(responseTasks)
      .set(done ? { doneAt: now, doneByName: ctx.actor.displayName, note } : { doneAt: null, doneByName: null, note })
      .where(eq(responseTasks.id, task.id));
    return {
      result: { unitPath, responseId: r.id, exercise: r.exercise },
      events: [
        {
          action: done ? ('response.task.done' as const) : ('response.task.undone' as const),
          entityType: 'response',
          entityId: r.id,
          unitId: r.unitId,
          summary: `${r.exercise ? '【演练】' : ''}${task.action}`,
          before: { done: !done },
          after: { done, taskId: task.id, note },
        },
      ],
    };
  });
  if (announced) ctx.announcer.soon({ type: 'response.task', unitPath: announced.unitPath, data: { responseId: announced.responseId, taskId, done: input.done, exercise: announced.exercise } });
  return responseDetail(ctx, found.responseId);
}
