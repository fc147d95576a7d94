import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DutyReport, DutyReportDraft, DutyReportListQuery, DutyReportUpdate } from '../../../../contracts/duty-events';
import { DUTY_REPORT_REQUIRED } from '../../../../contracts/duty-events';
import type { Paged } from '../../../../contracts/common';
import type { FieldError } from '../../../../contracts/errors';
import { requirePermission, requirePermissionSomewhere, unitIdWithPermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable } from '../../../platform/db/client';
import { AppError } from '../../../platform/errors/app-error';
import type { RealtimeEvent } from '../../../platform/realtime/bus';
import { REPORT_KIND_LABELS } from '../rules/deadlines';
import { loadEvent, loadReport, reviewUnitFor, reviewUnitsOf } from './access';
import { eventDeadlines, loadPresets } from './deadlines';
import { addEntry } from './events.service';
import { loadBatch, presentReport } from './present';
import { dutyReportAcks, dutyReports, type DutyEventRow, type DutyReportRow } from './schema';
import { pgArrayLiteral } from '../../../platform/db/arrays';

const FIELD_ZH: Record<(typeof DUTY_REPORT_REQUIRED)[number], string> = {
  title: '标题',
  occurredAt: '发生时间',
  location: '地点',
  eventType: '事件类型',
  narrative: '事件经过',
  measures: '已采取措施',
  nextSteps: '下步打算',
  reporterName: '报告人',
  issuer: '签发人',
};

/** The required fields a report still lacks; it cannot be submitted until there are none. */
export function missingFields(r: Pick<DutyReportRow, (typeof DUTY_REPORT_REQUIRED)[number]>): FieldError[] {
  return DUTY_REPORT_REQUIRED.filter((f) => r[f] === null || r[f] === '').map((f) => ({ path: `body.${f}`, code: 'required', zh: `请填写${FIELD_ZH[f]}`, en: `${f} is required to submit` }));
}

const reportName = (r: Pick<DutyReportRow, 'kind' | 'sequence'>) => (r.kind === 'follow_up' ? `续报（第${r.sequence}次）` : REPORT_KIND_LABELS[r.kind].zh);

const reportAnnouncement = (unitPath: string, r: DutyReportRow, action: string, by?: string): RealtimeEvent => ({
  type: 'duty.report',
  unitPath,
  data: { id: r.id, eventId: r.eventId, kind: r.kind, sequence: r.sequence, state: r.state, action, title: r.title, by: by ?? null },
});

/** The kind must fit the event's reports so far: one 首报 first, 续报 after it, nothing after the 终报. */
function sequenceFor(kind: DutyReportRow['kind'], others: DutyReportRow[]): number {
  const has = (k: DutyReportRow['kind']) => others.some((r) => r.kind === k);
  if (has('final')) throw new AppError('DUTY_REPORT_KIND_INVALID');
  if (kind === 'first') {
    if (has('first')) throw new AppError('DUTY_REPORT_KIND_INVALID');
    return 0;
  }
  if (!has('first')) throw new AppError('DUTY_REPORT_KIND_INVALID');
  return kind === 'follow_up' ? others.filter((r) => r.kind === 'follow_up').length + 1 : 0;
}

const fieldsOf = (input: DutyReportUpdate) => ({
  ...(input.title !== undefined && { title: input.title }),
  ...(input.occurredAt !== undefined && { occurredAt: input.occurredAt ? new Date(input.occurredAt) : null }),
  ...(input.location !== undefined && { location: input.location }),
  ...(input.eventType !== undefined && { eventType: input.eventType }),
  ...(input.dead !== undefined && { dead: input.dead }),
  ...(input.injured !== undefined && { injured: input.injured }),
  ...(input.missing !== undefined && { missing: input.missing }),
  ...(input.narrative !== undefined && { narrative: input.narrative }),
  ...(input.measures !== undefined && { measures: input.measures }),
  ...(input.nextSteps !== undefined && { nextSteps: input.nextSteps }),
  ...(input.reporterName !== undefined && { reporterName: input.reporterName }),
  ...(input.reporterPhone !== undefined && { reporterPhone: input.reporterPhone }),
  ...(input.issuer !== undefined && { issuer: input.issuer }),
});

