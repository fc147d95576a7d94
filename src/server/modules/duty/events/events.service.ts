import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DutyEventAction, DutyEventCreate, DutyEventDetail, DutyEventListQuery, DutyEventSummary } from '../../../../contracts/duty-events';
import type { Paged } from '../../../../contracts/common';
import type { Actor } from '../../../platform/access/actor';
import { loadUnitInScope, requirePermission, requirePermissionSomewhere, unitIdWithPermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable } from '../../../platform/db/client';
import { uuidv7 } from '../../../platform/db/ids';
import { containsPattern } from '../../../platform/db/like';
import { AppError } from '../../../platform/errors/app-error';
import type { RealtimeEvent } from '../../../platform/realtime/bus';
import { EVENT_GRADE_LABELS } from '../rules/deadlines';
import { loadEvent, reviewUnitFor } from './access';
import { loadBatch, presentEventDetail, presentEventSummary } from './present';
import { dutyEventEntries, dutyEvents, type DutyEventRow } from './schema';

type DeskLevel = 'township' | 'county' | 'city';
export const isDeskLevel = (level: string): level is DeskLevel => level === 'township' || level === 'county' || level === 'city';

/** SJ, the Beijing date, a running number of at least four digits. */
const eventCode = (at: Date) =>
  sql<string>`(select 'SJ' || to_char(${at}::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(n::text, greatest(4, length(n::text)), '0')
    from (select nextval('duty_event_code_seq') as n) as seq)`;

export async function addEntry(tx: Queryable, e: { eventId: string; at: Date; kind: string; actor: Actor | null; text: string; reportId?: string | null }) {
  await tx.insert(dutyEventEntries).values({
    id: uuidv7(e.at.getTime()),
    eventId: e.eventId,
    at: e.at,
    kind: e.kind,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.displayName ?? '系统',
    text: e.text,
    reportId: e.reportId ?? null,
  });
}

export const eventAnnouncement = (unitPath: string, e: DutyEventRow, action: string): RealtimeEvent => ({
  type: 'duty.event',
  unitPath,
  data: { id: e.id, code: e.code, action, status: e.status, grade: e.grade, type: e.type },
});

const casualtiesText = (e: { dead: number | null; injured: number | null; missing: number | null }) =>
  `死亡${e.dead ?? '不详'}、受伤${e.injured ?? '不详'}、失联${e.missing ?? '不详'}`;

/**
 * 接报: records a call or message as an event with its first timeline entry. The id is the
 * client's: the same intake sent twice is stored once (201, then 200 with the stored event).
 */
export async function receiveEvent(ctx: Ctx, input: DutyEventCreate): Promise<{ detail: DutyEventDetail; created: boolean }> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId ?? ctx.actor.unitId);
  requirePermission(ctx.actor, 'duty.write', unit.path);
  if (!isDeskLevel(unit.level)) throw new AppError('DUTY_DESK_LEVEL');
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw new AppError('DUTY_RECEIVED_IN_FUTURE');
  const created = await auditedTx(ctx, async (tx) => {
    const [row] = await tx
      .insert(dutyEvents)
      .values({
        id: input.id,
        code: eventCode(receivedAt),
        unitId: unit.id,
        receivedAt,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
        source: input.source,
        callerName: input.callerName ?? null,
        callerPhone: input.callerPhone ?? null,
        address: input.address,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        type: input.type,
        initialGrade: input.grade,
        grade: input.grade,
        dead: input.dead ?? null,
        injured: input.injured ?? null,
        missing: input.missing ?? null,
        description: input.description,
        createdBy: ctx.actor.id,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: dutyEvents.id })
      .returning();
    if (!row) {
      const [existing] = await tx.select({ createdBy: dutyEvents.createdBy }).from(dutyEvents).where(eq(dutyEvents.id, input.id));
      if (existing?.createdBy !== ctx.actor.id) throw new AppError('DUTY_ID_TAKEN');
      return { result: null, events: [] };
    }
    await addEntry(tx, { eventId: row.id, at: now, kind: 'intake', actor: ctx.actor, text: `接报（${unit.name}）：${row.address}，${row.description}；${casualtiesText(row)}` });
    return {
      result: row,
      events: [{ action: 'duty.event.received', entityType: 'duty_event', entityId: row.id, unitId: unit.id, summary: `${row.code} ${unit.name} ${row.address}`, after: { type: row.type, grade: row.grade, source: row.source } }],
    };
  });
  if (created) ctx.announcer.soon(eventAnnouncement(unit.path, created, 'received'));
  const { event } = await loadEvent(ctx.db, ctx.actor, input.id);
  return { detail: await presentEventDetail(ctx.db, ctx.actor, event, ctx.clock.now()), created: !!created };
}

export async function eventDetail(ctx: Ctx, id: string): Promise<DutyEventDetail> {
  const { event } = await loadEvent(ctx.db, ctx.actor, id);
  return presentEventDetail(ctx.db, ctx.actor, event, ctx.clock.now());
}

