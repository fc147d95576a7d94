import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DutyConsole } from '../../../../contracts/duty-events';
import { loadUnitInScope, requirePermission, unitIdWithPermission } from '../../../platform/access/scope';
import type { Ctx } from '../../../platform/context';
import { dutyEvents, dutyReportAcks, dutyReports } from './schema';
import { loadBatch, presentEventSummary, presentReport } from './present';
import { inboxCondition } from './reports.service';
import { pgArrayLiteral } from '../../../platform/db/arrays';

const DUE_SOON_MINUTES = 120;
const ANSWERS_HOURS = 24;
const LIST_MAX = 50;

/**
 * The live duty console's first load: open events with their next deadlines, what is due within
 * two hours or late, reports from below this level has not acknowledged, and what the levels above
 * answered to this desk's reports. After that the page follows the realtime stream and reloads.
 */
export async function dutyConsole(ctx: Ctx): Promise<DutyConsole> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, ctx.actor.unitId);
  requirePermission(ctx.actor, 'duty.read', unit.path);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - ANSWERS_HOURS * 3600_000);
  const mine = unitIdWithPermission(ctx.actor, 'duty.write', dutyReports.unitId);
  const [open, inbox, acks, returned] = await Promise.all([
    ctx.db
      .select()
      .from(dutyEvents)
      .where(and(eq(dutyEvents.status, 'open'), unitIdWithPermission(ctx.actor, 'duty.read', dutyEvents.unitId)))
      .orderBy(desc(dutyEvents.receivedAt))
      .limit(LIST_MAX),
    ctx.db.select().from(dutyReports).where(and(unitIdWithPermission(ctx.actor, 'duty.read', dutyReports.unitId), inboxCondition(ctx))).orderBy(desc(dutyReports.submittedAt)).limit(LIST_MAX),
    ctx.db
      .select({ reportId: dutyReportAcks.reportId, at: dutyReportAcks.at, by: dutyReportAcks.userName, unitName: sql<string>`(select name from units where id = ${dutyReportAcks.unitId})` })
      .from(dutyReportAcks)
      .innerJoin(dutyReports, eq(dutyReports.id, dutyReportAcks.reportId))
      .where(and(gt(dutyReportAcks.at, since), mine, sql`${dutyReportAcks.unitId} <> all(${pgArrayLiteral(ctx.actor.grants.map((g) => g.unitId))}::uuid[])`))
      .orderBy(desc(dutyReportAcks.at))
      .limit(LIST_MAX),
    ctx.db.select().from(dutyReports).where(and(eq(dutyReports.state, 'returned'), gt(dutyReports.updatedAt, since), mine)).orderBy(desc(dutyReports.updatedAt)).limit(LIST_MAX),
  ]);
  const ackedIds = [...new Set(acks.map((a) => a.reportId))];
  const ackedReports = ackedIds.length ? await ctx.db.select().from(dutyReports).where(inArray(dutyReports.id, ackedIds)) : [];
  const b = await loadBatch(ctx.db, open, [...inbox, ...ackedReports, ...returned], now);
  const openEvents = open.map((e) => presentEventSummary(e, b));
  const reportById = new Map([...ackedReports, ...returned, ...inbox].map((r) => [r.id, r]));
  const answers = [
    ...acks.map((a) => ({ report: presentReport(reportById.get(a.reportId)!, ctx.actor, b), kind: 'acknowledged' as const, at: a.at.toISOString(), by: `${a.unitName} ${a.by}` })),
    ...returned.map((r) => ({ report: presentReport(r, ctx.actor, b), kind: 'returned' as const, at: r.updatedAt.toISOString(), by: '' })),
  ].sort((x, y) => y.at.localeCompare(x.at));
  return {
    unit: { id: unit.id, name: unit.name, code: unit.code, level: unit.level },
    now: now.toISOString(),
    openEvents,
    due: openEvents
      .filter((e) => e.next?.dueAt && e.next.minutesLeft !== null && e.next.minutesLeft <= DUE_SOON_MINUTES)
      .map((e) => ({ event: e, kind: e.next!.kind, dueAt: e.next!.dueAt!, minutesLeft: e.next!.minutesLeft! }))
      .sort((x, y) => x.minutesLeft - y.minutesLeft),
    unanswered: inbox.map((r) => presentReport(r, ctx.actor, b)),
    answers,
  };
}