/**
 * Submits a report inside the caller's transaction: every required field present, and the
 * deadline it answers fixed now (with all the event's earlier reports), so "late" never changes.
 */
async function submitInTx(tx: Queryable, ctx: Ctx, event: DutyEventRow, unitPath: string, r: DutyReportRow, now: Date): Promise<DutyReportRow> {
  const missing = missingFields(r);
  if (missing.length) throw new AppError('DUTY_REPORT_INCOMPLETE', missing);
  let patch: Partial<DutyReportRow>;
  if (r.submittedAt) {
    // Sent back and sent again: the first submission keeps counting for the deadline.
    patch = { state: 'submitted', returnReason: null, updatedAt: now };
  } else {
    const others = await tx.select().from(dutyReports).where(and(eq(dutyReports.eventId, event.id), sql`${dutyReports.submittedAt} is not null`));
    const presets = await loadPresets(tx);
    const d = eventDeadlines(event, [...others, { ...r, submittedAt: now }], presets(unitPath).preset, now);
    const mine = d.submitted.find((s) => s.submittedAt.getTime() === now.getTime() && s.kind === r.kind);
    patch = { state: 'submitted', submittedAt: now, submittedBy: ctx.actor.displayName, dueAt: mine?.dueAt ?? null, late: mine?.late ?? false, minutesLate: mine?.minutesLate ?? 0, updatedAt: now };
  }
  const [after] = await tx.update(dutyReports).set(patch).where(eq(dutyReports.id, r.id)).returning();
  await addEntry(tx, {
    eventId: event.id,
    at: now,
    kind: 'report_submitted',
    actor: ctx.actor,
    text: `${r.submittedAt ? '补充后重新报送' : '报送'}${reportName(r)}：${r.title}${after!.late ? `（迟报 ${after!.minutesLate} 分钟）` : ''}`,
    reportId: r.id,
  });
  return after!;
}

/** A new report on an event, kept as a draft or submitted at once. The id is the client's. */
export async function createReport(ctx: Ctx, input: DutyReportDraft): Promise<{ report: DutyReport; created: boolean }> {
  const announcements: RealtimeEvent[] = [];
  const created = await auditedTx(ctx, async (tx, now) => {
    const { event, unitPath } = await loadEvent(tx, ctx.actor, input.eventId, { lock: true });
    requirePermission(ctx.actor, 'duty.write', unitPath);
    const [existing] = await tx.select().from(dutyReports).where(eq(dutyReports.id, input.id));
    if (existing) {
      if (existing.eventId !== event.id || existing.createdBy !== ctx.actor.id) throw new AppError('DUTY_ID_TAKEN');
      return { result: false, events: [] };
    }
    if (event.status === 'merged') throw new AppError('DUTY_EVENT_NOT_OPEN');
    if (event.status === 'closed' && input.kind !== 'final') throw new AppError('DUTY_EVENT_NOT_OPEN');
    const others = await tx.select().from(dutyReports).where(eq(dutyReports.eventId, event.id));
    const sequence = sequenceFor(input.kind, others);
    const [row] = await tx
      .insert(dutyReports)
      .values({ id: input.id, eventId: event.id, unitId: event.unitId, kind: input.kind, sequence, state: 'draft', ...fieldsOf(input), createdBy: ctx.actor.id, createdAt: now, updatedAt: now })
      .returning();
    let report = row!;
    const events: AuditEvent[] = [{ action: 'duty.report.drafted', entityType: 'duty_report', entityId: report.id, unitId: event.unitId, summary: `${event.code} ${reportName(report)}`, after: { kind: report.kind, title: report.title } }];
    if (input.submit) {
      report = await submitInTx(tx, ctx, event, unitPath, report, now);
      events.push({ action: 'duty.report.submitted', entityType: 'duty_report', entityId: report.id, unitId: event.unitId, summary: `${event.code} ${reportName(report)}`, after: { kind: report.kind, title: report.title, late: report.late, minutesLate: report.minutesLate } });
      announcements.push(reportAnnouncement(unitPath, report, 'submitted', ctx.actor.displayName));
    }
    return { result: true, events };
  });
  for (const a of announcements) ctx.announcer.soon(a);
  return { report: await reportView(ctx, input.id), created };
}

