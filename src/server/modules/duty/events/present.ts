import { asc, eq, inArray } from 'drizzle-orm';
import type { DutyEventDetail, DutyEventSummary, DutyReport, DutyUnitRef } from '../../../../contracts/duty-events';
import type { Actor } from '../../../platform/access/actor';
import { canAt } from '../../../platform/access/scope';
import type { Queryable } from '../../../platform/db/client';
import { idsOnPath } from '../../../platform/hierarchy/paths';
import { units } from '../../../platform/hierarchy/schema';
import { reviewUnitFor } from './access';
import { eventDeadlines, levelsAboveOf, loadPresets, reportPassUp } from './deadlines';
import { dutyEventEntries, dutyEvents, dutyReportAcks, dutyReports, type DutyEventRow, type DutyReportAckRow, type DutyReportRow } from './schema';

type Unit = DutyUnitRef & { path: string };

/** Everything the presenters need besides the rows, loaded in a few queries for a whole page. */
export type PresentBatch = {
  unit: (id: string) => Unit;
  presetOf: Awaited<ReturnType<typeof loadPresets>>;
  reportsOf: (eventId: string) => DutyReportRow[];
  acksOf: (reportId: string) => DutyReportAckRow[];
  eventOf: (eventId: string) => DutyEventRow;
  now: Date;
};

export async function loadBatch(db: Queryable, events: DutyEventRow[], extraReports: DutyReportRow[], now: Date): Promise<PresentBatch> {
  const eventIds = [...new Set([...events.map((e) => e.id), ...extraReports.map((r) => r.eventId)])];
  const [reportRows, moreEvents, presetOf] = await Promise.all([
    eventIds.length ? db.select().from(dutyReports).where(inArray(dutyReports.eventId, eventIds)).orderBy(asc(dutyReports.createdAt)) : Promise.resolve([]),
    (() => {
      const known = new Set(events.map((e) => e.id));
      const missing = eventIds.filter((id) => !known.has(id));
      return missing.length ? db.select().from(dutyEvents).where(inArray(dutyEvents.id, missing)) : Promise.resolve([]);
    })(),
    loadPresets(db),
  ]);
  const allEvents = [...events, ...moreEvents];
  const reportIds = reportRows.map((r) => r.id);
  const acks = reportIds.length ? await db.select().from(dutyReportAcks).where(inArray(dutyReportAcks.reportId, reportIds)).orderBy(asc(dutyReportAcks.at)) : [];
  const unitIds = new Set<string>();
  for (const e of allEvents) unitIds.add(e.unitId);
  for (const a of acks) unitIds.add(a.unitId);
  const unitRows = unitIds.size ? await db.select({ id: units.id, name: units.name, code: units.code, level: units.level, path: units.path }).from(units).where(inArray(units.id, [...unitIds])) : [];
  // The levels above each desk too (for the pass-up deadlines).
  const above = new Set(unitRows.flatMap((u) => idsOnPath(u.path)).filter((id) => !unitIds.has(id)));
  const aboveRows = above.size ? await db.select({ id: units.id, name: units.name, code: units.code, level: units.level, path: units.path }).from(units).where(inArray(units.id, [...above])) : [];
  const unitById = new Map([...unitRows, ...aboveRows].map((u) => [u.id, u]));
  const reportsByEvent = new Map<string, DutyReportRow[]>();
  for (const r of reportRows) reportsByEvent.set(r.eventId, [...(reportsByEvent.get(r.eventId) ?? []), r]);
  const acksByReport = new Map<string, DutyReportAckRow[]>();
  for (const a of acks) acksByReport.set(a.reportId, [...(acksByReport.get(a.reportId) ?? []), a]);
  const eventById = new Map(allEvents.map((e) => [e.id, e]));
  return {
    unit: (id) => unitById.get(id)!,
    presetOf,
    reportsOf: (id) => reportsByEvent.get(id) ?? [],
    acksOf: (id) => acksByReport.get(id) ?? [],
    eventOf: (id) => eventById.get(id)!,
    now,
  };
}

const ref = (u: Unit): DutyUnitRef => ({ id: u.id, name: u.name, code: u.code, level: u.level });
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentEventSummary(e: DutyEventRow, b: PresentBatch): DutyEventSummary {
  const unit = b.unit(e.unitId);
  const reports = b.reportsOf(e.id);
  const d = e.status === 'merged' ? null : eventDeadlines(e, reports, b.presetOf(unit.path).preset, b.now);
  return {
    id: e.id,
    code: e.code,
    unit: ref(unit),
    receivedAt: e.receivedAt.toISOString(),
    occurredAt: iso(e.occurredAt),
    source: e.source,
    type: e.type,
    grade: e.grade,
    status: e.status,
    address: e.address,
    lat: e.lat,
    lng: e.lng,
    dead: e.dead,
    injured: e.injured,
    missing: e.missing,
    description: e.description,
    reports: reports.filter((r) => r.submittedAt).length,
    next: d?.next ? { kind: d.next.kind, dueAt: iso(d.next.dueAt), minutesLeft: d.minutesLeft } : null,
    overdue: d?.overdue.length ?? 0,
  };
}

