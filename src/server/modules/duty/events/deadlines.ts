import type { DutyDeadlinePreset, DutyEventGrade, DutyEventType } from '../../../../contracts/duty-events';
import { DUTY_EVENT_GRADES, DUTY_EVENT_TYPES } from '../../../../contracts/duty-events';
import type { Queryable } from '../../../platform/db/client';
import { idsOnPath } from '../../../platform/hierarchy/paths';
import { DEADLINE_PRESETS, DEFAULT_DEADLINE_PRESET, EVENT_GRADES, EVENT_TYPES, passUpDeadline, reportDeadlines, type ReportDeadlines } from '../rules/deadlines';
import { dutySettings, type DutyEventRow, type DutyReportRow } from './schema';

// The contracts and the pure rules name the same things; a change to one must reach the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameTypes: Same<DutyEventType, (typeof EVENT_TYPES)[number]> = true;
const sameGrades: Same<DutyEventGrade, (typeof EVENT_GRADES)[number]> = true;
void [sameTypes, sameGrades, DUTY_EVENT_TYPES, DUTY_EVENT_GRADES];

/**
 * The deadline rules a desk follows: its own choice, else the nearest unit above that chose,
 * else the national defaults. The settings table holds one row per desk that chose, so it is read
 * whole once per request and resolved here.
 */
export async function loadPresets(db: Queryable): Promise<(unitPath: string) => { preset: DutyDeadlinePreset; fromUnitId: string | null }> {
  const rows = await db.select().from(dutySettings);
  const byUnit = new Map(rows.map((r) => [r.unitId, r.preset]));
  return (unitPath) => {
    for (const id of idsOnPath(unitPath).reverse()) {
      const preset = byUnit.get(id);
      if (preset) return { preset, fromUnitId: id };
    }
    return { preset: DEFAULT_DEADLINE_PRESET, fromUnitId: null };
  };
}

/** Submitted reports count for the deadlines even if sent back later: they reached the levels above. */
const wasSubmitted = (r: DutyReportRow) => r.submittedAt !== null;

export function eventDeadlines(event: DutyEventRow, reports: DutyReportRow[], preset: DutyDeadlinePreset, now: Date): ReportDeadlines {
  return reportDeadlines({
    receivedAt: event.receivedAt,
    type: event.type,
    grade: event.initialGrade,
    regrades: event.gradeChanges.map((g) => ({ grade: g.grade, at: new Date(g.at) })),
    preset: DEADLINE_PRESETS[preset],
    submittedReports: reports.filter(wasSubmitted).map((r) => ({ kind: r.kind, submittedAt: r.submittedAt! })),
    closedAt: event.closedAt,
    now,
  });
}

/** By when each level above should acknowledge a submitted report (nearest level first). */
export function reportPassUp(event: DutyEventRow, report: DutyReportRow, levelsAbove: string[], ackAt: Map<string, Date>, preset: DutyDeadlinePreset, now: Date) {
  if (!report.submittedAt) return [];
  return passUpDeadline({
    submittedAt: report.submittedAt,
    levelsAbove: levelsAbove.length,
    type: event.type,
    grade: event.grade,
    preset: DEADLINE_PRESETS[preset],
    forwardedAt: levelsAbove.map((id) => ackAt.get(id) ?? null),
    now,
  }).map((step, i) => ({ ...step, unitId: levelsAbove[i]! }));
}

/** The units above a desk that receive its reports, nearest first (a township's: county, city). */
export const levelsAboveOf = (unitPath: string) => idsOnPath(unitPath).slice(0, -1).reverse();
