import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { insertAction, insertPlan } from '../plans/test-support';
import { insertWarning } from '../warnings/test-support';
import { responses, responseTasks, type ResponseRow, type ResponseTaskRow } from './schema';

/**
 * A running response straight into the tables: a fresh red typhoon warning held by the unit, a
 * fresh plan of the unit with two Ⅰ-level actions, and a task for each (the first owned by the
 * unit's first person). For tests that read, tick or end one.
 */
export async function insertResponse(db: Db, unitId: string, over: Partial<ResponseRow> = {}): Promise<{ response: ResponseRow; tasks: ResponseTaskRow[] }> {
  const warning = await insertWarning(db, unitId, { exercise: over.exercise ?? false });
  const plan = await insertPlan(db, unitId);
  const actions = [await insertAction(db, plan.id, 'I', 0, true), await insertAction(db, plan.id, 'I', 1)];
  const startedAt = over.startedAt ?? new Date();
  const [response] = await db
    .insert(responses)
    .values({ id: crypto.randomUUID(), warningId: warning.id, planId: plan.id, unitId, level: 'I', exercise: false, startedAt, startedByName: '测试', ...over })
    .returning();
  const tasks = await db
    .insert(responseTasks)
    .values(
      actions.map((a) => ({
        id: uuidv7(),
        responseId: response!.id,
        position: a.position,
        action: a.action,
        ownerPost: a.ownerPost,
        ownerPersonId: a.ownerPersonId,
        timeLimitMinutes: a.timeLimitMinutes,
        dueAt: a.timeLimitMinutes === null ? null : new Date(startedAt.getTime() + a.timeLimitMinutes * 60_000),
      })),
    )
    .returning();
  return { response: response!, tasks: tasks.sort((a, b) => a.position - b.position) };
}

export const tasksOf = (db: Db, responseId: string) => db.select().from(responseTasks).where(eq(responseTasks.responseId, responseId)).orderBy(responseTasks.position);