/** Regrade, note, casualties, close (the desk) and merge (a level above). */
export async function actOnEvent(ctx: Ctx, id: string, action: DutyEventAction): Promise<DutyEventDetail> {
  const announcements: RealtimeEvent[] = [];
  await auditedTx(ctx, async (tx, now) => {
    const { event: e, unitPath } = await loadEvent(tx, ctx.actor, id, { lock: true });
    if (action.action === 'merge') {
      const events = await mergeEvent(tx, ctx.actor, e, unitPath, action.intoId, action.note ?? null, now);
      announcements.push(eventAnnouncement(unitPath, { ...e, status: 'merged' }, 'merged'));
      return { result: null, events };
    }
    requirePermission(ctx.actor, 'duty.write', unitPath);
    if (e.status !== 'open') throw new AppError('DUTY_EVENT_NOT_OPEN');
    const audit = (a: AuditEvent['action'], before: unknown, after: unknown): AuditEvent[] => [{ action: a, entityType: 'duty_event', entityId: e.id, unitId: e.unitId, summary: e.code, before, after }];
    let events: AuditEvent[] = [];
    switch (action.action) {
      case 'regrade': {
        if (action.grade === e.grade) return { result: null, events: [] };
        const gradeChanges = [...e.gradeChanges, { grade: action.grade, at: now.toISOString() }];
        await tx.update(dutyEvents).set({ grade: action.grade, gradeChanges, updatedAt: now }).where(eq(dutyEvents.id, e.id));
        await addEntry(tx, { eventId: e.id, at: now, kind: 'regrade', actor: ctx.actor, text: `等级由${EVENT_GRADE_LABELS[e.grade].zh}调整为${EVENT_GRADE_LABELS[action.grade].zh}：${action.note}` });
        events = audit('duty.event.regraded', { grade: e.grade }, { grade: action.grade, note: action.note });
        break;
      }
      case 'note':
        await addEntry(tx, { eventId: e.id, at: now, kind: 'note', actor: ctx.actor, text: action.text });
        events = audit('duty.event.noted', null, { text: action.text });
        break;
      case 'casualties': {
        const next = { dead: action.dead, injured: action.injured, missing: action.missing };
        await tx.update(dutyEvents).set({ ...next, updatedAt: now }).where(eq(dutyEvents.id, e.id));
        await addEntry(tx, { eventId: e.id, at: now, kind: 'casualties', actor: ctx.actor, text: `伤亡情况更新：${casualtiesText(next)}${action.note ? `（${action.note}）` : ''}` });
        events = audit('duty.event.casualties', { dead: e.dead, injured: e.injured, missing: e.missing }, next);
        break;
      }
      case 'close':
        await tx.update(dutyEvents).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(dutyEvents.id, e.id));
        await addEntry(tx, { eventId: e.id, at: now, kind: 'closed', actor: ctx.actor, text: `事件办结：${action.note}` });
        events = audit('duty.event.closed', { status: 'open' }, { status: 'closed', note: action.note });
        break;
    }
    announcements.push(eventAnnouncement(unitPath, e, action.action));
    return { result: null, events };
  });
  for (const a of announcements) ctx.announcer.soon(a);
  return eventDetail(ctx, id);
}

/** Two desks reported the same thing: a level above both folds one event into the other. */
async function mergeEvent(tx: Queryable, actor: Actor, e: DutyEventRow, unitPath: string, intoId: string, note: string | null, now: Date): Promise<AuditEvent[]> {
  if (!reviewUnitFor(actor, unitPath)) throw new AppError('FORBIDDEN');
  const { event: into, unitPath: intoPath } = await loadEvent(tx, actor, intoId, { lock: true });
  if (!reviewUnitFor(actor, intoPath)) throw new AppError('FORBIDDEN');
  if (into.id === e.id || into.status === 'merged' || e.status === 'merged') throw new AppError('DUTY_MERGE_INVALID');
  await tx.update(dutyEvents).set({ status: 'merged', mergedIntoId: into.id, updatedAt: now }).where(eq(dutyEvents.id, e.id));
  await addEntry(tx, { eventId: e.id, at: now, kind: 'merged', actor, text: `与 ${into.code} 为同一事件，已合并${note ? `：${note}` : ''}` });
  await addEntry(tx, { eventId: into.id, at: now, kind: 'merged', actor, text: `${e.code}（另一单位接报）已并入本事件${note ? `：${note}` : ''}` });
  return [{ action: 'duty.event.merged', entityType: 'duty_event', entityId: e.id, unitId: e.unitId, summary: `${e.code} → ${into.code}`, before: { status: e.status }, after: { status: 'merged', mergedInto: into.code } }];
}

const STATUS_FILTER: Record<z.infer<typeof DutyEventListQuery>['status'], SQL | undefined> = {
  open: eq(dutyEvents.status, 'open'),
  closed: eq(dutyEvents.status, 'closed'),
  merged: eq(dutyEvents.status, 'merged'),
  all: undefined,
};

export async function listEvents(ctx: Ctx, q: z.infer<typeof DutyEventListQuery>): Promise<Paged<DutyEventSummary>> {
  requirePermissionSomewhere(ctx.actor, 'duty.read');
  const where = and(
    unitIdWithPermission(ctx.actor, 'duty.read', dutyEvents.unitId),
    STATUS_FILTER[q.status],
    q.unitId ? sql`${dutyEvents.unitId} in (select id from units where path <@ (select path from units where id = ${q.unitId}))` : undefined,
    q.type ? eq(dutyEvents.type, q.type) : undefined,
    q.q ? or(ilike(dutyEvents.code, containsPattern(q.q)), ilike(dutyEvents.address, containsPattern(q.q)), ilike(dutyEvents.description, containsPattern(q.q))) : undefined,
  );
  const [rows, counted] = await Promise.all([
    ctx.db
      .select()
      .from(dutyEvents)
      .where(where)
      .orderBy(desc(dutyEvents.receivedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(dutyEvents).where(where),
  ]);
  const total = counted[0]?.total ?? 0;
  const b = await loadBatch(ctx.db, rows, [], ctx.clock.now());
  return { items: rows.map((e) => presentEventSummary(e, b)), total, page: q.page, pageSize: q.pageSize };
}
