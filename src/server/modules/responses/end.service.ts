import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { RESPONSE_LEVEL_ROMAN } from '../../../contracts/plans';
import type { ResponseDetail, ResponseEnd } from '../../../contracts/responses';
import { requirePermission } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import type { Announcer, RealtimeEvent } from '../../platform/realtime/bus';
import { addEntry, eventAnnouncement, receiveEvent } from '../duty/events/events.service';
import { dutyEvents } from '../duty/events/schema';
import { plans } from '../plans/schema';
import { WARNING_LEVELS, WARNING_TYPES } from '../warnings/cap';
import { warnings, type WarningRow } from '../warnings/schema';
import { isOverdue, loadResponse, responseDetail } from './queries';
import { endEntryText, EVENT_GRADE_OF_WARNING } from './rules';
import { responses, responseTasks, type ResponseRow } from './schema';

/**
 * The seam for evacuation (转移安置). When the shelters module arrives, ending a response will
 * also record who was moved to which shelter (evacuee counts per shelter, still in shelters) and
 * add them to the timeline entry. Until then the extension point carries nothing.
 */
export type ResponseEvacuation = Record<string, never>;

/**
 * 结束响应: the response ends with a summary. For a real response the summary and the task
 * figures join the timeline of the duty event (事件) for this warning at the desk of the plan's
 * unit (the township itself, or the township above a village): the event another response to the
 * same warning opened there is reused while open, else one is received through the duty events
 * module. An exercise stays out of the duty desk: it opens no event and starts no report deadlines.
 */
export async function endResponse(ctx: Ctx, id: string, input: ResponseEnd): Promise<ResponseDetail> {
  const later: RealtimeEvent[] = [];
  await auditedTx(ctx, async (tx, now) => {
    const { response: r, unitPath } = await loadResponse(tx, ctx.actor, id, { lock: true });
    requirePermission(ctx.actor, 'warnings.respond', unitPath);
    if (r.status !== 'running') throw new AppError('RESPONSE_NOT_RUNNING');
    const tasks = await tx.select({ doneAt: responseTasks.doneAt, dueAt: responseTasks.dueAt }).from(responseTasks).where(eq(responseTasks.responseId, r.id));
    const ended = { endedAt: now };
    const progress = { total: tasks.length, done: tasks.filter((t) => t.doneAt).length, overdue: tasks.filter((t) => isOverdue(t, ended, now)).length };
    const [plan] = await tx.select({ name: plans.name }).from(plans).where(eq(plans.id, r.planId));
    let dutyEventId: string | null = null;
    if (!r.exercise) {
      const [w] = await tx.select().from(warnings).where(eq(warnings.id, r.warningId));
      const desk = await deskOf(tx, unitPath);
      dutyEventId = await eventFor(ctx, tx, r, w!, desk, later);
      await addEntry(tx, { eventId: dutyEventId, at: now, kind: 'response', actor: ctx.actor, text: endEntryText({ planName: plan!.name, level: r.level, summary: input.summary }, progress) });
      const [event] = await tx.select().from(dutyEvents).where(eq(dutyEvents.id, dutyEventId));
      later.push(eventAnnouncement(desk.path, event!, 'response'));
    }
    await tx.update(responses).set({ status: 'ended', endedAt: now, endedByName: ctx.actor.displayName, summary: input.summary, dutyEventId }).where(eq(responses.id, r.id));
    later.push({ type: 'response.ended', unitPath, data: { id: r.id, warningId: r.warningId, exercise: r.exercise, dutyEventId } });
    return {
      result: null,
      events: [
        {
          action: 'response.ended',
          entityType: 'response',
          entityId: r.id,
          unitId: r.unitId,
          summary: `${r.exercise ? '【演练】' : ''}${plan!.name} ${RESPONSE_LEVEL_ROMAN[r.level]}级响应结束`,
          before: { status: 'running' },
          after: { status: 'ended', summary: input.summary, ...progress, dutyEventId },
        },
      ],
    };
  });
  for (const e of later) ctx.announcer.soon(e);
  return responseDetail(ctx, id);
}

/** The duty desk of a unit: itself when a township, county or city, else the nearest such unit above. */
async function deskOf(tx: Tx, unitPath: string) {
  const [desk] = await tx
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(sql`${units.path} @> ${unitPath}::ltree`, inArray(units.level, ['township', 'county', 'city'])))
    .orderBy(desc(sql`nlevel(${units.path})`))
    .limit(1);
  return desk!;
}

/**
 * The open event of this warning at the desk, or a new one. A transaction-scoped advisory lock on
 * (warning, desk) makes two responses ending at once find or create the same event, never two.
 */
async function eventFor(ctx: Ctx, tx: Tx, r: ResponseRow, w: WarningRow, desk: { id: string; path: string }, later: RealtimeEvent[]): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`response-event:${w.id}:${desk.id}`}, 0))`);
  const [reused] = await tx
    .select({ id: dutyEvents.id })
    .from(responses)
    .innerJoin(dutyEvents, eq(dutyEvents.id, responses.dutyEventId))
    .where(and(eq(responses.warningId, w.id), eq(dutyEvents.unitId, desk.id), eq(dutyEvents.status, 'open')))
    .limit(1);
  if (reused) return reused.id;
  // receiveEvent runs its own audited transaction; given this one it becomes a savepoint, so the
  // event, its intake entry and its audit commit with the end of the response or not at all. Its
  // announcement waits for our commit.
  const deferred = { soon: (e: RealtimeEvent) => later.push(e) } as unknown as Announcer;
  const inTx: Ctx = { ...ctx, db: tx as unknown as Db, announcer: deferred };
  const eventId = uuidv7(ctx.clock.now().getTime());
  await receiveEvent(inTx, {
    id: eventId,
    unitId: desk.id,
    source: 'superior',
    address: w.areaDesc,
    type: 'natural_disaster',
    grade: EVENT_GRADE_OF_WARNING[w.level],
    description: `${WARNING_TYPES[w.type].zh}${WARNING_LEVELS[w.level].zh}预警（${w.identifier}）：${w.headline}，已按预案启动${RESPONSE_LEVEL_ROMAN[r.level]}级应急响应`,
  });
  return eventId;
}