/** Edits a draft or a report sent back; with `submit` it goes up in the same transaction. */
export async function updateReport(ctx: Ctx, id: string, input: DutyReportUpdate): Promise<DutyReport> {
  const announcements: RealtimeEvent[] = [];
  await auditedTx(ctx, async (tx, now) => {
    const { report: r0, unitPath } = await loadReport(tx, ctx.actor, id, { lock: true });
    requirePermission(ctx.actor, 'duty.write', unitPath);
    const { event } = await loadEvent(tx, ctx.actor, r0.eventId);
    if ((r0.state !== 'draft' && r0.state !== 'returned') || event.status === 'merged') throw new AppError('DUTY_REPORT_NOT_EDITABLE');
    const fields = fieldsOf(input);
    const [updated] = Object.keys(fields).length ? await tx.update(dutyReports).set({ ...fields, updatedAt: now }).where(eq(dutyReports.id, id)).returning() : [r0];
    let r = updated!;
    const events: AuditEvent[] = [{ action: 'duty.report.updated', entityType: 'duty_report', entityId: id, unitId: r.unitId, summary: `${event.code} ${reportName(r)}`, after: fields }];
    if (input.submit) {
      r = await submitInTx(tx, ctx, event, unitPath, r, now);
      events.push({ action: 'duty.report.submitted', entityType: 'duty_report', entityId: id, unitId: r.unitId, summary: `${event.code} ${reportName(r)}`, after: { late: r.late, minutesLate: r.minutesLate } });
      announcements.push(reportAnnouncement(unitPath, r, 'submitted', ctx.actor.displayName));
    }
    return { result: null, events };
  });
  for (const a of announcements) ctx.announcer.soon(a);
  return reportView(ctx, id);
}

/** A level above says "received" (已确认); once per level. */
export async function acknowledgeReport(ctx: Ctx, id: string): Promise<DutyReport> {
  const announcements: RealtimeEvent[] = [];
  await auditedTx(ctx, async (tx, now) => {
    const { report: r, unitPath } = await loadReport(tx, ctx.actor, id, { lock: true });
    const level = reviewUnitFor(ctx.actor, unitPath);
    if (!level) throw new AppError('FORBIDDEN');
    if (r.state !== 'submitted') throw new AppError('DUTY_REPORT_NOT_SUBMITTED');
    const inserted = await tx.insert(dutyReportAcks).values({ reportId: r.id, unitId: level.unitId, userId: ctx.actor.id, userName: ctx.actor.displayName, at: now }).onConflictDoNothing().returning();
    if (!inserted.length) throw new AppError('DUTY_ALREADY_ACKNOWLEDGED');
    const [levelUnit] = await tx.execute<{ name: string }>(sql`select name from units where id = ${level.unitId}`).then((x) => x.rows);
    await addEntry(tx, { eventId: r.eventId, at: now, kind: 'report_acknowledged', actor: ctx.actor, text: `${levelUnit?.name ?? ''}已确认${reportName(r)}`, reportId: r.id });
    announcements.push(reportAnnouncement(unitPath, r, 'acknowledged', `${levelUnit?.name ?? ''} ${ctx.actor.displayName}`));
    return { result: null, events: [{ action: 'duty.report.acknowledged', entityType: 'duty_report', entityId: r.id, unitId: r.unitId, summary: `${reportName(r)} ← ${levelUnit?.name ?? ''}`, after: { level: levelUnit?.name } }] };
  });
  for (const a of announcements) ctx.announcer.soon(a);
  return reportView(ctx, id);
}