export function presentReport(r: DutyReportRow, actor: Actor, b: PresentBatch): DutyReport {
  const event = b.eventOf(r.eventId);
  const unit = b.unit(r.unitId);
  const acks = b.acksOf(r.id);
  const above = levelsAboveOf(unit.path);
  const ackAt = new Map(acks.map((a) => [a.unitId, a.at]));
  const passUp = reportPassUp(event, r, above, ackAt, b.presetOf(unit.path).preset, b.now);
  const review = reviewUnitFor(actor, unit.path);
  const editable = (r.state === 'draft' || r.state === 'returned') && event.status !== 'merged' && canAt(actor, 'duty.write', unit.path);
  return {
    id: r.id,
    eventId: r.eventId,
    eventCode: event.code,
    unit: ref(unit),
    kind: r.kind,
    sequence: r.sequence,
    state: r.state,
    title: r.title,
    occurredAt: iso(r.occurredAt),
    location: r.location,
    eventType: r.eventType,
    dead: r.dead,
    injured: r.injured,
    missing: r.missing,
    narrative: r.narrative,
    measures: r.measures,
    nextSteps: r.nextSteps,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone,
    issuer: r.issuer,
    createdAt: r.createdAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    submittedBy: r.submittedBy,
    dueAt: iso(r.dueAt),
    late: r.late,
    minutesLate: r.minutesLate,
    returnReason: r.returnReason,
    acks: acks.map((a) => ({ unit: ref(b.unit(a.unitId)), by: a.userName, at: a.at.toISOString() })),
    passUp: passUp.map((p) => ({
      level: p.level,
      unit: b.unit(p.unitId) ? ref(b.unit(p.unitId)) : null,
      dueAt: p.dueAt.toISOString(),
      acknowledgedAt: iso(p.forwardedAt),
      late: p.late,
      minutesLate: p.minutesLate,
    })),
    can: {
      edit: editable,
      submit: editable,
      acknowledge: r.state === 'submitted' && !!review && !ackAt.has(review.unitId),
      return: r.state === 'submitted' && !!review,
    },
  };
}

export async function presentEventDetail(db: Queryable, actor: Actor, e: DutyEventRow, now: Date): Promise<DutyEventDetail> {
  const [b, entries, merged] = await Promise.all([
    loadBatch(db, [e], [], now),
    db.select().from(dutyEventEntries).where(eq(dutyEventEntries.eventId, e.id)).orderBy(asc(dutyEventEntries.seq)),
    e.mergedIntoId ? db.select({ id: dutyEvents.id, code: dutyEvents.code }).from(dutyEvents).where(eq(dutyEvents.id, e.mergedIntoId)) : Promise.resolve([]),
  ]);
  const unit = b.unit(e.unitId);
  const { preset } = b.presetOf(unit.path);
  const reports = b.reportsOf(e.id);
  const d = eventDeadlines(e, reports, preset, now);
  const submitted = reports.filter((r) => r.submittedAt).sort((x, y) => x.submittedAt!.getTime() - y.submittedAt!.getTime());
  return {
    ...presentEventSummary(e, b),
    callerName: e.callerName,
    callerPhone: e.callerPhone,
    closedAt: iso(e.closedAt),
    mergedInto: merged[0] ?? null,
    preset,
    deadlines: {
      // The rules list submitted reports in time order, as `submitted` is sorted here.
      submitted: d.submitted.map((s, i) => ({ reportId: submitted[i]!.id, kind: s.kind, submittedAt: s.submittedAt.toISOString(), dueAt: iso(s.dueAt), late: s.late, minutesLate: s.minutesLate })),
      overdue: e.status === 'merged' ? [] : d.overdue.map((o) => ({ kind: o.kind, dueAt: o.dueAt.toISOString(), minutesLate: o.minutesLate })),
    },
    reportList: reports.map((r) => presentReport(r, actor, b)),
    timeline: entries.map((x) => ({ id: x.id, at: x.at.toISOString(), kind: x.kind, actor: x.actorName, text: x.text, reportId: x.reportId })),
    can: { write: e.status !== 'merged' && canAt(actor, 'duty.write', unit.path), review: !!reviewUnitFor(actor, unit.path) },
  };
}