/** 退回补充: a level above sends a report back with what it lacks; the desk edits and submits again. */
export async function returnReport(ctx: Ctx, id: string, reason: string): Promise<DutyReport> {
  const announcements: RealtimeEvent[] = [];
  await auditedTx(ctx, async (tx, now) => {
    const { report: r, unitPath } = await loadReport(tx, ctx.actor, id, { lock: true });
    const level = reviewUnitFor(ctx.actor, unitPath);
    if (!level) throw new AppError('FORBIDDEN');
    if (r.state !== 'submitted') throw new AppError('DUTY_REPORT_NOT_SUBMITTED');
    const [after] = await tx.update(dutyReports).set({ state: 'returned', returnReason: reason, updatedAt: now }).where(eq(dutyReports.id, r.id)).returning();
    // What was acknowledged is acknowledged again after the desk's answer.
    await tx.delete(dutyReportAcks).where(eq(dutyReportAcks.reportId, r.id));
    await addEntry(tx, { eventId: r.eventId, at: now, kind: 'report_returned', actor: ctx.actor, text: `${reportName(r)}被退回补充：${reason}`, reportId: r.id });
    announcements.push(reportAnnouncement(unitPath, after!, 'returned', ctx.actor.displayName));
    return { result: null, events: [{ action: 'duty.report.returned', entityType: 'duty_report', entityId: r.id, unitId: r.unitId, summary: reportName(r), before: { state: 'submitted' }, after: { state: 'returned', reason } }] };
  });
  for (const a of announcements) ctx.announcer.soon(a);
  return reportView(ctx, id);
}

export async function reportView(ctx: Ctx, id: string): Promise<DutyReport> {
  const { report } = await loadReport(ctx.db, ctx.actor, id);
  const b = await loadBatch(ctx.db, [], [report], ctx.clock.now());
  return presentReport(report, ctx.actor, b);
}

/** The inbox of a level above: submitted from below, not yet acknowledged by that level. */
export function inboxCondition(ctx: Ctx) {
  const levels = reviewUnitsOf(ctx.actor);
  if (!levels.length) return sql`false`;
  const ids = levels.map((l) => l.unitId);
  const paths = levels.map((l) => l.path);
  return sql`${dutyReports.state} = 'submitted' and exists (
    select 1 from unnest(${pgArrayLiteral(ids)}::uuid[], ${pgArrayLiteral(paths)}::ltree[]) as lv(id, path)
    join units du on du.id = ${dutyReports.unitId}
    where du.path <@ lv.path and du.id <> lv.id
      and not exists (select 1 from duty_report_acks a where a.report_id = ${dutyReports.id} and a.unit_id = lv.id))`;
}

export async function listReports(ctx: Ctx, q: z.infer<typeof DutyReportListQuery>): Promise<Paged<DutyReport>> {
  requirePermissionSomewhere(ctx.actor, 'duty.read');
  const where = and(
    unitIdWithPermission(ctx.actor, 'duty.read', dutyReports.unitId),
    q.box === 'inbox' ? inboxCondition(ctx) : undefined,
    q.box === 'outbox' ? sql`${dutyReports.unitId} = ${ctx.actor.unitId}` : undefined,
    // Drafts stay with the desk writing them.
    sql`(${dutyReports.state} <> 'draft' or ${dutyReports.unitId} = ${ctx.actor.unitId})`,
    q.unitId ? sql`${dutyReports.unitId} in (select id from units where path <@ (select path from units where id = ${q.unitId}))` : undefined,
    q.lateOnly ? eq(dutyReports.late, true) : undefined,
  );
  const [rows, counted] = await Promise.all([
    ctx.db
      .select()
      .from(dutyReports)
      .where(where)
      .orderBy(sql`${dutyReports.submittedAt} desc nulls first`, desc(dutyReports.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(dutyReports).where(where),
  ]);
  const b = await loadBatch(ctx.db, [], rows, ctx.clock.now());
  return { items: rows.map((r) => presentReport(r, ctx.actor, b)), total: counted[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
